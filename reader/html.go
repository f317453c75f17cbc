package reader

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"github.com/tocsin-project/tocsin/article"
)

// ParseHTML reads one web page: go-trafilatura finds the main content (paragraphs kept
// apart by "\n\n") and the metadata — title, author, date, canonical URL, and the site name
// as Source. When trafilatura finds no content, the page's visible text outside navigation,
// headers, footers and asides is used; when there is none, the page is rejected. pageURL,
// when not empty, is where the page came from; it resolves relative links and is the URL
// when the page declares no canonical one. Language is what the page declares (<html
// lang>), not a guess. A page that declares a charset other than UTF-8 is decoded from it.
func ParseHTML(name string, data []byte, pageURL string) (*article.Article, error) {
	return parseHTML(name, data, pageURL, "", article.MaxBytes)
}

// parseHTML is ParseHTML with the Content-Type the page was served with (which may name
// its charset) and a size limit.
func parseHTML(name string, data []byte, pageURL, contentType string, max int64) (a *article.Article, err error) {
	if n := int64(len(data)); n > max {
		return nil, article.Reject(name, "%s", sizeReason("input", n, max))
	}
	data, err = decodeHTML(data, contentType)
	if err != nil {
		return nil, article.Reject(name, "%v", err)
	}
	if p := textProblem(data); p != "" {
		return nil, article.Reject(name, "%s", p)
	}
	doc, err := parseDocument(data)
	if err != nil {
		return nil, article.Reject(name, "invalid HTML: %v", err)
	}
	a = &article.Article{Origin: name, URL: pageURL, Language: declaredLang(doc)}
	spaceBlocks(doc)
	extract(a, doc, pageURL)
	if a.Title == "" {
		a.Title = collapse(textOf(findElement(doc, "title")))
	}
	a.Body = dropLeadingTitle(a.Body, a.Title)
	if strings.TrimSpace(a.Body) == "" {
		return nil, article.Reject(name, "no article text found in HTML")
	}
	return finish(a)
}

// maxExtractorParagraphs bounds the pages given to trafilatura: its content extractor
// joins the text of every <p> by repeated string concatenation, which is quadratic (a
// 4 MiB page of short paragraphs takes some 20 s). A news article has far fewer; a page
// with more is read with pageText alone, and without trafilatura's metadata.
const maxExtractorParagraphs = 3000

// countElements counts the elements named tag in n's tree, stopping at limit.
func countElements(n *html.Node, tag string, limit int) int {
	count := 0
	eachElement(n, func(e *html.Node) bool {
		if e.Data == tag {
			count++
		}
		return count < limit
	})
	return count
}

// extract fills a from trafilatura's reading of doc. When trafilatura finds no content, or
// panics on an odd page, the body comes from the page's own text (see chooseBody).
func extract(a *article.Article, doc *html.Node, pageURL string) {
	opts := trafilatura.Options{ExcludeComments: true}
	if u, err := url.Parse(pageURL); err == nil && u.IsAbs() && (u.Scheme == "http" || u.Scheme == "https") {
		opts.OriginalURL = u
	}
	var res *trafilatura.ExtractResult
	if countElements(doc, "p", maxExtractorParagraphs+1) <= maxExtractorParagraphs {
		res = extractSafely(doc, opts)
	}
	if res == nil {
		a.Body = chooseBody(nil, doc)
		return
	}
	m := res.Metadata
	a.Title = collapse(m.Title)
	a.Author = collapse(m.Author)
	a.Published = formatTime(m.Date)
	if m.URL != "" {
		a.URL = m.URL
	}
	a.Source = collapse(m.Sitename)
	a.Body = chooseBody(res, doc)
}

// extractSafely runs trafilatura, returning nil when it finds nothing or panics.
func extractSafely(doc *html.Node, opts trafilatura.Options) (res *trafilatura.ExtractResult) {
	defer func() {
		if recover() != nil {
			res = nil
		}
	}()
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return nil
	}
	return res
}

// minExtracted is trafilatura's default MinExtractedSize: when its extractor finds fewer
// characters than this, it replaces the result with a "baseline" that flattens the page's
// text into one paragraph, sometimes with the <head> and navigation in it.
const minExtracted = 250

// chooseBody picks the article text: trafilatura's extract when its extractor found the
// content; otherwise the page's own text outside navigation and other furniture, taken
// from <article>, <main> or <body>, or the JSON-LD articleBody when that is longer (pages
// that draw their text with scripts). A one-paragraph extract that is the same words as that
// page text is replaced by it, to keep the paragraph breaks.
func chooseBody(res *trafilatura.ExtractResult, doc *html.Node) string {
	if res == nil || res.ContentNode == nil || utf8.RuneCountInString(res.ContentText) < minExtracted {
		own := pageText(doc)
		if ld := jsonLDBody(doc); len(ld) > len(own) {
			return ld
		}
		return own
	}
	body := htmlText(res.ContentNode, false)
	if !strings.Contains(body, "\n\n") {
		if own := pageText(doc); strings.Join(strings.Fields(own), "") == strings.Join(strings.Fields(body), "") {
			return own
		}
	}
	return body
}

// pageText is the text of the page's <article>, <main> or <body>, in that order of
// preference, without navigation, headers, footers, asides and forms.
func pageText(doc *html.Node) string {
	for _, tag := range []string{"article", "main", "body"} {
		if n := findElement(doc, tag); n != nil {
			if t := htmlText(n, true); t != "" {
				return t
			}
		}
	}
	return ""
}

// spaceBlocks puts a newline text node before and after every block element and <br>, so
// that extractors that take an element's raw text content never run the last word of one
// paragraph into the first of the next. The tree's meaning is unchanged: HTML ignores
// whitespace between blocks.
func spaceBlocks(doc *html.Node) {
	var blocks []*html.Node
	eachElement(doc, func(n *html.Node) bool {
		if n.Parent != nil && n.Parent.Type == html.ElementNode && n.Data != "head" && (blockTags[n.Data] || n.Data == "br") {
			blocks = append(blocks, n)
		}
		return true
	})
	for _, n := range blocks {
		n.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: "\n"}, n)
		n.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: "\n"}, n.NextSibling)
	}
}

// decodeHTML converts a page that is not valid UTF-8 but declares another charset (in
// contentType, a BOM or a <meta> tag) to UTF-8. Valid UTF-8 is kept as it is, whatever it
// declares (mislabelled pages are common), and pages that declare nothing are left alone so
// that invalid UTF-8 is reported rather than guessed at.
func decodeHTML(data []byte, contentType string) ([]byte, error) {
	if bytes.HasPrefix(data, bom) {
		return data[len(bom):], nil
	}
	if utf8.Valid(data) {
		return data, nil
	}
	enc, label, certain := charset.DetermineEncoding(data, contentType)
	if enc == nil || label == "utf-8" {
		return data, nil
	}
	// DetermineEncoding falls back to windows-1252 when nothing is declared.
	head := bytes.ToLower(data[:min(len(data), 1024)])
	if !certain && label == "windows-1252" && !bytes.Contains(head, []byte("charset")) {
		return data, nil
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return nil, fmt.Errorf("cannot decode the page from %s: %v", label, err)
	}
	return out, nil
}

// declaredLang returns the ISO 639-1 code of <html lang> (or xml:lang, or a
// Content-Language <meta>), or "".
func declaredLang(doc *html.Node) string {
	if h := findElement(doc, "html"); h != nil {
		for _, at := range h.Attr {
			if at.Key == "lang" || at.Key == "xml:lang" {
				if l := normLang(at.Val); l != "" {
					return l
				}
			}
		}
	}
	var lang string
	eachElement(doc, func(n *html.Node) bool {
		if n.Data != "meta" || !strings.EqualFold(attr(n, "http-equiv"), "content-language") {
			return true
		}
		lang = normLang(attr(n, "content"))
		return false
	})
	return lang
}

// dropLeadingTitle removes a first paragraph that repeats the headline.
func dropLeadingTitle(body, title string) string {
	if title == "" {
		return body
	}
	first, rest, _ := strings.Cut(body, "\n\n")
	if strings.EqualFold(collapse(first), collapse(title)) {
		return rest
	}
	return body
}

// collapse trims s and reduces its runs of whitespace to single spaces.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// findElement returns the first element named tag in n's tree, or nil.
func findElement(n *html.Node, tag string) *html.Node {
	var found *html.Node
	eachElement(n, func(e *html.Node) bool {
		if e.Data == tag {
			found = e
			return false
		}
		return true
	})
	return found
}

// eachElement calls f on each element of n's tree in document order until f returns false.
func eachElement(n *html.Node, f func(*html.Node) bool) bool {
	if n == nil {
		return true
	}
	if n.Type == html.ElementNode && !f(n) {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !eachElement(c, f) {
			return false
		}
	}
	return true
}

// textOf returns the concatenated text nodes under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	return b.String()
}

// attr returns n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// jsonLDBody returns the longest "articleBody" in the page's JSON-LD scripts, as body text.
func jsonLDBody(doc *html.Node) string {
	var best string
	eachElement(doc, func(n *html.Node) bool {
		if n.Data != "script" || !strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
			return true
		}
		var v any
		if json.Unmarshal([]byte(textOf(n)), &v) != nil {
			return true
		}
		if b := findArticleBody(v, 0); len(b) > len(best) {
			best = b
		}
		return true
	})
	if strings.Contains(best, "<") {
		best = fragmentText(best)
	}
	body, _ := normalizeBody(best)
	return body
}

// findArticleBody looks for an "articleBody" string in a decoded JSON-LD value.
func findArticleBody(v any, depth int) string {
	if depth > 20 {
		return ""
	}
	switch v := v.(type) {
	case map[string]any:
		if s, ok := v["articleBody"].(string); ok && strings.TrimSpace(s) != "" {
			return s
		}
		for _, x := range v {
			if s := findArticleBody(x, depth+1); s != "" {
				return s
			}
		}
	case []any:
		for _, x := range v {
			if s := findArticleBody(x, depth+1); s != "" {
				return s
			}
		}
	}
	return ""
}
