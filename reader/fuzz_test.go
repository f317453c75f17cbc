package reader

import (
	"bytes"
	"context"
	"os"
	"testing"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/article"
)

// checkArticle fails the test unless a is acceptable: it passes Validate and every field
// is valid UTF-8.
func checkArticle(t *testing.T, a *article.Article, err error) {
	t.Helper()
	if (a == nil) == (err == nil) {
		t.Fatalf("want exactly one of article and error, got %+v, %v", a, err)
	}
	if a == nil {
		if _, ok := err.(*article.InputError); !ok {
			t.Fatalf("error %v is a %T, not an *article.InputError", err, err)
		}
		return
	}
	if verr := a.Validate(); verr != nil {
		t.Fatalf("returned article fails Validate: %v\n%+v", verr, a)
	}
	for _, s := range append([]string{a.Title, a.Standfirst, a.Body, a.Published, a.Source, a.URL, a.Author, a.Language, a.Origin}, a.Hashtags...) {
		if !utf8.ValidString(s) {
			t.Fatalf("field %q is not valid UTF-8", s)
		}
	}
}

// addFile adds a testdata file to f's corpus.
func addFile(f *testing.F, name string) {
	if data, err := os.ReadFile(name); err == nil {
		f.Add(data)
	}
}

func FuzzParseText(f *testing.F) {
	addFile(f, seedPath)
	for _, s := range []string{"", "Title", "Title\n\nBody.", "T\r\nShort line\r\n\r\nA body paragraph.\r\n#a #b", "#a #b", "\uFEFF\n\nx\n#y", "By Ann Lee\n7 May 2020\n\nBody.", "\xff\xfe"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseText("fuzz.txt", data)
		checkArticle(t, a, err)
	})
}

func FuzzParseHTML(f *testing.F) {
	addFile(f, "testdata/article.html")
	for _, s := range []string{"", "<p>x</p>", "<html><body><article><p>a</p><p>b</p></article></body></html>", `<script type="application/ld+json">{"articleBody":"<p>x</p>"}</script>`, "<meta charset=latin1>\xe9", "<pre>a\n\nb</pre>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseHTML("fuzz.html", data, "https://example.com/a")
		checkArticle(t, a, err)
	})
}

func FuzzParseJSONL(f *testing.F) {
	for _, s := range []string{
		`{"title":"A","text":"Body.\n\n#x #y","published":"2020-01-07","hashtags":["#a"]}`,
		"{\"html\":\"<p>Words</p>\",\"url\":\"https://e.com/\"}\n\n{\"text\":\"b\"}\r\n[1]\n{",
		`{"text":1}`, "\uFEFF{\"text\":\"x\"}", "{\"text\":\"\\u0000\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := parseJSONL(context.Background(), "fuzz.jsonl", bytes.NewReader(data), 256, func(a *article.Article, err error) error {
			checkArticle(t, a, err)
			return nil
		})
		if err != nil {
			t.Fatalf("ParseJSONL stopped on a bytes.Reader: %v", err)
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	addFile(f, "testdata/feed.rss")
	addFile(f, "testdata/feed.atom")
	for _, s := range []string{"", "<rss><channel><item><title>x</title></item></channel></rss>", `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","content_text":"hi"}]}`, "<feed><entry><content type=\"html\">&lt;p&gt;x</content></entry></feed>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := ParseFeed(context.Background(), "fuzz.xml", data, Options{}, func(a *article.Article, err error) error {
			checkArticle(t, a, err)
			return nil
		})
		if err != nil {
			t.Fatalf("ParseFeed stopped: %v", err)
		}
	})
}
