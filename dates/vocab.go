package dates

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
)

// kind is what a vocabulary label says a phrase is.
type kind uint8

const (
	kMonth       kind = iota + 1 // value 1–12
	kMonthAbbr                   // value 1–12; needs a day or year beside it
	kWeekday                     // value 1 (Monday) – 7 (Sunday)
	kDay                         // days from publication
	kNight                       // days from publication, or the night after a day its sentence named
	kAnchor                      // days from the last date mentioned
	kAnchorPrep                  // as kAnchor, only when nothing follows
	kShift                       // last -1, this 0, next 1
	kUnit                        // unitDay … unitYear
	kNumber                      // a count
	kAgo                         // "ago"
	kLater                       // "later"
	kEarlier                     // "earlier"
	kPart                        // part of the day
	kYearContext                 // makes a following number a year
	kYearLink                    // joins two years
	kCounted                     // makes a preceding number a count
	kPast                        // past-tense cue
	kFuture                      // future-tense cue
)

// Units of kUnit, in increasing size.
const (
	unitDay = iota + 1
	unitWeek
	unitMonth
	unitYear
)

// atom is the meaning of one label.
type atom struct {
	kind kind
	val  int
}

// labelKind maps a label name to its kind and says whether the label takes a value.
func labelKind(name string) (k kind, valued bool, ok bool) {
	switch name {
	case "month":
		return kMonth, true, true
	case "month-abbr":
		return kMonthAbbr, true, true
	case "weekday":
		return kWeekday, true, true
	case "day":
		return kDay, true, true
	case "night":
		return kNight, true, true
	case "anchor":
		return kAnchor, true, true
	case "anchor-prep":
		return kAnchorPrep, true, true
	case "shift":
		return kShift, true, true
	case "unit":
		return kUnit, true, true
	case "number":
		return kNumber, true, true
	case "ago":
		return kAgo, false, true
	case "later":
		return kLater, false, true
	case "earlier":
		return kEarlier, false, true
	case "part":
		return kPart, false, true
	case "year-context":
		return kYearContext, false, true
	case "year-link":
		return kYearLink, false, true
	case "counted":
		return kCounted, false, true
	case "past":
		return kPast, false, true
	case "future":
		return kFuture, false, true
	}
	return 0, false, false
}

const knownLabels = "month N, month-abbr N, weekday N, day N, night N, anchor N, anchor-prep N, shift N, " +
	"unit day|week|month|year, number N, ago, later, earlier, part, year-context, year-link, counted, past, future"

// parseLabel reads a heading such as "month 1" or "unit week".
func parseLabel(label string) (atom, error) {
	name, arg, _ := strings.Cut(strings.TrimSpace(label), " ")
	arg = strings.TrimSpace(arg)
	k, valued, ok := labelKind(name)
	if !ok {
		return atom{}, fmt.Errorf("unknown label [%s]: want one of %s", label, knownLabels)
	}
	if !valued {
		if arg != "" {
			return atom{}, fmt.Errorf("label [%s] takes no value", label)
		}
		return atom{kind: k}, nil
	}
	if k == kUnit {
		u := map[string]int{"day": unitDay, "week": unitWeek, "month": unitMonth, "year": unitYear}[arg]
		if u == 0 {
			return atom{}, fmt.Errorf("label [%s]: unit must be day, week, month or year", label)
		}
		return atom{kind: k, val: u}, nil
	}
	v, err := strconv.Atoi(arg)
	if err != nil {
		return atom{}, fmt.Errorf("label [%s] needs a whole number", label)
	}
	lo, hi := -1000, 1000
	switch k {
	case kMonth, kMonthAbbr:
		lo, hi = 1, 12
	case kWeekday:
		lo, hi = 1, 7
	case kShift:
		lo, hi = -1, 1
	case kNumber:
		lo = 0
	}
	if v < lo || v > hi {
		return atom{}, fmt.Errorf("label [%s]: value must be between %d and %d", label, lo, hi)
	}
	return atom{kind: k, val: v}, nil
}

// headings checks every [label] heading of a vocabulary file before the lexicon reads it,
// so that a misspelt label is reported with its file and line instead of being ignored.
func headings(name string, src []byte, atoms map[string]atom) error {
	sc := bufio.NewScanner(bytes.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		line = stripComment(line)
		if len(line) < 3 || line[0] != '[' || line[len(line)-1] != ']' {
			continue
		}
		label := strings.TrimSpace(line[1 : len(line)-1])
		a, err := parseLabel(label)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		atoms[label] = a
	}
	return sc.Err()
}

// stripComment drops a '#' comment as the lexicon does: at the start of the line or after
// white space.
func stripComment(line string) string {
	for i := 0; i < len(line); i++ {
		if line[i] == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			return strings.TrimSpace(line[:i])
		}
	}
	return line
}

// word is what the vocabulary says about the longest phrase starting at one token.
type word struct {
	n     int // length in tokens; 0 when no phrase starts there
	atoms [6]atom
	k     int
}

// get returns the value of kind k if the phrase carries it.
func (w *word) get(k kind) (int, bool) {
	for _, a := range w.atoms[:w.k] {
		if a.kind == k {
			return a.val, true
		}
	}
	return 0, false
}

func (w *word) is(k kind) bool { _, ok := w.get(k); return ok }

// lookup matches the vocabulary at toks[i]. toks must be lower-cased (see lowerTokens), so
// that the lexicon's case folding never allocates.
func (s *Stage) lookup(toks []doc.Token, i int) word {
	var w word
	if i < 0 || i >= len(toks) {
		return w
	}
	labels, n := s.lex.Match(toks, i)
	w.n = n
	for _, l := range labels {
		if a, ok := s.atoms[l]; ok && w.k < len(w.atoms) {
			w.atoms[w.k] = a
			w.k++
		}
	}
	return w
}
