package casualty

// tolls reads counts that follow a toll noun within ten items, skipping an earlier
// value ("rose from 40 to 56") and stopping at punctuation, a hypothetical or another
// casualty word.
func (r *reader) tolls() {
	its, n := r.its, len(r.its)
	for k := range its {
		kinds := its[k].kinds[roleToll]
		if kinds == 0 || !r.leftOK(k) {
			continue
		}
	scan:
		for j := k + 1; j < n && j <= k+10; j++ {
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
