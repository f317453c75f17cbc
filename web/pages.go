package web

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
)

// htmlPageSize is the number of articles on one page of the HTML list.
const htmlPageSize = 20

// indexView is the data of the index page: search results when Query is set, the most
// recently published articles otherwise.
type indexView struct {
	Query   string
	Error   string
	Items   []item
	Total   int
	Page    int
	First   int // the list number of the first item
	PrevURL string
	NextURL string
}

// item is one entry of the index page's list.
type item struct {
	store.Summary
	Snippet template.HTML
}

// articleView is the data of the article page.
type articleView struct {
	Query    string
	Doc      *doc.Document
	Body     []template.HTML // the body's paragraphs, quotes and event triggers marked
	Entities []entityGroup   // one per real entity, not per mention
	Counts   []string        // each casualty count in words ("at least 50")
}

// indexPage serves GET /?q=&page=.
func (s *server) indexPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := indexView{Query: strings.TrimSpace(q.Get("q")), Page: 1}
	if p := q.Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 1<<20 {
			s.errorPage(w, r, http.StatusBadRequest, fmt.Sprintf("The page number must be a whole number from 1, not %q.", p))
			return
		}
		v.Page = n
	}
	page := store.Page{Limit: htmlPageSize, Offset: (v.Page - 1) * htmlPageSize}
	v.First = page.Offset + 1

	status := http.StatusOK
	if v.Query == "" {
		page.ByPublished = true
		sums, total, err := s.store.List(r.Context(), page)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		v.Total = total
		for _, sum := range sums {
			v.Items = append(v.Items, item{Summary: sum})
		}
	} else {
		hits, total, err := s.runSearch(r, v.Query, page)
		qe, isQuery := errors.AsType[*store.QueryError](err)
		un, isUnavailable := errors.AsType[*unavailable](err)
		switch {
		case isQuery:
			status = http.StatusBadRequest
			v.Error = "Cannot search for that: " + qe.Reason + "."
		case isUnavailable:
			w.Header().Set("Retry-After", "1")
			s.errorPage(w, r, http.StatusServiceUnavailable, "Cannot search now: "+un.reason+".")
			return
		case err != nil && r.Context().Err() != nil:
			return // the reader went away
		case err != nil:
			s.serverError(w, r, err)
			return
		}
		v.Total = total
		for _, h := range hits {
			v.Items = append(v.Items, item{Summary: h.Summary, Snippet: highlight(h)})
		}
	}
	if v.Page > 1 {
		v.PrevURL = indexURL(v.Query, v.Page-1)
	}
	if page.Offset+len(v.Items) < v.Total {
		v.NextURL = indexURL(v.Query, v.Page+1)
	}
	s.render(w, r, status, s.pages.index, v)
}

// indexURL is the address of one page of the index, for a query or for recent articles.
func indexURL(query string, page int) string {
	v := url.Values{}
	if query != "" {
		v.Set("q", query)
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return "/"
	}
	return "/?" + v.Encode()
}

// articlePage serves GET /articles/{id}.
func (s *server) articlePage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	d, err := s.store.Get(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, fmt.Sprintf("There is no article %s.", id))
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d.Normalize()
	s.render(w, r, http.StatusOK, s.pages.article, articleView{Doc: d, Body: annotatedParagraphs(d),
		Entities: groupEntities(d), Counts: casualtyCounts(d)})
}
