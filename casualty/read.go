package casualty

import (
	"math/bits"
	"strconv"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/dates"
	"github.com/tocsin-project/tocsin/doc"
)

// reader finds the counts of one sentence. Three readings are tried in turn, each number
// being claimed by the first that accepts it:
//
//   - predicate: the count is the subject ("At least 50 people have been killed",
//     "56 dead", "two of the victims died", "a policeman was killed", "56 deaths");
//   - object: the count follows a verb ("killed 12 soldiers", "killing 176 people");
//   - toll: the count follows a toll noun ("the death toll rose to 56").
type reader struct {
	s        *Stage
	d        *doc.Document
	toks     []doc.Token
	its      []item
	used     []bool
	pubYear  int
	out      []doc.Casualty
	places   []candidate // place candidates of the sentence, found on first use
	placed   bool
	span     doc.Span // the sentence
	headline bool     // the sentence is in the headline or standfirst
	sent     int      // the sentence's index
	conj     []bool   // conj[k]: the count at item k is a conjunct of an earlier one
	// mentions, when not nil, receives what Totals needs to know of each count.
	mentions map[doc.Span]mention
}

func (r *reader) read() {
	r.founds()
	r.predicates()
	r.objects()
	r.tolls()
	r.ellipses()
	r.singles()
	r.companions()
}

// companions reads the people killed or injured "along with" those of a count just read
// ([with]): "Jimenez was killed along with Adela Luna" (a name, one), "was killed along
// with his wife" (one), "died together with two friends" (a count). The predicate must
// be the evidence of a count of the sentence, at most four items before; the people
// after are joined to that count (see Totals), not a restatement of it.
func (r *reader) companions() {
	its, n := r.its, len(r.its)
	for k := 1; k+1 < n; k++ {
		if !its[k].has(fWith) {
			continue
		}
		var kinds uint8
		for b := k - 1; b >= 0 && b >= k-4 && its[b].glue != gStop && its[b].glue != gComma; b-- {
			if its[b].kinds[rolePredicate]&singleKinds != 0 && r.claimed(b) {
				kinds = its[b].kinds[rolePredicate] & singleKinds
				break
			}
		}
		if kinds == 0 {
			continue
		}
		kinds &= -kinds
		j := k + 1
		switch w := r.word(j); {
		case its[j].has(fNumber) || its[j].glue == gIndef:
			if r.used[j] {
				continue
			}
			c, ok := r.count(j)
			switch {
			case !ok:
			case c.head >= 0 && !its[c.head].has(fStopper|fPerpetrator):
				r.conj[c.num] = true
				r.emit(kinds, c, k, c.end-1)
			case c.head < 0 && c.plain > c.end && !its[c.plain-1].has(fStopper|fPerpetrator):
				r.conj[c.num] = true
				r.emit(kinds, c, k, c.plain-1) // "two friends": an unlisted plural
			}
		case (w == "his" || w == "her" || w == "their") && j+1 < n && its[j+1].has(fVictim) && !r.pluralish(j+1):
			r.conj[k] = true
			r.emitSingle(kinds, k, j+1, j+1) // "along with his wife"
		case r.capish(j) && its[j].flags&^(fCap|fWord) == 0:
			e := j
			for e+1 < n && (r.capish(e+1) && its[e+1].flags&^(fCap|fWord) == 0 || e+2 < n && r.capish(e+2) && namePart(r.word(e+1))) {
				e++
			}
			if e+1 < n && its[e+1].glue == gPoss {
				continue // "along with Khan's brother": the name is not the person
			}
			r.conj[k] = true
			r.emitSingle(kinds, k, -1, e)
		}
	}
}

// ellipses reads a count whose predicate is left out after "as": "Photographer Philip
// Coburn was seriously wounded by the bomb, as were four other Marines" (four injured),
// "90 civilians were wounded, as were seventeen from the Armed Forces". Its kind is that
// of the nearest killed or injured predicate before it in the sentence.
func (r *reader) ellipses() {
	its := r.its
	for k := 1; k+1 < len(its); k++ {
		j := k + 1 // "as were" is one item, of [additive]: these people are besides the others
		if r.word(k) != "as" || !its[k].has(fAdditive) || !its[j].has(fNumber) || r.used[j] {
			continue
		}
		var kinds uint8
		for b := k - 1; b >= 0 && its[b].glue != gStop && kinds == 0; b-- {
			kinds = its[b].kinds[rolePredicate] & singleKinds
		}
		if kinds == 0 || kinds == singleKinds {
			continue
		}
		if c, ok := r.count(j); ok {
			r.emit(kinds, c, k, max(c.end-1, j))
		}
	}
}

// emit records a count of the lowest kind in kinds with evidence items [first, last],
// unless the sentence marks it as background history. Either way the number is claimed.
func (r *reader) emit(kinds uint8, c count, first, last int) {
	r.used[c.num] = true
	if c.inner >= 0 {
		r.used[c.inner] = true
	}
	if r.background(first, last) || r.rate(last) {
		return
	}
	its := r.its
	start, end := r.toks[its[first].first].Start, r.toks[its[last].end-1].End
	q := c.qual
	if q == qNone {
		q = qExact
		if c.vague {
			q = qAtLeast // a vague quantity's value is its lower bound
		}
	}
	var f doc.Casualty
	f.Kind = kindNames[bits.TrailingZeros8(kinds)]
	f.Value = int(c.value)
	f.Qualifier = qualNames[q]
	f.Vague = c.vague
	if c.head >= 0 && c.noun == 0 {
		f.Victims = strings.ToLower(r.d.Text[r.toks[its[c.head].first].Start:r.toks[its[c.head].end-1].End])
	}
	f.Place = r.place(first)
	f.Text = r.d.Text[start:end]
	f.Span = doc.Span{Start: start, End: end}
	if dt, ok := dates.At(r.d, f.Span); ok && dt.Resolved {
		if longBefore(dt.Value, r.d.Published) {
			return // "the 1989 funeral of Khomeini, where a crush also killed several people"
		}
		f.Date = dt.Value
	}
	r.out = append(r.out, f)
	if r.mentions != nil {
		r.mentions[f.Span] = r.mention(c, first, last)
	}
}

// longBefore reports whether the date value (a year, a month or a day) lies more than a
// year before the publication date: the count it dates is history quoted as background.
// Without a publication date nothing is.
func longBefore(value, published string) bool {
	if len(published) < 10 {
		return false
	}
	pub, err := time.Parse("2006-01-02", published[:10])
	if err != nil {
		return false
	}
	switch len(value) {
	case 4:
		y, err := strconv.Atoi(value)
		return err == nil && y < pub.Year()
	case 7:
		t, err := time.Parse("2006-01", value)
		return err == nil && t.AddDate(1, 1, 0).Before(pub)
	case 10:
		t, err := time.Parse("2006-01-02", value)
		return err == nil && t.AddDate(1, 0, 0).Before(pub)
	}
	return false
}

// rate reports whether a rate cue follows the evidence ending at item last: "four deaths
// per 100,000", "100,000 deaths annually".
func (r *reader) rate(last int) bool {
	for j := last + 1; j < len(r.its) && j <= last+3; j++ {
		if r.its[j].has(fRate) {
			return true
		}
	}
	return false
}

// background reports whether the count with evidence [first, last] is history quoted as
// background: a cue such as "ago" or "previous" before it in the clause, or a year that
// names an earlier event ("the 1988 attack, which killed 290 people"; "in 2015, when 130
// people were killed"). A year counts when it modifies a noun after "the", when a
// relative word stands between it and the count, or when the publication date is known
// and the year is earlier. A count after an opening "Since ...," clause is a cumulative
// toll, background too.
func (r *reader) background(first, last int) bool {
	its := r.its
	if len(its) > 2 && r.word(0) == "in" && its[1].has(fNotPlace) && its[1].has(fCap) && its[2].glue == gComma {
		return true // a month told apart: "In January, at least 400 people were killed"
	}
	if len(its) > 0 && r.word(0) == "since" {
		for j := 1; j < first; j++ {
			if its[j].glue == gComma {
				return true // a toll since a turning point: "Since Calderon launched his war on drugs, 30,000 people have been killed"
			}
		}
	}
	for j := last + 1; j < len(its) && j <= last+10 && its[j].glue != gStop && !its[j].hasKind(); j++ {
		if its[j].has(fBackground) && j <= last+8 {
			return true // "died in a similar stampede"
		}
		if its[j].has(fYear) && r.pubYear > 0 {
			if y, _ := strconv.Atoi(r.toks[its[j].first].Text); y < r.pubYear {
				return true // "Robert was killed in June 1968"
			}
		}
	}
	rel := false
	for b := last; b >= 0 && b >= first-12; b-- {
		x := &its[b]
		if b < first && x.glue == gStop {
			break
		}
		if x.has(fBackground) {
			return true
		}
		if b < first && x.has(fRel) {
			rel = true
		}
		if rel && x.has(fPast) {
			return true // "clashes near Khan Younis last week, which killed two Israeli troops"
		}
		if x.has(fYear) {
			y, _ := strconv.Atoi(r.toks[x.first].Text)
			switch {
			case r.pubYear > 0 && y < r.pubYear:
				return true
			case r.pubYear > 0 && y >= r.pubYear:
			case b > 0 && its[b-1].glue == gThe, rel && b < first:
				return true
			case b == 1 && r.word(0) == "in" && b+1 < len(its) && its[b+1].glue == gComma:
				return true // a sentence opening "In 1989, ..."
			}
		}
	}
	return false
}
