package dates

import (
	"fmt"
	"time"
)

// noPublication is the reason given for relative expressions in an undated article.
const noPublication = "no publication date"

// result is what one expression denotes, ready to be written as a doc.Date.
type result struct {
	value    string
	resolved bool
	reason   string
	day      time.Time // the day denoted, when resolved to one day; anchors later phrases
}

func unresolved(reason string) result { return result{reason: reason} }

func partial(value, reason string) result { return result{value: value, reason: reason} }

func dayResult(t time.Time) result {
	return result{value: t.Format("2006-01-02"), resolved: true, day: t}
}

func weekResult(t time.Time) result {
	y, w := t.ISOWeek()
	return result{value: fmt.Sprintf("%04d-W%02d", y, w), resolved: true}
}

func monthResult(y, m int) result {
	return result{value: fmt.Sprintf("%04d-%02d", y, m), resolved: true}
}

func yearResult(y int) result { return result{value: fmt.Sprintf("%04d", y), resolved: true} }

// date returns the day y-m-d and whether it exists.
func date(y, m, d int) (time.Time, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// publication parses the date part of a Published field, or says why it cannot.
func publication(s string) (time.Time, string) {
	if s == "" {
		return time.Time{}, noPublication
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, ""
		}
	}
	return time.Time{}, fmt.Sprintf("publication date %q is not a YYYY-MM-DD date", s)
}

// nearestYear is the year that puts month m, day d nearest to pub and not more than six
// months after it.
func nearestYear(pub time.Time, m, d int) int {
	y := pub.Year()
	c := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	switch {
	case c.After(pub.AddDate(0, 6, 0)):
		y--
	case !c.After(pub.AddDate(0, -6, 0)):
		y++
	}
	return y
}

// nearestMonthYear is nearestYear for a month alone: within (-6, +6] months of pub.
func nearestMonthYear(pub time.Time, m int) int {
	y, diff := pub.Year(), m-int(pub.Month())
	switch {
	case diff > 6:
		y--
	case diff <= -6:
		y++
	}
	return y
}

// shiftedMonthYear is the year of "last March" (shift -1: the most recent March before the
// publication month), "this March" (0) or "next March" (1).
func shiftedMonthYear(pub time.Time, m, shift int) int {
	y, pm := pub.Year(), int(pub.Month())
	switch {
	case shift < 0 && m >= pm:
		y--
	case shift > 0 && m <= pm:
		y++
	}
	return y
}

// Ways of finding a weekday from the publication date.
const (
	onOrBefore = iota // "on Tuesday" in a past context
	before            // "last Tuesday"
	after             // "next Tuesday", "will meet on Tuesday"
	sameWeek          // "this Tuesday"
)

// weekday returns the day with ISO weekday wd (1 Monday … 7 Sunday) found from pub.
func weekday(pub time.Time, wd, how int) time.Time {
	target := wd % 7 // time.Weekday: Sunday is 0
	cur := int(pub.Weekday())
	switch how {
	case sameWeek:
		return pub.AddDate(0, 0, (wd-1)-(cur+6)%7)
	case after:
		fwd := (target - cur + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return pub.AddDate(0, 0, fwd)
	}
	back := (cur - target + 7) % 7
	if back == 0 && how == before {
		back = 7
	}
	return pub.AddDate(0, 0, -back)
}

// shiftUnit moves base by n units and returns it at the unit's precision.
func shiftUnit(base time.Time, unit, n int) result {
	switch unit {
	case unitDay:
		return dayResult(base.AddDate(0, 0, n))
	case unitWeek:
		return weekResult(base.AddDate(0, 0, 7*n))
	case unitMonth:
		t := time.Date(base.Year(), base.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return monthResult(t.Year(), int(t.Month()))
	}
	return yearResult(base.Year() + n)
}
