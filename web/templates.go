package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
)

//go:embed templates
var templateFS embed.FS

// pages holds the parsed HTML templates and the Content-Security-Policy that allows
// their inline style sheet and nothing else: no scripts, no external assets.
type pages struct {
	index, article, error *template.Template
	events                *template.Template // the event table, web/events.go
	csp                   string
}

// mustParsePages parses the embedded templates; they are part of the binary, so a
// failure is a programming error.
func mustParsePages() *pages {
	css, err := templateFS.ReadFile("templates/style.css")
	if err != nil {
		panic(err)
	}
	sum := sha256.Sum256(css)
	funcs := template.FuncMap{
		"css":   func() template.CSS { return template.CSS(css) },
		"isWeb": isWebURL,
		// sentence is the text of d's sentence i, "" when there is none.
		"sentence": func(d *doc.Document, i int) string {
			if i < 0 || i >= len(d.Sentences) {
				return ""
			}
			return d.Sentences[i].Text
		},
		// casualty writes d's casualty count i as "killed at least 50".
		"casualty": func(d *doc.Document, i int) string {
			if i < 0 || i >= len(d.Casualties) {
				return ""
			}
			return d.Casualties[i].Brief()
		},
	}
	parse := func(name string) *template.Template {
		return template.Must(template.New(name).Funcs(funcs).
			ParseFS(templateFS, "templates/layout.html", "templates/"+name))
	}
	return &pages{
		index:   parse("index.html"),
		article: parse("article.html"),
		events:  parse("events.html"),
		error:   parse("error.html"),
		csp: "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) +
			"'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
	}
}

// render executes t's layout with data into a buffer first, so that a template error
// becomes a clean 500 rather than half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, t *template.Template, data any) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		s.log.Error("web: render page", "path", r.URL.Path, "template", t.Name(), "err", err)
		writeError(w, http.StatusInternalServerError, "internal server error; the server log has the details")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// errorView is the data of the error page.
type errorView struct {
	Query      string
	Status     int
	StatusText string
	Message    string
}

// errorPage renders the HTML error page with status and a message for the reader.
func (s *server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, s.pages.error, errorView{
		Status:     status,
		StatusText: http.StatusText(status),
		Message:    msg,
	})
}

// isWebURL reports whether u is an absolute http or https URL, the only kind the
// article page links to.
func isWebURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

// highlight HTML-escapes a search hit's snippet and wraps its highlights, byte offsets
// into the snippet, in <mark> elements. Offsets out of order or out of range are
// skipped, so a bad hit never leaves an element open.
func highlight(h store.Hit) template.HTML {
	var b strings.Builder
	at := 0
	for _, m := range h.Highlights {
		if m.Start < at || m.End <= m.Start || m.End > len(h.Snippet) {
			continue
		}
		b.WriteString(template.HTMLEscapeString(h.Snippet[at:m.Start]))
		b.WriteString("<mark>")
		b.WriteString(template.HTMLEscapeString(h.Snippet[m.Start:m.End]))
		b.WriteString("</mark>")
		at = m.End
	}
	b.WriteString(template.HTMLEscapeString(h.Snippet[at:]))
	return template.HTML(b.String())
}
