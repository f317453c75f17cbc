package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/tocsin-project/tocsin/store"
)

// Page sizes of the JSON API.
const (
	defaultLimit = 20
	maxLimit     = 200
)

// listResponse is the body of GET /api/articles.
type listResponse struct {
	Results []store.Summary `json:"results"`
	Total   int             `json:"total"`
	Limit   int             `json:"limit"`
	Offset  int             `json:"offset"`
}

// searchResponse is the body of GET /api/search.
type searchResponse struct {
	Results []store.Hit `json:"results"`
	Total   int         `json:"total"`
	Limit   int         `json:"limit"`
	Offset  int         `json:"offset"`
}

// listArticles serves GET /api/articles?limit=&offset=: summaries, newest first.
func (s *server) listArticles(w http.ResponseWriter, r *http.Request) {
	page, err := parsePage(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	sums, total, err := s.store.List(r.Context(), page)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if sums == nil {
		sums = []store.Summary{}
	}
	writeJSON(w, http.StatusOK, listResponse{Results: sums, Total: total, Limit: page.Limit, Offset: page.Offset})
}

// getArticle serves GET /api/articles/{id}: the document with every layer but tokens.
func (s *server) getArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	d, err := s.store.Get(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("article %s not found", id))
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d.Tokens = nil
	d.Normalize()
	writeJSON(w, http.StatusOK, d)
}

// search serves GET /api/search?q=&limit=&offset=: full-text hits, best first.
func (s *server) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	query := strings.TrimSpace(q.Get("q"))
	if query == "" {
		writeError(w, http.StatusBadRequest, `missing search query: give it as ?q=words`)
		return
	}
	page, err := parsePage(q)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	hits, total, err := s.runSearch(r, query, page)
	if s.searchFailed(w, r, err) {
		return
	}
	if hits == nil {
		hits = []store.Hit{}
	}
	writeJSON(w, http.StatusOK, searchResponse{Results: hits, Total: total, Limit: page.Limit, Offset: page.Offset})
}

// parsePage reads the limit and offset parameters of q. A missing limit means
// defaultLimit; anything that is not a whole number in range, a limit over maxLimit
// included, is an error naming the parameter and its range.
func parsePage(q url.Values) (store.Page, error) {
	p := store.Page{Limit: defaultLimit}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			return p, fmt.Errorf("limit must be a whole number from 1 to %d, got %q", maxLimit, v)
		}
		p.Limit = n
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return p, fmt.Errorf("offset must be a whole number, 0 or more, got %q", v)
		}
		p.Offset = n
	}
	return p, nil
}
