package casualty

// tollReach is how many items after a toll noun its figure may stand, past what the toll is
// of: "The death toll resulting from a car bomb attack in northern Iraq yesterday has
// reached 30".
const tollReach = 16

// tolls reads counts that follow a toll noun within tollReach items, skipping an earlier
// value ("rose from 40 to 56") and numbers that count no people ("a 6.9 magnitude
// earthquake"), and stopping at punctuation, a hypothetical or another casualty word.
func (r *reader) tolls() {
	its, n := r.its, len(r.its)
	for k := range its {
		kinds := its[k].kinds[roleToll]
		if kinds == 0 || !r.leftOK(k) {
			continue
		}
	scan:
		for j := k + 1; j < n && j <= k+tollReach; j++ {
			x := &its[j]
			switch {
			case x.has(fPunct) && x.glue != gOpen && x.glue != gClose, x.has(fHypo | fNeg), x.hasKind():
				break scan
			case x.has(fNumber):
				if r.used[j] {
					break scan
				}
				if g := its[j-1].glue; g == gFrom || g == gBy {
					continue // "rose from 40 to 56", "rose by 12 to 56"
				}
				c, ok := r.count(j)
				if !ok && !r.used[j] {
					continue // a measure, no count: "a 6.9 magnitude earthquake"
				}
				if !ok || c.noun != 0 {
					break scan
				}
				last := c.num
				if c.head >= 0 {
					last = c.head
				}
				r.emit(kinds, c, k, last)
				break scan
			}
		}
	}
}
