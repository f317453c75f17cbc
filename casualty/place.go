package casualty

// candidate is a place name found by the heuristic, at item index at.
type candidate struct {
	name string
	at   int
}

// place names where the count with evidence starting at item first happened. With a
// places layer (d.Places) it is the place mentioned in the same sentence, the first one
// after the count's start or else the last one before it, leaving out countries that
// modify a noun ("US air strikes": whose, not where; a province or city so used,
// "Katsina state", still says where). Without one it is the same
// choice among the capitalised phrases that follow "in", "at", "near" or "outside" in
// the sentence (see findPlaces), no further than placeWindow items from the count.
func (r *reader) place(first int) string {
	start := r.toks[r.its[first].first].Start
	if len(r.d.Places) > 0 {
		best := ""
		for _, p := range r.d.Places {
			if p.Start < r.span.Start || p.End > r.span.End || p.Admin1 == "" && r.d.Modifier(p.Span) {
				continue
			}
			if p.Start >= start {
				return p.Name
			}
			best = p.Name
		}
		return best
	}
	if !r.placed {
		r.places, r.placed = r.findPlaces(), true
	}
	best := ""
	for _, c := range r.places {
		if c.at >= first {
			if c.at <= first+placeWindow {
				return c.name
			}
			break
		}
		if c.at >= first-placeWindow {
			best = c.name
		}
	}
	return best
}

// placeWindow is how many items from a count a place name may be, so that a long
// sentence does not lend a count the place of another clause.
const placeWindow = 24

// findPlaces applies the place heuristic: after a place preposition, skip "the", "a",
// lower-case modifiers, possessives ("Soleimani's hometown of") and place nouns followed
// by "of" ("the southeastern Iranian city of"), then take the capitalised phrase. A
// capitalised phrase followed by another lower-case word ("at Soleimani burial") is a
// modifier, not a place, and month and day names are never places.
func (r *reader) findPlaces() []candidate {
	its, n := r.its, len(r.its)
	var out []candidate
	for k := range its {
		if !its[k].has(fPlacePrep) {
			continue
		}
		j := k + 1
	scan:
		for steps := 0; j < n && steps < 7; steps++ {
			x := &its[j]
			switch {
			case x.has(fCap) && !x.has(fNotPlace|fNumber|fYear):
				e := r.capRun(j)
				switch {
				case e < n && its[e].glue == gPoss:
					j = e + 1
					continue
				case e+1 < n && its[e].has(fPlaceNoun) && its[e+1].glue == gOf:
					j = e + 2
					continue
				case its[j-1].glue == gOf || r.followsPlace(e):
					out = append(out, candidate{name: r.d.Text[r.toks[x.first].Start:r.toks[its[e-1].end-1].End], at: j})
				}
				break scan
			case x.has(fPlaceNoun):
				j++
				if j < n && its[j].glue == gOf {
					j++
				}
			case x.glue == gThe || x.glue == gIndef || x.has(fWord) && !x.has(fCap):
				j++
			default:
				break scan
			}
		}
	}
	return out
}

// capRun returns the end of the run of capitalised items starting at j, allowing "of"
// between capitals ("Democratic Republic of Congo").
func (r *reader) capRun(j int) int {
	its, n := r.its, len(r.its)
	e := j
	for e < n && e < j+6 {
		switch {
		case its[e].has(fCap) && !its[e].has(fNotPlace|fNumber|fYear|fPunct):
			e++
		case its[e].glue == gOf && e+1 < n && its[e+1].has(fCap) && e > j:
			e++
		default:
			return e
		}
	}
	return e
}

// followsPlace reports whether item e may follow a place name.
func (r *reader) followsPlace(e int) bool {
	if e >= len(r.its) {
		return true
	}
	x := &r.its[e]
	return x.has(fPunct|fPlaceFollow|fPlacePrep|fPassive|fAux|fNumber) || x.hasKind() ||
		x.glue != gNone && x.glue != gPoss
}
