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

	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/story"
)

// storiesResponse is the body of GET /api/stories.
type storiesResponse struct {
	Results []*story.Story `json:"results"`
	Total   int            `json:"total"`
	Limit   int            `json:"limit"`
	Offset  int            `json:"offset"`
}

// storyPages holds the templates of the story list and the story page.
type storyPages struct {
	list, one *template.Template
}

// mustParseStoryPages parses the embedded story templates with the layout.
func mustParseStoryPages() *storyPages {
	css, err := templateFS.ReadFile("templates/style.css")
	if err != nil {
		panic(err)
	}
	funcs := template.FuncMap{
		"css":   func() template.CSS { return template.CSS(css) },
		"isWeb": isWebURL,
	}
	parse := func(name string) *template.Template {
		return template.Must(template.New(name).Funcs(funcs).
			ParseFS(templateFS, "templates/layout.html", "templates/"+name))
	}
	return &storyPages{list: parse("stories.html"), one: parse("story.html")}
}

// storyFilter reads the story filters of q; a parameter that is neither a filter nor
// one of extra, or a bad value, is an error naming it.
func storyFilter(q url.Values, extra ...string) (store.StoryFilter, error) {
	if err := knownParams(q, "story", store.StoryFilterNames, extra); err != nil {
		return store.StoryFilter{}, err
	}
	return store.ParseStoryFilter(q)
}

// storyStore returns the store's stories, or answers 501 when the store has none.
func (s *server) storyStore(w http.ResponseWriter, r *http.Request) (store.StoryStore, bool) {
	return storeAs[store.StoryStore](s, w, r, "this store keeps no stories")
}

// listStories serves GET /api/stories?filters&limit=&offset=: the stories that match
// the filters (those of tocsin stories), newest first.
func (s *server) listStories(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := storyFilter(q, "limit", "offset")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	page, err := parsePage(q)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	ss, ok := s.storyStore(w, r)
	if !ok {
		return
	}
	list, total, err := ss.Stories(r.Context(), f, page)
	if fe, ok := errors.AsType[*store.FilterError](err); ok {
		writeError(w, http.StatusBadRequest, fe.Error())
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, storiesResponse{Results: list, Total: total, Limit: page.Limit, Offset: page.Offset})
}

// getStory serves GET /api/stories/{id}.
func (s *server) getStory(w http.ResponseWriter, r *http.Request) {
	ss, ok := s.storyStore(w, r)
	if !ok {
		return
	}
	id := r.PathValue("id")
	st, err := ss.Story(r.Context(), id)
	if errors.Is(err, store.ErrNoStory) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no story %q", id))
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// storiesPageSize is the number of stories on one page of the list.
const storiesPageSize = 50

// storiesView is the data of the stories page.
type storiesView struct {
	Query   string
	Filter  url.Values
	Error   string
	Stories []*story.Story
	Total   int
	Page    int
	First   int
	Last    int
	APIURL  string
	PrevURL string
	NextURL string
	Roots   []string
}

// storiesPage serves GET /stories?filters&page=: the stories, newest first.
func (s *server) storiesPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for name, vals := range q { // an empty form field is no filter
		vals = slices.DeleteFunc(vals, func(v string) bool { return strings.TrimSpace(v) == "" })
		if len(vals) == 0 {
			delete(q, name)
		} else {
			q[name] = vals
		}
	}
	v := storiesView{Filter: q, Page: 1}
	for i := 1; i <= 20; i++ {
		v.Roots = append(v.Roots, fmt.Sprintf("%02d", i))
	}
	fail := func(msg string) {
		v.Error = msg
		s.render(w, r, http.StatusBadRequest, s.stories.list, v)
	}
	if p := q.Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 1<<20 {
			fail(fmt.Sprintf("The page number must be a whole number from 1, not %q.", p))
			return
		}
		v.Page = n
	}
	f, err := storyFilter(q, "page")
	if err != nil {
		fail(err.Error())
		return
	}
	ss, ok := s.storyStore(w, r)
	if !ok {
		return
	}
	page := store.Page{Limit: storiesPageSize, Offset: (v.Page - 1) * storiesPageSize}
	list, total, err := ss.Stories(r.Context(), f, page)
	if fe, ok := errors.AsType[*store.FilterError](err); ok {
		fail(fe.Error())
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v.Stories, v.Total, v.First, v.Last = list, total, page.Offset+1, page.Offset+len(list)
	api := url.Values{}
	for k, vals := range q {
		if k != "page" {
			api[k] = vals
		}
	}
	v.APIURL = "/api/stories?" + api.Encode()
	pageURL := func(n int) string {
		u := url.Values{}
		for k, vals := range q {
			u[k] = vals
		}
		u.Set("page", strconv.Itoa(n))
		return "/stories?" + u.Encode()
	}
	if v.Page > 1 {
		v.PrevURL = pageURL(v.Page - 1)
	}
	if page.Offset+len(list) < total {
		v.NextURL = pageURL(v.Page + 1)
	}
	s.render(w, r, http.StatusOK, s.stories.list, v)
}

// storyView is the data of one story's page.
type storyView struct {
	Query      string
	Story      *story.Story
	Articles   []story.Article // in publication order: the timeline
	Casualties []tallyView
	Mentions   []mentionView
}

// mentionView is one mention of the story: a unit of one of its articles, its first
// sentence linked (and highlighted) in the article's page.
type mentionView struct {
	Title, Published, Text, Link, Cause string
	Codes                               []string
}

// maxStoryMentions bounds the mentions one story page lists.
const maxStoryMentions = 200

// tallyView is one kind of casualty: its figure, its claims with the links to their
// sentences, and the chart of its revisions.
type tallyView struct {
	Kind string
	*story.Tally
	Claims []claimView
	Chart  chart
}

type claimView struct {
	story.Claim
	Link string // the claim's sentence in its article page
}

// chart is a small SVG line of a tally's claims in publication order: one point per
// claim, the value on the vertical axis.
type chart struct {
	Width, Height int
	Points        string // the polyline's points
	Dots          []dot
}

type dot struct {
	X, Y  int
	Label string
}

// storyPage serves GET /stories/{id}: the story's reports on a timeline, its casualty
// claims with a chart of their revisions, and each claim's sentence in its article.
func (s *server) storyPage(w http.ResponseWriter, r *http.Request) {
	ss, ok := s.storyStore(w, r)
	if !ok {
		return
	}
	id := r.PathValue("id")
	st, err := ss.Story(r.Context(), id)
	if errors.Is(err, store.ErrNoStory) {
		s.errorPage(w, r, http.StatusNotFound, fmt.Sprintf("There is no story %q.", id))
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := storyView{Story: st, Articles: slices.Clone(st.Articles)}
	slices.SortStableFunc(v.Articles, func(a, b story.Article) int { return cmp.Compare(a.Published, b.Published) })
	for _, kind := range slices.Sorted(mapKeys(st.Casualties)) {
		t := st.Casualties[kind]
		tv := tallyView{Kind: kind, Tally: t, Chart: revisions(t.Claims)}
		for _, c := range t.Claims {
			tv.Claims = append(tv.Claims, claimView{Claim: c, Link: claimLink(c)})
		}
		v.Casualties = append(v.Casualties, tv)
	}
	units, err := ss.StoryUnits(r.Context(), id, maxStoryMentions)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, u := range units {
		m := mentionView{Title: u.Article.Title, Published: u.Article.Published, Text: u.Text, Cause: u.Cause,
			Link: sentenceLink(&store.EventRow{ArticleID: u.Article.ID, SentenceText: u.Text})}
		for _, e := range u.Events {
			m.Codes = append(m.Codes, strings.Trim(e.Source+" "+e.Code+" "+e.Target, " "))
		}
		v.Mentions = append(v.Mentions, m)
	}
	s.render(w, r, http.StatusOK, s.stories.one, v)
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// claimLink is the claim's sentence in its article page, as a text fragment.
func claimLink(c story.Claim) string {
	return sentenceLink(&store.EventRow{ArticleID: c.Article, SentenceText: c.Sentence})
}

// revisions draws claims, in publication order, as points on a 320×100 chart.
func revisions(claims []story.Claim) chart {
	const w, h, pad = 320, 100, 12
	c := chart{Width: w, Height: h}
	top := 0
	for _, cl := range claims {
		top = max(top, cl.Value)
	}
	if top == 0 || len(claims) == 0 {
		return c
	}
	var pts []string
	for i, cl := range claims {
		x := pad
		if len(claims) > 1 {
			x = pad + i*(w-2*pad)/(len(claims)-1)
		}
		y := h - pad - cl.Value*(h-2*pad)/top
		pts = append(pts, fmt.Sprintf("%d,%d", x, y))
		q := ""
		if cl.Qualifier != "" && cl.Qualifier != "exact" {
			q = strings.ReplaceAll(cl.Qualifier, "_", " ") + " "
		}
		c.Dots = append(c.Dots, dot{X: x, Y: y, Label: fmt.Sprintf("%s%d (%s)", q, cl.Value, cl.Published)})
	}
	c.Points = strings.Join(pts, " ")
	return c
}
