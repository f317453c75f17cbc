package dates

import (
	"fmt"

	"github.com/tocsin-project/tocsin/doc"
)

// The grammar: each rule starts at one token, reads the vocabulary and numbers after it,
// and emits a date or returns 0.

// number handles a token that starts with a digit.
func (sc *scanner) number(i int) int {
	t := sc.low[i].Text
	if y, m, d, ok := isoDate(t); ok {
		return sc.day(i, i+1, y, m, d)
	}
	if y, m, d, ok := slashDate(t); ok {
		return sc.day(i, i+1, y, m, d)
	}
	if v, ok := decade(t); ok {
		return sc.emit(i, i+1, result{value: v, resolved: true})
	}
	if d, ok := parseDay(t); ok {
		if stop, y, m, ok := sc.monthAfterDay(i + 1); ok {
			if n := sc.day(i, stop, y, m, d); n > 0 {
				return n
			}
		}
	}
	if y, ok := sc.bareYear(i); ok {
		sc.yearEnd = i + 1
		return sc.emit(i, i+1, yearResult(y))
	}
	if c, ok := atoi(t); ok {
		return sc.count(i, 1, c)
	}
	return 0
}

// day emits the day y-m-d (y == 0: year unknown) over tokens [from, to), or returns 0 when
// there is no such day.
func (sc *scanner) day(from, to, y, m, d int) int {
	r, ok := sc.calendar(y, m, d)
	if !ok {
		return 0
	}
	return sc.emit(from, to, r)
}

// monthAfterDay reads "[of] January [,] [2020]" after a day number at token j.
func (sc *scanner) monthAfterDay(j int) (stop, y, m int, ok bool) {
	if sc.text(j) == "of" {
		j++
	}
	if j >= sc.end || !sc.capital(j) {
		return 0, 0, 0, false
	}
	w := sc.word(j)
	m, ok = w.get(kMonth)
	if !ok {
		m, ok = w.get(kMonthAbbr)
	}
	if !ok {
		return 0, 0, 0, false
	}
	stop = j + w.n
	y, stop = sc.yearAfter(stop)
	return stop, y, m, true
}

// yearAfter reads an optional ", 2020" at token j: the year and the new end.
func (sc *scanner) yearAfter(j int) (y, stop int) {
	k := j
	if sc.text(k) == "," {
		k++
	}
	if y, ok := fourDigits(sc.text(k)); ok && y >= 1000 && !sc.counted(k+1) {
		return y, k + 1
	}
	return 0, j
}

// dayAfterMonth reads "3 [,] [2020]" after a month name ending before token j.
func (sc *scanner) dayAfterMonth(j int) (stop, y, d int, ok bool) {
	if j >= sc.end || sc.toks[j].Kind != doc.Number {
		return 0, 0, 0, false
	}
	d, ok = parseDay(sc.low[j].Text)
	if !ok || sc.counted(j+1) { // "in January 12 people died"
		return 0, 0, 0, false
	}
	y, stop = sc.yearAfter(j + 1)
	return stop, y, d, true
}

// bareYear reports whether the four-digit number at token i is a year: 1800–2100, after a
// date context, not before a counted noun (see the package comment for why).
func (sc *scanner) bareYear(i int) (int, bool) {
	y, ok := fourDigits(sc.low[i].Text)
	if !ok || y < 1800 || y > 2100 || i == sc.first || sc.counted(i+1) {
		return 0, false
	}
	switch sc.low[i-1].Text {
	case "'s", "’s":
		return y, true
	}
	w := sc.word(i - 1)
	return y, w.is(kYearContext) || w.is(kYearLink) && sc.yearEnd == i-1
}

// count handles "two days ago", "three weeks later", "a day earlier": a count of n tokens
// at token i with value c.
func (sc *scanner) count(i, n, c int) int {
	j := i + n
	uw := sc.word(j)
	unit, ok := uw.get(kUnit)
	if !ok || j >= sc.end {
		return 0
	}
	k := j + uw.n
	dw := sc.word(k)
	if k >= sc.end || dw.n == 0 {
		return 0
	}
	switch {
	case dw.is(kAgo):
		if sc.pubWhy != "" {
			return sc.emit(i, k+dw.n, unresolved(sc.pubWhy))
		}
		return sc.emit(i, k+dw.n, shiftUnit(sc.pub, unit, -c))
	case dw.is(kLater), dw.is(kEarlier):
		if dw.is(kEarlier) {
			c = -c
		}
		base, why := sc.anchor()
		if why != "" {
			return sc.emit(i, k+dw.n, unresolved(why))
		}
		return sc.emit(i, k+dw.n, shiftUnit(base, unit, c))
	}
	return 0
}

// phrase handles a vocabulary phrase w at token i.
func (sc *scanner) phrase(i int, w *word) int {
	stop := i + w.n
	if _, ok := w.get(kNight); ok && sc.hasLast && sc.lastAt >= sc.first {
		// "After his arrest on Friday, he stayed in the station overnight before
		// appearing in court the next day": after a day its sentence named, the night
		// that follows it, not the publication's.
		return sc.emit(i, sc.part(stop), dayResult(sc.last))
	}
	v, ok := w.get(kDay)
	if !ok {
		v, ok = w.get(kNight) // otherwise days from publication, as [day N]
	}
	if ok {
		if sc.pubWhy != "" {
			return sc.emit(i, sc.part(stop), unresolved(sc.pubWhy))
		}
		return sc.emit(i, sc.part(stop), dayResult(sc.pub.AddDate(0, 0, v)))
	}
	if v, ok := w.get(kAnchor); ok {
		return sc.anchored(i, stop, v)
	}
	if v, ok := w.get(kAnchorPrep); ok && !sc.object(stop) {
		return sc.anchored(i, stop, v)
	}
	if v, ok := w.get(kShift); ok {
		if n := sc.shifted(i, stop, v); n > 0 {
			return n
		}
	}
	if v, ok := w.get(kNumber); ok {
		if n := sc.count(i, w.n, v); n > 0 {
			return n
		}
	}
	if !sc.capital(i) {
		return 0
	}
	if m, ok := w.get(kMonth); ok {
		return sc.month(i, stop, m, true)
	}
	if m, ok := w.get(kMonthAbbr); ok {
		return sc.month(i, stop, m, false)
	}
	if wd, ok := w.get(kWeekday); ok {
		return sc.weekday(i, stop, wd, 0, false)
	}
	return 0
}

// anchored emits a phrase counting v days from the anchor.
func (sc *scanner) anchored(i, stop, v int) int {
	base, why := sc.anchor()
	if why != "" {
		return sc.emit(i, stop, unresolved(why))
	}
	return sc.emit(i, stop, dayResult(base.AddDate(0, 0, v)))
}

// month handles a month name at token i ending before stop: "January 3, 2020",
// "January 2020", "January of 2020", and, for full names after a date context, "in January".
func (sc *scanner) month(i, stop, m int, full bool) int {
	if end, y, d, ok := sc.dayAfterMonth(stop); ok {
		return sc.day(i, end, y, m, d) // 0 for "February 30"
	}
	k := stop
	if sc.text(k) == "of" {
		k++
	}
	if y, ok := fourDigits(sc.text(k)); ok && y >= 1000 && !sc.counted(k+1) {
		return sc.emit(i, k+1, monthResult(y, m))
	}
	if prev := sc.word(i - 1); !full || !prev.is(kYearContext) {
		return 0
	}
	if sc.pubWhy != "" {
		return sc.emit(i, stop, partial(fmt.Sprintf("--%02d", m), sc.pubWhy))
	}
	return sc.emit(i, stop, monthResult(nearestMonthYear(sc.pub, m), m))
}

// shifted handles "last week", "this month", "next year", "last Friday", "last March"
// with shift v at token i; the unit or name starts at token j.
func (sc *scanner) shifted(i, j, v int) int {
	if sc.text(i-1) == "the" { // "in the last week" is a duration
		return 0
	}
	w := sc.word(j)
	if w.n == 0 || j >= sc.end {
		return 0
	}
	stop := j + w.n
	if unit, ok := w.get(kUnit); ok && unit != unitDay {
		if sc.pubWhy != "" {
			return sc.emit(i, stop, unresolved(sc.pubWhy))
		}
		return sc.emit(i, stop, shiftUnit(sc.pub, unit, v))
	}
	if !sc.capital(j) {
		return 0
	}
	if wd, ok := w.get(kWeekday); ok {
		return sc.weekday(i, stop, wd, v, true)
	}
	if m, ok := w.get(kMonth); ok {
		if sc.pubWhy != "" {
			return sc.emit(i, stop, unresolved(sc.pubWhy))
		}
		return sc.emit(i, stop, monthResult(shiftedMonthYear(sc.pub, m, v), m))
	}
	return 0
}

// weekday handles a weekday ending before stop, its expression starting at token i (at a
// shift word when hasShift). "Tuesday, January 7, 2020" takes the date's value.
func (sc *scanner) weekday(i, stop, wd, shift int, hasShift bool) int {
	if !hasShift {
		k := stop
		if sc.text(k) == "," {
			k++
		}
		if n := sc.dateAt(i, k); n > 0 {
			return n
		}
	}
	end := sc.part(stop)
	if sc.pubWhy != "" {
		return sc.emit(i, end, unresolved(sc.pubWhy))
	}
	how := onOrBefore
	switch {
	case hasShift && shift < 0:
		how = before
	case hasShift && shift > 0:
		how = after
	case hasShift:
		how = sameWeek
	case sc.future(i, end):
		how = after
	}
	return sc.emit(i, end, dayResult(weekday(sc.pub, wd, how)))
}

// dateAt emits a day-precise date written at token k ("January 7, 2020", "7 January") as an
// expression starting at token i.
func (sc *scanner) dateAt(i, k int) int {
	if k >= sc.end {
		return 0
	}
	if d, ok := parseDay(sc.text(k)); ok && sc.toks[k].Kind == doc.Number {
		if stop, y, m, ok := sc.monthAfterDay(k + 1); ok {
			return sc.day(i, stop, y, m, d)
		}
		return 0
	}
	if !sc.capital(k) {
		return 0
	}
	w := sc.word(k)
	m, ok := w.get(kMonth)
	if !ok {
		m, ok = w.get(kMonthAbbr)
	}
	if !ok {
		return 0
	}
	if stop, y, d, ok := sc.dayAfterMonth(k + w.n); ok {
		return sc.day(i, stop, y, m, d)
	}
	return 0
}
