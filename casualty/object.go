package casualty

// objects reads counts that are the object of a casualty verb.
func (r *reader) objects() {
	its, n := r.its, len(r.its)
	for k := range its {
		kinds := its[k].kinds[roleObject]
		if kinds == 0 || its[k].has(fAmbiguous) || its[k].has(fHeadline) && !r.headline || !r.verbOK(k) {
			continue
		}
		j := k + 1
		if j+1 < n && its[j].glue == gNone && its[j+1].glue == gAnd && reflexive(r.word(j)) {
			j += 2 // "killed himself and 8 others"
		}
		if j < n && its[j].has(fAux) && !its[j].has(fHypo|fNeg) {
			j++ // "killed all 157 people"
		}
		if j+2 < n && its[j].glue == gIndef && its[j+1].has(fAdditive) && its[j+2].has(fNumber) {
			j++ // "injured a further fourteen"
		}
		if j+1 < n && its[j].has(fAdditive) && its[j+1].has(fNumber) {
			j++ // "wounded another 20"
		}
		if j < n && its[j].has(fQual) {
			j++
		}
		if j+1 < n && its[j].has(fAdditive) && its[j+1].has(fNumber) {
			j++ // "injured at least another 100"
		}
		if j+1 < n && its[j+1].has(fNumber) && !its[k].has(fMayDie) && (r.word(j) == "his" || r.word(j) == "her" || r.word(j) == "their") {
			j++ // "seriously injured his two passengers"; not "shot his two daughters", who may have died
		}
		if j >= n || r.used[j] || !its[j].has(fNumber) && its[j].glue != gIndef {
			continue
		}
		c, ok := r.count(j)
		if !ok {
			continue
		}
		c, ok = r.objectHead(c)
		if !ok {
			continue
		}
		r.emit(kinds, c, k, c.end-1)
		// Conjoined objects with their own noun: "killed 12 soldiers and 3 civilians",
		// "killed five children in a church bus and two truck drivers".
		for e := r.pastPlace(c.end); e+1 < n && (its[e].glue == gAnd || its[e].glue == gComma); {
			j := e + 1
			if its[j].glue == gAnd && j+1 < n {
				j++
			}
			if its[j].has(fQual) && j+1 < n {
				j++
			}
			if w := r.word(j); j+1 < n && its[j+1].has(fNumber) && (w == "his" || w == "her" || w == "their") {
				j++ // "killed a senior commander and his two bodyguards"
			}
			if r.used[j] || !its[j].has(fNumber) && its[j].glue != gIndef {
				break
			}
			c2, ok := r.count(j)
			if ok && c2.head < 0 && c2.noun == 0 && its[j].has(fNumber) {
				c2, ok = r.objectHead(c2) // an unlisted plural: "three American soldiers and four Pakistanis"
			}
			if !ok || c2.head < 0 || c2.noun != 0 || !its[c2.head].has(fVictim) && !r.pluralish(c2.head) {
				break
			}
			r.conj[c2.num] = true
			r.emit(kinds, c2, c2.start, c2.end-1)
			e = c2.end
		}
	}
}

// pastPlace returns the item after a short phrase of place that follows an object count
// at item e, when "and" comes right after it ("five children in a church bus and two
// truck drivers": the "and"), else e. The phrase is a place preposition and at most four
// words, with no number, casualty word, comma or stop.
func (r *reader) pastPlace(e int) int {
	its := r.its
	if e >= len(its) || !its[e].has(fPlacePrep) {
		return e
	}
	for j := e + 1; j < len(its) && j <= e+5; j++ {
		if its[j].glue == gAnd {
			if j > e+1 {
				return j
			}
			return e
		}
		if its[j].glue == gStop || its[j].glue == gComma || its[j].hasKind() || its[j].has(fNumber|fPlacePrep) {
			return e
		}
	}
	return e
}

// objectHead settles the noun of an object count: a listed noun, or an unlisted plural
// ("killed 12 miners") when what follows is not another word of the phrase. "A"/"an"
// counts need a listed noun.
func (r *reader) objectHead(c count) (count, bool) {
	if c.noun != 0 {
		return c, false // "caused 56 deaths" is read as a predicate, not here
	}
	if c.head >= 0 {
		return c, true
	}
	if r.its[c.num].glue == gIndef {
		return c, false
	}
	if c.plain > c.end && (c.plain >= len(r.its) || !r.its[c.plain].has(fWord)) {
		c.head, c.end = c.plain-1, c.plain
	}
	if c.end == c.num+1 || c.head >= 0 {
		return c, true
	}
	return c, c.end > c.num // "killed two of them"
}

// verbOK reports whether the object verb at k is asserted: not after "to", a modal, a
// threat or a negation ("threatened to kill", "could have killed", "did not kill").
//
// A perfect infinitive reports a claim rather than an intent, so "claimed to have killed"
// is asserted while "believed to have killed" is not.
func (r *reader) verbOK(k int) bool {
	b := k - 1
	perfect := false
	for ; b >= 0 && b >= k-3 && r.its[b].has(fAux|fPassive) && !r.its[b].has(fHypo|fNeg); b-- {
		perfect = perfect || r.word(b) == "have"
	}
	if b < 0 {
		return true
	}
	x := &r.its[b]
	if x.glue == gTo && perfect {
		return b == 0 || !r.its[b-1].has(fHypo|fNeg)
	}
	return !x.has(fHypo|fNeg) && x.glue != gTo
}

// isQuote reports whether item j is a quotation mark.
func (r *reader) isQuote(j int) bool {
	switch r.toks[r.its[j].first].Text {
	case `"`, "“", "”", "'", "‘", "’", "``", "''":
		return true
	}
	return false
}

func reflexive(w string) bool {
	return w == "himself" || w == "herself" || w == "themselves"
}

// founds reads people found dead, listed between a [finding verb] and the killed
// predicate: "found a 29-year-old man, a 27-year-old woman and two children, ages four
// and seven dead" (four: one count a person or group, the later ones joined to the
// first). Each listed phrase is "a"/"an" or a number with a noun for people; at most six
// items without a verb or a clause's end stand between the list and "dead".
func (r *reader) founds() {
	its, n := r.its, len(r.its)
	for k := range its {
		if !its[k].has(fFinding) || !r.verbOK(k) {
			continue
		}
		var cs []count
		var read []bool // read already, as the subject of the same "dead": "a woman and two teenagers dead"
		for j := k + 1; j < n && (its[j].has(fNumber) || its[j].glue == gIndef); {
			c, ok := r.count(j)
			if !ok || c.noun != 0 {
				break
			}
			if c.head < 0 && c.plain > c.end {
				c.head, c.end = c.plain-1, c.plain
			}
			if c.head < 0 || !its[c.head].has(fVictim) && !r.pluralish(c.head) {
				break
			}
			cs, read = append(cs, c), append(read, r.used[j] || r.claimed(j))
			j = c.end
			switch {
			case j+1 < n && its[j].glue == gComma && its[j+1].glue == gAnd:
				j += 2
			case j < n && (its[j].glue == gComma || its[j].glue == gAnd):
				j++
			default:
				j = n
			}
		}
		if len(cs) == 0 {
			continue
		}
		end, dead := cs[len(cs)-1].end, -1
		for e := end; e < n && e <= end+6; e++ {
			if its[e].kinds[rolePredicate]&1 != 0 && !its[e].has(fAmbiguous) {
				dead = e
				break
			}
			if its[e].glue == gStop || its[e].hasKind() || its[e].has(fPassive|fHypo|fNeg) {
				break
			}
		}
		if dead < 0 {
			continue
		}
		for i, c := range cs {
			if read[i] {
				continue
			}
			last := c.end - 1
			if i == len(cs)-1 {
				last = dead
			}
			if i > 0 {
				r.conj[c.num] = true
			}
			r.emit(1, c, c.start, last)
		}
	}
}
