package place

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/gazetteer"
	"github.com/tocsin-project/tocsin/lexicon"
)

// divisionWords follow a name to say it is a division ("Kerman province") or a region.
var divisionWords = map[string]bool{
	"province": true, "governorate": true, "state": true, "oblast": true, "district": true,
	"county": true, "prefecture": true, "region": true, "city": true,
}

// descriptors are the words allowed between a demonym or a country's possessive and the
// place it describes: "the southeastern Iranian city of Kerman", "Iraq's northern
// province of Nineveh", "Libya's capital, Tripoli".
var descriptors = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "city": true, "town": true, "village": true,
	"port": true, "capital": true, "province": true, "provincial": true, "region": true,
	"district": true, "governorate": true, "state": true, "county": true, "area": true,
	"border": true, "holy": true, "coastal": true, "desert": true, "mountain": true, "oil": true,
	"hometown": true, "second": true, "largest": true, "biggest": true, "main": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"north": true, "south": true, "east": true, "west": true, "northeast": true,
	"northwest": true, "southeast": true, "southwest": true, "far": true, "remote": true,
	"besieged": true, "restive": true, "frontline": true, "strategic": true, "key": true,
}

// regionLexicon holds the gazetteer's multi-word region names, to find those that the
// entities stage did not tag.
func regionLexicon(g *gazetteer.Gazetteer) *lexicon.Lexicon {
	l := &lexicon.Lexicon{}
	for _, n := range g.RegionNames() {
		if strings.ContainsAny(n, " -") {
			l.Add(n, "region")
		}
	}
	return l
}

// collect finds the mentions, groups them by name and looks each name up once.
func (r *resolver) collect() {
	r.byKey = map[string]int{}
	r.norp = map[string]float64{}
	ents := slices.Clone(r.d.Entities)
	slices.SortStableFunc(ents, func(a, b doc.Entity) int { return cmp.Compare(a.Start, b.Start) })
	hits := r.regionHits()
	var cues []cue
	for _, e := range ents {
		text := r.d.Text[e.Start:e.End]
		if slices.ContainsFunc(hits, func(h doc.Span) bool { return h.Start <= e.Start && e.End <= h.End }) {
			continue // part of a longer region name: "Ain" in "Ain al-Asad"
		}
		switch e.Type {
		case "NORP":
			if c, ok := r.s.g.Demonym(text); ok {
				r.norp[c.Alpha3] += 1
				cues = append(cues, cue{e.Span, c.Alpha3})
			}
		case "LOCATION", "GPE", "LOC":
			r.add(e.Span, text)
		case "ORG":
			if r.placeLike(text, 50000, true) {
				r.add(e.Span, text)
			}
		case "PERSON":
			if r.locative(e.Start) && r.placeLike(text, 20000, false) {
				r.add(e.Span, text)
			}
		}
	}
	for _, h := range hits {
		r.add(h, r.d.Text[h.Start:h.End])
	}
	r.untagged(ents)
	slices.SortStableFunc(r.mentions, func(a, b mention) int { return cmp.Compare(a.Start, b.Start) })
	r.cues = append(cues, r.possessives()...)
	slices.SortStableFunc(r.cues, func(a, b cue) int { return cmp.Compare(a.End, b.End) })
}

// placeLike reports whether text is surely a place: a country, a region, a named division
// or a city of at least minPop people, matched by its exact name or without an Arabic
// article, and by its main name if mainOnly (organisations' names are often a town's
// alternate name: "Hamas" is one of Hamm, Germany). The entities stage types some places as organisations ("Rafah", "El Fasher",
// "Strait of Hormuz", "Iran" as an actor), and unfamiliar ones as people ("fighting
// around Bakhmut").
func (r *resolver) placeLike(text string, minPop int, mainOnly bool) bool {
	for _, m := range r.s.g.Lookup(trimThe(text)) {
		if m.Level == gazetteer.Skeletal {
			return false
		}
		switch {
		case m.Kind == gazetteer.Country, m.Kind == gazetteer.Region,
			m.Kind == gazetteer.Admin1 && m.Name != m.Admin1,
			m.Kind == gazetteer.City && (m.Main || !mainOnly) && m.Population >= minPop:
			return true
		}
	}
	return false
}

// cue is a demonym or a country's possessive that may describe the place after it.
type cue struct {
	doc.Span
	country string
}

// regionHits finds the multi-word region names of the gazetteer written with a capital
// and not overlapping an entity unless they contain it: the entities stage misses some
// ("Strait of Hormuz") or tags a part ("Ain" of "Ain al-Asad").
func (r *resolver) regionHits() []doc.Span {
	toks := r.d.Tokens
	if r.s.regions.Len() == 0 || len(toks) == 0 {
		return nil
	}
	var out []doc.Span
	for i := 0; i < len(toks); i++ {
		if !capitalised(toks[i]) {
			continue
		}
		_, n := r.s.regions.Match(toks, i)
		if n == 0 {
			continue
		}
		sp := doc.Span{Start: toks[i].Start, End: toks[i+n-1].End}
		i += n - 1
		straddles := slices.ContainsFunc(r.d.Entities, func(e doc.Entity) bool {
			return e.Start < sp.End && sp.Start < e.End && (e.Start < sp.Start || e.End > sp.End)
		})
		if !straddles {
			out = append(out, sp)
		}
	}
	return out
}

// directions are words the entities stage sometimes tags alone ("Western officials").
var directions = map[string]bool{
	"western": true, "eastern": true, "northern": true, "southern": true, "central": true,
	"north": true, "south": true, "east": true, "west": true, "middle": true,
}

// landmarks are words that, following a place name, make it part of the name of a
// landmark or street rather than the place: "Riad al-Solh Square".
var landmarks = map[string]bool{
	"square": true, "street": true, "road": true, "avenue": true, "park": true, "bridge": true,
	"stadium": true, "mosque": true, "cemetery": true, "hospital": true, "university": true,
}

// truncated reports whether the name at sp continues with a landmark word or an Arabic
// article joined to a capitalised word ("Riad al-Solh"): the entities stage took only its
// first part.
func truncated(text string, end int) bool {
	rest := text[end:]
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	rest = rest[1:]
	for _, art := range []string{"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-"} {
		if strings.HasPrefix(rest, art) && len(rest) > len(art) && unicode.IsUpper(rune(rest[len(art)])) {
			return true
		}
	}
	w := nextWord(text, end)
	return landmarks[w] && rest != "" && unicode.IsUpper(rune(rest[0]))
}

// add records a mention and looks its name up, once per name.
func (r *resolver) add(sp doc.Span, text string) {
	m := mention{Span: sp, text: text}
	key := gazetteer.Normalize(trimThe(text))
	if directions[key] || truncated(r.d.Text, sp.End) {
		return
	}
	matches := r.s.g.LookupKey(key)
	// A division word inside the name ("Kerman Province") or just after it.
	if len(matches) == 0 {
		if i := strings.LastIndexByte(key, ' '); i > 0 && divisionWords[key[i+1:]] {
			m.want(key[i+1:])
			key = key[:i]
			matches = nil
		}
	} else if w := nextWord(r.d.Text, sp.End); divisionWords[w] {
		if longer := key + " " + w; len(r.s.g.LookupKey(longer)) > 0 {
			key = longer // "Kurdistan Region" is a name of its own
		} else {
			m.want(w)
		}
	}
	if w1, rest := lastWord(r.d.Text[:sp.Start]); w1 == "of" {
		if w2, _ := lastWord(rest); w2 == "city" || w2 == "town" || w2 == "village" {
			m.wantCity = true
		}
	}
	gi, ok := r.byKey[key]
	if !ok {
		if matches == nil {
			matches = r.s.g.LookupKey(key)
		}
		gi = len(r.groups)
		r.byKey[key] = gi
		g := group{key: key, best: -1}
		country := slices.ContainsFunc(matches, func(m gazetteer.Match) bool { return m.Kind == gazetteer.Country })
		for _, mt := range matches {
			if country && mt.Kind == gazetteer.City && !mt.Main {
				continue // "Iraq" is an old name of Arak, Iran: never a rival to the country
			}
			g.cands = append(g.cands, cand{Place: mt.Place, level: mt.Level, main: mt.Main, prior: prior(mt.Place, mt.Level, mt.Main)})
		}
		r.groups = append(r.groups, g)
	}
	r.groups[gi].mentions++
	m.group = gi
	r.mentions = append(r.mentions, m)
}

func (m *mention) want(word string) {
	switch word {
	case "region":
		m.wantRegion = true
	case "city":
		m.wantCity = true
	default:
		m.wantAdmin = true
	}
}

// possessives are the country mentions followed by "'s" ("Libya's Tripoli").
func (r *resolver) possessives() []cue {
	var out []cue
	for _, m := range r.mentions {
		rest := r.d.Text[m.End:]
		if !strings.HasPrefix(rest, "'s") && !strings.HasPrefix(rest, "’s") {
			continue
		}
		for _, c := range r.groups[m.group].cands {
			if c.Kind == gazetteer.Country {
				out = append(out, cue{m.Span, c.Country})
				break
			}
		}
	}
	return out
}

// explicit adds the evidence of each mention's surroundings to its group's candidates.
func (r *resolver) explicit() {
	for i := range r.mentions {
		m := &r.mentions[i]
		for ci := range r.groups[m.group].cands {
			c := &r.groups[m.group].cands[ci]
			switch {
			case m.wantAdmin && c.Kind == gazetteer.Admin1:
				c.local += localAdmin
			case m.wantRegion && (c.Kind == gazetteer.Admin1 || c.Kind == gazetteer.Region):
				c.local += localRegion
			case m.wantCity && c.Kind == gazetteer.City:
				c.local += localCity
			}
		}
		if i+1 < len(r.mentions) {
			r.pair(m, &r.mentions[i+1])
		}
		if country := r.cueBefore(m); country != "" {
			for ci := range r.groups[m.group].cands {
				if c := &r.groups[m.group].cands[ci]; c.Country == country && c.Kind != gazetteer.Country {
					c.local += localAdjacent
				}
			}
		}
	}
}

// pair handles "X, Y" and "X in Y" where Y is a country or division: the candidates of X
// inside a candidate of Y, and those candidates of Y, gain.
func (r *resolver) pair(x, y *mention) {
	if x.group == y.group || y.Start-x.End > 40 {
		return
	}
	var w float64
	gap := strings.TrimSpace(r.d.Text[x.End:y.Start])
	words := strings.Fields(strings.ToLower(strings.TrimPrefix(gap, ",")))
	switch {
	case gap == ",":
		w = pairComma
	case len(words) > 0 && words[0] == "in" && allDescriptors(words[1:]):
		w = pairIn // "Tripoli in northern Lebanon"
	default:
		return
	}
	xs, ys := r.groups[x.group].cands, r.groups[y.group].cands
	for yi := range ys {
		in := false
		for xi := range xs {
			if contains(ys[yi].Place, xs[xi].Place) {
				xs[xi].local += w
				in = true
			}
		}
		if in {
			ys[yi].local += w
		}
	}
}

// contains reports whether outer is a country or division that holds inner.
func contains(outer, inner *gazetteer.Place) bool {
	switch {
	case inner.Kind != gazetteer.City && inner.Kind != gazetteer.Admin1:
		return false
	case outer.Kind == gazetteer.Country, outer.Kind == gazetteer.Region && outer.Country != "":
		return inner.Country == outer.Country
	case outer.Kind == gazetteer.Admin1:
		return inner.Kind == gazetteer.City && inner.Admin1 == outer.Admin1
	}
	return false
}

// cueBefore returns the country of a demonym or a country's possessive that describes m:
// in the same sentence, at most 60 bytes before, with only descriptor words between.
func (r *resolver) cueBefore(m *mention) string {
	i, _ := slices.BinarySearchFunc(r.cues, m.Start, func(c cue, pos int) int { return cmp.Compare(c.End, pos+1) })
	if i == 0 {
		return ""
	}
	c := r.cues[i-1]
	if m.Start-c.End > 60 {
		return ""
	}
	gap := r.d.Text[c.End:m.Start]
	gap = strings.TrimPrefix(strings.TrimPrefix(gap, "'s"), "’s")
	if !allDescriptors(strings.FieldsFunc(strings.ToLower(gap), func(r rune) bool { return unicode.IsSpace(r) || r == ',' })) {
		return ""
	}
	return c.country
}

func allDescriptors(words []string) bool {
	for _, w := range words {
		if !descriptors[w] {
			return false
		}
	}
	return true
}

// nextWord returns the lower-cased word that follows position i, if only spaces come
// between.
func nextWord(text string, i int) string {
	j := i
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if j == i || j == len(text) {
		return ""
	}
	k := j
	for k < len(text) && (text[k] >= 'a' && text[k] <= 'z' || text[k] >= 'A' && text[k] <= 'Z') {
		k++
	}
	return strings.ToLower(text[j:k])
}
