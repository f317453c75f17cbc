package casualty

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// builtin holds the default vocabulary, one file per kind of knowledge.
//
//go:embed vocab/*.vocab
var builtin embed.FS

// flags are the roles a matched phrase can play.
type flags uint64

const (
	fNumber      flags = 1 << iota // a parsed count: digits, number words, vague quantity
	fVague                         // the number is a vague quantity
	fYear                          // a four-digit year, not a count
	fScale                         // "hundred", "million"
	fQual                          // a qualifier before a count
	fPostQual                      // a qualifier after a count ("or more")
	fVictim                        // a noun for people
	fPassive                       // a form of "be"
	fAux                           // other words allowed between count and predicate
	fHypo                          // hypothetical, future, threatened
	fNeg                           // negation
	fRel                           // relative word
	fBackground                    // background-history cue
	fCrowd                         // "a crowd of"
	fNotCount                      // "aged", "flight": the next number is no count
	fYearCue                       // "in", "since": a following four-digit number is a year
	fObjStart                      // "the", "their": an object begins
	fPartitive                     // "the", "them" after "of"
	fUnit                          // "miles", "years", "%"
	fPlacePrep                     // "in", "at", "near"
	fPlaceNoun                     // "city", "province"
	fPlaceFollow                   // words that may follow a place name
	fNotPlace                      // month and day names
	fAmbiguous                     // "killed or injured", "casualties"
	fRate                          // "per", "annually": the count is a rate
	fHeadline                      // a verb read as one only in a headline ("kill")
	fPunct                         // punctuation token
	fSymbol                        // symbol token ("$", "£")
	fWord                          // a word with no vocabulary role
	fCap                           // the item starts with a capital letter
	fPronoun                       // "he", "him": one person named by a pronoun
	fAdditive                      // "other", "another", "also": people besides those counted
	fPerpetrator                   // "gunman", "attacker": the people counted did the attack
	fStopper                       // "police": who kills or wounds an attacker
	fMayDie                        // "shot", "stabbed": wounded, or killed when the text says so
	fPartCue                       // "including": the count after it is some of those counted
	fSelf                          // "committed suicide": the phrase names its one dead, the doer
	fEach                          // "each", "apiece": the count is of each of several
	fIncident                      // "blast", "bomb": a noun for a blast, told again by "a second"
	fDeterminer                    // "all", "both": also [aux], but inside a noun phrase no verb
	fWith                          // "along with": more people of the count just read
	fHospital                      // "admitted", "taken": to a hospital named in between is injured
	fFinding                       // "found": people listed after it and then "dead" are killed
	fAlleged                       // "suspected to be": a description of the people counted follows
	fPast                          // "last week": a time before the news, background after a relative word
	fBodyPart                      // "leg": "his leg was seriously injured" is one person hurt
	fPlural                        // "people", "children": a noun for several people with no plural "-s"
)

// roles of kind words.
const (
	rolePredicate = iota // "50 people were killed"
	roleObject           // "killed 12 soldiers"
	roleToll             // "the death toll rose to 56"
	roleNoun             // "56 deaths"
	nRoles
)

var roleNames = [nRoles]string{"", "object", "toll", "noun"}

// Kinds, in bit order: kind k is bit 1<<k of a role mask.
var kindNames = [...]string{"killed", "injured", "missing", "arrested", "kidnapped", "displaced"}

// Qualifiers; 0 means none was written.
const (
	qNone uint8 = iota
	qExact
	qAtLeast
	qMoreThan
	qAbout
	qUpTo
)

var qualNames = [...]string{"", "exact", "at_least", "more_than", "about", "up_to"}

// Qualifier names as reported in doc.Casualty.Qualifier.
const (
	Exact    = "exact"
	AtLeast  = "at_least"
	MoreThan = "more_than"
	About    = "about"
	UpTo     = "up_to"
)

// info is what a vocabulary heading means.
type info struct {
	flags flags
	kinds [nRoles]uint8
	qual  uint8
	value int64
}

func (a *info) merge(b info) {
	a.flags |= b.flags
	for r := range a.kinds {
		a.kinds[r] |= b.kinds[r]
	}
	if b.qual != qNone {
		a.qual = b.qual
	}
	if b.value != 0 {
		a.value = b.value
	}
}

// plainHeadings maps the headings that carry only flags.
var plainHeadings = map[string]flags{
	"victim":           fVictim,
	"passive":          fPassive,
	"aux":              fAux,
	"hypothetical":     fHypo,
	"negation":         fNeg,
	"relative":         fRel,
	"background":       fBackground,
	"crowd":            fCrowd,
	"not count":        fNotCount,
	"year cue":         fYearCue,
	"object start":     fObjStart,
	"partitive":        fPartitive,
	"unit":             fUnit,
	"place prep":       fPlacePrep,
	"place noun":       fPlaceNoun,
	"place follow":     fPlaceFollow,
	"not place":        fNotPlace,
	"ambiguous":        fAmbiguous,
	"rate":             fRate,
	"headline verb":    fHeadline,
	"pronoun":          fPronoun,
	"additive":         fAdditive,
	"perpetrator":      fPerpetrator,
	"stopper":          fStopper,
	"may include dead": fMayDie,
	"part cue":         fPartCue,
	"self":             fSelf,
	"each":             fEach,
	"incident":         fIncident,
	"determiner":       fDeterminer,
	"with":             fWith,
	"hospital verb":    fHospital,
	"finding verb":     fFinding,
	"alleged":          fAlleged,
	"past time":        fPast,
	"body part":        fBodyPart,
	"plural":           fPlural,
}

// parseHeading interprets a vocabulary heading such as "killed object", "at_least",
// "number 12" or "victim".
func parseHeading(h string) (info, error) {
	if f, ok := plainHeadings[h]; ok {
		return info{flags: f}, nil
	}
	word, rest, _ := strings.Cut(h, " ")
	for k, name := range kindNames {
		if word != name {
			continue
		}
		for r, rn := range roleNames {
			if rest == rn {
				var in info
				in.kinds[r] = 1 << k
				return in, nil
			}
		}
		return info{}, fmt.Errorf("unknown role %q for kind %s: want none, object, toll or noun", rest, name)
	}
	for q, name := range qualNames {
		if q == 0 || word != name {
			continue
		}
		switch rest {
		case "":
			return info{flags: fQual, qual: uint8(q)}, nil
		case "after":
			return info{flags: fPostQual, qual: uint8(q)}, nil
		}
		return info{}, fmt.Errorf("unknown qualifier position %q: want none or after", rest)
	}
	var f flags
	switch word {
	case "number":
		f = fNumber
	case "scale":
		f = fScale
	case "vague":
		f = fNumber | fVague
	default:
		return info{}, fmt.Errorf("unknown heading [%s]", h)
	}
	v, err := strconv.ParseInt(rest, 10, 64)
	if err != nil || v <= 0 {
		return info{}, fmt.Errorf("heading [%s] wants a positive integer after %q", h, word)
	}
	return info{flags: f, value: v}, nil
}

// load adds one vocabulary file: it checks every heading, records what it means, and
// hands the phrases to the lexicon.
func (s *Stage) load(name string, src []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "#"); i >= 0 && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			line = strings.TrimSpace(line[:i])
		}
		if !strings.HasPrefix(line, "[") || !strings.HasSuffix(line, "]") {
			continue
		}
		label := strings.TrimSpace(line[1 : len(line)-1])
		in, err := parseHeading(label)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		s.labels[label] = in
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return s.lex.Load(name, bytes.NewReader(src))
}

// loadBuiltin loads the embedded vocabulary.
func (s *Stage) loadBuiltin() error {
	entries, err := builtin.ReadDir("vocab")
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := "vocab/" + e.Name()
		src, err := builtin.ReadFile(name)
		if err != nil {
			return err
		}
		if err := s.load(name, src); err != nil {
			return err
		}
	}
	return nil
}

// loadExtra reads a user vocabulary; files are named by their path in messages.
func (s *Stage) loadExtra(i int, r io.Reader) error {
	name := fmt.Sprintf("extra vocabulary %d", i+1)
	if n, ok := r.(interface{ Name() string }); ok {
		name = n.Name()
	}
	src, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return s.load(name, src)
}
