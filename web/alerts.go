package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/tocsin-project/tocsin/alert"
	"github.com/tocsin-project/tocsin/trend"
)

// alertsResponse is the body of GET /api/alerts.
type alertsResponse struct {
	Results []alert.Alert `json:"results"`
}

// listAlerts serves GET /api/alerts?since=&until=: the alerts of the default rule
// (alert.DefaultConfig) whose weeks overlap since..until, newest first. A poller asks
// with since set to the last day it saw.
func (s *server) listAlerts(w http.ResponseWriter, r *http.Request) {
	ts, ok := storeAs[trend.Store](s, w, r, "this store computes no alerts")
	if !ok {
		return
	}
	q := r.URL.Query()
	for name, vs := range q {
		if name != "since" && name != "until" {
			writeError(w, http.StatusBadRequest, "unknown parameter "+quoteParam(name)+": alerts take since and until")
			return
		}
		if len(vs) != 1 {
			writeError(w, http.StatusBadRequest, "parameter "+quoteParam(name)+": give it once")
			return
		}
		if _, err := time.Parse(time.DateOnly, vs[0]); err != nil {
			writeError(w, http.StatusBadRequest, "parameter "+quoteParam(name)+" = "+quoteParam(vs[0])+": want a date as YYYY-MM-DD")
			return
		}
	}
	since, until := q.Get("since"), q.Get("until")
	if since != "" && until != "" && since > until {
		writeError(w, http.StatusBadRequest, "parameter \"until\" is before since")
		return
	}
	alerts, err := alert.Compute(r.Context(), ts, alert.DefaultConfig, since, until)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, alertsResponse{Results: alerts})
}

// quoteParam quotes a parameter's name or value for an error message, cut to 64 bytes.
func quoteParam(s string) string {
	if len(s) > 64 {
		s = s[:64] + "..."
	}
	return strconv.Quote(s)
}
