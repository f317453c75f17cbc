package cameo

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

// Kind is the kind of a PETRARCH dictionary file.
type Kind string

// Dictionary kinds.
const (
	Verbs    Kind = "verbs"    // verb blocks, patterns, synonym sets, transformations
	Actors   Kind = "actors"   // named actors with CAMEO actor codes and date ranges
	Agents   Kind = "agents"   // generic agents ("police", "rebels") with ~CODE suffixes
	Discards Kind = "discards" // phrases that make a sentence or story not coded
)

// Kinds lists the kinds LoadDictionary reads.
var Kinds = []Kind{Verbs, Actors, Agents, Discards}

// Dictionary is the content of one PETRARCH-format file. Only the fields of its Kind are
// filled.
type Dictionary struct {
	Name string // the file's name, used in errors and in the Rule of coded events
	Kind Kind

	// Verbs.
	Synsets    map[string][]Phrase // by name without "&" or trailing "_"
	Blocks     []*Block
	Transforms []Transform

	// Actors and agents.
	Actors []Actor
	Agents []Agent

	// Discards.
	Discards []Discard

	// Warnings lists the lines that could not be read (name:line: reason); they are
	// skipped, as PETRARCH skips them.
	Warnings []string
}

// Word is one word of a pattern or a dictionary phrase, upper case as in the files.
type Word struct {
	Text  string
	Exact bool // written with a trailing "_": matches only the whole word
	// Alt holds alternatives written with "/" ("BY/WITH"), Text first.
	Alt []string
}

// Phrase is a sequence of words that match consecutive tokens ("AIR_STRIKE").
type Phrase []Word

// String writes p back in the dictionary's notation.
func (p Phrase) String() string {
	var b strings.Builder
	for i, w := range p {
		if i > 0 {
			b.WriteByte('_')
		}
		if len(w.Alt) > 0 {
			b.WriteString(strings.Join(w.Alt, "/"))
		} else {
			b.WriteString(w.Text)
		}
		if w.Exact && i == len(p)-1 {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// Code is a pattern's or verb's code: Forward from source to target, Reverse from target
// back to source ([a:b]); Null ([---]) means that the phrase is known and is no event.
type Code struct {
	Forward, Reverse string
	Null             bool
}

// IsZero reports whether c carries nothing, not even Null.
func (c Code) IsZero() bool { return c == Code{} }

func (c Code) String() string {
	switch {
	case c.Null:
		return "[---]"
	case c.Reverse != "":
		return "[" + c.Forward + ":" + c.Reverse + "]"
	}
	return "[" + c.Forward + "]"
}

// Block is a verb block: verbs that share their patterns and default code.
type Block struct {
	Name     string
	Code     Code // the block's default; Null for "---"
	Verbs    []Verb
	Patterns []Pattern
	Line     int
}

// Verb is one verb of a block.
type Verb struct {
	// Words is the verb then, for a multi-word verb, its particles: CALL OFF. The first
	// word is the base form, or an inflected form when the entry lists no other forms
	// ("+KILLED_AND {}").
	Words []string
	// Forms are the inflected forms of the first word: those listed in {...}, or the
	// regular ones generated from Words[0] when the entry has no braces.
	Forms []string
	Code  Code // zero when the verb takes the block's code
	Line  int
}

// ElemKind is the kind of one element of a pattern.
type ElemKind uint8

// Pattern element kinds.
const (
	ElemWord     ElemKind = iota // Phrase: words that match consecutive tokens
	ElemSet                      // Set: a synonym set
	ElemSource                   // $: the source actor's noun phrase
	ElemTarget                   // +: the target actor's noun phrase
	ElemSkip                     // ^: a noun phrase that is neither
	ElemCompound                 // %: a compound actor, both source and target
	ElemPrep                     // (PREP ...): Sub[0] is the preposition
	ElemNP                       // {...}: words of one noun phrase
)

// Elem is one element of a pattern.
type Elem struct {
	Kind   ElemKind
	Phrase Phrase // ElemWord
	Set    string // ElemSet: the synonym set's name
	Sub    []Elem // ElemPrep, ElemNP
}

// Pattern is one "- ... * ... [code]" line of a block.
type Pattern struct {
	Pre  []Elem // before the verb, in text order
	Post []Elem // after the verb
	Code Code
	Text string // as written, between "-" and the code, spaces normalised
	Line int
}

// Transform is a "~" line: an event nested under a verb is recoded. In
// "~ a (b c ATTACK) SAY = a c 112", a says that b did an ATTACK to c, which codes a
// accusing c. In the nested triple, "_" stands for a source the clause leaves out (the
// subject of the verb above it) and "." for no target. Verb is the outer verb's lemma, or
// several joined by "|" (tocsin's extension: "PLAN|INTEND").
// Class is the nested event's class: Q (any), ATTACK (a CAMEO 18, 19 or 20 code),
// ASSASSINATE (185, 186), a code prefix ("04": any consultation; tocsin's extension), or
// the name of the nested verb's block. Code may be Q, the nested event's code.
type Transform struct {
	Outer                    string // the variable for the subject of Verb
	InnerSource, InnerTarget string
	Class                    string
	Verb                     string // upper case: a verb word, or several joined by "|"
	Source, Target, Code     string
	Text                     string
	Line                     int
}

// Actor is one entry of an actor dictionary: its names and its dated codes.
type Actor struct {
	Names []Phrase
	Codes []DatedCode
	Line  int
}

// DatedCode is an actor code valid from From to To (ISO dates, "" when open).
type DatedCode struct {
	Code     string
	From, To string
}

// Valid reports whether c applies on date (ISO, possibly ""; an unknown date accepts
// every range).
func (c DatedCode) Valid(date string) bool {
	if len(date) < 10 {
		return true
	}
	date = date[:10]
	return (c.From == "" || date >= c.From) && (c.To == "" || date <= c.To)
}

// Agent is one entry of an agents dictionary: generic nouns ("police", "rebels") and the
// code they add to an actor's: Code "GOV" from "[~GOV]" is appended (IRN → IRNGOV);
// Prefix is set for "[GOV~]", put before.
type Agent struct {
	Names  []Phrase
	Code   string
	Prefix bool
	Line   int
}

// Discard is a phrase that keeps a sentence (or, with Story, the whole story) from being
// coded: sports, entertainment, history.
type Discard struct {
	Phrase Phrase
	Story  bool
	Line   int
}

// LoadDictionary reads a PETRARCH-format file of the given kind; name names it in errors
// and rules. An empty kind is detected from the content (DetectKind).
func LoadDictionary(kind Kind, name string, r io.Reader) (*Dictionary, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if kind == "" {
		if kind, err = DetectKind(data); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	d := &Dictionary{Name: name, Kind: kind}
	switch kind {
	case Verbs:
		err = d.readVerbs(data)
	case Actors:
		err = d.readActors(data)
	case Agents:
		err = d.readAgents(data)
	case Discards:
		err = d.readDiscards(data)
	default:
		return nil, fmt.Errorf("%s: unknown dictionary kind %q (want one of %s)", name, kind, kindList())
	}
	if err != nil {
		return nil, err
	}
	if d.Len() == 0 {
		return nil, fmt.Errorf("%s: no %s entries found (is it a PETRARCH %s dictionary?)", name, kind, kind)
	}
	return d, nil
}

// LoadFile opens and reads a dictionary file; arg is FILE or KIND:FILE (see ParseDictArg).
func LoadFile(arg string) (*Dictionary, error) {
	kind, path := ParseDictArg(arg)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return LoadDictionary(kind, path, f)
}

// ParseDictArg splits a --dict argument into a forced kind and a path: "verbs:my.txt" is
// (Verbs, "my.txt"); "my.txt" and "C:\dicts\my.txt" are ("", path), the kind to be
// detected from the content.
func ParseDictArg(arg string) (Kind, string) {
	if k, p, ok := strings.Cut(arg, ":"); ok {
		for _, known := range Kinds {
			if Kind(strings.ToLower(k)) == known {
				return known, p
			}
		}
	}
	return "", arg
}

func kindList() string {
	s := make([]string, len(Kinds))
	for i, k := range Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// Len is the number of entries: blocks, actors, agents or discards.
func (d *Dictionary) Len() int {
	return len(d.Blocks) + len(d.Actors) + len(d.Agents) + len(d.Discards)
}

// Stats summarises a verb dictionary: blocks, verbs (entries), patterns, synonym sets,
// transformations.
type Stats struct {
	Blocks, Verbs, Patterns, Synsets, SynsetWords, Transforms int
	Actors, Agents, Discards, Warnings                        int
}

// Stats counts d's entries.
func (d *Dictionary) Stats() Stats {
	s := Stats{Blocks: len(d.Blocks), Synsets: len(d.Synsets), Transforms: len(d.Transforms),
		Actors: len(d.Actors), Agents: len(d.Agents), Discards: len(d.Discards), Warnings: len(d.Warnings)}
	for _, b := range d.Blocks {
		s.Verbs += len(b.Verbs)
		s.Patterns += len(b.Patterns)
	}
	for _, w := range d.Synsets {
		s.SynsetWords += len(w)
	}
	return s
}

func (s Stats) String() string {
	return fmt.Sprintf("%d blocks, %d verbs, %d patterns, %d synonym sets (%d words), %d transformations, %d actors, %d agents, %d discards, %d lines skipped",
		s.Blocks, s.Verbs, s.Patterns, s.Synsets, s.SynsetWords, s.Transforms, s.Actors, s.Agents, s.Discards, s.Warnings)
}

var (
	reBlockHeader = regexp.MustCompile(`(?m)^---+\s*[A-Z][A-Z0-9_'-]*\s*\[[^\]]*\]`)
	reAgentCode   = regexp.MustCompile(`\[~[A-Z]+\]|\[[A-Z]+~\]`)
	reMacroDef    = regexp.MustCompile(`(?m)^![A-Z]+!\s*=`)
	reActorCode   = regexp.MustCompile(`(?m)\[[A-Z]{3,}(\s+[<>]?\d{6,8}(-\d{6,8})?)?\s*\]`)
	reIssue       = regexp.MustCompile(`(?m)^<ISSUE\b`)
)

// DetectKind recognises a dictionary's kind from its content: verb block headers
// ("--- NAME [code] ---") make a verb dictionary; "[~CODE]" agent codes or !MACRO!
// definitions an agents dictionary; "[CODE]" or dated "[CODE 010101-151231]" lines an
// actor dictionary; a list of bare phrases a discard list.
func DetectKind(data []byte) (Kind, error) {
	if reIssue.Match(data) {
		return "", fmt.Errorf("this looks like a PETRARCH issues dictionary, which tocsin does not use (kinds: %s)", kindList())
	}
	if len(reBlockHeader.FindAllIndex(data, 3)) > 0 {
		return Verbs, nil
	}
	agents := len(reAgentCode.FindAllIndex(data, -1))
	actors := len(reActorCode.FindAllIndex(data, -1))
	if reMacroDef.Match(data) || agents > 0 && agents >= actors {
		return Agents, nil
	}
	if actors > 0 {
		return Actors, nil
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	phrases := 0
	for sc.Scan() {
		line := stripComment(sc.Text())
		if line == "" {
			continue
		}
		if strings.ContainsAny(line, "[]{}") {
			return "", fmt.Errorf("cannot tell the dictionary kind (line %q); force it with KIND:FILE, KIND one of %s", line, kindList())
		}
		phrases++
	}
	if phrases == 0 {
		return "", fmt.Errorf("no dictionary entries")
	}
	return Discards, nil
}

// stripComment removes a "#" comment and surrounding space.
func stripComment(line string) string {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	return strings.TrimSpace(line)
}

// parseWord reads one dictionary word: "ATTACK", "CASH_" (exact), "BY/WITH".
func parseWord(s string) Word {
	s = strings.ToUpper(s)
	w := Word{}
	if strings.HasSuffix(s, "_") && len(s) > 1 {
		w.Exact = true
		s = strings.TrimRight(s, "_")
	}
	if strings.Contains(s, "/") && isAlternatives(s) {
		w.Alt = strings.Split(s, "/")
		s = w.Alt[0]
	}
	w.Text = s
	return w
}

// isAlternatives reports whether a word with "/" lists alternatives ("BY/WITH") rather
// than being a name ("F/A-18", "MI-24VM/HIND"): every part is two or more letters.
func isAlternatives(s string) bool {
	for _, p := range strings.Split(s, "/") {
		if len(p) < 2 {
			return false
		}
		for i := 0; i < len(p); i++ {
			if p[i] < 'A' || p[i] > 'Z' {
				return false
			}
		}
	}
	return true
}

// parsePhrase reads an underscore-joined phrase: "AIR_STRIKE", "CASH_", "F/A-18_FIGHTER".
// Inner words are exact; the last is a stem unless the phrase ends in "_".
func parsePhrase(s string) Phrase {
	exact := strings.HasSuffix(s, "_")
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	if len(parts) == 0 {
		return nil
	}
	p := make(Phrase, len(parts))
	for i, part := range parts {
		p[i] = parseWord(part)
		p[i].Exact = i < len(parts)-1 || exact
	}
	return p
}

func (d *Dictionary) warn(line int, format string, args ...any) {
	d.Warnings = append(d.Warnings, fmt.Sprintf("%s:%d: %s", d.Name, line, fmt.Sprintf(format, args...)))
}

// lines calls f for each line of data with its number, comments kept (the caller
// decides), the scanner limit raised for long lines.
func lines(data []byte, f func(n int, raw string)) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		f(n, sc.Text())
	}
}
