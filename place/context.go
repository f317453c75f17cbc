package place

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/gazetteer"
	"github.com/tocsin-project/tocsin/lexicon"
)

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
	r.looked = map[string][]gazetteer.Match{}
	ents := slices.Clone(r.d.Entities)
	slices.SortStableFunc(ents, func(a, b doc.Entity) int { return cmp.Compare(a.Start, b.Start) })
	r.ents = ents
	r.headline = headlineCase(r.d.Text[:min(r.d.BodyStart, len(r.d.Text))])
	r.surnames = map[string]bool{}
	r.people = map[string]bool{}
	for _, e := range ents {
		text := r.d.Text[e.Start:e.End]
		i := strings.LastIndexByte(text, ' ')
		if i <= 0 {
			continue
		}
		// People, and two-word "organisations" that open with a word that is no place
		// ("Valeska Paris" is often typed ORG).
		if first := text[:strings.IndexByte(text, ' ')]; e.Type == "PERSON" ||
			e.Type == "ORG" && i == len(first) && !r.s.v.orgprefix[strings.ToLower(first)] && len(r.s.g.Lookup(first)) == 0 {
			r.surnames[gazetteer.Normalize(text[i+1:])] = true
			if e.Type == "PERSON" {
				r.people[gazetteer.Normalize(text[i+1:])] = true
				if i == len(first) && !r.s.v.title[strings.ToLower(first)] {
					r.people[gazetteer.Normalize(first)] = true // "Bernie" of "Bernie Sanders"
				}
			}
		}
	}
	hits := r.regionHits()
	named := r.countriesNamed(ents)
	var cues []cue
	var pending []doc.Entity // people and organisations named like a place, kept if the text says so
	for _, e := range ents {
		text := r.d.Text[e.Start:e.End]
		if slices.ContainsFunc(hits, func(h doc.Span) bool { return h.Start <= e.Start && e.End <= h.End }) {
			continue // part of a longer region name: "Ain" in "Ain al-Asad"
		}
		if e.Type == "PERSON" || e.Type == "ORG" {
			// A place whose name opens with a title word that the entities stage left
			// out of a person's name: "Sultan Kudarat", "General Santos".
			if sp, long := r.extendLeft(e.Span, text); sp != e.Span && r.placeLike(long, 20000, false) {
				r.add(sp, long, "a place named with the capitalised word before a "+e.Type+" entity")
				continue
			}
		}
		switch e.Type {
		case "NORP":
			if c, ok := r.s.g.Demonym(text); ok {
				r.norp[c.Alpha3] += 1
				cues = append(cues, cue{e.Span, c.Alpha3})
			}
		case "LOCATION", "GPE", "LOC":
			if !r.personsName(e.Span) {
				r.add(e.Span, text, "a LOCATION entity")
			}
		case "ORG":
			// A country, region or division; a city only with some sign of a place, since
			// companies are named after towns ("Toyota").
			if r.placeLike(text, 50000, true) && !r.personsName(e.Span) && (!r.cityOnly(text) || r.cityCue(e.Span, named)) {
				r.add(e.Span, text, "an ORG entity that is a well-known place")
			} else if sp, ok := r.placeBeforeTitle(e); ok {
				r.add(sp, r.d.Text[sp.Start:sp.End], "the place before a title in an ORG entity")
			} else if sp, ok := r.divisionOf(e); ok {
				r.add(sp, r.d.Text[sp.Start:sp.End], "the place of a division word and \"of\" in an ORG entity")
			} else if !r.placeBeforeName(e) {
				pending = append(pending, e)
			}
		case "PERSON":
			if r.locative(e.Start) && !prevWordIs(r.d.Text, e.Start, "to") && !possessed(r.d.Text, e.End) && r.placeLike(text, 20000, false) {
				// Not after "to", which people follow as often ("reached out to
				// Richardson"), nor a person's possessive ("in Warren's campaign").
				r.add(e.Span, text, "a PERSON entity after a locative word that is a place")
			} else if !r.placeBeforeName(e) {
				pending = append(pending, e)
			}
		}
	}
	for _, h := range hits {
		r.add(h, r.d.Text[h.Start:h.End], "a region name")
	}
	r.untagged(ents)
	r.hyphenated()
	r.cues = append(cues, r.possessives()...)
	slices.SortStableFunc(r.cues, func(a, b cue) int { return cmp.Compare(a.End, b.End) })
	for _, e := range pending {
		if why := r.described(e); why != "" {
			r.add(e.Span, r.d.Text[e.Start:e.End], why)
		}
	}
	r.listed()
	r.repeated()
	slices.SortStableFunc(r.mentions, func(a, b mention) int { return cmp.Compare(a.Start, b.Start) })
}

// repeated adds the other occurrences of a name of two words or more that the article
// already has as a place, where no entity covers them: the entities stage misses some
// repetitions ("According to Windsor Locks' first selectman" after "in Windsor Locks,
// Connecticut").
func (r *resolver) repeated() {
	seen := map[string]bool{}
	n := len(r.mentions)
	for k := 0; k < n; k++ {
		name := r.mentions[k].text
		if seen[name] || !strings.ContainsRune(name, ' ') {
			continue
		}
		seen[name] = true
		for off := 0; ; {
			i := strings.Index(r.d.Text[off:], name)
			if i < 0 {
				break
			}
			sp := doc.Span{Start: off + i, End: off + i + len(name)}
			off = sp.End
			if sp.Start > 0 && isWordByte(r.d.Text[sp.Start-1]) || sp.End < len(r.d.Text) && isWordByte(r.d.Text[sp.End]) {
				continue
			}
			covered := func(x doc.Span) bool { return x.Start < sp.End && sp.Start < x.End }
			if slices.ContainsFunc(r.ents, func(e doc.Entity) bool { return covered(e.Span) }) ||
				slices.ContainsFunc(r.mentions, func(m mention) bool { return covered(m.Span) }) {
				continue
			}
			r.add(sp, name, "the name of a place the article names elsewhere")
		}
	}
}

// isWordByte reports whether b is an ASCII letter or digit, or part of a multi-byte rune.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// countriesNamed returns the countries of the countries, regions and divisions that
// LOCATION entities name.
func (r *resolver) countriesNamed(ents []doc.Entity) map[string]bool {
	out := map[string]bool{}
	for _, e := range ents {
		if e.Type != "LOCATION" && e.Type != "GPE" {
			continue
		}
		for _, m := range r.lookup(r.d.Text[e.Start:e.End]) {
			if m.Kind != gazetteer.City && m.Country != "" && m.Level != gazetteer.Skeletal {
				out[m.Country] = true
			}
		}
	}
	return out
}

// cityCue reports whether a city's name typed as an organisation has a sign of a place: a
// locative word before it ("fled into Rafah"), a descriptor and "of" ("the port of Bandar
// Abbas"), or a namesake in a country the article names ("El Fasher ... in Darfur").
func (r *resolver) cityCue(sp doc.Span, named map[string]bool) bool {
	if r.locative(sp.Start) {
		return true
	}
	if w1, rest := lastWord(r.d.Text[:sp.Start]); w1 == "of" {
		if w2, _ := lastWord(rest); r.s.v.descriptor[w2] && w2 != "the" && w2 != "a" && w2 != "an" && w2 != "of" {
			return true
		}
	}
	return slices.ContainsFunc(r.lookup(r.d.Text[sp.Start:sp.End]), func(m gazetteer.Match) bool { return named[m.Country] })
}

// lookup is the gazetteer's Lookup of a name without a leading "the", once per name and
// article.
func (r *resolver) lookup(name string) []gazetteer.Match {
	if m, ok := r.looked[name]; ok {
		return m
	}
	m := r.s.g.Lookup(trimThe(name))
	r.looked[name] = m
	return m
}

// cityOnly reports whether every place the gazetteer has under name is a city.
func (r *resolver) cityOnly(name string) bool {
	return !slices.ContainsFunc(r.lookup(name), func(m gazetteer.Match) bool { return m.Kind != gazetteer.City })
}

// headlineCase reports whether a title capitalises most of its words ("Fire Kills Nine In
// Paris"), where a capital letter says nothing about names.
func headlineCase(title string) bool {
	n, up := 0, 0
	for _, w := range strings.Fields(title) {
		if len(w) < 4 {
			continue
		}
		n++
		if unicode.IsUpper([]rune(w)[0]) {
			up++
		}
	}
	return n >= 3 && up*10 >= n*7
}

// personsName reports whether a one-word name is the surname of a person the article
// names in full ("Valeska Paris ... Paris claims"), and no locative word makes it a place.
// A country or region is never taken for a surname.
func (r *resolver) personsName(sp doc.Span) bool {
	text := r.d.Text[sp.Start:sp.End]
	if strings.ContainsRune(text, ' ') || !r.surnames[gazetteer.Normalize(text)] || r.locative(sp.Start) {
		return false
	}
	return !r.countryOrRegion(text)
}

// peoplesName reports whether a one-word name is the surname or given name of a person
// the article names in full ("Hillary Clinton ... between Clinton and Bernie"): no way
// into the places makes it one, unless a locative word stands before a well-known place
// ("in Paris"). A country, region or first-level division is never taken for a person's
// name.
func (r *resolver) peoplesName(sp doc.Span) bool {
	text := r.d.Text[sp.Start:sp.End]
	if strings.ContainsRune(text, ' ') || !r.people[gazetteer.Normalize(text)] ||
		r.locative(sp.Start) && r.placeLike(text, 100000, true) {
		return false
	}
	// A state keeps its name after a headline's person ("Hillary Clinton In Oklahoma").
	return !r.countryOrRegion(text) && !slices.ContainsFunc(r.lookup(text), func(m gazetteer.Match) bool {
		return m.Kind == gazetteer.Admin1 && m.Feature != featureSubdivision && m.Level == gazetteer.Exact
	})
}

// countryOrRegion reports whether text names a country or a region.
func (r *resolver) countryOrRegion(text string) bool {
	return slices.ContainsFunc(r.lookup(text), func(m gazetteer.Match) bool {
		return m.Kind == gazetteer.Country || m.Kind == gazetteer.Region
	})
}

// placeBeforeName adds the place that opens a name after an office's "of" ("the mayor of
// Koszalin Piotr Jedlinski", "First Minister of Scotland Nicola Sturgeon"), which the
// entities stage took together: a title word before "of", then one or two words that are
// a well-known place, then at least two capitalised words, or one when a person's name
// goes on right after the entity ("Prime Minister of India Narendra Modi" cut as "India
// Narendra" and "Modi"). It reports whether it added one.
func (r *resolver) placeBeforeName(e doc.Entity) bool {
	w, rest := lastWord(r.d.Text[:e.Start])
	if w != "of" {
		return false
	}
	if !r.s.v.title[trailingWord(rest)] {
		return false // an office "of" the place: not "in honor of Martin Luther King"
	}
	words := strings.Fields(r.d.Text[e.Start:e.End])
	minRest := 2
	if i, ok := slices.BinarySearchFunc(r.ents, e.End+1, func(x doc.Entity, pos int) int { return cmp.Compare(x.Start, pos) }); ok && r.ents[i].Type == "PERSON" && r.d.Text[e.End] == ' ' {
		minRest = 1
	}
	for n := 1; n <= 2 && len(words)-n >= minRest; n++ {
		rest := words[n:]
		if !slices.ContainsFunc(rest, func(w string) bool { return !unicode.IsUpper([]rune(w)[0]) }) {
			name := strings.Join(words[:n], " ")
			if r.placeLike(name, 50000, true) {
				r.addMention(doc.Span{Start: e.Start, End: e.Start + len(name)}, name, "the place that opens a name after \"of\"")
				return true
			}
		}
	}
	return false
}

// placeBeforeTitle returns the span of a well-known place that an organisation's
// entity opens when only title words ([title]) follow it: the entities stage takes
// "Connecticut Governor" together.
func (r *resolver) placeBeforeTitle(e doc.Entity) (doc.Span, bool) {
	text := r.d.Text[e.Start:e.End]
	end := len(text)
	for {
		i := strings.LastIndexByte(text[:end], ' ')
		if i <= 0 || !r.s.v.title[strings.ToLower(text[i+1:end])] {
			break
		}
		end = i
	}
	if end == len(text) || !r.placeLike(text[:end], 50000, true) || !r.countryOrDivision(text[:end]) {
		return doc.Span{}, false
	}
	return doc.Span{Start: e.Start, End: e.Start + end}, true
}

// divisionOf returns the span of the place in an organisation's entity that is a
// division word, "of" and a name the gazetteer has exactly ("Municipality of Livorno",
// "Province of Quebec"): the council or government of a place is named by it. When the
// whole is a name of the gazetteer ("District of Columbia"), the whole is the place.
func (r *resolver) divisionOf(e doc.Entity) (doc.Span, bool) {
	text := r.d.Text[e.Start:e.End]
	head, rest, ok := strings.Cut(text, " of ")
	if !ok || strings.ContainsRune(head, ' ') || !r.s.v.division[strings.ToLower(head)] || rest == "" || !unicode.IsUpper(rune(rest[0])) {
		return doc.Span{}, false
	}
	exact := func(m gazetteer.Match) bool { return m.Level == gazetteer.Exact }
	if slices.ContainsFunc(r.lookup(text), exact) {
		return e.Span, true // a name of its own: "District of Columbia", "City of London"
	}
	if !slices.ContainsFunc(r.lookup(rest), func(m gazetteer.Match) bool { return exact(m) && m.Main }) {
		return doc.Span{}, false
	}
	start := e.Start + len(head) + len(" of ")
	return doc.Span{Start: start, End: e.End}, true
}

// countryOrDivision reports whether text names a country, a region or a first-level
// division.
func (r *resolver) countryOrDivision(text string) bool {
	return slices.ContainsFunc(r.lookup(text), func(m gazetteer.Match) bool {
		return m.Kind == gazetteer.Country || m.Kind == gazetteer.Region || m.Kind == gazetteer.Admin1 && m.Feature != featureSubdivision
	})
}

// trailingWord returns the lower-cased ASCII letters that end text, after at most one
// space, also when a hyphen precedes them ("then-governor" gives "governor").
func trailingWord(text string) string {
	text = strings.TrimSuffix(text, " ")
	i := len(text)
	for i > 0 && (text[i-1] >= 'a' && text[i-1] <= 'z' || text[i-1] >= 'A' && text[i-1] <= 'Z') {
		i--
	}
	return strings.ToLower(text[i:])
}

// described returns why the text makes a place of an entity typed as a person or an
// organisation, "" when it does not: a country or division right after it that holds a
// place of that name ("Marksville, Louisiana"), or a demonym or country's possessive
// before it in whose country a place of that name lies ("Tonga's capital, Nukuʻalofa",
// "the Greek island of Samos").
func (r *resolver) described(e doc.Entity) string {
	key := gazetteer.Normalize(trimThe(r.d.Text[e.Start:e.End]))
	if _, ok := r.byKey[key]; ok {
		return "a name the article uses for a place elsewhere"
	}
	matches := r.s.g.LookupKey(key)
	if len(matches) == 0 || matches[0].Level == gazetteer.Skeletal {
		if core, _ := r.core(key); core != "" {
			matches = r.s.g.LookupKey(core)
		}
	}
	if len(matches) == 0 || matches[0].Level == gazetteer.Skeletal {
		return ""
	}
	if country := r.cueBefore(&mention{Span: e.Span}); country != "" {
		for _, m := range matches {
			if m.Country == country && m.Kind != gazetteer.Country {
				return "named after a demonym or a country's possessive (" + country + ")"
			}
		}
	}
	end := e.End // past a division word: "Palm Beach County in Florida"
	if w := nextWord(r.d.Text, end); (r.s.v.division[w] || r.s.v.generic[w]) && unicode.IsUpper(rune(r.d.Text[end+1])) {
		end += 1 + len(w)
	}
	rest := r.d.Text[end:]
	gap := len(", ")
	if strings.HasPrefix(rest, " in ") {
		gap = len(" in ")
	} else if !strings.HasPrefix(rest, ", ") {
		return ""
	}
	i, ok := slices.BinarySearchFunc(r.ents, end+gap, func(x doc.Entity, pos int) int { return cmp.Compare(x.Start, pos) })
	if !ok || r.ents[i].Type != "LOCATION" && r.ents[i].Type != "GPE" {
		return ""
	}
	outer := r.lookup(r.d.Text[r.ents[i].Start:r.ents[i].End])
	for _, o := range outer {
		for _, m := range matches {
			if contains(o.Place, m.Place) {
				return "followed by the country or division that holds it (" + r.ents[i].Text + ")"
			}
		}
	}
	return ""
}

// listed adds the capitalised words that the entities stage left untagged, or typed as a
// person or an organisation, in a list of
// places ("the towns of Carrascal, Cantilan, Madrid and Cortes") when the gazetteer has a
// town of that name in the same division as a place of a listed neighbour's name, and
// the later mentions of such a name after a locative word or "of" ("east of Carrascal").
func (r *resolver) listed() {
	toks := r.d.Tokens
	// What covers each token, and which mention starts or ends where, are indexed once
	// and again after each new mention, so that a long article costs a few passes over
	// its tokens rather than a scan of every mention and entity for each capitalised
	// word (24,000 words took minutes that way).
	ix := r.newListIndex()
	for changed := true; changed; {
		changed = false
		for i, t := range toks {
			if !capitalised(t) || i == 0 || ix.covered(i) {
				continue
			}
			if r.locative(t.Start) || prevWordIs(r.d.Text, t.Start, "of") {
				if _, ok := r.byKey[gazetteer.Normalize(t.Text)]; ok {
					n := len(r.mentions)
					r.add(t.Span, t.Text, "a name the article uses for a place elsewhere")
					if len(r.mentions) > n {
						changed = true
						ix = r.newListIndex()
					}
					continue
				}
			}
			var next, prev *mention
			if i+1 < len(toks) && (toks[i+1].Text == "," || toks[i+1].Text == "and") {
				next = ix.startingAt(r, i+2)
			}
			if toks[i-1].Text == "," || toks[i-1].Text == "and" {
				prev = ix.endingAt(r, i-2)
			}
			if prev == nil && next == nil {
				continue
			}
			key := gazetteer.Normalize(t.Text)
			for _, m := range []*mention{prev, next} {
				if m != nil && r.sameDivision(key, m.group) {
					n := len(r.mentions)
					r.add(t.Span, t.Text, "listed with "+m.text+", in the same division")
					if len(r.mentions) > n {
						changed = true
						ix = r.newListIndex()
					}
					break
				}
			}
		}
	}
}

// listIndex indexes the resolver's mentions and entities by token for listed.
type listIndex struct {
	cover        []bool      // token i is in a mention, or in an entity other than a one-word person or organisation of exactly its span (the entities stage types some towns so)
	start, endAt map[int]int // mention index by start and by end offset
	toks         []doc.Token
}

func (r *resolver) newListIndex() *listIndex {
	toks := r.d.Tokens
	ix := &listIndex{cover: make([]bool, len(toks)), start: map[int]int{}, endAt: map[int]int{}, toks: toks}
	mark := func(sp doc.Span, skip func(doc.Token) bool) {
		k := sort.Search(len(toks), func(k int) bool { return toks[k].End > sp.Start })
		for ; k < len(toks) && toks[k].Start < sp.End; k++ {
			if skip == nil || !skip(toks[k]) {
				ix.cover[k] = true
			}
		}
	}
	for k, m := range r.mentions {
		mark(m.Span, nil)
		if _, ok := ix.start[m.Start]; !ok {
			ix.start[m.Start] = k
		}
		if _, ok := ix.endAt[m.End]; !ok {
			ix.endAt[m.End] = k
		}
	}
	for _, e := range r.ents {
		oneWord := e.Type == "ORG" || e.Type == "PERSON"
		mark(e.Span, func(t doc.Token) bool { return oneWord && t.Span == e.Span })
	}
	return ix
}

func (ix *listIndex) covered(i int) bool { return ix.cover[i] }

// startingAt returns the mention that starts at token i (after an "and" if there is
// one), nil when none does.
func (ix *listIndex) startingAt(r *resolver, i int) *mention {
	if i < len(ix.toks) && ix.toks[i].Text == "and" {
		i++
	}
	if i >= len(ix.toks) {
		return nil
	}
	if k, ok := ix.start[ix.toks[i].Start]; ok {
		return &r.mentions[k]
	}
	return nil
}

// endingAt returns the mention that ends at token i (before a "," of ", and"), nil when
// none does.
func (ix *listIndex) endingAt(r *resolver, i int) *mention {
	if i >= 0 && ix.toks[i].Text == "," {
		i--
	}
	if i < 0 {
		return nil
	}
	if k, ok := ix.endAt[ix.toks[i].End]; ok {
		return &r.mentions[k]
	}
	return nil
}

// sameDivision reports whether the gazetteer has a town named key in the division of a
// town that group gi may mean.
func (r *resolver) sameDivision(key string, gi int) bool {
	for _, m := range r.s.g.LookupKey(key) {
		if m.Level != gazetteer.Exact || m.Kind != gazetteer.City || m.Admin1 == "" {
			continue
		}
		for _, c := range r.groups[gi].cands {
			if c.Kind == gazetteer.City && c.Admin1 == m.Admin1 {
				return true
			}
		}
	}
	return false
}

// prevWordIs reports whether the word before position i is w.
func prevWordIs(text string, i int, w string) bool {
	got, _ := lastWord(text[:i])
	return got == w
}

// hyphenated adds the well-known places written before "-based", "-born"...: "Chicago-based
// Boeing".
func (r *resolver) hyphenated() {
	for _, t := range r.d.Tokens {
		if !capitalised(t) {
			continue
		}
		sp := t.Span
		if j := strings.IndexByte(t.Text, '-'); j > 0 && r.s.v.suffix[strings.ToLower(t.Text[j+1:])] {
			sp.End = t.Start + j
		} else if !strings.HasPrefix(r.d.Text[t.End:], "-") || !r.s.v.suffix[nextWord(r.d.Text, t.End+1)] && !r.s.v.suffix[nextLetters(r.d.Text, t.End+1)] {
			continue
		}
		if slices.ContainsFunc(r.mentions, func(m mention) bool { return m.Start < sp.End && sp.Start < m.End }) {
			continue
		}
		if text := r.d.Text[sp.Start:sp.End]; r.placeLike(text, 50000, true) {
			r.add(sp, text, "a well-known place before a hyphenated word such as -based")
		}
	}
}

// prevLetters returns the ASCII letters that end text ("Air" of "airlines-Air ", after
// one space).
func prevLetters(text string) string {
	text = strings.TrimSuffix(text, " ")
	i := len(text)
	for i > 0 && (text[i-1] >= 'a' && text[i-1] <= 'z' || text[i-1] >= 'A' && text[i-1] <= 'Z') {
		i--
	}
	return text[i:]
}

// nextLetters returns the lower-cased ASCII letters that start text[i:].
func nextLetters(text string, i int) string {
	j := i
	for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
		j++
	}
	return strings.ToLower(text[i:j])
}

// truecasedAt reports whether the token at byte offset off has a capital only because
// its sentence is written in title case or in capitals ("Iran Accuses Israel", "IRAN
// ACCUSES ISRAEL" as a body's first line): the truecase stage gave it a form that opens
// in lower case, so its capital says nothing of a name ("NAIROBI" read as "Nairobi" still
// does).
func (r *resolver) truecasedAt(off int) bool {
	toks := r.d.Tokens
	i, ok := slices.BinarySearchFunc(toks, off, func(t doc.Token, off int) int { return cmp.Compare(t.Start, off) })
	if !ok || toks[i].Truecased == "" {
		return false
	}
	c, _ := utf8.DecodeRuneInString(toks[i].Truecased)
	return unicode.IsLower(c)
}

// currencyAbbrev reports whether a name is a short capitalised abbreviation ("US",
// "U.S.", "HK"), which may be written a space before its currency's "$" ("US $2.6
// billion"); a longer name so placed is the receiver of a sum ("gave Texas $5 million").
func currencyAbbrev(name string) bool {
	name = strings.ReplaceAll(name, ".", "")
	if name == "" || len(name) > 3 {
		return false
	}
	for _, r := range name {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// partOfName reports whether the place name at sp is part of a longer name that is not a
// place, and why: a currency ("US$", "U.S. dollars"), an organisation ("Air France", "CNN
// Philippines", "Mahan Air of Iran", "United States Navy"), or any other name that goes on
// with a capitalised word that is not a title, a day or a month ("Middle East Respiratory
// Syndrome", "Florida Highway Patrol").
func (r *resolver) partOfName(sp doc.Span) bool {
	text := r.d.Text
	if strings.HasPrefix(text[sp.End:], "$") || r.s.v.currency[nextWord(text, sp.End)] || currencyAbbrev(text[sp.Start:sp.End]) && strings.HasPrefix(text[sp.End:], " $") {
		return true
	}
	if w := prevLetters(text[:sp.Start]); w != "" && unicode.IsUpper(rune(w[0])) && r.s.v.orgprefix[strings.ToLower(w)] {
		return true
	}
	// An organisation just before, or before "of" or "of the".
	before := strings.TrimSuffix(strings.TrimSuffix(text[:sp.Start], "the "), "of ")
	for _, e := range r.ents {
		if e.Type == "ORG" && (e.End == sp.Start-1 && text[e.End] == ' ' || e.End == len(before)-1 && len(before) < sp.Start && text[e.End] == ' ') {
			// A division word names the place's own council: "Municipality of Livorno".
			return !r.s.v.division[strings.ToLower(strings.TrimSuffix(text[e.Start:e.End], " of"))]
		}
	}
	// A capitalised name head before "of": "Presidential Medal of Freedom", "University
	// of Texas at Tyler".
	if r.ofName(sp.Start) {
		return true
	}
	// A connector and a capitalised word after: "Surigao del Sur".
	if w := nextWord(text, sp.End); r.s.v.connector[w] {
		if after := strings.TrimLeft(text[sp.End:], " ")[len(w):]; strings.HasPrefix(after, " ") && len(after) > 1 && unicode.IsUpper(rune(after[1])) {
			return true
		}
	}
	// An office's place before its holder's name: "Mayor of Koszalin Piotr Jedlinski",
	// "First Minister of Scotland Nicola Sturgeon".
	if w, rest := lastWord(text[:sp.Start]); w == "of" && r.s.v.title[trailingWord(rest)] {
		return false
	}
	// A capitalised word right after, in the same sentence: an abbreviation's period may
	// end the sentence ("traveling to the U.S. The President later ...").
	if sp.End+1 >= len(text) || text[sp.End] != ' ' || sp.Start < r.d.BodyStart && r.headline {
		return false
	}
	if text[sp.End-1] == '.' && r.d.SentenceAt(sp.End+1) != r.d.SentenceAt(sp.Start) {
		return false
	}
	c, _ := utf8.DecodeRuneInString(text[sp.End+1:])
	if !unicode.IsUpper(c) || r.truecasedAt(sp.End+1) {
		return false
	}
	w := nextWord(text, sp.End)
	if r.s.v.title[w] || r.s.v.division[w] || r.s.v.generic[w] || w == "" {
		return false
	}
	return !slices.ContainsFunc(r.ents, func(e doc.Entity) bool {
		return e.Start == sp.End+1 && (e.Type == "PERSON" || e.Type == "LOCATION" || e.Type == "GPE" || e.Type == "NORP")
	})
}

// ofName reports whether the name starting at i follows "of" or "of the" after a
// capitalised name head ([nameof]) inside a sentence: the name ends a longer one.
func (r *resolver) ofName(i int) bool {
	if i < r.d.BodyStart && r.headline {
		return false
	}
	before := strings.TrimSuffix(r.d.Text[:i], "the ")
	before, ok := strings.CutSuffix(before, " of ")
	if !ok {
		return false
	}
	j := len(before)
	for j > 0 && (unicode.IsLetter(rune(before[j-1])) || before[j-1] == '-') {
		j--
	}
	w := before[j:]
	if w == "" || !unicode.IsUpper(rune(w[0])) || j < 2 || before[j-1] != ' ' {
		return false
	}
	if p := before[j-2]; p == '.' || p == '!' || p == '?' || p == '"' || p == '\n' || p == ':' {
		return false // "Residents of Texas" opening a sentence
	}
	return r.s.v.nameof[strings.ToLower(w)]
}

// placeLike reports whether text is surely a place: a country, a region, a named
// first-level division, or a city or lower division of at least minPop people, matched by its exact name or without an Arabic
// article, and by its main name as written if mainOnly (organisations' names are often a
// town's alternate name: "Hamas" is one of Hamm, Germany; Apple's "Lion" one of Lyon). The entities stage types some places as organisations ("Rafah", "El Fasher",
// "Strait of Hormuz", "Iran" as an actor), and unfamiliar ones as people ("fighting
// around Bakhmut").
func (r *resolver) placeLike(text string, minPop int, mainOnly bool) bool {
	for _, m := range r.lookup(text) {
		if m.Level == gazetteer.Skeletal {
			return false
		}
		switch {
		case m.Kind == gazetteer.Country, m.Kind == gazetteer.Region,
			m.Kind == gazetteer.Admin1 && m.Feature != featureSubdivision && m.Name != m.Admin1,
			(m.Kind == gazetteer.City || m.Feature == featureSubdivision) && m.Population >= minPop &&
				(!mainOnly || m.Main && gazetteer.Normalize(m.Name) == gazetteer.Normalize(trimThe(text))):
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

// truncated reports whether the name at sp continues with a landmark word or an Arabic
// article joined to a capitalised word ("Riad al-Solh"): the entities stage took only its
// first part.
func (r *resolver) truncated(end int) bool {
	text := r.d.Text
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
	return r.s.v.landmark[w] && rest != "" && unicode.IsUpper(rune(rest[0]))
}

// add records a mention and looks its name up, once per name; why says what made it a
// mention, for the place's rule.
func (r *resolver) add(sp doc.Span, text, why string) {
	sp, text = r.extendRight(sp, text)
	if r.partOfName(sp) || r.peoplesName(sp) || r.namedThing(sp) || r.adjective(sp) {
		return
	}
	r.addMention(sp, text, why)
}

// adjective reports whether the one-word name at sp is a demonym before a common noun:
// "the Saudi consulate" (a country's name before a noun, "the US embassy", stays one).
func (r *resolver) adjective(sp doc.Span) bool {
	text := r.d.Text[sp.Start:sp.End]
	if strings.ContainsRune(text, ' ') {
		return false
	}
	if _, ok := r.s.g.Demonym(text); !ok {
		return false
	}
	if _, ok := r.s.g.CountryName(text); ok {
		return false // "US", "UK" are names and adjectives both
	}
	rest, ok := strings.CutPrefix(r.d.Text[sp.End:], " ")
	return ok && rest != "" && rest[0] >= 'a' && rest[0] <= 'z'
}

// possessed reports whether a possessive and a lower-case word follow position i: "Warren's
// campaign".
func possessed(text string, i int) bool {
	rest, ok := strings.CutPrefix(text[i:], "'s ")
	if !ok {
		rest, ok = strings.CutPrefix(text[i:], "’s ")
	}
	return ok && rest != "" && rest[0] >= 'a' && rest[0] <= 'z'
}

// namedThing reports whether the name at sp names a thing: a namer word just before it
// ("Hurricane Zeta", "news agency Fars"), or a number just after it that is part of the
// name ("San Francisco 49ers") or a model's, a namer word following ("a Falcon 9 rocket").
// A score is no such number ("Panama 3 – 0").
func (r *resolver) namedThing(sp doc.Span) bool {
	if w, _ := lastWord(r.d.Text[:sp.Start]); r.s.v.namer[w] {
		return true
	}
	rest, ok := strings.CutPrefix(r.d.Text[sp.End:], " ")
	if !ok || rest == "" || rest[0] < '0' || rest[0] > '9' {
		return false
	}
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	if n < len(rest) && unicode.IsLetter(rune(rest[n])) {
		return true // "49ers"
	}
	return r.s.v.namer[nextWord(rest, n)]
}

// holderAfter returns the first-level division named after a comma at i, by one to three
// capitalised words, and its name as written; nil when there is none.
func (r *resolver) holderAfter(i int) (*gazetteer.Match, string) {
	if !r.commaName(i) {
		return nil, ""
	}
	words := strings.Fields(r.d.Text[i+2 : min(len(r.d.Text), i+80)])
	for n := min(3, len(words)); n >= 1; n-- {
		name := strings.TrimRight(strings.Join(words[:n], " "), ".,;:")
		if c, _ := utf8.DecodeRuneInString(words[n-1]); !unicode.IsUpper(c) {
			continue
		}
		if strings.HasSuffix(name, "'s") || strings.HasSuffix(name, "’s") {
			return nil, "" // a possessive describes: "Niamey, Niger's capital"
		}
		for _, m := range r.s.g.LookupKey(gazetteer.Normalize(name)) {
			if m.Level == gazetteer.Exact && m.Kind == gazetteer.Admin1 && m.Feature != featureSubdivision {
				end := i + 2 + strings.Index(r.d.Text[i+2:], name) + len(name)
				if r.commaName(end) || r.andName(end) {
					return nil, "" // a list of places, not a holder: "Karipur, Kerala and Goa"
				}
				return &m, name
			}
		}
	}
	return nil, ""
}

// andName reports whether "and" or "or", maybe after a comma, and a capitalised word
// follow position i: a list goes on ("Vermont, Colorado, and Tennessee").
func (r *resolver) andName(i int) bool {
	rest := strings.TrimPrefix(r.d.Text[i:], ",")
	for _, conj := range []string{" and ", " or "} {
		if after, ok := strings.CutPrefix(rest, conj); ok {
			c, _ := utf8.DecodeRuneInString(after)
			return unicode.IsUpper(c)
		}
	}
	return false
}

// commaName reports whether a comma and a capitalised word follow position i: "College
// Station, Texas".
func (r *resolver) commaName(i int) bool {
	rest, ok := strings.CutPrefix(r.d.Text[i:], ", ")
	c, _ := utf8.DecodeRuneInString(rest)
	return ok && unicode.IsUpper(c)
}

// addMention is add without the check that the name is part of a longer one.
func (r *resolver) addMention(sp doc.Span, text, why string) {
	// Function words that end an entity ([trailing]) are no part of a name: "East of" (the
	// entities stage's cut of "East of the Euphrates").
	for {
		i := strings.LastIndexByte(text, ' ')
		if i <= 0 || !r.s.v.trailing[text[i+1:]] {
			break
		}
		text = text[:i]
		sp.End = sp.Start + i
	}
	sp, text = r.extendLeft(sp, text)
	if slices.ContainsFunc(r.mentions, func(m mention) bool { return m.Start < sp.End && sp.Start < m.End }) {
		return // one mention a stretch of text
	}
	// A generic word after the name belongs to it ("Hong Kong Island"); alone it is no
	// name ("Island" is Iceland's own name for itself).
	if w := nextWord(r.d.Text, sp.End); r.s.v.generic[w] && unicode.IsUpper(rune(r.d.Text[sp.End+1])) {
		sp.End += 1 + len(w)
		text = r.d.Text[sp.Start:sp.End]
	}
	m := mention{Span: sp, text: text, why: why}
	key := gazetteer.Normalize(trimThe(text))
	last := key[strings.LastIndexByte(key, ' ')+1:]
	if r.s.v.direction[key] || r.s.v.generic[key] || r.s.v.landmark[key] || r.s.v.celestial[key] || r.truncated(sp.End) {
		return
	}
	matches := r.s.g.LookupKey(key)
	if r.s.v.facility[last] && !(slices.ContainsFunc(matches, func(m gazetteer.Match) bool { return m.Level == gazetteer.Exact && m.Main }) && r.commaName(sp.End)) {
		return // a building or a site, unless a place of the whole name is held by the next: "College Station, Texas"
	}
	// A part of a place named by a direction word ([direction]) that headlines and some
	// outlets capitalise: "Northern Mali", "Eastern Ukraine" are Mali's and Ukraine's,
	// when the gazetteer has no place of the whole name ("North Korea", "Western Sahara"
	// it has).
	if w, rest, ok := strings.Cut(key, " "); ok && len(matches) == 0 && r.s.v.direction[w] {
		if rm := r.s.g.LookupKey(rest); len(rm) > 0 {
			key, matches = rest, rm
		}
	}
	// A division or generic word inside the name ("Kerman Province", "Andros Island", "County
	// Galway") or just after it.
	if len(matches) == 0 || matches[0].Level == gazetteer.Skeletal {
		if core, word := r.core(key); core != "" {
			if cm := r.s.g.LookupKey(core); len(cm) > 0 && (len(matches) == 0 || cm[0].Level != gazetteer.Skeletal) {
				// A generic word ("Andros Island", "Trinity Peninsula") asks for no
				// kind of place: the island is not the division or town of its core
				// name, which has to win on the article's evidence.
				if r.s.v.division[word] {
					m.want(word)
				}
				key, matches = core, cm
			}
		}
	} else if w := nextWord(r.d.Text, sp.End); r.s.v.division[w] {
		if longer := key + " " + w; len(r.s.g.LookupKey(longer)) > 0 {
			key = longer // "Kurdistan Region" is a name of its own
		} else {
			m.want(w)
		}
	}
	if why == "a LOCATION entity" && !strings.HasSuffix(r.d.Text[:sp.Start], ", ") {
		// A place the gazetteer lacks (or has only as a loose spelling of another, or only
		// elsewhere), held by the first-level division named next to it, is placed there:
		// "Karipur, Kerala", "Kitchener-Waterloo, Ontario", "Middlesex County,
		// Massachusetts" (the gazetteer's Middlesex is a town of New Jersey); not inside a
		// list of places, and not at a country's centre, which may lie thousands of
		// kilometres away.
		if h, name := r.holderAfter(sp.End); h != nil && !slices.ContainsFunc(matches, func(m gazetteer.Match) bool {
			return m.Level != gazetteer.Skeletal && (m.Country == h.Country && m.Admin1 == h.Admin1 ||
				m.Kind == gazetteer.Country || m.Kind == gazetteer.Region || m.Kind == gazetteer.Admin1 && m.Feature != featureSubdivision)
		}) {
			matches = []gazetteer.Match{*h}
			m.why += "; not in the gazetteer within " + name + ": placed there, as it is named next to it"
		}
	}
	if w1, rest := lastWord(r.d.Text[:sp.Start]); w1 == "of" {
		if w2, _ := lastWord(rest); w2 == "city" || w2 == "town" || w2 == "village" {
			m.wantCity = true
		}
	}
	gi, ok := r.byKey[key]
	if !ok {
		gi = len(r.groups)
		r.byKey[key] = gi
		g := group{key: key, best: -1}
		country := slices.ContainsFunc(matches, func(m gazetteer.Match) bool { return m.Kind == gazetteer.Country })
		for _, mt := range matches {
			if country && mt.Kind == gazetteer.City && !mt.Main {
				continue // "Iraq" is an old name of Arak, Iran: never a rival to the country
			}
			// A short form of the main name counts as the main name ("Frankfurt" of
			// "Frankfurt am Main").
			main := mt.Main || strings.HasPrefix(gazetteer.Normalize(mt.Name), key+" ")
			g.cands = append(g.cands, cand{Place: mt.Place, level: mt.Level, main: main, prior: prior(mt.Place, mt.Level, main)})
		}
		r.groups = append(r.groups, g)
	}
	r.groups[gi].mentions++
	m.group = gi
	r.mentions = append(r.mentions, m)
}

// core returns key without a division or generic word at its end ("andros island" →
// "andros") or a "county" at its start ("county galway" → "galway"), and that word; "" when
// it has none.
func (r *resolver) core(key string) (string, string) {
	if i := strings.LastIndexByte(key, ' '); i > 0 && (r.s.v.division[key[i+1:]] || r.s.v.generic[key[i+1:]]) {
		return key[:i], key[i+1:]
	}
	if rest, ok := strings.CutPrefix(key, "county "); ok {
		return rest, "county"
	}
	return "", ""
}

// extendLeft takes in the capitalised word before a name when the two together are a
// name the gazetteer knows and the name alone is not the same place: the entities stage
// sometimes leaves it out ("General" of "General Santos City", "Ciudad" of "Ciudad
// Juárez").
func (r *resolver) extendLeft(sp doc.Span, text string) (doc.Span, string) {
	before := r.d.Text[:sp.Start]
	if !strings.HasSuffix(before, " ") {
		return sp, text
	}
	start := len(before) - 1
	for start > 0 {
		c, size := utf8.DecodeLastRuneInString(before[:start])
		if !unicode.IsLetter(c) {
			break
		}
		start -= size
	}
	word := before[start : len(before)-1]
	if c, _ := utf8.DecodeRuneInString(word); word == "" || !unicode.IsUpper(c) || start > 0 && !unicode.IsSpace(rune(before[start-1])) {
		return sp, text
	}
	longer := gazetteer.Normalize(word + " " + trimThe(text))
	matches := r.s.g.LookupKey(longer)
	if len(matches) == 0 || matches[0].Level == gazetteer.Skeletal {
		if core, _ := r.core(longer); core != "" {
			matches = r.s.g.LookupKey(core)
		}
	}
	if len(matches) == 0 || matches[0].Level == gazetteer.Skeletal {
		return sp, text
	}
	return doc.Span{Start: start, End: sp.End}, r.d.Text[start:sp.End]
}

// want records what a division word next to the name asks for ("Kerman province" a
// division, "Kurdistan region" a region, "Kerman city" a city).
// extendRight takes in a connector ([connector]) and the capitalised word after a name
// when together they are a name the gazetteer knows: the entities stage cuts some
// Spanish and Portuguese names in two ("Davao" and "Sur" of "Davao del Sur").
func (r *resolver) extendRight(sp doc.Span, text string) (doc.Span, string) {
	w := nextWord(r.d.Text, sp.End)
	if !r.s.v.connector[w] {
		return sp, text
	}
	i := sp.End + 1 + len(w)
	rest, ok := strings.CutPrefix(r.d.Text[i:], " ")
	if !ok || rest == "" || !unicode.IsUpper(rune(rest[0])) {
		return sp, text
	}
	j := strings.IndexFunc(rest, func(c rune) bool { return !unicode.IsLetter(c) && c != '-' })
	if j < 0 {
		j = len(rest)
	}
	end := i + 1 + j
	longer := r.d.Text[sp.Start:end]
	if !slices.ContainsFunc(r.lookup(longer), func(m gazetteer.Match) bool { return m.Level == gazetteer.Exact }) {
		return sp, text
	}
	return doc.Span{Start: sp.Start, End: end}, longer
}

func (m *mention) want(word string) {
	switch word {
	case "region":
		m.wantRegion = true
	case "city", "municipality":
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

// personOf reports whether the name starting at i follows a person's name and "of":
// "Doug Collins of Georgia".
func (r *resolver) personOf(i int) bool {
	before, ok := strings.CutSuffix(r.d.Text[:i], " of ")
	if !ok {
		return false
	}
	return slices.ContainsFunc(r.ents, func(e doc.Entity) bool { return e.Type == "PERSON" && e.End == len(before) })
}

// explicit adds the evidence of each mention's surroundings to its group's candidates.
func (r *resolver) explicit() {
	for i := range r.mentions {
		m := &r.mentions[i]
		if r.personOf(m.Start) {
			// "Senator Ron Wyden of Oregon", "Doug Collins of Georgia": a person's home
			// is most often a state of a country, where a state and a country share the
			// name.
			for ci := range r.groups[m.group].cands {
				if c := &r.groups[m.group].cands[ci]; c.Kind == gazetteer.Admin1 && c.Feature != featureSubdivision {
					c.local += localPersonOf
					c.note("a person's home after the name")
				}
			}
		}
		for ci := range r.groups[m.group].cands {
			c := &r.groups[m.group].cands[ci]
			switch {
			case m.wantAdmin && c.Kind == gazetteer.Admin1:
				c.local += localAdmin
				c.note("a division word next to it")
			case m.wantRegion && (c.Kind == gazetteer.Admin1 || c.Kind == gazetteer.Region):
				c.local += localRegion
				c.note("a region word next to it")
			case m.wantCity && c.Kind == gazetteer.City:
				c.local += localCity
				c.note("a city word next to it")
			}
		}
		r.sentenceCountries(m)
		if i+1 < len(r.mentions) {
			r.pair(m, &r.mentions[i+1])
		}
		if code, abbr := divisionCodeAfter(r.d.Text, m.End); code != "" {
			for ci := range r.groups[m.group].cands {
				if c := &r.groups[m.group].cands[ci]; c.Kind == gazetteer.City && strings.HasSuffix(c.Admin1, "."+code) {
					c.local += pairComma
					c.note("held by " + abbr + ", named next to it")
				}
			}
		}
		if country := r.cueBefore(m); country != "" {
			for ci := range r.groups[m.group].cands {
				if c := &r.groups[m.group].cands[ci]; c.Country == country && c.Kind != gazetteer.Country {
					c.local += localAdjacent
					c.note("a demonym or " + country + "'s possessive before it")
				}
			}
		}
	}
}

// sentenceCountries favours the towns and divisions of mention m that lie in a country
// another mention of its sentence names ("Saudi Arabia extended curfews in the holy cities
// of Mecca and Medina": Medina, Saudi Arabia, over Medina, Ohio, in an article that names
// the United States more often). A town that a namesake outranks gains nothing, so that
// "talks between the US and Iran in Vienna" stay in Austria; nor does a name that is a
// country's or a region's.
func (r *resolver) sentenceCountries(m *mention) {
	sent := r.d.SentenceAt(m.Start)
	if sent < 0 {
		return
	}
	named := map[string]bool{}
	for _, o := range r.mentions {
		if o.group == m.group || r.d.SentenceAt(o.Start) != sent {
			continue
		}
		for _, c := range r.groups[o.group].cands {
			if c.Kind == gazetteer.Country {
				named[c.Country] = true
			}
		}
	}
	g := &r.groups[m.group]
	if slices.ContainsFunc(g.cands, func(c cand) bool { return c.Kind == gazetteer.Country || c.Kind == gazetteer.Region }) {
		return // "Luxembourg" is the country, whatever Belgian province shares its name
	}
	for ci := range g.cands {
		c := &g.cands[ci]
		if (c.Kind == gazetteer.City || c.Kind == gazetteer.Admin1) && named[c.Country] && !outranked(g, c) &&
			!slices.Contains(c.why, "in a sentence that names "+c.Country) {
			c.local += localSentence
			c.note("in a sentence that names " + c.Country)
		}
	}
}

// divisionCodeAfter reads a division's two-letter code after a comma at i ("Washington,
// D.C.", "Portland, OR"), as GeoNames codes the divisions of some countries (those of the
// United States by their postal codes): the code without dots and the text as written.
func divisionCodeAfter(text string, i int) (code, abbr string) {
	rest, ok := strings.CutPrefix(text[i:], ", ")
	if !ok {
		return "", ""
	}
	var letters []byte
	n := 0
	for ; n < len(rest); n++ {
		b := rest[n]
		if b >= 'A' && b <= 'Z' && len(letters) < 2 {
			letters = append(letters, b)
		} else if b != '.' || n == 0 {
			break
		}
	}
	if len(letters) != 2 || n < len(rest) && unicode.IsLetter(rune(rest[n])) {
		return "", ""
	}
	return string(letters), rest[:n]
}

// pair handles "X, Y" and "X in Y" where Y is a country or division: the candidates of X
// inside a candidate of Y, and those candidates of Y, gain.
func (r *resolver) pair(x, y *mention) {
	if x.group == y.group || y.Start < x.End || y.Start-x.End > 40 {
		return
	}
	var w float64
	gap := strings.TrimSpace(r.d.Text[x.End:y.Start])
	words := strings.Fields(strings.ToLower(strings.TrimPrefix(gap, ",")))
	if gap == "," || len(words) == 1 && (words[0] == "and" || words[0] == "or") {
		r.listedTogether(x, y)
	}
	switch {
	case gap == ",":
		w = pairComma
	case len(words) > 0 && words[0] == "in" && r.allDescriptors(words[1:]):
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
				xs[xi].note("held by " + r.d.Text[y.Start:y.End] + ", named next to it")
				in = true
			}
		}
		if in {
			ys[yi].local += w
			ys[yi].note("holds " + r.d.Text[x.Start:x.End] + ", named next to it")
		}
	}
}

// listedTogether handles "X, Y" and "X and Y" where both may be towns: the towns of each
// that share a first-level division with a town of the other gain a little ("Cantilan,
// Madrid, Carmen, Lanuza, and Cortes" are towns of one Philippine province), enough that a
// foreign division of the same name no longer outranks them. Not when both towns are
// outranked by namesakes: "New Mexico, Nevada, Oregon" are no towns of Missouri.
func (r *resolver) listedTogether(x, y *mention) {
	gx, gy := &r.groups[x.group], &r.groups[y.group]
	xs, ys := gx.cands, gy.cands
	for xi := range xs {
		for yi := range ys {
			a, b := &xs[xi], &ys[yi]
			if a.Kind != gazetteer.City || b.Kind != gazetteer.City || a.Admin1 == "" || a.Admin1 != b.Admin1 || a.GeonameID == b.GeonameID {
				continue // a list names different places: not "Mecca and Medina" as Medina, Ohio, twice
			}
			if outranked(gx, a) && outranked(gy, b) {
				continue
			}
			if !slices.Contains(a.why, "listed with "+y.text+", in the same division") {
				a.local += localListed
				a.note("listed with " + y.text + ", in the same division")
			}
			if !slices.Contains(b.why, "listed with "+x.text+", in the same division") {
				b.local += localListed
				b.note("listed with " + x.text + ", in the same division")
			}
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
	if !r.allDescriptors(strings.FieldsFunc(strings.ToLower(gap), func(r rune) bool { return unicode.IsSpace(r) || r == ',' })) {
		return ""
	}
	return c.country
}

func (r *resolver) allDescriptors(words []string) bool {
	for _, w := range words {
		if !r.s.v.descriptor[w] {
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
