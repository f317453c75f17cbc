package web

import (
	"cmp"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/cameo"
	"github.com/tocsin-project/tocsin/worldmap"
)

// mapShades are the least conflict-story counts of the map's shades s1, s2, …: a
// country with fewer than the first is s0. Counts of news grow by orders of magnitude,
// so the steps do too.
var mapShades = []int{1, 3, 10, 30, 100}

// maxMapPoints bounds the stories drawn as points, so that a busy month stays a page
// a browser draws at once: conflict stories first, then the most reported.
const maxMapPoints = 500

// maxMapDays bounds the period of the map page.
const maxMapDays = 366

// mapCountry is one country on the map: its outline, shade and link to its series.
type mapCountry struct {
	worldmap.Country
	Conflict, Stories int
	Shade             string // s0..s5
	URL               string // its country page (the series)
}

// mapPoint is one story drawn at its place.
type mapPoint struct {
	X, Y  float64
	ID    string
	Class string // q1..q4, or q0 without a coded event
	Title string
}

// mapLegend is one shade of the legend.
type mapLegend struct {
	Shade, Label string
}

// mapView is the data of the map page.
type mapView struct {
	Query        string
	Since, Until string
	Error        string
	W, H         float64
	Countries    template.HTML // the countries' SVG (mapLayer)
	Top          []mapCountry  // countries with conflict stories, most first
	Points       []mapPoint
	PointsSVG    template.HTML // the points' SVG (mapLayer)
	Stories      int           // stories in the period
	Placed       int           // of them with a place
	Conflict     int           // of them of quad class 3 or 4
	Legend       []mapLegend
	Prev, Next   string // the map of the month before and after since's
}

// shade is the class of a country with n conflict stories.
func shade(n int) string {
	i := 0
	for i < len(mapShades) && n >= mapShades[i] {
		i++
	}
	return "s" + strconv.Itoa(i)
}

// legend labels each shade with its range of counts.
func legend() []mapLegend {
	out := []mapLegend{{Shade: "s0", Label: "0"}}
	for i, lo := range mapShades {
		label := strconv.Itoa(lo) + "+"
		if i+1 < len(mapShades) && mapShades[i+1]-1 > lo {
			label = fmt.Sprintf("%d–%d", lo, mapShades[i+1]-1)
		} else if i+1 < len(mapShades) {
			label = strconv.Itoa(lo)
		}
		out = append(out, mapLegend{Shade: "s" + strconv.Itoa(i+1), Label: label})
	}
	return out
}

// mapPage serves GET /map?since=&until=: the world with each country shaded by its
// conflict stories (quad class 3 or 4, by the story's place) whose first event day is
// in the period, and stories with a place as points linking to them. Without since
// and until, the period is the calendar month of the latest story.
func (s *server) mapPage(w http.ResponseWriter, r *http.Request) {
	ms, ok := storeAs[worldmap.Store](s, w, r, "this store draws no map")
	if !ok {
		return
	}
	q := r.URL.Query()
	v := mapView{W: worldmap.Width, H: worldmap.Height, Legend: legend(), Since: q.Get("since"), Until: q.Get("until")}
	fail := func(msg string) {
		v.Error = msg
		s.render(w, r, http.StatusBadRequest, s.trends.worldMap, v)
	}
	if err := knownParams(q, "map", []string{"since", "until"}, nil); err != nil {
		fail(err.Error())
		return
	}
	var since, until time.Time
	for _, p := range []struct {
		name, value string
		t           *time.Time
	}{{"since", v.Since, &since}, {"until", v.Until, &until}} {
		if p.value == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, p.value)
		if err != nil {
			fail(fmt.Sprintf("%s: %q is not a date as YYYY-MM-DD", p.name, p.value))
			return
		}
		*p.t = t
	}
	switch {
	case v.Since == "" && v.Until == "":
		last, err := ms.LastStoryDay(r.Context())
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		t := time.Now().UTC()
		if d, err := time.Parse(time.DateOnly, last); err == nil {
			t = d
		}
		since = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		until = since.AddDate(0, 1, -1)
	case v.Since == "":
		since = until.AddDate(0, 0, -30)
	case v.Until == "":
		until = since.AddDate(0, 1, -1)
	}
	v.Since, v.Until = since.Format(time.DateOnly), until.Format(time.DateOnly)
	if until.Before(since) {
		fail("until " + v.Until + " is before since " + v.Since)
		return
	}
	if days := int(until.Sub(since).Hours()/24) + 1; days > maxMapDays {
		fail(fmt.Sprintf("%s to %s is %d days; the map shows at most %d", v.Since, v.Until, days, maxMapDays))
		return
	}
	month := time.Date(since.Year(), since.Month(), 1, 0, 0, 0, 0, time.UTC)
	monthURL := func(m time.Time) string {
		return "/map?" + url.Values{"since": {m.Format(time.DateOnly)}, "until": {m.AddDate(0, 1, -1).Format(time.DateOnly)}}.Encode()
	}
	v.Prev, v.Next = monthURL(month.AddDate(0, -1, 0)), monthURL(month.AddDate(0, 1, 0))

	conflict, stories := map[string]int{}, map[string]int{}
	type placed struct {
		id, label, day string
		quad, articles int
		lat, lon       float64
	}
	var pts []placed
	err := ms.MapStories(r.Context(), v.Since, v.Until, func(st *worldmap.Story) error {
		v.Stories++
		quad := 0
		if in, ok := cameo.Lookup(st.Code); ok {
			quad = in.QuadClass
		}
		if st.Country != "" {
			stories[st.Country]++
		}
		if quad >= 3 {
			v.Conflict++
			if st.Country != "" {
				conflict[st.Country]++
			}
		}
		if st.HasPlace {
			v.Placed++
			pts = append(pts, placed{id: st.ID, label: st.Label, day: st.Day, quad: quad, articles: st.Articles, lat: st.Lat, lon: st.Lon})
		}
		return nil
	})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var countries []mapCountry
	for _, c := range worldmap.Countries() {
		mc := mapCountry{Country: c, Conflict: conflict[c.Code], Stories: stories[c.Code], Shade: shade(conflict[c.Code]),
			URL: "/trends?" + url.Values{"country": {c.Code}, "period": {"week"}, "since": {v.Since}, "until": {v.Until}}.Encode()}
		countries = append(countries, mc)
		if mc.Conflict > 0 {
			v.Top = append(v.Top, mc)
		}
	}
	v.Countries = countriesLayer(countries)
	slices.SortStableFunc(v.Top, func(a, b mapCountry) int { return cmp.Compare(b.Conflict, a.Conflict) })
	isConflict := func(q int) int {
		if q >= 3 {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(pts, func(a, b placed) int {
		return cmp.Or(cmp.Compare(isConflict(b.quad), isConflict(a.quad)), cmp.Compare(b.articles, a.articles), cmp.Compare(a.id, b.id))
	})
	pts = pts[:min(len(pts), maxMapPoints)]
	for _, p := range pts {
		x, y := worldmap.Project(p.lat, p.lon)
		if y < 0 || y > worldmap.Height {
			continue // beyond the map's latitudes
		}
		v.Points = append(v.Points, mapPoint{X: round1(x), Y: round1(y), ID: p.id, Class: "q" + strconv.Itoa(p.quad),
			Title: fmt.Sprintf("%s (%s, %d report%s)", p.label, p.day, p.articles, plural(p.articles))})
	}
	v.PointsSVG = pointsLayer(v.Points)
	s.render(w, r, http.StatusOK, s.trends.worldMap, v)
}

// countriesLayer writes the countries' SVG elements, each value escaped. The map's
// 174 outlines are 120 kB of path data: written here, not through html/template's
// contextual escaping, they render in a tenth of the time (the outlines, from the
// embedded file, are numbers and M, L, Z only, and are escaped all the same).
func countriesLayer(cs []mapCountry) template.HTML {
	var b strings.Builder
	esc := template.HTMLEscapeString
	for _, c := range cs {
		fmt.Fprintf(&b, `<a href="%s"><path class="%s" data-country="%s" d="%s"><title>%s (%s): %d conflict of %d stories</title></path></a>`+"\n",
			esc(c.URL), esc(c.Shade), esc(c.Code), esc(c.Path), esc(c.Name), esc(c.Code), c.Conflict, c.Stories)
	}
	return template.HTML(b.String())
}

// pointsLayer writes the points' SVG elements, each value escaped.
func pointsLayer(ps []mapPoint) template.HTML {
	var b strings.Builder
	esc := template.HTMLEscapeString
	for _, p := range ps {
		fmt.Fprintf(&b, `<a href="/stories/%s"><circle class="%s" cx="%.1f" cy="%.1f" r="4"><title>%s</title></circle></a>`+"\n",
			esc(url.PathEscape(p.ID)), esc(p.Class), p.X, p.Y, esc(p.Title))
	}
	return template.HTML(b.String())
}

func round1(f float64) float64 { return float64(int(f*10+0.5)) / 10 }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
