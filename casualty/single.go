package casualty

// singles reads counts of one person written without a number (value 1), for the kinds
// killed and injured, after the number readings have claimed their predicates:
//
//   - a name, a pronoun, or "the" and a noun for a person as the subject of a casualty
//     predicate: "Thompson was pronounced dead at the scene", "He died today", "the
//     driver died in hospital", "Leon van Biljon, owner of the lodge, was killed";
//   - "another" as the subject: "Another later died";
//   - a pronoun or a name as the object of a casualty verb: "police shot him dead",
//     "killed photojournalist Ziad al-Sharabi";
//   - a death by one's own hand with no subject read ([self]): "before committing
//     suicide".
//
// The subject must take a singular verb ("was", "has", or none), so "Police were hurt"
// is not a person.
func (r *reader) singles() {
	its := r.its
	for k := range its {
		x := &its[k]
		if x.kinds[rolePredicate]&singleKinds != 0 && !x.has(fAmbiguous) && !r.claimed(k) {
			r.singleSubject(k)
		}
	}
	for k := range its {
		x := &its[k]
		if x.kinds[roleObject]&singleKinds != 0 && !x.has(fAmbiguous) && !(x.has(fHeadline) && !r.headline) && !r.claimed(k) && r.verbOK(k) {
			r.singleObject(k)
		}
	}
	// A death by one's own hand with no subject read: "before committing suicide".
	for k := range its {
		if x := &its[k]; x.has(fSelf) && x.kinds[rolePredicate]&1 != 0 && !r.claimed(k) && !r.hedged(k) {
			r.emitSingle(1, k, -1, k)
		}
	}
}

// hedged reports whether a hypothetical or negation cue stands in the three items before
// item k: "threatened to kill himself", "did not take his own life".
func (r *reader) hedged(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if r.its[j].has(fHypo | fNeg) {
			return true
		}
		if r.its[j].glue == gStop || r.its[j].glue == gComma {
			break
		}
	}
	return false
}

// singleKinds are the kinds counted for one person without a number.
const singleKinds = 1<<0 | 1<<1 // killed, injured

// claimed reports whether item k lies in the evidence of a count already read.
func (r *reader) claimed(k int) bool {
	start, end := r.toks[r.its[k].first].Start, r.toks[r.its[k].end-1].End
	for _, c := range r.out {
		if c.Start < end && start < c.End {
			return true
		}
	}
	return false
}

// singleSubject reads the subject before predicate item k.
func (r *reader) singleSubject(k int) {
	its := r.its
	b := k - 1
	plural := false
	for ; b >= 0 && its[b].has(fAux|fPassive) && !its[b].has(fHypo|fNeg); b-- {
		if w := r.word(b); w == "were" || w == "are" || w == "have" || w == "'ve" {
			plural = true // a plural subject: a count would have a number
		}
	}
	if b >= 0 && its[b].has(fHypo|fNeg) {
		return
	}
	if plural {
		r.pairSubject(k, b)
		return
	}
	from := b + 1 // where the predicate's auxiliaries begin
	if b >= 0 && (its[b].glue == gAnd || r.word(b) == "but") {
		// A second verb of the subject's: "Gibson was taken to a hospital but died
		// shortly afterwards".
		r.coordinated(k, b)
		return
	}
	first, head, ok := 0, 0, false
	if b >= 0 && its[b].glue == gComma {
		// An apposition between commas, itself with commas perhaps: "Leon van Biljon,
		// owner of the lodge near Pretoria, South Africa, was killed".
		e := b
		for range 3 {
			e--
			for ; e >= 0 && e >= b-16 && its[e].glue != gComma && its[e].glue != gStop && !its[e].hasKind(); e-- {
			}
			if e < 1 || its[e].glue != gComma {
				return
			}
			if first, head, ok = r.singleNoun(e - 1); ok {
				b = e - 1
				break
			}
		}
	} else if b >= 0 {
		first, head, ok = r.singleNoun(b)
		if !ok {
			first, head, ok = r.postModified(b)
		}
	}
	if !ok {
		return
	}
	if head < 0 && b+1 < k && r.word(b+1) == "is" {
		return // "now that he is dead": a state, said of someone whose death is older news
	}
	// The predicate follows the aside's last comma, after any commas inside it ("owner
	// of the lodge near Pretoria, South Africa, was killed").
	kinds, last, object, ok := r.predicate(from, -1)
	if !ok || kinds&singleKinds == 0 || object >= 0 {
		return // "a gunman shot shoppers": active, with an object
	}
	r.emitSingle(kinds&singleKinds, first, head, last)
}

// coordinated reads one person as the subject of killed predicate k when it is a second
// verb after "and" or "but" (item and), its subject that of a first, passive or
// auxiliary one in the same clause: "Gibson was taken to a hospital but died shortly
// afterwards", "She was found alive but died a short time later". Only death is read
// so: a first verb of injury is the same person's, which Totals counts once.
func (r *reader) coordinated(k, and int) {
	its := r.its
	if its[k].kinds[rolePredicate]&1 == 0 || its[k].has(fMayDie) {
		return
	}
	for a := and - 1; a >= 1 && a >= and-12; a-- {
		y := &its[a]
		if y.glue == gStop || y.glue == gComma || y.hasKind() || y.has(fHypo|fNeg|fNumber|fYear) {
			return // a year in the first verb makes a life story: "was born in 1956 and died"
		}
		if !y.has(fAux | fPassive) {
			continue
		}
		if w := r.word(a); w == "were" || w == "are" || w == "have" || w == "'ve" {
			return // a plural subject
		}
		first, head, ok := r.singleNoun(a - 1)
		if !ok {
			// "A trainer at the Shanghai Zoo was bitten by a tiger and later died"
			first, head, ok = r.postModified(a - 1)
		}
		if !ok {
			continue
		}
		if first > 0 && its[first-1].glue != gStop && its[first-1].glue != gComma && !its[first-1].has(fRel) {
			continue // not the clause's subject: "the car hit a man and died"
		}
		r.emitSingle(1, first, head, k)
		return
	}
}

// postModified reads one person whose phrase opens the clause and goes on with
// prepositional phrases up to item b: "A twelve-year-old pupil at a private school on
// Brisbane's north side has died". The words after the noun hold no verb, no casualty
// word and no number.
func (r *reader) postModified(b int) (first, head int, ok bool) {
	its := r.its
	cs := b
	for ; cs > 0 && b-cs < 16; cs-- {
		if g := its[cs-1].glue; g == gStop || g == gComma {
			break
		}
	}
	if cs > 0 && its[cs-1].glue != gStop && its[cs-1].glue != gComma {
		return 0, 0, false
	}
	for h := cs + 1; h < b && h <= cs+4; h++ {
		f, hd, ok := r.singleNoun(h)
		if !ok || f != cs || hd < 0 {
			continue
		}
		if w := r.word(h + 1); !its[h+1].has(fPlacePrep) && its[h+1].glue != gOf && w != "from" && w != "with" && w != "on" {
			return 0, 0, false
		}
		for j := h + 1; j <= b; j++ {
			if its[j].hasKind() || its[j].has(fPassive|fRel|fHypo|fNeg|fNumber|fPronoun) || its[j].has(fAux) && !its[j].has(fDeterminer) {
				return 0, 0, false
			}
		}
		return cs, hd, true
	}
	return 0, 0, false
}

// pairSubject reads two people joined by "and" before the plural predicate item k, each
// a single person's phrase: "A 6-year-old boy and his father were shot and killed" is two
// killed. b is the last item before the predicate's auxiliaries.
func (r *reader) pairSubject(k, b int) {
	its := r.its
	if b < 2 {
		return
	}
	first2, head2, ok := r.singleNoun(b)
	if !ok || first2 < 2 || its[first2-1].glue != gAnd || head2 < 0 {
		return
	}
	first1, head1, ok := r.singleNoun(first2 - 2)
	if !ok || head1 < 0 {
		return
	}
	if first1 > 0 && its[first1-1].glue != gStop && its[first1-1].glue != gComma {
		return // not the clause's subject: "killed a man and his son were ..."
	}
	kinds, last, object, ok := r.predicate(b+1, -1)
	if !ok || kinds&singleKinds == 0 || object >= 0 {
		return
	}
	r.emitSingle(kinds&singleKinds, first1, head1, first2-2)
	r.emitSingle(kinds&singleKinds, first2, head2, last)
}

// singleNoun reads the phrase for one person ending at item b: a pronoun, "another", a
// name (capitalised words, not at a preposition's object), "a"/"an"/"the" with up to
// two modifiers and a listed noun, or "his"/"her" and a part of the body ("his leg"). It returns the first item, the head (-1 for a
// pronoun or "another") and whether there is one.
func (r *reader) singleNoun(b int) (first, head int, ok bool) {
	its := r.its
	x := &its[b]
	switch {
	case x.has(fPronoun) && !x.has(fCap|fWord) || x.has(fPronoun) && b == 0:
		if w := r.word(b); w == "he" || w == "she" {
			return b, -1, true
		}
		return 0, 0, false
	case x.has(fAdditive) && r.word(b) == "another":
		return b, -1, true
	case x.has(fBodyPart) && b > 0 && (r.word(b-1) == "his" || r.word(b-1) == "her"):
		return b - 1, -1, true // "his leg was seriously injured": the man
	case x.has(fVictim) && !r.pluralish(b):
		// "the driver", "a 20-year-old man", "the second victim", "a seven year-old girl"
		for a := b - 1; a >= 0 && a >= b-4; a-- {
			y := &its[a]
			if y.glue == gThe || y.glue == gIndef || y.glue == gPoss || y.has(fAdditive) && r.word(a) == "another" ||
				r.word(a) == "his" || r.word(a) == "her" {
				return a, b, true // "the driver", "another person", "his father"
			}
			// Modifiers are words, numbers and ages ("a seven year-old girl"), and
			// nouns of place ("a state lawmaker", "a city official").
			if y.flags&^(fWord|fCap|fNumber|fAdditive|fUnit|fPlaceNoun|fPlaceFollow) != 0 || y.glue != gNone {
				break
			}
		}
		if r.capish(b) && b > 0 && r.capish(b-1) {
			// A title with a capital ends a name of capitalised words: "South Sudan's
			// Cooperatives and Rural Development Minister, Jimmy Lemi Milla, was shot".
			return r.name(b)
		}
		return 0, 0, false
	case r.capish(b) && x.flags&^(fCap|fWord) == 0:
		return r.name(b)
	}
	return 0, 0, false
}

// name reads a name ending at item b: capitalised words (with particles such as "van",
// "al-" inside), not the object of a preposition or an article.
func (r *reader) name(b int) (first, head int, ok bool) {
	its := r.its
	a := b
	for a-1 >= 0 && (r.capish(a-1) && its[a-1].flags&^(fCap|fWord|fVictim) == 0 || a-2 >= 0 && r.capish(a-2) && namePart(r.word(a-1))) {
		a--
	}
	if a > 0 {
		y := &its[a-1]
		if y.has(fPlacePrep|fNumber) || y.glue == gOf || y.glue == gThe || y.glue == gFrom || y.glue == gTo || y.glue == gBy || y.glue == gIndef || y.glue == gPoss {
			return 0, 0, false // "in Syria", "of the Coast Guard", "the Taliban"
		}
	}
	return a, b, true
}

// capish reports whether item j is a word of a name: capitalised, or with a capital
// after a hyphen or apostrophe ("al-Quaety", "d'Estaing").
func (r *reader) capish(j int) bool {
	if r.its[j].has(fCap) {
		return true
	}
	t := r.toks[r.its[j].first].Text
	for i := 1; i+1 < len(t); i++ {
		if (t[i] == '-' || t[i] == '\'') && t[i+1] >= 'A' && t[i+1] <= 'Z' {
			return true
		}
	}
	return false
}

// namePart reports whether a lower-case word may stand inside a name: "Leon van Biljon".
func namePart(w string) bool {
	switch w {
	case "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el":
		return true
	}
	return false
}

// singleObject reads one person after casualty verb k: a pronoun ("killed him", "shot
// him dead"), "the" or a possessive and a noun for one person ("killed the driver"), or a
// name, with an optional title before it ("killed photojournalist Ziad al-Sharabi"). A plural noun in the phrase ("killed Iraqi soldiers") is no one person.
func (r *reader) singleObject(k int) {
	its, n := r.its, len(r.its)
	kinds := its[k].kinds[roleObject] & singleKinds
	j := k + 1
	if j >= n {
		return
	}
	if its[j].has(fPronoun) && (r.word(j) == "him" || r.word(j) == "her") {
		last := j
		if j+1 < n && its[j+1].kinds[rolePredicate]&1 != 0 {
			kinds, last = 1, j+1 // "shot him dead", "stabbed her to death"
		}
		if kinds&1 == 0 && (j+1 >= n || its[j+1].glue == gAnd) {
			return // "shot her and ...": not enough to call it a wound
		}
		r.emitSingle(kinds&-kinds, k, -1, last)
		return
	}
	if w := r.word(j); kinds&1 != 0 && (w == "himself" || w == "herself") && (j+1 >= n || its[j+1].glue != gAnd) {
		r.emitSingle(1, k, -1, j) // "the suspect killed himself"; "killed himself and 8 others" is read as a count
		return
	}
	if h := r.definiteOne(j); h > 0 && !its[k].has(fMayDie) {
		r.emitSingle(kinds&-kinds, k, h, h) // "The crash killed the driver"; not "stabbed his brother", who may have died
		return
	}
	if r.word(j) == "another" && j+1 < n && its[j+1].has(fVictim) && !r.pluralish(j+1) && !its[j+1].hasKind() {
		r.emitSingle(kinds&-kinds, k, j+1, j+1) // "injuring two police officers and a civilian, killing another man"
		return
	}
	if its[j].glue == gIndef {
		if last := r.apposedName(j); last > 0 {
			r.emitSingle(kinds&-kinds, k, -1, last)
		}
		return
	}
	e := j
	for ; e < n && e < j+6; e++ {
		y := &its[e]
		if y.has(fVictim) && r.pluralish(e) || y.has(fNotPlace|fNumber) {
			return
		}
		if !(r.capish(e) && y.flags&^(fCap|fWord|fVictim) == 0 || y.has(fVictim) || e > j && namePart(r.word(e))) {
			break
		}
	}
	if e == j || !r.capish(e-1) || !r.capish(j) && !its[j].has(fVictim) {
		return
	}
	r.emitSingle(kinds&-kinds, k, e-1, e-1)
}

// apposedName reads one person described by "a"/"an" at item j and named between commas
// after the description: "killed a Tehran University nuclear physics professor, Massoud
// Ali Mohammadi, near his home". The description is up to six words with no vocabulary
// role but a noun for people (too long to be read as a count); the name is two to five capitalised
// words, closed by a comma, a clause's end or a place preposition. It returns the name's
// last item, or 0.
func (r *reader) apposedName(j int) int {
	its, n := r.its, len(r.its)
	e := j + 1
	for ; e < n && e <= j+6 && its[e].glue == gNone && its[e].flags&^(fWord|fCap|fVictim) == 0; e++ {
	}
	if e == j+1 || e+2 >= n || its[e].glue != gComma {
		return 0
	}
	f := e + 1
	for ; f < n && f <= e+5 && r.capish(f) && its[f].flags&^(fWord|fCap) == 0; f++ {
	}
	if f-(e+1) < 2 {
		return 0
	}
	if f < n && its[f].glue != gComma && its[f].glue != gStop && !its[f].has(fPlacePrep) && !(its[f].has(fPunct) && its[f].glue == gNone) {
		return 0
	}
	return f - 1
}

// emitSingle records a count of one, with evidence [first, last] and victims the words
// of head (or none).
func (r *reader) emitSingle(kinds uint8, first, head, last int) {
	c := count{start: first, num: first, value: 1, inner: -1, head: head}
	if head >= 0 && !r.its[head].has(fVictim) {
		c.head = -1 // a name is no noun for the people counted
	}
	r.emit(kinds, c, first, last)
}
