package reader

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestParseFeedRSS(t *testing.T) {
	data, err := os.ReadFile("testdata/feed.rss")
	if err != nil {
		t.Fatal(err)
	}
	var c collected
	if err := ParseFeed(context.Background(), "feed.rss", data, Options{}, c.emit); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"https://gazette.example.net/2022/ferry-suspended",
		"https://gazette.example.net/2022/record-catch",
		"rejected https://gazette.example.net/2022/empty",
	}
	if !slices.Equal(c.order, want) {
		t.Fatalf("emitted %q, want %q", c.order, want)
	}
	a := c.articles[0]
	if a.Title != "Ferry service suspended as storm nears" || a.Source != "Harbour Town Gazette" ||
		a.Published != "2022-02-08T07:15:00Z" || a.Author != "Ines Okafor" || a.Language != "en" ||
		a.URL != "https://gazette.example.net/2022/ferry-suspended" ||
		a.Body != "The island ferry will not sail on Tuesday and Wednesday.\n\nHarbour officials expect waves of up to six metres." {
		t.Errorf("item 1 = %+v", a)
	}
	b := c.articles[1]
	if b.Title != "Fishing fleet returns & lands record catch" || strings.Contains(b.Body, "Plain description") ||
		b.Body != "Twelve boats came back to port on Monday evening.\n\nTheir crews said the cold water had pushed shoals closer to shore." {
		t.Errorf("item 2 = %+v", b)
	}
	if r := c.errs[0].Reason; r != "feed item has no title and no text" {
		t.Errorf("empty item: %q", r)
	}
}

func TestParseFeedAtom(t *testing.T) {
	data, err := os.ReadFile("testdata/feed.atom")
	if err != nil {
		t.Fatal(err)
	}
	var c collected
	if err := ParseFeed(context.Background(), "feed.atom", data, Options{}, c.emit); err != nil {
		t.Fatal(err)
	}
	if want := []string{"https://obs.example.com/alerts/level-four", "feed.atom#2"}; !slices.Equal(c.order, want) {
		t.Fatalf("emitted %q, want %q", c.order, want)
	}
	a := c.articles[0]
	if a.Title != "Avalanche warning raised to level four" || a.Author != "Lucie Berthaud" || a.Language != "en" ||
		a.Source != "Observatoire des Montagnes" || a.Published != "2023-05-02T08:45:00Z" ||
		a.Body != "Heavy snow overnight has loaded the northern slopes.\n\nHikers are asked to stay on marked trails." {
		t.Errorf("entry 1 = %+v", a)
	}
	if b := c.articles[1]; b.Body != "Snowploughs cleared the road during the night." || b.Published != "2023-05-01T08:00:00Z" || b.URL != "" {
		t.Errorf("entry 2 = %+v", b)
	}
}

func TestParseFeedBroken(t *testing.T) {
	for _, in := range []string{
		`<?xml version="1.0"?><rss version="2.0"><channel><title>Cut off`,
		`<?xml version="1.0"?><catalog><book>not a feed</book></catalog>`,
		"",
		"<rss>\x00\x00</rss>",
	} {
		var c collected
		if err := ParseFeed(context.Background(), "bad.xml", []byte(in), Options{}, c.emit); err != nil {
			t.Fatal(err)
		}
		if len(c.articles) != 0 || len(c.errs) != 1 || c.errs[0].Input != "bad.xml" {
			t.Errorf("%q: got %d articles, rejections %+v", in, len(c.articles), c.errs)
		}
	}
}

func TestParseFeedFetchLinks(t *testing.T) {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/gone", http.NotFound)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	feed := fmt.Sprintf(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>%[1]s/</link>
<item><title>Bridge story</title><link>/story</link><description>Short teaser.</description></item>
<item><title>Dead link</title><link>%[1]s/gone</link><description>Teaser.</description></item>
</channel></rss>`, srv.URL)

	var c collected
	if err := ParseFeed(context.Background(), "wire.xml", []byte(feed), Options{FetchLinks: true, AllowPrivate: true}, c.emit); err != nil {
		t.Fatal(err)
	}
	// The relative link /story is resolved against the feed's site link.
	if want := []string{srv.URL + "/story", "rejected " + srv.URL + "/gone"}; !slices.Equal(c.order, want) {
		t.Fatalf("emitted %q, want %q", c.order, want)
	}
	a := c.articles[0]
	if a.Title != "Bridge story" || a.Source != "Wire" || a.Author != "Mira Castellan" ||
		!strings.HasPrefix(a.Body, "The old stone bridge") || a.URL != "https://courier.example.org/news/bridge-reopens" {
		t.Errorf("fetched item = %+v", a)
	}
	if e := c.errs[0]; e.Input != srv.URL+"/gone" || !strings.Contains(e.Reason, "404") {
		t.Errorf("dead link: %+v", e)
	}

	// Without AllowPrivate, the test server's loopback address is refused.
	c = collected{}
	if err := ParseFeed(context.Background(), "wire.xml", []byte(feed), Options{FetchLinks: true}, c.emit); err != nil {
		t.Fatal(err)
	}
	if len(c.errs) != 2 || !strings.Contains(c.errs[0].Reason, "loopback") {
		t.Errorf("want both items refused as loopback, got %q %+v", c.order, c.errs)
	}
}
