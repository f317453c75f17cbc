package reader

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/tocsin-project/tocsin/article"
)

// pageServer serves a small article at /, redirects at /hop/N, a file: redirect at
// /to-file, large bodies at /big (with a length) and /big-chunked, and a slow one at /slow.
func pageServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "Well reopens\n\nThe village well reopened on Monday after repairs.")
	})
	mux.HandleFunc("/hop/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			http.Redirect(w, r, "/", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "5000")
		w.Write([]byte(strings.Repeat("word ", 1000)))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		for range 100 {
			w.Write([]byte(strings.Repeat("word ", 10)))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// readURL runs Read on url and returns what it emitted.
func readURL(t *testing.T, url string, opts Options) collected {
	t.Helper()
	var c collected
	if err := Read(context.Background(), url, opts, c.emit); err != nil {
		t.Fatalf("Read(%s) stopped: %v", url, err)
	}
	return c
}

func TestFetchRefusesLoopbackUnlessAllowed(t *testing.T) {
	srv := pageServer(t)
	c := readURL(t, srv.URL+"/", Options{})
	if len(c.articles) != 0 || len(c.errs) != 1 {
		t.Fatalf("default options: emitted %q", c.order)
	}
	if e := c.errs[0]; e.Input != srv.URL+"/" || !strings.Contains(e.Reason, "127.0.0.1 is a loopback address") {
		t.Errorf("rejection = %+v", e)
	}

	c = readURL(t, srv.URL+"/", Options{AllowPrivate: true})
	if len(c.articles) != 1 {
		t.Fatalf("AllowPrivate: emitted %q %+v", c.order, c.errs)
	}
	if a := c.articles[0]; a.Title != "Well reopens" || a.Origin != srv.URL+"/" || a.URL != srv.URL+"/" {
		t.Errorf("article = %+v", a)
	}
}

func TestFetchRefusesOtherSchemes(t *testing.T) {
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/news.txt", "gopher://example.com/1"} {
		c := readURL(t, u, Options{AllowPrivate: true})
		if len(c.errs) != 1 || c.errs[0].Input != u || !strings.Contains(c.errs[0].Reason, "only http and https") {
			t.Errorf("%s: emitted %q %+v", u, c.order, c.errs)
		}
	}
	// A redirect to file: is refused too.
	srv := pageServer(t)
	c := readURL(t, srv.URL+"/to-file", Options{AllowPrivate: true})
	if len(c.errs) != 1 || !strings.Contains(c.errs[0].Reason, `unsupported URL scheme "file"`) {
		t.Errorf("redirect to file: emitted %q %+v", c.order, c.errs)
	}
}

func TestFetchLimits(t *testing.T) {
	srv := pageServer(t)
	opts := Options{AllowPrivate: true}
	if c := readURL(t, srv.URL+"/hop/4", opts); len(c.articles) != 1 { // 5 redirects
		t.Errorf("5 redirects: emitted %q %+v", c.order, c.errs)
	}
	if c := readURL(t, srv.URL+"/hop/5", opts); len(c.errs) != 1 || !strings.Contains(c.errs[0].Reason, "stopped after 5 redirects") {
		t.Errorf("6 redirects: emitted %q %+v", c.order, c.errs)
	}
	small := Options{AllowPrivate: true, MaxBytes: 1000}
	if c := readURL(t, srv.URL+"/big", small); len(c.errs) != 1 || !strings.Contains(c.errs[0].Reason, "response is 5000 bytes, over the 1000-byte limit") {
		t.Errorf("big body: emitted %q %+v", c.order, c.errs)
	}
	if c := readURL(t, srv.URL+"/big-chunked", small); len(c.errs) != 1 || !strings.Contains(c.errs[0].Reason, "response is over the 1000-byte limit") {
		t.Errorf("big chunked body: emitted %q %+v", c.order, c.errs)
	}
	quick := Options{AllowPrivate: true, Timeout: 100 * time.Millisecond}
	start := time.Now()
	if c := readURL(t, srv.URL+"/slow", quick); len(c.errs) != 1 || !strings.Contains(c.errs[0].Reason, "timed out") {
		t.Errorf("slow: emitted %q %+v", c.order, c.errs)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("timeout took %v", d)
	}
}

func TestFetchCancelled(t *testing.T) {
	srv := pageServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	err := Read(ctx, srv.URL+"/slow", Options{AllowPrivate: true}, func(*article.Article, error) error { return nil })
	if err != context.Canceled {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestNonPublic(t *testing.T) {
	tests := map[string]string{
		"127.0.0.1":          "loopback",
		"::1":                "loopback",
		"10.1.2.3":           "private",
		"172.16.0.1":         "private",
		"192.168.1.1":        "private",
		"fd00::1":            "private",
		"169.254.169.254":    "link-local",
		"fe80::1":            "link-local",
		"0.0.0.0":            "unspecified",
		"::":                 "unspecified",
		"224.0.0.1":          "link-local",
		"239.1.2.3":          "multicast",
		"ff02::1":            "link-local",
		"ff05::1":            "multicast",
		"100.64.0.1":         "shared (carrier-grade NAT)",
		"::ffff:10.0.0.1":    "private",
		"64:ff9b::7f00:1":    "loopback",
		"2002:a9fe:a9fe::1":  "link-local",
		"255.255.255.255":    "reserved",
		"93.184.216.34":      "",
		"2606:2800:220:1::1": "",
		"8.8.8.8":            "",
	}
	for s, want := range tests {
		if got := nonPublic(netip.MustParseAddr(s)); got != want {
			t.Errorf("nonPublic(%s) = %q, want %q", s, got, want)
		}
	}
}

func TestRefusalWording(t *testing.T) {
	for addr, want := range map[string]string{
		"0.0.0.0:80":     "0.0.0.0 is an unspecified address",
		"192.0.0.8:80":   "192.0.0.8 is an IETF protocol address",
		"127.0.0.1:80":   "127.0.0.1 is a loopback address",
		"[fe80::1]:80":   "fe80::1 is a link-local address",
		"100.64.0.1:443": "100.64.0.1 is a shared (carrier-grade NAT) address",
	} {
		err := refusePrivate("tcp", addr, nil)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("refusePrivate(%s) = %v; want %q", addr, err, want)
		}
	}
}
