package casualty

import "strings"

// predicates reads counts that are the subject of a casualty predicate, and counted
// casualty nouns ("56 deaths").
func (r *reader) predicates() {
	for k := range r.its {
		it := &r.its[k]
		if r.used[k] || !it.has(fNumber) && it.glue != gIndef {
			continue
		}
		if it.has(fNumber) && r.rangeStart(k) {
			continue // the upper number of "between 30 and 40" reads the range
		}
		c, ok := r.subject(k)
		if !ok {
			continue
		}
		if b := c.start - 1; b >= 0 && r.its[b].kinds[roleObject] != 0 && !r.its[b].has(fAmbiguous) && c.noun == 0 {
			continue // the object of a casualty verb, read as such: "killed at least nine people and 40 others were wounded"
		}
		if c.noun != 0 {
			if !r.hypotheticalAfter(c.end) {
				r.emit(c.noun, c, c.start, c.head)
			}
			continue
		}
		kinds, last, head, ok := r.predicate(c.end, c.head)
		if !ok && c.head >= 0 {
			// "three occupants of the helicopter died", "two pilgrims from Myanmar died",
			// "five people travelling with the two men were killed"
			if j := r.skipModifier(c.end); j > c.end {
				kinds, last, head, ok = r.predicate(j, c.head)
				if ok {
					for e := c.end; e < j; e++ {
						if r.its[e].has(fNumber) {
							r.used[e] = true // "the two men": a reference, not a count
						}
					}
				}
			}
		}
		if !ok && c.head < 0 {
			// Two numbers sharing a noun: "four Pakistani and one Afghan road construction
			// workers were killed" (five).
			e := c.end
			for ; e < len(r.its) && e < c.end+3 && r.its[e].glue == gNone && r.its[e].flags&^(fWord|fCap) == 0; e++ {
			}
			if e+1 < len(r.its) && r.its[e].glue == gAnd && r.its[e+1].has(fNumber) && !r.used[e+1] {
				if c2, ok2 := r.subject(e + 1); ok2 && c2.noun == 0 && c2.head >= 0 {
					if kinds, _, _, ok = r.predicate(c2.end, c2.head); ok {
						c.end, last, head = e, e-1, c2.head
						r.conj[c2.num] = true
					}
				}
			}
		}
		if !ok && c.end+1 < len(r.its) && r.its[c.end].glue == gAnd {
			// "two policemen and a soldier were killed": the predicate is shared.
			if c2, ok2 := r.subject(c.end + 1); ok2 && c2.noun == 0 {
				if kinds, _, _, ok = r.predicate(c2.end, c2.head); ok {
					last, head = c.end-1, c.head
					r.conj[c2.num] = true
				}
			} else if h := r.definiteOne(c.end + 1); h > 0 && c.head >= 0 {
				// "left two of the team's support staff and their bus driver dead": one more.
				if kinds, last, _, ok = r.predicate(h+1, h); ok && kinds&singleKinds != 0 {
					r.emit(kinds, c, c.start, c.end-1)
					r.conj[c.end+1] = true
					r.emitSingle(kinds&singleKinds&-(kinds&singleKinds), c.end+1, h, last)
					continue
				}
				ok = false
			}
		}
		if ok && c.head >= 0 && r.its[c.head].kinds[rolePredicate]&kinds != 0 {
			ok = false // "two of the injured are in critical condition": no new count
		}
		if ok {
			c.head = head
			r.emit(kinds, c, c.start, last)
			// "The driver and two passengers were injured": one more person before "and".
			if kinds&singleKinds != 0 && c.start >= 2 && r.its[c.start-1].glue == gAnd {
				// Not when read already as the first of a shared predicate ("A man and a
				// woman were killed" is two, not three).
				if first, h, ok := r.singleNoun(c.start - 2); ok && h >= 0 && r.its[h].has(fVictim) && !r.claimed(first) {
					r.conj[first] = true
					r.emitSingle(kinds&singleKinds&-(kinds&singleKinds), first, h, c.start-2)
				}
			}
		}
	}
}

// definiteOne returns the noun of one person named by "the" or a possessive, up to three
// modifiers and a listed singular noun at item j ("their Angolan bus driver"), or 0.
func (r *reader) definiteOne(j int) int {
	its := r.its
	if j >= len(its) {
		return 0
	}
	if w := r.word(j); its[j].glue != gThe && w != "their" && w != "his" && w != "her" {
		return 0
	}
	for h := j + 1; h < len(its) && h <= j+4; h++ {
		switch {
		case its[h].has(fVictim) && !its[h].hasKind():
			if r.pluralish(h) {
				return 0
			}
			return h
		case its[h].glue != gNone || its[h].hasKind() || its[h].has(fNumber|fPassive|fAux|fPunct|fHypo|fNeg):
			return 0
		}
	}
	return 0
}

// skipModifier steps over a short prepositional phrase after the noun of a count: "of",
// "from" or a place preposition, then at most five articles, possessives or words
// without a vocabulary role (no numbers, no casualty words). It returns j when there is
// none.
func (r *reader) skipModifier(j int) int {
	its, n := r.its, len(r.its)
	start := j
	if j < n && its[j].has(fAlleged) {
		// What they are said to be: "54 people alleged to have been rebels were killed".
		e := j + 1
		for ; e < n && e <= j+3 && its[e].glue == gNone && its[e].flags&^(fWord|fCap|fVictim) == 0; e++ {
		}
		if e > j+1 {
			return e
		}
		return start
	}
	// A participle before the preposition: "travelling with", "living in".
	if j+1 < n && its[j].glue == gNone && its[j].has(fWord) && !its[j].has(fCap) && strings.HasSuffix(r.word(j), "ing") {
		j++
	}
	with := j < n && (r.word(j) == "with" || r.word(j) == "for" || r.word(j) == "on") // "two passengers on the bus"
	if j >= n || its[j].glue != gOf && its[j].glue != gFrom && !its[j].has(fPlacePrep) && !with {
		return start
	}
	e := j + 1
	for ; e < n && e <= j+5; e++ {
		x := &its[e]
		if x.has(fNumber) && its[e-1].glue == gThe {
			continue // "with the two men": a definite number refers, it does not count
		}
		if x.glue != gThe && x.glue != gIndef && x.glue != gPoss && x.flags&^(fWord|fCap|fNotPlace|fPlaceNoun|fPlaceFollow|fVictim) != 0 {
			break
		}
		if x.glue == gNone && !x.has(fWord|fCap|fPlaceNoun|fVictim) && !(x.has(fNumber) && its[e-1].glue == gThe) {
			break
		}
	}
	if e == j+1 {
		return start
	}
	return e
}

// hypotheticalAfter reports whether a modal or negation follows item j after at most
// three auxiliaries: "thousands of deaths could be prevented".
func (r *reader) hypotheticalAfter(j int) bool {
	for e := j; e < len(r.its) && e < j+4; e++ {
		x := &r.its[e]
		if x.has(fHypo | fNeg) {
			return true
		}
		if !x.has(fAux | fPassive) {
			return false
		}
	}
	return false
}

// subject reads the count at item k as the subject of a predicate. An unlisted plural
// after the number is taken as its noun ("twelve miners were killed"), and "a"/"an" needs
// a listed noun ("a policeman", never "a thing").
func (r *reader) subject(k int) (count, bool) {
	it := &r.its[k]
	if !it.has(fNumber) && it.glue != gIndef {
		return count{}, false
	}
	c, ok := r.count(k)
	if !ok {
		return c, false
	}
	if c.head < 0 && c.plain > c.end {
		c.head, c.end = c.plain-1, c.plain
	}
	if it.glue == gIndef && (c.head < 0 || !r.its[c.head].has(fVictim)) {
		return c, false
	}
	return c, true
}

// predicate reads the words from item j after a count: an optional parenthesis,
// auxiliaries and then a casualty predicate. It returns the predicate's kinds, the last
// item of the evidence and the noun of the count (which "200 injured people" supplies).
func (r *reader) predicate(j, head int) (kinds uint8, last, head2 int, ok bool) {
	its, n := r.its, len(r.its)
	j = r.skipAside(j)
	from := j
	passive := false
	for g := 0; j < n && g < 6; g, j = g+1, j+1 {
		x := &its[j]
		if x.has(fPunct) && r.isQuote(j) {
			continue // `"three militants" were killed`
		}
		if x.has(fHypo | fNeg) {
			return 0, 0, 0, false // "may have died", "were not hurt"
		}
		if x.has(fPassive) {
			passive = true
		} else if !x.has(fAux) {
			break
		}
	}
	if j >= n || its[j].has(fAmbiguous) {
		return 0, 0, 0, false
	}
	x := &its[j]
	kinds = x.kinds[rolePredicate]
	if kinds == 0 {
		return 0, 0, 0, false
	}
	last = j
	if !passive && x.kinds[roleObject]&kinds != 0 && j+1 < n {
		y := &its[j+1]
		switch {
		case y.has(fVictim) && head < 0:
			head, last = j+1, j+1 // "200 injured people"
		case y.has(fVictim):
			return 0, 0, 0, false // active: "a gunman shot shoppers"
		case y.has(fNumber|fQual|fObjStart) || y.glue == gIndef:
			return 0, 0, 0, false // active: "three gunmen killed 12 soldiers"
		}
	}
	if !passive && x.has(fMayDie) && head >= 0 && its[head].has(fPerpetrator) && (j+1 >= n || its[j+1].glue != gBy) {
		return 0, 0, 0, false // attackers shooting: "More than ten armed men shot at the tanker"
	}
	if j+2 < n && its[j+1].glue == gOr && its[j+2].hasKind() {
		return 0, 0, 0, false // "killed or badly hurt"
	}
	if kinds == 1<<1 {
		if d := r.diedAfter(j + 1); d > 0 {
			kinds, last = 1, d // "was shot twice at a rally and died in hospital"
		}
	}
	if last == j && j+1 < n && x.kinds[roleObject] == 0 && its[j+1].has(fVictim) && its[j+1].kinds[rolePredicate] == 0 {
		return 0, 0, 0, false // an adjective before a noun for people: "two guns near the dead man"
	}
	if j == from && last == j && j+1 < n && its[j+1].flags&^fWord == 0 && r.pluralish(j+1) {
		return 0, 0, 0, false // an adjective before another noun: "the two missing pieces"
	}
	return kinds, last, head, true
}

// skipAside steps over a parenthesis between a count and its predicate: "50 people,
// including 12 children, were killed". It returns j unchanged when there is none.
func (r *reader) skipAside(j int) int {
	its, n := r.its, len(r.its)
	if j >= n || its[j].glue != gComma && its[j].glue != gOpen {
		return j
	}
	closer := gComma
	if its[j].glue == gOpen {
		closer = gClose
	}
	for e := j + 1; e < n && e <= j+10; e++ {
		switch {
		case its[e].glue == closer:
			return e + 1
		case its[e].hasKind() || its[e].glue == gStop:
			return j
		}
	}
	return j
}

// diedAfter returns the item of a killed predicate that follows "and" or "but" (and at
// most two auxiliaries) in the clause from item j, within twelve items, or 0: the wounded
// person of "was shot in the head and died" is dead, as is the patient of "was taken to a
// hospital but died".
func (r *reader) diedAfter(j int) int {
	its, n := r.its, len(r.its)
	for e := j; e < n && e < j+12; e++ {
		x := &its[e]
		if x.glue == gComma && e+1 < n && its[e+1].kinds[rolePredicate]&1 != 0 && strings.HasSuffix(r.word(e+1), "ing") {
			return e + 1 // "was shot in the back, sustaining fatal injuries"
		}
		if x.glue == gStop || x.glue == gComma || x.has(fNumber) {
			return 0
		}
		if x.glue != gAnd && r.word(e) != "but" {
			continue
		}
		for a := e + 1; a < n && a <= e+3; a++ {
			y := &its[a]
			if y.kinds[rolePredicate]&1 != 0 {
				return a
			}
			if !y.has(fAux | fPassive) {
				break
			}
		}
		return 0
	}
	return 0
}
