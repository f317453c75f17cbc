// Package story links the reports of one real-world happening into one story, and
// gives the story a reconciled account: when and where it happened, who was involved,
// its dominant CAMEO code, the articles and outlets that told it, and its casualty
// figures with the claims behind them, in publication order.
//
// The package is pure: Units reads an analysed document into linkable units, a Linker
// joins each unit to a story found through an Index (the store's tables, or Memory
// for evaluation and tests) or starts a new one, and Story.Add folds a unit into its
// story's account. It keeps no state of its own between calls.
package story

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"strconv"

	"github.com/tocsin-project/tocsin/cameo"
	"github.com/tocsin-project/tocsin/doc"
)

// Article is one report of a story.
type Article struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Source    string `json:"source"`
}

// Claim is one report's figure for one kind of casualty: the article's reconciled
// count of that kind, with the words that gave it.
type Claim struct {
	Value     int    `json:"value"`
	Qualifier string `json:"qualifier"` // exact, at_least, more_than, about, up_to
	Article   string `json:"article"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Sentence  string `json:"sentence"`
}

// Tally is a story's figure for one kind of casualty, reconciled from its claims by
// Reconcile.
type Tally struct {
	Best      int     `json:"best"`
	Qualifier string  `json:"qualifier"` // the qualifier of the claim that gave Best
	Low       int     `json:"low"`
	High      int     `json:"high"`
	Claims    []Claim `json:"claims"` // in publication order
}

// Story is one real-world happening and its reconciled account. The fields after
// Casualties are the linking state (what later units are compared with); Public
// leaves them out.
type Story struct {
	ID        string        `json:"id"`
	Label     string        `json:"label"`
	Date      string        `json:"date"`     // first event day, YYYY-MM-DD; "" when unknown
	DateEnd   string        `json:"date_end"` // last event day
	Place     *doc.Location `json:"place"`
	Actors    []string      `json:"actors"` // CAMEO actor codes, most mentioned first
	Code      string        `json:"code"`   // the dominant CAMEO code, "" without events
	Root      string        `json:"root"`
	QuadClass int           `json:"quad_class"`
	Goldstein float64       `json:"goldstein"`
	FirstSeen string        `json:"first_seen"` // earliest publication time of its articles
	LastSeen  string        `json:"last_seen"`
	Articles  []Article     `json:"articles"` // in the order they joined
	Sources   []string      `json:"sources"`  // distinct outlets, sorted
	Mentions  int           `json:"mentions"` // coded events and incidents linked to it
	// Casualties is keyed by kind: killed, injured, missing, arrested, kidnapped,
	// displaced.
	Casualties map[string]*Tally `json:"casualties"`

	State *State `json:"state,omitempty"`
}

// State is what the linker keeps of a story to compare new units with it, bounded in
// size whatever the number of reports.
type State struct {
	Terms     map[string]float64       `json:"terms"`     // the strongest terms of its text
	Codes     map[string]int           `json:"codes"`     // event code → mentions
	Actors    map[string]int           `json:"actors"`    // actor code → mentions
	Countries map[string]int           `json:"countries"` // country-level actor codes → mentions
	Places    map[string]int           `json:"places"`    // place key → mentions
	PlaceByID map[string]*doc.Location `json:"place_by_id"`
	Goldstein map[string]float64       `json:"goldstein"` // code → its Goldstein score
	Classes   map[string]int           `json:"classes"`   // unit class (Unit.Class) → units
	Keys      []string                 `json:"keys"`      // the index keys it is found by
	Units     int                      `json:"units"`
	// Leads counts the units that are an article's lead (Unit.Lead): a story that no
	// article reports as its news, only recalls in passing, is no story a report's
	// lead can join.
	Leads int `json:"leads,omitempty"`
	// Names counts the surnames its units name (Unit.Names), the maxNames most
	// named kept.
	Names map[string]int `json:"names,omitempty"`
	// Kinds counts its units' incident kinds (Unit.Kind).
	Kinds map[string]int `json:"kinds,omitempty"`
}

// maxTerms bounds the terms a story keeps for comparison.
const maxTerms = 96

// maxArticles bounds the articles one story lists; mentions beyond still count.
const maxArticles = 1000

// Public returns s without its linking state, as commands and the API show it.
func (s *Story) Public() *Story {
	c := *s
	c.State = nil
	return &c
}

// NewID is the stable ID of the story that unit index of article starts: the same
// article and unit always give the same ID, so re-running the linker over the same
// stream in the same order gives the same IDs.
func NewID(article string, unit int) string {
	h := sha256.Sum256([]byte(article + "\x00" + strconv.Itoa(unit)))
	return "st-" + hex.EncodeToString(h[:8])
}

// New starts a story from u.
func New(u *Unit) *Story {
	s := &Story{ID: NewID(u.Article.ID, u.Index), Casualties: map[string]*Tally{}, State: &State{
		Terms: map[string]float64{}, Codes: map[string]int{}, Actors: map[string]int{},
		Countries: map[string]int{}, Places: map[string]int{}, PlaceByID: map[string]*doc.Location{},
		Goldstein: map[string]float64{}, Classes: map[string]int{},
	}}
	s.Label = u.Label()
	s.Add(u)
	return s
}

// Add folds u into s: its article, events, place, terms and casualty claims, then
// recomputes the account. Adding the same unit twice counts it twice; callers add
// each stored unit once.
func (s *Story) Add(u *Unit) {
	st := s.State
	st.Units++
	if u.Lead {
		st.Leads++
	}
	if c := u.Class(); c != "" {
		if st.Classes == nil {
			st.Classes = map[string]int{}
		}
		st.Classes[c]++
	}
	known := slices.ContainsFunc(s.Articles, func(a Article) bool { return a.ID == u.Article.ID })
	if !known && len(s.Articles) < maxArticles {
		s.Articles = append(s.Articles, u.Article)
	}
	if u.Article.Source != "" && !slices.Contains(s.Sources, u.Article.Source) {
		s.Sources = append(s.Sources, u.Article.Source)
		slices.Sort(s.Sources)
	}
	if p := u.Article.Published; p != "" {
		if s.FirstSeen == "" || p < s.FirstSeen {
			s.FirstSeen = p
		}
		if p > s.LastSeen {
			s.LastSeen = p
		}
	}
	s.Mentions += len(u.Events) + len(u.Incidents)
	for _, e := range u.Events {
		st.Codes[e.Code]++
		st.Goldstein[e.Code] = e.Goldstein
		for _, a := range []string{e.Source, e.Target} {
			if a != "" {
				st.Actors[a]++
				st.Countries[countryOf(a)]++
			}
		}
	}
	for _, d := range u.days() {
		if s.Date == "" || d < s.Date {
			s.Date = d
		}
		if d > s.DateEnd {
			s.DateEnd = d
		}
	}
	if u.Place != nil {
		k := placeKey(u.Place)
		st.Places[k]++
		if _, ok := st.PlaceByID[k]; !ok {
			p := *u.Place
			st.PlaceByID[k] = &p
		}
	}
	for t, w := range u.Terms {
		st.Terms[t] += w
	}
	if u.Kind != "" {
		if st.Kinds == nil {
			st.Kinds = map[string]int{}
		}
		st.Kinds[u.Kind]++
	}
	if len(u.Names) > 0 {
		if st.Names == nil {
			st.Names = map[string]int{}
		}
		for _, n := range u.Names {
			st.Names[n]++
		}
		if len(st.Names) > maxNames {
			keep := ranked(st.Names)[:maxNames]
			for n := range st.Names {
				if !slices.Contains(keep, n) {
					delete(st.Names, n)
				}
			}
		}
	}
	st.Terms = strongest(st.Terms, maxTerms)
	for _, c := range u.Claims {
		t := s.Casualties[c.Kind]
		if t == nil {
			t = &Tally{}
			s.Casualties[c.Kind] = t
		}
		t.Claims = append(t.Claims, c.Claim)
		*t = Reconcile(t.Claims)
	}
	for _, k := range u.Keys() {
		if !slices.Contains(st.Keys, k) {
			st.Keys = append(st.Keys, k)
		}
	}
	slices.Sort(st.Keys)
	s.account()
}

// account recomputes the dominant code, actors and place from the state.
func (s *Story) account() {
	st := s.State
	if code := top(st.Codes); code != "" {
		s.Code = code
		s.Root = code[:min(2, len(code))]
		s.QuadClass = cameo.QuadClassOf(code)
		s.Goldstein = st.Goldstein[code]
	}
	s.Actors = ranked(st.Actors)
	if k := top(st.Places); k != "" {
		s.Place = st.PlaceByID[k]
	}
}

// top is the key with the highest count, the smallest key among equals.
func top(m map[string]int) string {
	best, n := "", 0
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if m[k] > n {
			best, n = k, m[k]
		}
	}
	return best
}

// ranked is m's keys, highest count first, then by key.
func ranked(m map[string]int) []string {
	ks := slices.Collect(maps.Keys(m))
	slices.SortFunc(ks, func(a, b string) int {
		return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b))
	})
	if ks == nil {
		return []string{}
	}
	return ks
}

// strongest keeps the n terms of m that weigh most once weighted by idf (ties by
// term), so a story's state stays bounded however many reports join it and keeps the
// names that tell it apart rather than the words of every report.
func strongest(m map[string]float64, n int) map[string]float64 {
	if len(m) <= n {
		return m
	}
	type term struct {
		t string
		w float64
	}
	ts := make([]term, 0, len(m))
	for k, v := range m {
		ts = append(ts, term{k, weight(k, v)})
	}
	slices.SortFunc(ts, func(a, b term) int {
		return cmp.Or(cmp.Compare(b.w, a.w), cmp.Compare(a.t, b.t))
	})
	out := make(map[string]float64, n)
	for _, x := range ts[:n] {
		out[x.t] = m[x.t]
	}
	return out
}

// countryOf is the country-level part of a CAMEO actor code: USAMIL → USA. Reports of
// one happening name its actors at different granularity (the U.S., the U.S. military,
// the Pentagon), so actors are compared at this level.
func countryOf(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// placeKey identifies a place: its GeoNames ID, or its name and country.
func placeKey(p *doc.Location) string {
	if p.GeonameID != 0 {
		return "g" + strconv.Itoa(p.GeonameID)
	}
	return "n" + p.Name + "/" + p.Country
}
