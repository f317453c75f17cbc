package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"time"

	"github.com/tocsin-project/tocsin/store"
)

// Search limits: one search may take DefaultSearchTimeout, and DefaultMaxSearches may
// run at once (the rest wait for a slot within their own time limit), so that no query
// and no crowd of queries can hold the store's connections or the processors.
const (
	DefaultSearchTimeout = 2 * time.Second
	DefaultMaxSearches   = 4
)

// unavailable is a search the server gave up: over its time limit, or with no free slot.
// It is answered 503 with a Retry-After header.
type unavailable struct{ reason string }

func (e *unavailable) Error() string { return e.reason }

// runSearch runs a search under the server's limits: at most cap(s.searches) at once,
// each within s.searchTimeout, the store's statements interrupted when the time is up
// or the client goes away. Errors are a *store.QueryError, an *unavailable, the request
// context's error when the client left, or a store failure.
func (s *server) runSearch(r *http.Request, query string, page store.Page) ([]store.Hit, int, error) {
	ctx, cancel := context.WithTimeout(r.Context(), s.searchTimeout)
	defer cancel()
	select {
	case s.searches <- struct{}{}:
		defer func() { <-s.searches }()
	case <-ctx.Done():
		if err := r.Context().Err(); err != nil {
			return nil, 0, err
		}
		return nil, 0, &unavailable{fmt.Sprintf(
			"too many searches at once (the server runs %d at a time); try again in a moment", cap(s.searches))}
	}
	hits, total, err := s.store.Search(ctx, query, page)
	if err != nil && ctx.Err() != nil {
		if cerr := r.Context().Err(); cerr != nil {
			return nil, 0, cerr
		}
		return nil, 0, &unavailable{fmt.Sprintf(
			"the search took longer than the server's limit of %s and was stopped; try more specific words", s.searchTimeout)}
	}
	return hits, total, err
}

// searchFailed answers a failed search as JSON and reports whether it did; a client
// that left gets nothing.
func (s *server) searchFailed(w http.ResponseWriter, r *http.Request, err error) bool {
	var qe *store.QueryError
	var un *unavailable
	switch {
	case err == nil:
		return false
	case errors.As(err, &qe):
		writeError(w, http.StatusBadRequest, qe.Error())
	case errors.As(err, &un):
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, un.reason)
	case r.Context().Err() != nil:
		// The client went away; there is no one to answer.
	default:
		s.serverError(w, r, err)
	}
	return true
}
