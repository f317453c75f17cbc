package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/tocsin-project/tocsin/store"
)

// eventsResponse is the body of GET /api/events.
type eventsResponse struct {
	Results []store.EventRow `json:"results"`
	Total   int              `json:"total"`
	Limit   int              `json:"limit"`
	Offset  int              `json:"offset"`
}

// eventFilter reads the event filters of q. A parameter that is neither a filter nor
// one of extra, or a bad filter value, is an error naming it.
func eventFilter(q url.Values, extra ...string) (store.EventFilter, error) {
	if err := knownParams(q, "event", store.FilterNames, extra); err != nil {
		return store.EventFilter{}, err
	}
	return store.ParseEventFilter(q)
}

// knownParams reports a parameter of q that is neither one of the filter names nor one
// of extra, naming it and the filters of that kind.
func knownParams(q url.Values, kind string, names, extra []string) error {
	for name := range q {
		if !slices.Contains(names, name) && !slices.Contains(extra, name) {
			return fmt.Errorf("unknown parameter %q: the %s filters are %s", name, kind, strings.Join(names, ", "))
		}
	}
	return nil
}

// storeAs returns the server's store as the dataset T (event rows, stories), or answers
// 501 with msg when the store keeps none.
func storeAs[T any](s *server, w http.ResponseWriter, r *http.Request, msg string) (T, bool) {
	ds, ok := s.store.(T)
	if !ok {
		if isAPI(r) {
			writeError(w, http.StatusNotImplemented, msg)
		} else {
			s.errorPage(w, r, http.StatusNotImplemented, msg)
		}
	}
	return ds, ok
}

// eventStore returns the store's event dataset, or answers 501 when the store has none.
func (s *server) eventStore(w http.ResponseWriter, r *http.Request) (store.EventStore, bool) {
	return storeAs[store.EventStore](s, w, r, "this store keeps no event rows")
}

// listEvents serves GET /api/events?filters&limit=&offset=: the events that match the
// filters (those of tocsin events), in row-ID order.
func (s *server) listEvents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := eventFilter(q, "limit", "offset")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	page, err := parsePage(q)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	es, ok := s.eventStore(w, r)
	if !ok {
		return
	}
	rows, total, err := es.Events(r.Context(), f, page)
	if fe, ok := errors.AsType[*store.FilterError](err); ok {
		writeError(w, http.StatusBadRequest, fe.Error())
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, eventsResponse{Results: rows, Total: total, Limit: page.Limit, Offset: page.Offset})
}

// eventsPageSize is the number of events on one page of the HTML table.
const eventsPageSize = 50

// eventsView is the data of the events page.
type eventsView struct {
	Query   string // the header's search box: empty here
	Filter  url.Values
	Error   string
	Rows    []eventRowView
	Total   int
	Page    int
	First   int
	Last    int
	APIURL  string // the same filters in the JSON API
	PrevURL string
	NextURL string
	// The choices of the form's menus.
	Roots, Quads, Modalities []string
}

// eventRowView is one row of the events table.
type eventRowView struct {
	store.EventRow
	Link string // the event's sentence in its article page
}

// eventsPage serves GET /events?filters&page=: a filterable table of events, each row
// linking to its sentence in its article.
func (s *server) eventsPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for name, vals := range q { // an empty form field is no filter
		vals = slices.DeleteFunc(vals, func(v string) bool { return strings.TrimSpace(v) == "" })
		if len(vals) == 0 {
			delete(q, name)
		} else {
			q[name] = vals
		}
	}
	v := eventsView{Filter: q, Page: 1, Quads: []string{"1", "2", "3", "4"}, Modalities: store.Modalities}
	for i := 1; i <= 20; i++ {
		v.Roots = append(v.Roots, fmt.Sprintf("%02d", i))
	}
	if p := q.Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 1<<20 {
			s.render(w, r, http.StatusBadRequest, s.pages.events, withError(v, fmt.Sprintf("The page number must be a whole number from 1, not %q.", p)))
			return
		}
		v.Page = n
	}
	f, err := eventFilter(q, "page")
	if err != nil {
		s.render(w, r, http.StatusBadRequest, s.pages.events, withError(v, err.Error()))
		return
	}
	es, ok := s.eventStore(w, r)
	if !ok {
		return
	}
	page := store.Page{Limit: eventsPageSize, Offset: (v.Page - 1) * eventsPageSize}
	rows, total, err := es.Events(r.Context(), f, page)
	if fe, ok := errors.AsType[*store.FilterError](err); ok {
		s.render(w, r, http.StatusBadRequest, s.pages.events, withError(v, fe.Error()))
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v.Total, v.First, v.Last = total, page.Offset+1, page.Offset+len(rows)
	api := url.Values{}
	for k, vals := range q {
		if k != "page" {
			api[k] = vals
		}
	}
	v.APIURL = "/api/events?" + api.Encode()
	for _, row := range rows {
		v.Rows = append(v.Rows, eventRowView{EventRow: row, Link: sentenceLink(&row)})
	}
	pageURL := func(n int) string {
		u := url.Values{}
		for k, vals := range q {
			u[k] = vals
		}
		u.Set("page", strconv.Itoa(n))
		return "/events?" + u.Encode()
	}
	if v.Page > 1 {
		v.PrevURL = pageURL(v.Page - 1)
	}
	if page.Offset+len(rows) < total {
		v.NextURL = pageURL(v.Page + 1)
	}
	s.render(w, r, http.StatusOK, s.pages.events, v)
}

func withError(v eventsView, msg string) eventsView {
	v.Error = msg
	return v
}

// sentenceLink is the address of r's sentence in its article page: the page with a
// text fragment (#:~:text=start,end) that browsers scroll to and highlight.
func sentenceLink(r *store.EventRow) string {
	u := "/articles/" + url.PathEscape(r.ArticleID)
	words := strings.Fields(r.SentenceText)
	if len(words) == 0 {
		return u
	}
	const edge = 6 // words matched at each end of a long sentence
	if len(words) <= 2*edge {
		return u + "#:~:text=" + fragment(strings.Join(words, " "))
	}
	return u + "#:~:text=" + fragment(strings.Join(words[:edge], " ")) + "," + fragment(strings.Join(words[len(words)-edge:], " "))
}

// fragment percent-encodes s for a text fragment, where '-', ',' and '&' have meanings.
func fragment(s string) string {
	e := url.PathEscape(s)
	return strings.NewReplacer("-", "%2D", ",", "%2C", "&", "%26").Replace(e)
}
