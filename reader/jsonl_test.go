package reader

import (
	"bufio"
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/article"
)

// collected is what a reader emitted: articles and rejections in order.
type collected struct {
	articles []*article.Article
	errs     []*article.InputError
	order    []string // Origin or Input of each call, in order
}

func (c *collected) emit(a *article.Article, err error) error {
	if err != nil {
		var ie *article.InputError
		if !errors.As(err, &ie) {
			return err
		}
		c.errs = append(c.errs, ie)
		c.order = append(c.order, "rejected "+ie.Input)
		return nil
	}
	if a == nil {
		return errors.New("emit called with neither article nor error")
	}
	if verr := a.Validate(); verr != nil {
		return verr
	}
	c.articles = append(c.articles, a)
	c.order = append(c.order, a.Origin)
	return nil
}

func TestParseJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"title":"Dam opens","text":"The dam opened on Monday.\r\n\r\n\r\nIt cost millions.\n#Energy #Water","published":"2022-06-01 10:00:00","source":"Hill Post","language":"en-GB","author":" Ana Ruiz ","url":"https://hill.example/dam"}`,
		``,
		`{"title":"Broken", "text": "missing a brace"`,
		`{"title":"Only a title"}`,
		`{"title":"Wrong type","text":"Words.","hashtags":"notalist"}`,
		`[1,2,3]`,
		`{"text":"Nurses strike for a second day.","hashtags":["#Health","Strike","Health",""],"published":"sometime soon","extra":{"ignored":true}}`,
		`{"html":"<html><head><title>Page title</title></head><body><p>Volunteers planted four hundred trees along the canal on Saturday.</p></body></html>","title":"Trees planted"}`,
	}, "\n")
	var c collected
	if err := ParseJSONL(context.Background(), "in.jsonl", strings.NewReader(in), c.emit); err != nil {
		t.Fatal(err)
	}
	wantOrder := []string{"in.jsonl:1", "rejected in.jsonl:3", "rejected in.jsonl:4", "rejected in.jsonl:5", "rejected in.jsonl:6", "in.jsonl:7", "in.jsonl:8"}
	if !slices.Equal(c.order, wantOrder) {
		t.Fatalf("emitted %q, want %q", c.order, wantOrder)
	}
	a := c.articles[0]
	if a.Title != "Dam opens" || a.Body != "The dam opened on Monday.\n\nIt cost millions." || a.Published != "2022-06-01T10:00:00" ||
		a.Source != "Hill Post" || a.Language != "en" || a.Author != "Ana Ruiz" || a.URL != "https://hill.example/dam" ||
		!slices.Equal(a.Hashtags, []string{"Energy", "Water"}) {
		t.Errorf("line 1 read as %+v", a)
	}
	b := c.articles[1]
	if b.Title != "" || b.Published != "" || !slices.Equal(b.Hashtags, []string{"Health", "Strike"}) {
		t.Errorf("line 7 read as %+v", b)
	}
	h := c.articles[2]
	if h.Title != "Trees planted" || !strings.Contains(h.Body, "four hundred trees") || strings.Contains(h.Body, "<") {
		t.Errorf("line 8 (html) read as %+v", h)
	}
	for i, want := range []string{"invalid JSON", `no "text" or "html"`, `field "hashtags" must be an array of strings, not a JSON string`, "must be an object, not a JSON array"} {
		if !strings.Contains(c.errs[i].Reason, want) {
			t.Errorf("rejection %d = %q, want it to contain %q", i, c.errs[i].Reason, want)
		}
	}
}

func TestParseJSONLLongAndInvalidLines(t *testing.T) {
	const max = 100
	in := `{"text":"short one."}` + "\n" +
		`{"text":"` + strings.Repeat("x", 300) + `"}` + "\n" +
		"{\"text\":\"caf\xe9\"}\n" +
		`{"text":"last one."}`
	var c collected
	if err := parseJSONL(context.Background(), "in.jsonl", strings.NewReader(in), max, c.emit); err != nil {
		t.Fatal(err)
	}
	want := []string{"in.jsonl:1", "rejected in.jsonl:2", "rejected in.jsonl:3", "in.jsonl:4"}
	if !slices.Equal(c.order, want) {
		t.Fatalf("emitted %q, want %q", c.order, want)
	}
	if r := c.errs[0].Reason; !strings.Contains(r, "over the 100-byte limit") {
		t.Errorf("long line: %q", r)
	}
	if r := c.errs[1].Reason; r != "not valid UTF-8" {
		t.Errorf("invalid line: %q", r)
	}
}

func TestReadLine(t *testing.T) {
	// A tiny buffer makes lines span several ReadSlice calls.
	br := bufio.NewReaderSize(strings.NewReader("abc\r\n"+strings.Repeat("y", 50)+"\nlast"), 16)
	var got []string
	var sizes []int64
	for {
		line, size, err := readLine(br, 10)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(line))
		sizes = append(sizes, size)
	}
	if len(got) != 3 || got[0] != "abc" || got[2] != "last" || len(got[1]) > 13 || sizes[1] <= 10 || sizes[0] != 3 {
		t.Errorf("lines %q sizes %v", got, sizes)
	}
}

// errReader fails every read, as a broken disk or pipe would.
type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestParseJSONLStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := ParseJSONL(context.Background(), "in.jsonl", strings.NewReader("{\"text\":\"a.\"}\n{\"text\":\"b.\"}\n"), func(*article.Article, error) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("emit error: got %v after %d calls", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ParseJSONL(ctx, "in.jsonl", strings.NewReader("{\"text\":\"a.\"}\n"), (&collected{}).emit); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
	if err := ParseJSONL(context.Background(), "in.jsonl", errReader{}, (&collected{}).emit); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("read error: got %v", err)
	}
}
