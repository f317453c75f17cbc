package casualty

import (
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
)

// mention is what Totals knows of one count besides its doc.Casualty.
type mention struct {
	sent        int    // index of its sentence
	one         bool   // one person written without a number: a name, a pronoun, "the driver"
	indefinite  bool   // "a man was shot dead": one more person, not one already named
	additive    bool   // "five other civilians also died": besides those counted
	perpetrator bool   // the attackers: "the gunman was shot dead", "police shot him dead"
	name        string // the words of a named or described person, for matching mentions
}

// mention describes the count c with evidence items [first, last].
func (r *reader) mention(c count, first, last int) mention {
	its := r.its
	m := mention{sent: r.sent}
	m.indefinite = its[c.num].glue == gIndef
	m.one = c.value == 1 && !its[c.num].has(fNumber) && !m.indefinite
	for j := max(first-1, 0); j <= last && j < len(its); j++ {
		if its[j].has(fAdditive) && !its[j].hasKind() { // "another three died"
			m.additive = true
		}
	}
	m.perpetrator = c.head >= 0 && its[c.head].has(fPerpetrator)
	if m.one {
		m.name = strings.ToLower(r.d.Text[r.toks[its[first].first].Start:r.toks[its[last].end-1].End])
	}
	// "Police shot him dead", "was shot dead by police": who did it says who died.
	for j := max(first-3, 0); j < first; j++ {
		if its[j].has(fStopper) {
			m.perpetrator = true
		}
	}
	for j := last + 1; j < len(its) && j <= last+3; j++ {
		if its[j].glue == gBy && j+1 < len(its) && its[j+1].has(fStopper) {
			m.perpetrator = true
		}
	}
	return m
}

// Totals returns d's count of each kind for its incident, reconciled from its counts
// rather than the largest of them:
//
//   - the same people reported twice count once: within a kind, the counts of one
//     sentence add up ("injured a man and two women" is three), and sentences restate
//     each other, so the largest sentence total stands ("killing four ... several police
//     lost their lives" is four);
//   - vague counts ("dozens") stand only when no exact count of the kind does;
//   - people besides those counted add to them: "at least five other civilians also
//     died", "Another later died", "two others were also injured" (vocab [additive]);
//   - so does each person introduced with "a"/"an" beyond the largest sentence total
//     ("A man was shot dead. A woman was also killed." is two);
//   - attackers are counted apart from their victims and added: "killing four ... The
//     attacker was shot dead by police" is five (vocab [perpetrator], [stopper]);
//   - a person reported injured who then died is killed, not injured: an injured count
//     of one named or described person ("Adamowicz was stabbed") is dropped when a
//     later count of one person killed ("He died today") names the same person or
//     names no one else.
func (s *Stage) Totals(d *doc.Document) map[string]int {
	ms := map[doc.Span]mention{}
	cs := s.extract(d, ms)
	died := diedOfInjuries(cs, ms)
	// A sentence whose count of a kind says "other" or "another" adds all its counts of
	// that kind to the rest ("The local police chief and two others were also injured"),
	// unless a count of another kind comes first in it ("two died and three others were
	// injured": others than the dead).
	type key struct {
		kind string
		sent int
	}
	additive := map[key]bool{}
	for i, c := range cs {
		m := ms[c.Span]
		if !m.additive {
			continue
		}
		other := false
		for _, o := range cs[:i] {
			other = other || o.Kind != c.Kind && ms[o.Span].sent == m.sent
		}
		if !other {
			additive[key{c.Kind, m.sent}] = true
		}
	}
	type group struct {
		sums, vague map[int]int // sentence → total of its exact, of its vague counts
		indefinite  int
		extra       int
	}
	groups := map[string]*[2]group{} // by kind: victims, perpetrators
	head := map[string]int{}         // the headline states the total, the body its parts
	for i, c := range cs {
		if died[i] {
			continue
		}
		if c.Start < d.BodyStart {
			head[c.Kind] = max(head[c.Kind], c.Value)
			continue
		}
		m := ms[c.Span]
		gs := groups[c.Kind]
		if gs == nil {
			gs = &[2]group{{sums: map[int]int{}, vague: map[int]int{}}, {sums: map[int]int{}, vague: map[int]int{}}}
			groups[c.Kind] = gs
		}
		g := &gs[0]
		if m.perpetrator {
			g = &gs[1]
		}
		switch {
		case additive[key{c.Kind, m.sent}]:
			g.extra += c.Value
		case c.Vague:
			g.vague[m.sent] += c.Value
		default:
			g.sums[m.sent] += c.Value
			if m.indefinite {
				g.indefinite++
			}
		}
	}
	out := map[string]int{}
	for kind, gs := range groups {
		for _, g := range gs {
			sums := g.sums
			if len(sums) == 0 {
				sums = g.vague
			}
			best := g.indefinite
			for _, v := range sums {
				best = max(best, v)
			}
			out[kind] += best + g.extra
		}
	}
	for kind, v := range head {
		out[kind] = max(out[kind], v)
	}
	return out
}

// diedOfInjuries marks the injured counts of one person who, by a later count of one
// person killed, died: the killed count names the same person, or names no one (a
// pronoun: "He died today"), when the nearest earlier injured person is taken.
func diedOfInjuries(cs []doc.Casualty, ms map[doc.Span]mention) map[int]bool {
	out := map[int]bool{}
	for i, c := range cs {
		m := ms[c.Span]
		if c.Kind != "killed" || !m.one {
			continue
		}
		pick := -1
		for j := i - 1; j >= 0; j-- {
			o, om := cs[j], ms[cs[j].Span]
			if o.Kind != "injured" || !om.one || out[j] || m.sent-om.sent > 3 {
				continue
			}
			if sharesWord(om.name, m.name) {
				pick = j
				break
			}
			if pick < 0 && isPronoun(m.name) {
				pick = j
			}
		}
		if pick >= 0 {
			out[pick] = true
		}
	}
	return out
}

// sharesWord reports whether two names share a capitalised word of the text (compared
// lower-cased, at least three letters): "paweł adamowicz" and "adamowicz".
func sharesWord(a, b string) bool {
	for _, w := range strings.Fields(a) {
		if len(w) >= 3 && slices.Contains(strings.Fields(b), w) && !commonWord(w) {
			return true
		}
	}
	return false
}

func commonWord(w string) bool {
	switch w {
	case "was", "the", "and", "has", "been", "had", "shot", "dead", "died", "killed", "stabbed", "injured", "wounded", "later":
		return true
	}
	return false
}

func isPronoun(name string) bool {
	for _, w := range strings.Fields(name) {
		switch w {
		case "he", "she", "him", "her":
			return true
		}
	}
	return false
}
