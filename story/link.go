package story

import (
	"cmp"
	_ "embed"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"
)

// Index finds the stories a unit may belong to. The store answers it from indexed
// tables; Memory answers it for evaluation and tests.
type Index interface {
	// Candidates returns the stories that have one of keys and whose last day (event
	// or publication) is in [from, to], of the PerKeyCandidates latest (by last day,
	// then ID descending) of each key: at most limit of them, those sharing most keys
	// first, then by ID.
	Candidates(keys []string, from, to string, limit int) ([]*Story, error)
}

// PerKeyCandidates bounds the stories one key of a unit brings in, the latest first:
// a key shared by many stories of the window (a dyad in the news every day) costs no
// more than a rare one.
const PerKeyCandidates = 32

// maxNameKeys bounds the name terms a unit is indexed by.
const maxNameKeys = 6

// Keys are the index keys of u: the pair of its actors' countries (or the one country
// of a one-sided event), its place, and its strongest names. A country alone (USA) or
// a place's country is no key: in a stream of political news it would make most
// stories of the window candidates. A report of the same happening shares at least
// one with the story, even when it names the actors at another granularity (USAMIL,
// USA) or gives no place; a key alone never links, it only makes a story a candidate.
func (u *Unit) Keys() []string {
	set := map[string]bool{}
	for _, e := range u.Events {
		a, b := countryOf(e.Source), countryOf(e.Target)
		if b < a {
			a, b = b, a
		}
		switch {
		case a != "" && b != "":
			set["d:"+a+"|"+b] = true
		case a+b != "":
			set["a:"+a+b] = true
		}
	}
	if u.Place != nil {
		set["p:"+placeKey(u.Place)] = true
	}
	// Names: the terms written with a capital that weigh most by tf-idf, the rarest
	// names of the report (Erbil, Ortiz) before the names of every report (Iran).
	// A term that weighs 2 or more was written with a capital, or more than once.
	var names []string
	w := map[string]float64{}
	for t, v := range u.Terms {
		if v >= 2 {
			names = append(names, t)
			w[t] = (1 + math.Log(v)) * idf(t)
		}
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(w[b], w[a]), cmp.Compare(a, b))
	})
	for _, t := range names[:min(len(names), maxNameKeys)] {
		set["n:"+t] = true
	}
	return slices.Sorted(maps.Keys(set))
}

// Linker decides which story each unit belongs to. Its fields are the weights of the
// signals; the zero value is not useful, use NewLinker.
type Linker struct {
	// Window is how many days apart a unit and a story may be and still be compared.
	// A toll is revised days or weeks after the happening (brain injuries counted a
	// month after a missile strike), so it is wider than a news cycle.
	Window int
	// Threshold is the score a unit needs to join a story; below it the unit starts
	// a new story. Scores are in units of text similarity (Score).
	Threshold float64
	// MinCosine is the text similarity a unit needs whatever else it shares: two
	// shootings in one city on one day share actors, place, date and code, and only
	// their words (the victims', the streets' names) tell them apart.
	MinCosine float64
	// MaxCandidates bounds the stories compared with one unit: those sharing most
	// keys with it.
	MaxCandidates int
	// OtherCountry is taken off for places in two countries. It is no veto: an
	// article's place is that of its first placed event, and a report of a strike in
	// Baghdad may be placed in Washington, where it was announced.
	OtherCountry float64
	// OtherDivision is taken off for places in two first-level divisions of one
	// country: a primary in New Hampshire and a caucus in Nevada.
	OtherDivision float64
	// Day is added for the same day, half of it a day apart; DayFar is taken off for
	// each day beyond three, up to DayFarMax. The cap is reached three weeks
	// beyond the story's days: a report whose own text dates its happening that
	// much later tells of another one (the next milestone of an epidemic, the next
	// round of a series), while a revision weeks later dates the happening it
	// revises and is not moved.
	Day, DayFar, DayFarMax float64
	// NameShared is added when the unit and the story name one person (a victim, a
	// suspect, a spokesman); NameClash is taken off when both name people and none
	// is shared: two shootings in one city on one day have different victims.
	NameShared, NameClash float64
	// KindDiffers is taken off when the unit's incident is of a kind (violence,
	// accident, disaster, health) that none of the story's is: the stampede at a
	// funeral and the drone strike that killed the man buried are two happenings.
	KindDiffers   float64
	CasualtyKinds float64
	// NoIncident is taken off when neither the unit nor the story tells of a
	// casualty incident: political, business and court news comes in series (the
	// primaries of one campaign, the interviews of one election, a deal and its
	// rejection, a resignation and the successor's removal, one market's days) told
	// by the same actors in the same words, so the same text similarity says less
	// there than between two reports naming one attack's, crash's or flood's place
	// and toll.
	NoIncident float64
	// FollowUp is taken off when most of the unit's events are acts that follow a
	// happening (followups.txt: a protest, an arrest, a release) and the story is
	// not itself of that act: the march about a stabbing and the arrests over a
	// killing repeat the happening's names and words, yet are happenings of their
	// own.
	FollowUp float64
}

// NewLinker returns a Linker with the weights documented in the README, chosen on
// the development stream (story/testdata/dev.jsonl) only.
func NewLinker() *Linker {
	return &Linker{Window: 45, Threshold: 0.4, MinCosine: 0.1, MaxCandidates: 16,
		Day: 0.05, DayFar: 0.02, DayFarMax: 0.4, OtherCountry: 0.1, OtherDivision: 0.1,
		NameShared: 0.05, NameClash: 0.1, KindDiffers: 0.1, CasualtyKinds: 0.1, NoIncident: 0.2, FollowUp: 0.4}
}

// Score is how strongly u belongs to s: the text similarity of the two, in [0, 1],
// moved by the structured signals, each a few hundredths to a tenth. Text is the main
// evidence: reports of one happening repeat its names (Kerman, Soleimani, Ortiz, Maple
// Avenue) and words (stampede, funeral, gas station), weighted by how rare they are in
// news (idf.txt), so that the words of every report (police, killed, said) count for
// little. The structured signals only move a unit over or under the line when its text
// is near it, and most of them only take off, since what a follow-up shares with the
// happening it follows (its actors, place, CAMEO root, kinds of casualty) is what the
// reports of one happening share too (adding them lowered B-cubed F1 on the
// development stream; README):
//
//   - date: the same day +Day, a day apart +Day/2, then -DayFar a day beyond three
//     days, down to -DayFarMax (a third of it for a unit dated only by its
//     publication): most reports come within days, revisions later, and a
//     revision's text dates the happening it revises;
//   - place: two countries -OtherCountry, two first-level divisions of one country
//     -OtherDivision (two primaries, two floods);
//   - people: one named by both +NameShared, both naming people and none in common
//     -NameClash (two shootings in one city on one day have different victims);
//   - incident kind: violence, accident, disaster or health that none of the story's
//     incidents is, -KindDiffers (a stampede at the funeral of a man a drone strike
//     killed);
//   - casualties: figures with no kind in common with the story's (the dead against
//     the wounded), -CasualtyKinds;
//   - no incident on either side (no casualty incident, kind or figure in the unit
//     or the story), -NoIncident: without one, reports of a series (primaries,
//     interviews, a deal and its rejection) share their words as much as two
//     reports of one happening do, so they need more text in common to be one;
//   - follow-up acts: most of the unit's events a protest, an arrest or a release
//     (followups.txt) and the story not of that act, -FollowUp, as large as the
//     threshold: by the gold guidelines these are always happenings of their own,
//     and their reports repeat the victim's, the place's and the weapon's words.
func (l *Linker) Score(u *Unit, s *Story) float64 {
	return l.score(u, weighted(u.Terms), s)
}

// score is Score with u's terms already weighted (uw), as Link compares one unit with
// several stories.
func (l *Linker) score(u *Unit, uw map[string]float64, s *Story) float64 {
	st := s.State
	score := cosineWeighted(uw, st.Terms)
	if score < l.MinCosine {
		return -1
	}
	if u.Place != nil && s.Place != nil {
		switch {
		case u.Place.Country != s.Place.Country:
			score -= l.OtherCountry
		case u.Place.Admin1 != "" && s.Place.Admin1 != "" && u.Place.Admin1 != s.Place.Admin1:
			score -= l.OtherDivision
		}
	}
	if d := u.distance(s); d >= 0 {
		switch {
		case d == 0:
			score += l.Day
		case d == 1:
			score += l.Day / 2
		case d > 3 && !u.Dated && !u.Lead:
			// A sentence of a later article that recalls a happening, with no
			// date of its own, says nothing of when it happened.
		case d > 3 && !u.Dated:
			// An undated report comes after the happening it tells: its
			// publication day says less than an event date.
			score -= min(l.DayFarMax/3, l.DayFar/2*float64(d-3))
		case d > 3:
			score -= min(l.DayFarMax, l.DayFar*float64(d-3))
		}
	}
	if len(u.Claims) > 0 && len(s.Casualties) > 0 {
		shared := false
		for _, c := range u.Claims {
			shared = shared || s.Casualties[c.Kind] != nil
		}
		if !shared {
			score -= l.CasualtyKinds
		}
	}
	if !u.hasIncident() && len(st.Kinds) == 0 && len(s.Casualties) == 0 {
		score -= l.NoIncident
	}
	if p := followUp(u); p != "" && !strings.HasPrefix(s.Code, p) {
		score -= l.FollowUp
	}
	if u.Kind != "" && len(st.Kinds) > 0 && st.Kinds[u.Kind] == 0 {
		score -= l.KindDiffers
	}
	if len(u.Names) > 0 && len(st.Names) > 0 {
		shared := slices.ContainsFunc(u.Names, func(n string) bool { return st.Names[n] > 0 })
		if shared {
			score += l.NameShared
		} else {
			score -= l.NameClash
		}
	}
	return score
}

// distance is how many days u's day is from s's span of days, 0 inside it; -1 when
// either is unknown.
func (u *Unit) distance(s *Story) int {
	lo, hi := s.Date, s.DateEnd
	if lo == "" {
		lo, hi = dayOf(s.FirstSeen), dayOf(s.LastSeen)
	}
	d, err := time.Parse("2006-01-02", u.Day)
	if err != nil || lo == "" {
		return -1
	}
	a, err1 := time.Parse("2006-01-02", lo)
	b, err2 := time.Parse("2006-01-02", hi)
	if err1 != nil || err2 != nil {
		return -1
	}
	switch {
	case d.Before(a):
		return int(a.Sub(d).Hours() / 24)
	case d.After(b):
		return int(d.Sub(b).Hours() / 24)
	}
	return 0
}

// Link finds the story of each of one article's units, in order: the best-scoring
// candidate from idx at or above the threshold, or a new story. It returns the story
// of each unit (the same pointer when two units join one story) and the stories
// touched, in the order first touched, with the units added. Units of one article
// never join a story another of its units started: the article's own grouping already
// kept them apart.
func (l *Linker) Link(units []Unit, idx Index) (of []*Story, touched []*Story, err error) {
	loaded := map[string]*Story{}
	of = make([]*Story, len(units))
	for i := range units {
		u := &units[i]
		from, to := shift(u.Day, -l.Window), shift(u.Day, l.Window)
		var cands []*Story
		if from != "" {
			if cands, err = idx.Candidates(u.Keys(), from, to, l.MaxCandidates); err != nil {
				return nil, nil, fmt.Errorf("story: candidates of unit %d of %q: %w", i, u.Article.ID, err)
			}
		}
		var best *Story
		bestScore := l.Threshold
		uw := weighted(u.Terms)
		for _, c := range cands {
			if s := loaded[c.ID]; s != nil {
				c = s
			}
			if u.Lead && c.State.Leads == 0 {
				// What an article reports as its news is no happening other
				// articles only recalled in passing (State.Leads).
				continue
			}
			sc := l.score(u, uw, c)
			if sc > bestScore || sc == bestScore && best != nil && c.ID < best.ID {
				best, bestScore = c, sc
			}
		}
		if best == nil {
			best = New(u)
			loaded[best.ID] = best
			touched = append(touched, best)
		} else {
			if loaded[best.ID] == nil {
				loaded[best.ID] = best
				touched = append(touched, best)
			}
			best.Add(u)
		}
		of[i] = best
	}
	return of, touched, nil
}

// shift moves day by n days; "" for a day that does not parse.
func shift(day string, n int) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// Memory is an Index over stories held in memory, for evaluation and tests; Put
// records a story after each article.
type Memory struct {
	stories map[string]*Story
	keys    map[string][]string // key → story IDs, in the order they were added
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory {
	return &Memory{stories: map[string]*Story{}, keys: map[string][]string{}}
}

// Put records s (new or updated) under its keys.
func (m *Memory) Put(s *Story) {
	if _, ok := m.stories[s.ID]; !ok {
		m.stories[s.ID] = s
	}
	for _, k := range s.State.Keys {
		if !slices.Contains(m.keys[k], s.ID) {
			m.keys[k] = append(m.keys[k], s.ID)
		}
	}
}

// Stories returns every story, in ID order.
func (m *Memory) Stories() []*Story {
	out := slices.Collect(maps.Values(m.stories))
	slices.SortFunc(out, func(a, b *Story) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Candidates implements Index.
func (m *Memory) Candidates(keys []string, from, to string, limit int) ([]*Story, error) {
	shared := map[string]int{}
	var out []*Story
	for _, k := range keys {
		var inWindow []*Story
		for _, id := range m.keys[k] {
			if s := m.stories[id]; s.within(from, to) {
				inWindow = append(inWindow, s)
			}
		}
		// The latest PerKeyCandidates of the key, as the store reads them.
		slices.SortFunc(inWindow, func(a, b *Story) int {
			_, ha := a.Span()
			_, hb := b.Span()
			return cmp.Or(cmp.Compare(hb, ha), cmp.Compare(b.ID, a.ID))
		})
		for _, s := range inWindow[:min(len(inWindow), PerKeyCandidates)] {
			if shared[s.ID] == 0 {
				out = append(out, s)
			}
			shared[s.ID]++
		}
	}
	slices.SortFunc(out, func(a, b *Story) int {
		return cmp.Or(cmp.Compare(shared[b.ID], shared[a.ID]), cmp.Compare(a.ID, b.ID))
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// Span is the story's span of days for candidate search: from its first event day
// (or first publication) to its last event or publication day.
func (s *Story) Span() (lo, hi string) {
	lo, hi = s.Date, s.DateEnd
	for _, d := range []string{dayOf(s.FirstSeen), dayOf(s.LastSeen)} {
		if d == "" {
			continue
		}
		if lo == "" || d < lo {
			lo = d
		}
		if d > hi {
			hi = d
		}
	}
	return lo, hi
}

// within reports whether the story's last day is in [from, to]: a story is found by
// when it was last reported, so that the store reads one index range per key.
func (s *Story) within(from, to string) bool {
	_, hi := s.Span()
	return hi != "" && hi >= from && hi <= to
}

// hasIncident reports whether u tells of a casualty incident (an attack, a crash, a
// flood, an outbreak) or gives a casualty figure.
func (u *Unit) hasIncident() bool {
	return u.Kind != "" || len(u.Incidents) > 0 || len(u.Claims) > 0
}

// followUpText lists the CAMEO code prefixes of acts that follow a happening.
//
//go:embed followups.txt
var followUpText string

// followUpCodes is followups.txt's prefixes, read once at start-up and only read
// after.
var followUpCodes = func() []string {
	var out []string
	for _, l := range strings.Split(followUpText, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}()

// followUp is the followups.txt prefix that more than half of u's events have (the
// most common, the first listed among equals), "" when there is none: an article on
// arrests also names the killing they are over, and its title may code only that.
func followUp(u *Unit) string {
	n := map[string]int{}
	for _, e := range u.Events {
		for _, p := range followUpCodes {
			if strings.HasPrefix(e.Code, p) {
				n[p]++
				break
			}
		}
	}
	best := ""
	for _, p := range followUpCodes {
		if n[p] > n[best] {
			best = p
		}
	}
	total := 0
	for _, c := range n {
		total += c
	}
	if best == "" || 2*total <= len(u.Events) {
		return ""
	}
	return best
}
