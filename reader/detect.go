package reader

import (
	"bytes"
	"mime"
	"net/url"
	"path"
	"path/filepath"
	"strings"
)

// Format is the kind of content an input holds.
type Format int

// The formats Read understands. Text is the zero value: what an input is when nothing
// says otherwise.
const (
	Text  Format = iota // plain text: headline, optional standfirst, paragraphs
	HTML                // a web page
	JSONL               // JSON Lines: one article object per line
	Feed                // RSS, Atom or JSON Feed
)

// String returns the format's name.
func (f Format) String() string {
	switch f {
	case HTML:
		return "html"
	case JSONL:
		return "jsonl"
	case Feed:
		return "feed"
	}
	return "text"
}

// Detect says which format data (the whole input or its first few kilobytes) is in: by
// the extension of name first (.txt, .html/.htm, .jsonl/.ndjson/.json, .xml/.rss/.atom),
// then by sniffing the content (<?xml with <rss, <feed or <rdf; <html or <!doctype html;
// a first non-space byte '{'), and Text when nothing matches. A .json file that holds a
// JSON Feed (jsonfeed.org) is a Feed.
func Detect(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return Text
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".jsonl", ".ndjson":
		return JSONL
	case ".json":
		if f, ok := sniff(data); ok && f == Feed {
			return Feed
		}
		return JSONL
	case ".xml", ".rss", ".atom", ".rdf":
		return Feed
	}
	if f, ok := sniff(data); ok {
		return f
	}
	return Text
}

// sniff recognises a format from the start of data, or reports false.
func sniff(data []byte) (Format, bool) {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, bom), " \t\r\n\f")
	if len(data) == 0 {
		return Text, false
	}
	head := bytes.ToLower(data[:min(len(data), sniffLen)])
	switch head[0] {
	case '{':
		if bytes.Contains(head, []byte("jsonfeed.org/version")) {
			return Feed, true
		}
		return JSONL, true
	case '<':
		root := head
		// Skip the XML declaration, comments, processing instructions and the doctype.
		for len(root) > 1 && root[0] == '<' && (root[1] == '?' || root[1] == '!') {
			if bytes.HasPrefix(root, []byte("<!doctype html")) {
				return HTML, true
			}
			end := []byte(">")
			if bytes.HasPrefix(root, []byte("<!--")) {
				end = []byte("-->")
			}
			i := bytes.Index(root, end)
			if i < 0 {
				break
			}
			root = bytes.TrimLeft(root[i+len(end):], " \t\r\n\f")
		}
		for _, tag := range []string{"<rss", "<feed", "<rdf:rdf", "<rdf"} {
			if bytes.HasPrefix(root, []byte(tag)) {
				return Feed, true
			}
		}
		if bytes.HasPrefix(root, []byte("<html")) || bytes.Contains(head, []byte("<html")) ||
			bytes.Contains(head, []byte("<body")) || bytes.Contains(head, []byte("<!doctype html")) {
			return HTML, true
		}
		if bytes.HasPrefix(head, []byte("<?xml")) {
			return Feed, true // some other XML: the feed reader says why it is not a feed
		}
		return HTML, true // a fragment such as "<p>…"
	}
	return Text, false
}

// responseFormat decides the format of a fetched page: content first (servers often
// mislabel feeds as text/html or text/plain), then the Content-Type, then the URL's path.
func responseFormat(contentType, pageURL string, body []byte) Format {
	if f, ok := sniff(body); ok {
		return f
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return HTML
	case strings.HasSuffix(mt, "rss+xml") || strings.HasSuffix(mt, "atom+xml") ||
		mt == "application/feed+json" || strings.HasSuffix(mt, "/xml"):
		return Feed
	case mt == "application/x-ndjson" || mt == "application/jsonl" || mt == "application/json":
		return JSONL
	case mt == "text/plain":
		return Text
	}
	p := ""
	if u, err := url.Parse(pageURL); err == nil {
		p = path.Base(u.Path)
	}
	return Detect(p, body)
}
