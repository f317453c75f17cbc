package web

import (
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/alert"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/story"
	"github.com/tocsin-project/tocsin/trend"
)

// trendsResponse is the body of GET /api/trends.
type trendsResponse struct {
	Results []trend.Row `json:"results"`
}

// listTrends serves GET /api/trends?source=&target=|dyad=|country=&period=&since=&until=&mentions=:
// the series of tocsin trends, one row per period.
func (s *server) listTrends(w http.ResponseWriter, r *http.Request) {
	ts, ok := storeAs[trend.Store](s, w, r, "this store computes no trends")
	if !ok {
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

// trendPages holds the templates of the series page, the alerts page and the map.
type trendPages struct {
	series, alerts *template.Template
	worldMap       *template.Template // the map page, web/map.go
}

// mustParseTrendPages parses the embedded trends and alerts templates with the layout.
func mustParseTrendPages() *trendPages {
	css, err := templateFS.ReadFile("templates/style.css")
	if err != nil {
		panic(err)
	}
	funcs := template.FuncMap{"css": func() template.CSS { return template.CSS(css) }}
	parse := func(name string) *template.Template {
		return template.Must(template.New(name).Funcs(funcs).
			ParseFS(templateFS, "templates/layout.html", "templates/"+name))
	}
	return &trendPages{series: parse("trends.html"), alerts: parse("alerts.html"), worldMap: parse("map.html")}
}

// Chart geometry, in SVG user units.
const (
	chartW, chartH = 800, 260
	chartPad       = 24 // room for the axis labels above and below
)

// bar is one quad class's part of one period's stacked bar.
type bar struct {
	X, Y, W, H float64
	Class      string // q1..q4
	Title      string
}

// alertBand is an alert's span on the chart.
type alertBand struct {
	X, W  float64
	Title string
}

// seriesChart is the SVG of a series: stacked quad-class bars on the left axis (stories),
// the Goldstein mean as a line on the right axis (-10 to +10), alerts as bands.
type seriesChart struct {
	W, H, Top, Bottom, Mid float64
	Max                    int
	Bars                   []bar
	Line                   string // polyline points of the Goldstein mean, periods with events
	Marks                  []alertBand
	First, Last            string
}

// newChart lays out rows and the alerts that overlap them.
func newChart(rows []trend.Row, alerts []alert.Alert) *seriesChart {
	c := &seriesChart{W: chartW, H: chartH + 2*chartPad, Top: chartPad, Bottom: chartPad + chartH, Mid: chartPad + chartH/2}
	if len(rows) == 0 {
		return c
	}
	c.First, c.Last = rows[0].Start, rows[len(rows)-1].End
	for _, r := range rows {
		c.Max = max(c.Max, r.Events)
	}
	scale := float64(chartH) / float64(max(c.Max, 1))
	bw := float64(chartW) / float64(len(rows))
	var pts []string
	for i, r := range rows {
		x := float64(i) * bw
		y := c.Bottom
		for q := 1; q <= 4; q++ {
			n := r.Quad[strconv.Itoa(q)]
			if n == 0 {
				continue
			}
			h := float64(n) * scale
			y -= h
			c.Bars = append(c.Bars, bar{X: x + bw*0.1, Y: y, W: bw * 0.8, H: h, Class: "q" + strconv.Itoa(q),
				Title: fmt.Sprintf("%s: %d of quad class %d", r.Start, n, q)})
		}
		if r.Events > 0 {
			gy := c.Mid - r.GoldsteinMean/10*float64(chartH)/2
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x+bw/2, gy))
		}
	}
	c.Line = strings.Join(pts, " ")
	for _, a := range alerts {
		first, last := -1, -1
		for i, r := range rows {
			if r.End >= a.Start && r.Start <= a.End {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first >= 0 {
			c.Marks = append(c.Marks, alertBand{X: float64(first) * bw, W: float64(last-first+1) * bw,
				Title: fmt.Sprintf("alert %s %s..%s: %v (baseline %v, score %v)", a.Measure, a.Start, a.End, a.Value, a.Baseline, a.Score)})
		}
	}
	return c
}

// seriesAlerts are the alerts on the series q selects: the same country-level dyad
// (either direction for a dyad), actors or country.
func seriesAlerts(all []alert.Alert, q trend.Query) []alert.Alert {
	cc := func(code string) string { return code[:min(3, len(code))] }
	var out []alert.Alert
	for _, a := range all {
		ok := false
		switch {
		case q.Country != "":
			ok = a.Country == q.Country
		case q.Dyad[0] != "":
			x, y := cc(q.Dyad[0]), cc(q.Dyad[1])
			ok = a.Country == "" && ((a.Source == x && a.Target == y) || (a.Source == y && a.Target == x))
		default:
			ok = a.Country == "" && (q.Source == "" || strings.HasPrefix(a.Source, cc(q.Source))) &&
				(q.Target == "" || strings.HasPrefix(a.Target, cc(q.Target)))
		}
		if ok {
			out = append(out, a)
		}
	}
	return out
}

// periodView is one row of the series table, with the link to its stories.
type periodView struct {
	trend.Row
	StoriesURL string
}

// storiesURL is the stories page of q's series from since to until.
func storiesURL(q trend.Query, since, until string) string {
	p := url.Values{"since": {since}, "until": {until}}
	switch {
	case q.Country != "":
		p.Set("country", q.Country)
	case q.Dyad[0] != "":
		p.Set("dyad", q.Dyad[0]+"-"+q.Dyad[1])
	default:
		if q.Source != "" {
			p.Set("source", q.Source)
		}
		if q.Target != "" {
			p.Set("target", q.Target)
		}
	}
	return "/stories?" + p.Encode()
}

// trendsView is the data of the series page.
type trendsView struct {
	Query      string
	Params     url.Values
	Error      string
	Rows       []periodView
	Chart      *seriesChart
	Alerts     []alert.Alert
	APIURL     string
	TopStories []*story.Story // the period's most reported stories
	TopDyads   []dyadCount    // a country's: the dyads of its stories, most first
}

// dyadCount is one dyad of a country's stories, with its series page.
type dyadCount struct {
	Source, Target string
	Stories        int
	URL            string
}

// topStories and topDyads bound the lists of the series page.
const (
	topStories      = 10
	topStoriesPool  = 200 // the newest stories of the period that the top ten are drawn from
	topDyadsOfCount = 10
)

// seriesExtras adds to v the most reported of the newest stories of q's period and,
// for a country, the dyads of its stories (country-level actors, ordered), most first.
func (s *server) seriesExtras(r *http.Request, ts trend.Store, q trend.Query, since, until string, v *trendsView) error {
	if ss, ok := s.store.(store.StoryStore); ok {
		list, _, err := ss.Stories(r.Context(), store.StoryFilter{Source: q.Source, Target: q.Target, Dyad: q.Dyad,
			Country: q.Country, Since: since, Until: until}, store.Page{Limit: topStoriesPool})
		if err != nil {
			return err
		}
		slices.SortStableFunc(list, func(a, b *story.Story) int { return cmp.Compare(len(b.Articles), len(a.Articles)) })
		v.TopStories = list[:min(len(list), topStories)]
	}
	if q.Country == "" {
		return nil
	}
	counts := map[[2]string]int{}
	err := ts.TrendItems(r.Context(), trend.Query{Country: q.Country, Since: since, Until: until, NoCasualties: true}, func(it *trend.Item) error {
		seen := map[[2]string]bool{}
		for _, a := range it.Sources {
			for _, b := range it.Targets {
				if len(a) < 3 || len(b) < 3 || a[:3] == b[:3] {
					continue
				}
				k := [2]string{a[:3], b[:3]}
				if !seen[k] {
					seen[k] = true
					counts[k]++
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for k, n := range counts {
		v.TopDyads = append(v.TopDyads, dyadCount{Source: k[0], Target: k[1], Stories: n,
			URL: "/trends?" + url.Values{"dyad": {k[0] + "-" + k[1]}, "period": {string(q.Period)}, "since": {since}, "until": {until}}.Encode()})
	}
	slices.SortFunc(v.TopDyads, func(a, b dyadCount) int {
		return cmp.Or(cmp.Compare(b.Stories, a.Stories), strings.Compare(a.Source, b.Source), strings.Compare(a.Target, b.Target))
	})
	v.TopDyads = v.TopDyads[:min(len(v.TopDyads), topDyadsOfCount)]
	return nil
}

// trendsPage serves GET /trends?…: the form, the chart, the alerts on the series and
// the table of periods, each linking to its stories.
func (s *server) trendsPage(w http.ResponseWriter, r *http.Request) {
	ts, ok := storeAs[trend.Store](s, w, r, "this store computes no trends")
	if !ok {
		return
	}
	params := r.URL.Query()
	v := trendsView{Params: params, APIURL: "/api/trends?" + params.Encode()}
	if len(params) == 0 {
		s.render(w, r, http.StatusOK, s.trends.series, v)
		return
	}
	q, err := trend.ParseQuery(params)
	if err != nil {
		v.Error = err.Error()
		s.render(w, r, http.StatusBadRequest, s.trends.series, v)
		return
	}
	rows, err := trend.Series(r.Context(), ts, q)
	if errors.Is(err, trend.ErrTooLong) {
		v.Error = err.Error() + "; narrow since/until or use a longer period"
		s.render(w, r, http.StatusBadRequest, s.trends.series, v)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if len(rows) > 0 {
		all, err := alert.ComputeFor(r.Context(), ts, alert.DefaultConfig, q, rows[0].Start, rows[len(rows)-1].End)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		v.Alerts = seriesAlerts(all, q)
		if err := s.seriesExtras(r, ts, q, rows[0].Start, rows[len(rows)-1].End, &v); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	for _, row := range rows {
		v.Rows = append(v.Rows, periodView{Row: row, StoriesURL: storiesURL(q, row.Start, row.End)})
	}
	v.Chart = newChart(rows, v.Alerts)
	s.render(w, r, http.StatusOK, s.trends.series, v)
}

// alertView is one alert on the alerts page, with the link to its series.
type alertView struct {
	alert.Alert
	SeriesURL string
	Name      string
}

// alertsView is the data of the alerts page.
type alertsView struct {
	Query  string
	Since  string
	Until  string
	Error  string
	Alerts []alertView
}

// alertsPage serves GET /alerts?since=&until=: the alerts, newest first, each linking
// to its series page and its stories.
func (s *server) alertsPage(w http.ResponseWriter, r *http.Request) {
	ts, ok := storeAs[trend.Store](s, w, r, "this store computes no alerts")
	if !ok {
		return
	}
	q := r.URL.Query()
	v := alertsView{Since: q.Get("since"), Until: q.Get("until")}
	for _, d := range []string{v.Since, v.Until} {
		if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil {
			v.Error = fmt.Sprintf("%q is not a date as YYYY-MM-DD", d)
			s.render(w, r, http.StatusBadRequest, s.trends.alerts, v)
			return
		}
	}
	all, err := alert.Compute(r.Context(), ts, alert.DefaultConfig, v.Since, v.Until)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, a := range all {
		p := url.Values{"period": {"week"}}
		name := a.Source + " → " + a.Target
		if a.Country != "" {
			p.Set("country", a.Country)
			name = a.Country
		} else {
			p.Set("dyad", a.Source+"-"+a.Target)
		}
		v.Alerts = append(v.Alerts, alertView{Alert: a, SeriesURL: "/trends?" + p.Encode(), Name: name})
	}
	s.render(w, r, http.StatusOK, s.trends.alerts, v)
}
