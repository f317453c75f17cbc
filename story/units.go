package story

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/cameo"
	"github.com/tocsin-project/tocsin/doc"
)

// Unit is one linkable part of an article: an incident with its counts and the events
// behind it, or the article's coded events of one actor pair and quad class. Repeated
// sentences about one happening in one article ("Iran vowed revenge", "Iran
// threatened...") make one unit with several mentions, not several stories.
type Unit struct {
	Article  Article `json:"article"`
	Index    int     `json:"index"`    // position among the article's units
	Lead     bool    `json:"lead"`     // the unit the title and lead report
	Sentence int     `json:"sentence"` // its first sentence
	Text     string  `json:"text"`     // that sentence
	Cause    string  `json:"cause,omitempty"`
	// Kind is its incident's kind (violence, accident, disaster, health; doc.Incident).
	Kind   string     `json:"kind,omitempty"`
	Events []EventRef `json:"events"`
	// Incidents are indexes into the document's incidents layer.
	Incidents []int              `json:"incidents"`
	Day       string             `json:"day"`   // the earliest day it happened, YYYY-MM-DD
	Dated     bool               `json:"dated"` // Day comes from the text, not the publication
	Place     *doc.Location      `json:"place"`
	Claims    []KindClaim        `json:"claims"`
	Terms     map[string]float64 `json:"terms"`
	// Names are the surnames of the people it names (lower case, sorted): for the
	// lead unit the article's, else its sentences'. Reports of one shooting name its
	// victims; another shooting that day has others.
	Names []string `json:"names,omitempty"`
}

// EventRef is what a unit keeps of one coded event.
type EventRef struct {
	Index     int     `json:"index"` // in the document's events layer
	Code      string  `json:"code"`
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Goldstein float64 `json:"goldstein"`
	Day       string  `json:"day"`
}

// KindClaim is a Claim of one kind of casualty.
type KindClaim struct {
	Kind string `json:"kind"`
	Claim
}

// Label is how a story started by u is named: the article's title for its lead unit,
// else the unit's sentence, cut to 120 bytes at a word.
func (u *Unit) Label() string {
	if u.Lead && u.Article.Title != "" {
		return u.Article.Title
	}
	s := u.Text
	if len(s) > 120 {
		cut := strings.LastIndexByte(s[:120], ' ')
		if cut < 60 {
			cut = 120
		}
		s = strings.TrimRight(s[:cut], " ,;:") + "…"
	}
	return s
}

// days are the days u happened on, or its publication day when the text gives none.
func (u *Unit) days() []string {
	var ds []string
	for _, e := range u.Events {
		if e.Day != "" {
			ds = append(ds, e.Day)
		}
	}
	if len(ds) == 0 && u.Day != "" {
		ds = append(ds, u.Day)
	}
	return ds
}

// Units reads d into its linkable units, in order of their first sentence. totals is
// the article's reconciled count of each casualty kind (casualty.Stage.Totals); when
// nil, as for documents stored without tokens, the largest exact count of each kind
// among the lead incident's counts stands for it. The counts become claims of the
// first incident's unit, or of the lead unit when the article has no incident.
func Units(d *doc.Document, totals map[string]int) []Unit {
	art := Article{ID: d.ID, URL: d.URL, Title: d.Title, Published: d.Published, Source: d.Source}
	pubDay := dayOf(d.Published)
	var us []Unit
	inIncident := make([]bool, len(d.Events))
	for i := range d.Incidents {
		in := &d.Incidents[i]
		u := Unit{Article: art, Sentence: in.Sentence, Cause: in.Cause, Kind: in.Kind, Incidents: []int{i}}
		for _, e := range in.Events {
			if e >= 0 && e < len(d.Events) && !inIncident[e] {
				inIncident[e] = true
				u.Events = append(u.Events, eventRef(d, e))
			}
		}
		u.Place = incidentPlace(d, in)
		if day := fullDay(in.Date); day != "" {
			u.Day, u.Dated = day, true
		}
		us = append(us, u)
	}
	// The other events, one unit per actor pair (at country level, either direction)
	// and quad class.
	groups := map[string]int{}
	for i := range d.Events {
		if inIncident[i] {
			continue
		}
		e := &d.Events[i]
		a, b := countryOf(e.Source), countryOf(e.Target)
		if b < a {
			a, b = b, a
		}
		k := a + "|" + b + "|" + strconv.Itoa(e.QuadClass)
		g, ok := groups[k]
		if !ok {
			g = len(us)
			groups[k] = g
			us = append(us, Unit{Article: art, Sentence: e.Sentence})
		}
		us[g].Events = append(us[g].Events, eventRef(d, i))
	}
	us = mergeUnits(d, us)
	if len(us) == 0 && len(d.Casualties) > 0 {
		// Counts without an incident: the article's lead is their unit.
		us = append(us, Unit{Article: art, Sentence: d.SentenceAt(d.Casualties[0].Start)})
	}
	for i := range us {
		u := &us[i]
		for _, e := range u.Events {
			if e.Day != "" && (u.Day == "" || e.Day < u.Day) {
				u.Day, u.Dated = e.Day, true
			}
			if u.Place == nil {
				if p := d.Events[e.Index].Place; p != nil {
					c := *p
					u.Place = &c
				}
			}
			if e.Index < len(d.Events) && d.Events[e.Index].Sentence < u.Sentence {
				u.Sentence = d.Events[e.Index].Sentence
			}
		}
		if u.Day == "" {
			u.Day = pubDay
		}
		if u.Sentence >= 0 && u.Sentence < len(d.Sentences) {
			u.Text = d.Sentences[u.Sentence].Text
		}
	}
	slices.SortStableFunc(us, func(a, b Unit) int { return cmp.Compare(a.Sentence, b.Sentence) })
	for i := range us {
		us[i].Index = i
	}
	if len(us) == 0 {
		return nil
	}
	us[0].Lead = true
	claimant := 0
	for i := range us {
		if len(us[i].Incidents) > 0 {
			claimant = i
			break
		}
	}
	us[claimant].Claims = claims(d, art, totals)
	for i := range us {
		us[i].Terms = unitTerms(d, &us[i])
		us[i].Names = unitNames(d, &us[i])
	}
	return us
}

func eventRef(d *doc.Document, i int) EventRef {
	e := &d.Events[i]
	ref := EventRef{Index: i, Code: e.Code, Source: e.Source, Target: e.Target, Goldstein: e.Goldstein}
	if e.DateSource != "publication" {
		ref.Day = fullDay(e.Date)
	}
	return ref
}

// incidentPlace is where incident in happened: the place of an event behind it, else
// the article's resolved place of that name.
func incidentPlace(d *doc.Document, in *doc.Incident) *doc.Location {
	for _, e := range in.Events {
		if e >= 0 && e < len(d.Events) && d.Events[e].Place != nil {
			c := *d.Events[e].Place
			return &c
		}
	}
	if in.Place == "" {
		return nil
	}
	for i := range d.Places {
		if d.Places[i].Name == in.Place {
			return d.Places[i].Location()
		}
	}
	return nil
}

// claims are the article's casualty figures, one per kind: totals where given, with
// the qualifier and sentence of the count that states the figure.
func claims(d *doc.Document, art Article, totals map[string]int) []KindClaim {
	if totals == nil {
		totals = map[string]int{}
		for _, c := range leadCounts(d) {
			if !c.Vague && c.Value > totals[c.Kind] {
				totals[c.Kind] = c.Value
			}
		}
	}
	var out []KindClaim
	for _, kind := range slices.Sorted(mapsKeys(totals)) {
		v := totals[kind]
		if v <= 0 {
			continue
		}
		cl := Claim{Value: v, Qualifier: "exact", Article: art.ID, URL: art.URL, Published: art.Published}
		var first *doc.Casualty
		for i := range d.Casualties {
			c := &d.Casualties[i]
			if c.Kind != kind || c.Vague {
				continue
			}
			if first == nil {
				first = c
			}
			if c.Value == v {
				first = c
				break
			}
		}
		if first != nil {
			if first.Value == v {
				cl.Qualifier = first.Qualifier
			}
			if s := d.SentenceAt(first.Start); s >= 0 {
				cl.Sentence = d.Sentences[s].Text
			}
		}
		out = append(out, KindClaim{Kind: kind, Claim: cl})
	}
	return out
}

// leadCounts are the counts of the article's first incident, or all its counts when
// it has no incident.
func leadCounts(d *doc.Document) []doc.Casualty {
	if len(d.Incidents) == 0 {
		return d.Casualties
	}
	var out []doc.Casualty
	for _, i := range d.Incidents[0].Casualties {
		if i >= 0 && i < len(d.Casualties) {
			out = append(out, d.Casualties[i])
		}
	}
	return out
}

// titleWeight is how many times more than the rest of the article its title and first
// sentence of the body count, beside the once they count with the whole text: they
// tell what the article reports, where later paragraphs recall what came before.
const titleWeight = 2

// unitTerms are the terms u is compared by: for the lead unit, the whole article's
// (the title and the body's first sentence three times), since the lead is what the
// article reports and its paragraphs retell it; for another unit, its own sentences'. The strongest maxTerms by tf-idf
// are kept, so a long article costs no more to compare than a short one.
func unitTerms(d *doc.Document, u *Unit) map[string]float64 {
	t := map[string]float64{}
	if u.Lead {
		addTerms(t, d.Text, 1)
		addTerms(t, d.Title, titleWeight)
		for i := range d.Sentences {
			if d.Sentences[i].Start >= d.BodyStart {
				addTerms(t, d.Sentences[i].Text, titleWeight)
				break
			}
		}
		return strongest(t, maxTerms)
	}
	sents := map[int]bool{u.Sentence: true}
	for _, e := range u.Events {
		sents[d.Events[e.Index].Sentence] = true
	}
	for _, i := range u.Incidents {
		sents[d.Incidents[i].Sentence] = true
	}
	for _, s := range slices.Sorted(mapsKeys(sents)) {
		if s >= 0 && s < len(d.Sentences) {
			addTerms(t, d.Sentences[s].Text, 1)
		}
	}
	return strongest(t, maxTerms)
}

// maxNames bounds the names a unit or story keeps.
const maxNames = 16

// unitNames are the surnames of the people named in u's scope (the article for the
// lead unit, else u's sentences): the last word of each named person's canonical
// name, lower-cased, sorted, at most maxNames of the first named.
func unitNames(d *doc.Document, u *Unit) []string {
	sents := map[int]bool{u.Sentence: true}
	for _, e := range u.Events {
		sents[d.Events[e.Index].Sentence] = true
	}
	for _, i := range u.Incidents {
		sents[d.Incidents[i].Sentence] = true
	}
	set := map[string]bool{}
	for _, e := range d.Entities {
		if e.Type != "PERSON" || e.Mention != "" && e.Mention != "name" || len(set) == maxNames {
			continue
		}
		if !u.Lead && !sents[d.SentenceAt(e.Start)] {
			continue
		}
		name := e.Canonical
		if name == "" {
			name = e.Text
		}
		f := strings.Fields(name)
		if len(f) == 0 {
			continue
		}
		set[strings.ToLower(strings.Trim(f[len(f)-1], ".,'’"))] = true
	}
	if len(set) == 0 {
		return nil
	}
	return slices.Sorted(mapsKeys(set))
}

// dayOf is the first day of an ISO-8601 date or date-time, possibly partial.
func dayOf(date string) string {
	var d string
	switch {
	case len(date) >= 10:
		d = date[:10]
	case len(date) == 7:
		d = date + "-01"
	case len(date) == 4:
		d = date + "-01-01"
	default:
		return ""
	}
	if _, err := time.Parse("2006-01-02", d); err != nil {
		return ""
	}
	return d
}

// mergeUnits folds event units into the unit they restate, keeping the order of us:
//
//   - an event unit that shares a sentence with an incident is part of that incident
//     (the incident's count and the event coded from the same sentence are one
//     happening);
//   - the headline restates the lead: units that start in the title join the first
//     unit that starts in the body, when there is one.
func mergeUnits(d *doc.Document, us []Unit) []Unit {
	sentOf := func(u *Unit) map[int]bool {
		m := map[int]bool{u.Sentence: true}
		for _, e := range u.Events {
			m[d.Events[e.Index].Sentence] = true
		}
		for _, i := range u.Incidents {
			m[d.Incidents[i].Sentence] = true
		}
		return m
	}
	into := make([]int, len(us)) // index of the unit each merges into, itself if none
	for i := range us {
		into[i] = i
	}
	for i := range us {
		if len(us[i].Incidents) > 0 {
			continue
		}
		si := sentOf(&us[i])
		for j := range us {
			if len(us[j].Incidents) == 0 || into[j] != j {
				continue
			}
			shared := false
			for s := range sentOf(&us[j]) {
				shared = shared || si[s]
			}
			if shared {
				into[i] = j
				break
			}
		}
	}
	inTitle := func(u *Unit) bool {
		return u.Sentence >= 0 && u.Sentence < len(d.Sentences) && d.Sentences[u.Sentence].Start < d.BodyStart
	}
	lead := -1
	for i := range us {
		if into[i] == i && !inTitle(&us[i]) && (lead < 0 || us[i].Sentence < us[lead].Sentence) {
			lead = i
		}
	}
	if lead >= 0 {
		for i := range us {
			if into[i] == i && i != lead && inTitle(&us[i]) {
				into[i] = lead
			}
		}
	}
	var out []Unit
	at := map[int]int{}
	for i := range us {
		if into[i] == i {
			at[i] = len(out)
			out = append(out, us[i])
		}
	}
	for i := range us {
		if j := into[i]; j != i {
			u := &out[at[j]]
			u.Events = append(u.Events, us[i].Events...)
		}
	}
	return mergeViolence(out)
}

// mergeViolence makes the violent incidents of one article in one country one unit,
// the first's: a report of a school attack that tells, sentences later, that "one police
// officer was wounded" tells one happening, not two, and one escalation must count once.
// Two attacks the article places in different countries stay two.
func mergeViolence(us []Unit) []Unit {
	first := map[string]int{} // place country → the first violent incident unit
	keep := us[:0]
	for _, u := range us {
		if u.Kind != "violence" || len(u.Incidents) == 0 {
			keep = append(keep, u)
			continue
		}
		c := ""
		if u.Place != nil {
			c = u.Place.Country
		}
		j, ok := first[c]
		if !ok && c != "" {
			j, ok = first[""]
		}
		if !ok {
			first[c] = len(keep)
			keep = append(keep, u)
			continue
		}
		k := &keep[j]
		k.Incidents = append(k.Incidents, u.Incidents...)
		k.Events = append(k.Events, u.Events...)
		if k.Place == nil {
			k.Place = u.Place
		}
	}
	return keep
}

// Class is "material" for a unit that reports a material act (an incident with
// casualties, or events of quad class 2 or 4, CAMEO roots 06-09 and 14-20) and
// "verbal" for one that reports words (quad classes 1 and 3: statements, appeals,
// threats, condemnations, admissions); "" without either. A statement about a strike
// and the strike are two happenings, however alike their words.
func (u *Unit) Class() string {
	if len(u.Incidents) > 0 {
		return "material"
	}
	n := map[string]int{}
	for _, e := range u.Events {
		switch cameo.QuadClassOf(e.Code) {
		case 2, 4:
			n["material"]++
		case 1, 3:
			n["verbal"]++
		}
	}
	switch {
	case n["material"] == 0 && n["verbal"] == 0:
		return ""
	case n["material"] >= n["verbal"]:
		return "material"
	}
	return "verbal"
}

// fullDay is the day of a date given to the day; "" for a partial one ("this month",
// 2020-01), which says too little to place a report beside a story's days.
func fullDay(date string) string {
	if len(date) < 10 {
		return ""
	}
	return dayOf(date)
}
