package reader

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestParseHTMLFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseHTML("article.html", data, "")
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ field, got, want string }{
		{"title", a.Title, "Bridge reopens after flood repairs"},
		{"author", a.Author, "Mira Castellan"},
		{"published", a.Published, "2021-03-14"},
		{"url", a.URL, "https://courier.example.org/news/bridge-reopens"},
		{"source", a.Source, "The Valley Courier"},
		{"language", a.Language, "en"},
		{"origin", a.Origin, "article.html"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if !strings.HasPrefix(a.Body, "The old stone bridge over the Linden river reopened") {
		t.Errorf("body starts %q", a.Body[:min(80, len(a.Body))])
	}
	if n := strings.Count(a.Body, "\n\n"); n != 3 {
		t.Errorf("body has %d paragraph breaks, want 3:\n%s", n, a.Body)
	}
	for _, junk := range []string{"Home", "Privacy", "Copyright", "<p>"} {
		if strings.Contains(a.Body, junk) {
			t.Errorf("body holds page furniture %q:\n%s", junk, a.Body)
		}
	}
}

func TestParseHTMLPageURLAndFallback(t *testing.T) {
	// Too little text for trafilatura's extractor: the visible text is used instead.
	page := `<html><head><title>Short note</title></head><body><nav>Menu Links</nav><div>Road closed<br>until Friday.</div></body></html>`
	a, err := ParseHTML("note", []byte(page), "https://news.example/note")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Short note" || a.URL != "https://news.example/note" || a.Body != "Road closed\nuntil Friday." {
		t.Errorf("got %+v", a)
	}
}

func TestParseHTMLCharset(t *testing.T) {
	// "Café" in windows-1252, declared in a <meta>.
	page := "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 reopens</title></head><body><p>The caf\xe9 on the square reopened on Monday after a fire in the kitchen closed it for a month.</p></body></html>"
	a, err := ParseHTML("cafe.html", []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Café reopens" || !strings.Contains(a.Body, "The café on the square") {
		t.Errorf("got %+v", a)
	}
	// The same bytes with nothing declared are rejected, not guessed at.
	undeclared := strings.Replace(page, `<meta charset="windows-1252">`, "", 1)
	a, err = ParseHTML("cafe.html", []byte(undeclared), "")
	if ie := wantInputError(t, a, err, "cafe.html"); ie.Reason != "not valid UTF-8" {
		t.Errorf("reason = %q", ie.Reason)
	}
}

func TestParseHTMLRejects(t *testing.T) {
	tests := []struct{ name, in, reason string }{
		{"no text", `<html><head><title>Only a title</title></head><body><script>var x = 1;</script><nav>Home</nav></body></html>`, "no article text found in HTML"},
		{"empty", "  ", "empty file"},
		{"binary", "<html>\x00\x00\x00</html>", "binary content"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseHTML("page.html", []byte(tt.in), "")
			if ie := wantInputError(t, a, err, "page.html"); !strings.Contains(ie.Reason, tt.reason) {
				t.Errorf("reason = %q, want %q", ie.Reason, tt.reason)
			}
		})
	}
}

func TestHTMLText(t *testing.T) {
	got := fragmentText(`<h2>Heading</h2><p>One <b>bold</b>word and <i>two</i> words.</p><ul><li>first</li><li>second</li></ul><pre>keep   this
  layout</pre><p>a&amp;b<br/>next line</p><script>no()</script>`)
	want := "Heading\n\nOne boldword and two words.\n\nfirst\n\nsecond\n\nkeep   this\n  layout\n\na&b\nnext line"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestParseHTMLMinified(t *testing.T) {
	// The fixture without a single newline: paragraphs must still come out apart.
	data, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseHTML("min.html", []byte(strings.ReplaceAll(string(data), "\n", "")), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "Harwick in two.\n\nEngineers from") {
		t.Errorf("paragraphs run together:\n%s", a.Body)
	}
}

func TestParseHTMLJSONLD(t *testing.T) {
	// A page that draws its text with a script: the JSON-LD articleBody is the text.
	page := `<html><head><title>Council meets</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Council meets","articleBody":"The council met on Tuesday to discuss the budget.\n\nNo vote was taken."}]}</script></head><body><div id="app">Loading</div></body></html>`
	a, err := ParseHTML("app.html", []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Body != "The council met on Tuesday to discuss the budget.\n\nNo vote was taken." {
		t.Errorf("body = %q", a.Body)
	}
}

func TestBreakTextRuns(t *testing.T) {
	// The comments added to keep parsing linear must not change a page's text.
	pages := []string{
		"<p>a<td>b</td>c<b>d</b>e</p>",
		"<title>T<b></title><script>var s = '<b>';</script><style>p{}</style><textarea>x<b>y</textarea><pre>\nkeep</pre>",
		"<table><tr><td>1</td>text<td>2</td></tr></table><svg><style>q</style></svg>",
		"<p>unclosed <",
	}
	for _, p := range pages {
		plain, err := html.Parse(strings.NewReader(p))
		if err != nil {
			t.Fatal(err)
		}
		broken, err := parseDocument([]byte(p))
		if err != nil {
			t.Fatal(err)
		}
		if a, b := textOf(plain), textOf(broken); a != b {
			t.Errorf("%q: text %q, with comments %q", p, a, b)
		}
	}
	// Many stray tags: one text node each, not one node grown by concatenation.
	doc, err := parseDocument([]byte(strings.Repeat("<td>word ", 1000)))
	if err != nil {
		t.Fatal(err)
	}
	body := findElement(doc, "body")
	if n := countTextNodes(body); n < 1000 {
		t.Errorf("%d text nodes, want 1000", n)
	}
}

func countTextNodes(n *html.Node) int {
	c := 0
	if n.Type == html.TextNode {
		c++
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c += countTextNodes(k)
	}
	return c
}

func BenchmarkParseHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/article.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseHTML("article.html", data, ""); err != nil {
			b.Fatal(err)
		}
	}
}
