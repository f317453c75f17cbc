package quote

import (
	"sort"

	"github.com/tocsin-project/tocsin/doc"
)

// gender of a person mention or pronoun.
type gender uint8

const (
	unknown gender = iota
	male
	female
)

// mention is a person named in the text, outside quotes.
type mention struct {
	span
	gender gender
}

// people holds the person mentions of a document in text order.
type people struct {
	mentions []mention
}

// resolveWindow is how many paragraphs before a pronoun's own the antecedent may be in.
const resolveWindow = 3

// findPeople scans the document for person mentions: capitalised runs that start with a
// title or a known first name, follow a noun for a person, or repeat the surname of an
// earlier person. Mentions inside quotes are skipped: a name a speaker utters is not who
// "she" refers to after the quote.
func (a *analysis) findPeople() *people {
	if a.people != nil {
		return a.people
	}
	p := &people{}
	surnames := map[string]gender{}
	for i := 0; i < len(a.toks); i++ {
		if a.inQ[i] >= 0 && !a.quotes[a.inQ[i]].single || !a.isCap(i) {
			continue
		}
		// Sentence-initial function words and time words are not names.
		if a.capFunction(i) {
			continue
		}
		first, end := i, i
	run:
		for end < len(a.toks) && (a.inQ[end] < 0 || a.quotes[a.inQ[end]].single) {
			switch {
			case a.long[end]&fTitle != 0 && a.isCap(end):
				end += int(a.longN[end])
			case a.isCap(end) && !a.capFunction(end):
				end++
			case a.one[end]&fParticle != 0 && a.isLower(end) && end+1 < len(a.toks) && a.isCap(end+1):
				end++
			default:
				break run
			}
		}
		i = end - 1
		// The name follows the last title in the run ("Retired Lt. Gen. Michael Flynn"),
		// or a capitalised noun for a person that opens the sentence ("Farmer Ilse …").
		nameStart, g, titled := first, unknown, false
		if a.one[first]&fRole != 0 && a.clauseStart(first) && end-first > 1 {
			nameStart, g, titled = first+1, a.genderOf(first), true
		}
		for k := first; k < end; k++ {
			if a.long[k]&fTitle != 0 && a.isCap(k) {
				titled = true
				if tg := a.genderOf(k); tg != unknown {
					g = tg
				}
				nameStart = k + int(a.longN[k])
				k = nameStart - 1
			}
		}
		nameLen := end - nameStart
		if nameLen <= 0 {
			continue
		}
		last := a.toks[end-1].Text
		person := titled
		if gf := a.one[nameStart] & (fMale | fFemale); gf != 0 && nameLen >= 2 {
			person = true
			if g == unknown {
				g = a.genderOf(nameStart)
			}
		}
		if r := a.roleAfter(end); r >= 0 && !person {
			person = true // "Christian Estrosi, a former mayor of Nice"
			if g == unknown {
				g = a.genderOf(r)
			}
		}
		if r := a.roleBefore(first); r >= 0 {
			person = true
			if g == unknown {
				g = a.genderOf(r)
			}
		}
		if sg, ok := surnames[last]; ok {
			person = true
			if g == unknown {
				g = sg
			}
		}
		if !person {
			continue
		}
		if g != unknown || surnames[last] == unknown {
			surnames[last] = g
		}
		p.mentions = append(p.mentions, mention{span{first, end}, g})
	}
	a.people = p
	return p
}

// genderOf returns the gender cue of token i.
func (a *analysis) genderOf(i int) gender {
	f := a.one[i] | a.long[i]
	switch {
	case f&fFemale != 0 && f&fMale == 0:
		return female
	case f&fMale != 0 && f&fFemale == 0:
		return male
	}
	return unknown
}

// roleBefore returns the token of a noun for a person just before token i ("daughter
// Zeinab", "secretary of state, Mike Pompeo"), or -1. A name after a preposition ("the
// mayor of Nice") is not a person's.
func (a *analysis) roleBefore(i int) int {
	switch {
	case i < 1:
		return -1
	case a.one[i-1]&fRole != 0 && a.isLower(i-1):
		return i - 1
	case a.toks[i-1].Text != ",":
		return -1
	}
	for k := i - 2; k >= 0 && i-k <= 5; k-- {
		if a.one[k]&fRole != 0 && a.isLower(k) {
			return k
		}
		if !(a.is(k, "of") || a.isLower(k) && a.one[k]&(fStop|fDet|fSpeech) == 0) {
			return -1
		}
	}
	return -1
}

// roleAfter returns the token of a noun for a person in an appositive that follows a name
// ending before token end (", a former mayor of Nice"), or -1.
func (a *analysis) roleAfter(end int) int {
	if end+1 >= len(a.toks) || a.toks[end].Text != "," {
		return -1
	}
	k := end + 1
	if a.one[k]&fDet != 0 {
		k++
	}
	for n := 0; k < len(a.toks) && n < 4 && a.isLower(k); k, n = k+1, n+1 {
		if a.one[k]&fRole != 0 {
			return k
		}
		if a.one[k]&(fStop|fSpeech) != 0 {
			return -1
		}
	}
	return -1
}

// resolve returns the person a third-person pronoun at token i refers to: the nearest
// earlier mention of the pronoun's gender in its own or the previous paragraph, else the
// nearest mention of that gender or of unknown gender within resolveWindow paragraphs. A
// mention of the other gender is never chosen.
func (a *analysis) resolve(i int, g gender) (mention, bool) {
	ms := a.findPeople().mentions
	end := sort.Search(len(ms), func(k int) bool { return ms[k].first >= i })
	p := a.paragraph(i)
	for k := end - 1; k >= 0 && a.paragraph(ms[k].first) >= p-1; k-- {
		if a.genderOfMention(ms[k]) == g {
			return ms[k], true
		}
	}
	for k := end - 1; k >= 0 && a.paragraph(ms[k].first) >= p-resolveWindow; k-- {
		if mg := a.genderOfMention(ms[k]); mg == g || mg == unknown {
			return ms[k], true
		}
	}
	return mention{}, false
}

// genderOfMention is the gender of m, or the one a pronoun taught for its surname.
func (a *analysis) genderOfMention(m mention) gender {
	if m.gender == unknown {
		return a.learned[a.toks[m.end-1].Text]
	}
	return m.gender
}

// speaker builds the speaker of an attribution from the head of its source phrase:
// pronouns are resolved (resolvePronoun), and an entity layer, when present, is preferred.
func (a *analysis) speaker(head span) who {
	if head.empty() {
		return who{}
	}
	if head.end-head.first == 1 && (a.one[head.first]&fPronoun != 0 || a.is(head.first, "him") || a.is(head.first, "her")) {
		if s, ok := a.entityAntecedent(a.spanOf(head)); ok {
			return who{s: s, head: head}
		}
		if g := a.genderOf(head.first); g != unknown {
			if r, ok := a.resolvePronoun(head.first, g); ok {
				head = r
			}
		}
	}
	sp := a.spanOf(head)
	return who{s: a.withEntity(doc.Speaker{Text: a.d.Text[sp.Start:sp.End], Span: sp}), head: head}
}

// resolvePronoun finds who "he" or "she" at token i is. News quotes one speaker after
// another, so the latest earlier speaker of this or the two previous paragraphs comes
// first when it is a person of compatible gender (same or unknown); then the person
// mentions (resolve). The gender is remembered for the person's surname.
func (a *analysis) resolvePronoun(i int, g gender) (span, bool) {
	p, start := a.paragraph(i), a.toks[i].Start
	best := -1
	for k, m := range a.meta {
		c := a.out[k].Cue
		if m.who.head.empty() || c.Len() == 0 || c.Start >= start || m.para < p-2 || best >= 0 && c.Start <= a.out[best].Cue.Start {
			continue
		}
		if sg, person := a.speakerGender(m.who.head); person && (sg == g || sg == unknown) {
			best = k
		}
	}
	r := span{}
	if best >= 0 {
		r = a.meta[best].who.head
	} else if m, ok := a.resolve(i, g); ok {
		r = m.span
	} else {
		return span{}, false
	}
	if a.learned == nil {
		a.learned = map[string]gender{}
	}
	a.learned[a.toks[r.end-1].Text] = g
	return r, true
}

// speakerGender returns the gender of a speaker and whether it is a person: a person
// mention, a phrase with a noun for a person ("a spokeswoman"), or a name.
func (a *analysis) speakerGender(h span) (gender, bool) {
	for _, m := range a.findPeople().mentions {
		if m.end == h.end {
			return a.genderOfMention(m), true
		}
	}
	for i := h.first; i < h.end; i++ {
		if a.one[i]&fRole != 0 {
			return a.genderOf(i), true
		}
	}
	return unknown, a.isName(h)
}

// entityAntecedent uses an entity layer that resolved the pronoun at p: the speaker is the
// nearest earlier named mention of the same entity.
func (a *analysis) entityAntecedent(p doc.Span) (doc.Speaker, bool) {
	var pe *doc.Entity
	for k := range a.d.Entities {
		if e := &a.d.Entities[k]; e.Start <= p.Start && e.End >= p.End && e.Canonical != "" {
			pe = e
			break
		}
	}
	if pe == nil {
		return doc.Speaker{}, false
	}
	s := doc.Speaker{Text: a.d.Text[p.Start:p.End], Canonical: pe.Canonical, Actor: pe.Actor, Span: p}
	for k := len(a.d.Entities) - 1; k >= 0; k-- {
		e := a.d.Entities[k]
		if e.End <= p.Start && e.Canonical == pe.Canonical && e.Mention != "pronoun" {
			s.Text, s.Span = e.Text, e.Span
			break
		}
	}
	return s, true
}

// withEntity replaces s by an entity that covers it, or takes the canonical name and actor
// of an entity inside it.
func (a *analysis) withEntity(s doc.Speaker) doc.Speaker {
	var inside *doc.Entity
	for k := range a.d.Entities {
		e := &a.d.Entities[k]
		switch {
		case e.Start <= s.Start && e.End >= s.End:
			return doc.Speaker{Text: e.Text, Canonical: e.Canonical, Actor: e.Actor, Span: e.Span}
		case e.Start >= s.Start && e.End <= s.End && (inside == nil || e.Len() > inside.Len()):
			inside = e
		}
	}
	if inside != nil {
		s.Canonical, s.Actor = inside.Canonical, inside.Actor
	}
	return s
}
