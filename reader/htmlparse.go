package reader

import (
	"bytes"
	"io"

	"golang.org/x/net/html"
)

// parseDocument parses an HTML page. It first puts an empty comment between each tag and
// the text after it: x/net/html appends the text around tags it ignores (a stray <td>,
// say) to one text node by string concatenation, which is quadratic — a few megabytes of
// such tags take many seconds. With a comment in between, each run of text gets its own
// node. Comments carry no text, so what the page says is unchanged.
func parseDocument(data []byte) (*html.Node, error) {
	return html.Parse(bytes.NewReader(breakTextRuns(data)))
}

// keepAfterStart are the tags after whose start tag no comment goes: those holding text
// that the tokenizer does not read as markup (a comment would become part of that text),
// and <pre> and <listing>, whose first newline the parser drops only when it comes right
// after the tag.
var keepAfterStart = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true, "iframe": true,
	"noembed": true, "noframes": true, "noscript": true, "plaintext": true, "pre": true, "listing": true,
}

// breakTextRuns returns data with "<!---->" between every tag and the text that follows
// it, or data itself when the tokenizer does not account for every byte.
func breakTextRuns(data []byte) []byte {
	z := html.NewTokenizer(bytes.NewReader(data))
	var out bytes.Buffer
	out.Grow(len(data) + len(data)/16)
	seen, afterTag := 0, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF || seen != len(data) {
				return data
			}
			return out.Bytes()
		}
		raw := z.Raw()
		seen += len(raw)
		if tt == html.TextToken && afterTag {
			out.WriteString("<!---->")
		}
		out.Write(raw)
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			afterTag = !keepAfterStart[string(name)]
		case html.EndTagToken, html.SelfClosingTagToken:
			afterTag = true
		default:
			afterTag = false
		}
	}
}
