package web

import (
	"errors"
	"net/http"

	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/trend"
)

// trendsResponse is the body of GET /api/trends.
type trendsResponse struct {
	Results []trend.Row `json:"results"`
}

// listTrends serves GET /api/trends?source=&target=|dyad=|country=&period=&since=&until=&mentions=:
// the series of tocsin trends, one row per period.
func (s *server) listTrends(w http.ResponseWriter, r *http.Request) {
	ts, ok := s.store.(trend.Store)
	if !ok {
		writeError(w, http.StatusNotImplemented, "this store computes no trends")
		return
	}
	q, err := trend.ParseQuery(r.URL.Query())
	if fe, ok := errors.AsType[*store.FilterError](err); ok {
		writeError(w, http.StatusBadRequest, fe.Error())
		return
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	rows, err := trend.Series(r.Context(), ts, q)
	if errors.Is(err, trend.ErrTooLong) {
		writeError(w, http.StatusBadRequest, err.Error()+"; narrow since/until or use a longer period")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, trendsResponse{Results: rows})
}
