package casualty

import "strings"

// count is a counted phrase: [qualifier] number [or more] [of the] [modifiers] [noun].
// Items are indexes into reader.its.
type count struct {
	start, num int // first item (the qualifier, if any) and the number item
	value      int64
	vague      bool
	qual       uint8
	inner      int   // a number inside a partitive ("two of the 50 passengers"), or -1
	head       int   // the noun for people, or -1
	noun       uint8 // kinds of a casualty noun heading the phrase ("56 deaths")
	end        int   // the item after the phrase
	plain      int   // the item after unknown modifiers that may hold an unlisted noun
}

// count reads the counted phrase whose number (or "a"/"an") is item k. It fails when the
// number is not a count of people: money, an age, a crowd, a unit, or negated or
// hypothetical from just before.
func (r *reader) count(k int) (count, bool) {
	c, ok := r.countPhrase(k)
	if ok && c.inner >= 0 && c.start == k && k >= 2 && r.word(k-1) == "but" && r.word(k-2) == "all" && r.its[c.inner].value > c.value {
		// "All but one of the sixteen on-board died": the others of the group, fifteen.
		c.value, c.start = r.its[c.inner].value-c.value, k-2
	}
	if ok && r.word(k) == "both" && (c.head < 0 || !r.its[c.head].has(fVictim)) {
		// "Both crew members suffered minor injuries" is two; "were both evacuated",
		// "both legislative bodies" count no one.
		return c, false
	}
	return c, ok
}

// countPhrase is count without the check that "both" counts people.
func (r *reader) countPhrase(k int) (count, bool) {
	its := r.its
	n := len(its)
	c := count{start: k, num: k, inner: -1, head: -1}
	it := &its[k]
	single := false
	switch {
	case it.has(fNumber):
		c.value, c.vague = it.value, it.has(fVague)
	case it.glue == gIndef:
		c.value, single = 1, true
	default:
		return c, false
	}
	if !single && k > 0 && its[k-1].has(fQual) {
		c.qual, c.start = its[k-1].qual, k-1
	}
	if lo := r.rangeLow(k); lo >= 0 {
		// "between 30 and 40 people": the lower bound is reported.
		c.value, c.vague, c.qual, c.inner, c.start = its[lo].value, its[lo].has(fVague), qAtLeast, lo, lo
		if lo > 0 && r.word(lo-1) == "between" {
			c.start = lo - 1
		}
	}
	if !r.leftOK(c.start) || !single && r.apposedAge(k) {
		return c, false
	}
	j := k + 1
	if !single && j < n && its[j].has(fPostQual) {
		c.qual = its[j].qual
		j++
	}
	if !single && j < n && its[j].glue == gOf {
		switch {
		case j+2 < n && r.capish(j+1) && its[j+2].glue == gPoss:
			j += 3 // "two of Khan's victims"
		case j+1 < n && its[j+1].has(fPartitive):
			j += 2
			if w := r.word(j - 1); w == "them" || w == "us" || w == "whom" {
				c.end, c.plain = j, j
				return c, true
			}
			if j < n && its[j].has(fNumber) && !its[j].has(fVague) {
				c.inner = j
				j++
			}
			if j < n && its[j].kinds[rolePredicate] != 0 {
				// "one of the wounded": the casualty word is the noun; a predicate must follow.
				c.head, c.end, c.plain = j, j+1, j+1
				return c, true
			}
		case c.vague || r.endsInScale(k):
			j++ // "dozens of people", "two million of"
		default:
			c.end, c.plain = j, j // "12 of whom": the phrase stops at the number
			return c, true
		}
	}
	if !single && j+1 < n && its[j].has(fAdditive) && !its[j].has(fVictim) && !its[j+1].has(fWord|fVictim|fCap) && its[j+1].kinds[roleNoun] == 0 {
		c.end, c.plain = j+1, j+1 // "around twenty more were injured"
		return c, true
	}
	from := j
	// Up to three modifiers before the noun: "fourteen former paramilitary group members".
	for m := 0; j < n && m < 4; m++ {
		x := &its[j]
		switch {
		case x.has(fUnit):
			return c, false
		case x.has(fVictim) && j+1 < n && its[j+1].has(fVictim) && !its[j+1].hasKind() && !r.pluralish(j) && m < 3:
			j++ // "a civilian contractor": the last noun heads
			continue
		case x.has(fVictim):
			c.head = j
			c.end = r.skipAge(j + 1)
			if c.end < n && its[c.end].has(fPostQual) && c.qual == qNone {
				c.qual = its[c.end].qual // "66 people or more"
				c.end++
			}
			c.plain = c.end
			return c, true
		case x.kinds[roleNoun] != 0 && !single:
			c.head, c.noun, c.end, c.plain = j, x.kinds[roleNoun], j+1, j+1
			return c, true
		case x.glue == gPoss && j > from:
			j++ // "the plane's passengers"
			m--
			continue
		case x.has(fWord) && x.flags&^(fWord|fCap) == 0,
			x.has(fCap) && x.flags&^(fCap|fObjStart|fPartitive) == 0,           // "1,000 US deaths"
			x.has(fAdditive) && x.flags&^(fAdditive|fCap) == 0 && !x.hasKind(): // "five other people"
			j++
			continue
		}
		break
	}
	c.end, c.plain = from, from
	if j > from && r.pluralish(j-1) || j == from+1 && c.value == 1 && !single && !c.vague {
		c.plain = j // "twelve miners", "one jawan"
	}
	return c, true
}

// apposedAge reports whether number item k is an age set off by commas after a name:
// "Daniel Montalvo, 19, was arrested".
func (r *reader) apposedAge(k int) bool {
	its := r.its
	return k >= 2 && k+1 < len(its) && its[k-1].glue == gComma && its[k+1].glue == gComma &&
		its[k-2].has(fCap) && its[k].value < 130 && !its[k].has(fVague)
}

// rangeLow returns the item of the lower number when number item k ends a range ("30
// to 40", "between 30 and 40"; not "from 40 to 56", a change), or -1.
func (r *reader) rangeLow(k int) int {
	its := r.its
	if k < 2 || its[k-1].glue != gTo && its[k-1].glue != gAnd || !its[k-2].has(fNumber) || its[k-2].value >= its[k].value {
		return -1
	}
	if k >= 3 && its[k-3].glue == gFrom {
		return -1
	}
	return k - 2
}

// rangeStart reports whether number item k begins a range, whose upper number reads it.
func (r *reader) rangeStart(k int) bool {
	return k+2 < len(r.its) && r.rangeLow(k+2) == k
}

// skipAge steps over an age after a noun: "a woman aged 34", "a man in his 50s".
func (r *reader) skipAge(j int) int {
	its, n := r.its, len(r.its)
	switch {
	case j+1 < n && its[j].has(fNotCount) && r.word(j) == "aged" && its[j+1].has(fNumber):
		return j + 2
	case j+2 < n && r.word(j) == "in" && its[j+1].has(fObjStart) && r.ageDecade(j+2):
		return j + 3
	}
	return j
}

// ageDecade reports whether item j is a decade of life: "50s", "twenties".
func (r *reader) ageDecade(j int) bool {
	w := r.word(j)
	return len(w) == 3 && w[0] >= '1' && w[0] <= '9' && w[1] == '0' && w[2] == 's' ||
		strings.HasSuffix(w, "ties") || w == "teens"
}

// leftOK checks the items just before a count: a currency symbol, "aged", "a crowd of",
// or a negation or hypothetical cue close before ("none of the", "fear that") mean the
// number is not a reported count.
func (r *reader) leftOK(start int) bool {
	if start == 0 {
		return true
	}
	if r.its[start-1].has(fSymbol | fNotCount | fCrowd) {
		return false
	}
	for b := start - 1; b >= 0 && b >= start-3; b-- {
		x := &r.its[b]
		if x.has(fPunct) {
			break
		}
		if x.has(fNeg | fHypo) {
			return false
		}
	}
	return true
}

// endsInScale reports whether number item k ends with a scale word ("two million").
func (r *reader) endsInScale(k int) bool {
	in, n := r.s.lookup(r.toks, r.its[k].end-1, r.its[k].end)
	return n == 1 && in.has(fScale)
}

// pluralish reports whether item j looks like a plural noun or a demonym ("miners",
// "firemen", "Palestinians"): the only unlisted words taken as the noun of a count; or is
// a [plural] noun without "-s" ("people", "children").
func (r *reader) pluralish(j int) bool {
	if r.its[j].has(fPlural) {
		return true // "killed the innocent people" is no one person
	}
	w := r.word(j)
	return len(w) > 3 && (strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "men"))
}

// word is the lower-cased text of a one-token item.
func (r *reader) word(j int) string {
	return strings.ToLower(r.toks[r.its[j].first].Text)
}
