package reader

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags start and end a paragraph. The names trafilatura uses in its output tree
// ("head", "list", "item", "quote") are here as well as the HTML ones.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "blockquote": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "pre": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true, "table": true,
	"tr": true, "figure": true, "figcaption": true, "header": true, "footer": true, "hr": true,
	"address": true, "details": true, "summary": true, "center": true, "caption": true,
	"head": true, "list": true, "item": true, "quote": true, "code": true, "body": true,
}

// skipTags hold no article text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"math": true, "iframe": true, "object": true, "embed": true, "canvas": true,
	"button": true, "select": true, "textarea": true, "input": true, "title": true,
}

// chromeTags are page furniture, skipped when text is taken from a whole page rather than
// from trafilatura's extract.
var chromeTags = map[string]bool{"nav": true, "aside": true, "header": true, "footer": true, "form": true, "menu": true}

// textWriter collects paragraphs from an HTML tree.
type textWriter struct {
	paras     []string
	cur       strings.Builder
	space     bool // a space is owed before the next word
	pre       int  // depth inside <pre>
	skipChrom bool
}

// htmlText renders the text of n: block elements become paragraphs separated by "\n\n",
// <br> a newline, runs of whitespace one space (except inside <pre>). With skipChrome,
// navigation, headers, footers, asides and forms are left out.
func htmlText(n *html.Node, skipChrome bool) string {
	if n == nil {
		return ""
	}
	w := &textWriter{skipChrom: skipChrome}
	w.walk(n, 0)
	w.flush()
	return strings.Join(w.paras, "\n\n")
}

// maxDepth bounds recursion; the HTML parser already refuses deeper trees.
const maxDepth = 600

func (w *textWriter) walk(n *html.Node, depth int) {
	if depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		name := n.Data
		if skipTags[name] || (w.skipChrom && chromeTags[name]) {
			return
		}
		if n.DataAtom == atom.Br || name == "lb" {
			w.newline()
			return
		}
		if name == "td" || name == "th" {
			w.space = true
		}
		if blockTags[name] {
			w.flush()
			if name == "pre" {
				w.pre++
				defer func() { w.pre-- }()
			}
			defer w.flush()
		}
	case html.DocumentNode:
	default:
		return // comments, doctypes
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
}

// text adds the words of s to the current paragraph.
func (w *textWriter) text(s string) {
	if w.pre > 0 {
		w.cur.WriteString(s)
		return
	}
	for i, word := range strings.Fields(s) {
		if w.cur.Len() > 0 && (i > 0 || w.space || startsWithSpace(s)) && !strings.HasSuffix(w.cur.String(), "\n") {
			w.cur.WriteByte(' ')
		}
		w.space = false
		w.cur.WriteString(word)
	}
	if len(s) > 0 && isSpace(s[len(s)-1]) {
		w.space = true
	}
}

// newline ends a line inside the current paragraph.
func (w *textWriter) newline() {
	if w.cur.Len() > 0 && !strings.HasSuffix(w.cur.String(), "\n") {
		w.cur.WriteByte('\n')
	}
	w.space = false
}

// flush ends the current paragraph.
func (w *textWriter) flush() {
	p := strings.TrimSpace(w.cur.String())
	if p != "" {
		w.paras = append(w.paras, p)
	}
	w.cur.Reset()
	w.space = false
}

func startsWithSpace(s string) bool { return s != "" && isSpace(s[0]) }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
