package syntax

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/internal/fhash"
)

// irregularVerbs is the table of English irregular verbs (irregular.txt).
//
//go:embed irregular.txt
var irregularVerbs string

// lemmatizer finds a word's dictionary form from the word and its Penn tag. It applies
// suffix rules learnt from the treebank ("ied" VBD → strip 3, add "y"), the longest
// matching suffix winning, and keeps a table of the treebank's words whose lemma the
// rules get wrong (went → go, mice → mouse, us → we).
type lemmatizer struct {
	rules      map[uint64]lemmaRule // key: (tag, suffix)
	exceptions map[uint64]string    // key: (tag, lower-case form)
	// words is the model's lexicon, which tells a word from a stem (preferWord); nil:
	// no such check.
	words lexicon
}

// lemmaRule turns a form into its lemma: strip bytes from the end, then append add.
type lemmaRule struct {
	Strip int
	Add   string
}

const maxRuleSuffix = 5

func ruleKey(tag string, suffix string) uint64 {
	return fhash.F2(201, fhash.String(tag), fhash.String(suffix))
}
func exceptionKey(tag string, lower []byte) uint64 {
	return fhash.F2(202, fhash.String(tag), fhash.Bytes(lower))
}

// properTag reports whether tag marks a proper noun, whose lemma keeps its capitals.
func properTag(tag string) bool { return tag == "NNP" || tag == "NNPS" }

// lemma returns the lemma of form with Penn tag tag; buf is scratch space.
func (lz *lemmatizer) lemma(form, tag string, buf []byte) (string, []byte) {
	buf = lowerNorm(buf[:0], form)
	if l, ok := lz.exceptions[exceptionKey(tag, buf)]; ok {
		return l, buf
	}
	base := form
	if !properTag(tag) {
		if string(buf) != form { // no allocation for the comparison
			base = string(buf)
		}
	}
	return lz.apply(base, tag), buf
}

// apply applies the rule of the longest known suffix of base, then corrects its
// spelling (respell).
func (lz *lemmatizer) apply(base, tag string) string {
	return lz.preferWord(base, tag, respell(base, tag, lz.applyRule(base, tag)))
}

// preferWord corrects a regular verb form's lemma that is no word the model knows where
// the same with or without a final e, or with one letter of a double consonant, is one:
// the suffix rules learn from the treebank's few words of each ending whether "-ored"
// loses its e or keeps it ("ignored" → "ignore", "honored" → "honor"), and the 50,000
// words of news the model knows tell "explore" from "explor" and "solicit" from
// "solicite".
func (lz *lemmatizer) preferWord(base, tag, lemma string) string {
	if lz.words == nil || lemma == base || lz.isWord(lemma) {
		return lemma
	}
	stem, ok := regularStem(base, tag)
	if !ok || !strings.ContainsAny(stem, "aeiouy") { // "shed" is no "sh" + -ed
		return lemma
	}
	n := len(lemma)
	switch {
	case strings.HasSuffix(lemma, "e"):
		if lz.isWord(lemma[:n-1]) {
			return lemma[:n-1]
		}
	case len(stem) > 1 && stem[len(stem)-1] == stem[len(stem)-2]:
		// a doubled consonant ends no silent-e stem ("wagging" is not "wage")
	default:
		var b [32]byte // the lemma with an e, built only when it is a word
		if w := append(append(b[:0], lemma...), 'e'); lz.isWordBytes(w) {
			return string(w)
		}
	}
	// "controll" → "control"; not an s, which a stem may end in ("finessed" is no "fines")
	if n > 2 && lemma[n-1] == lemma[n-2] && lemma[n-1] != 's' && !isVowelAt(lemma, n-1) && lz.isWord(lemma[:n-1]) {
		return lemma[:n-1]
	}
	return lemma
}

// isWord reports whether the lower-case word w is in the model's lexicon as a word
// written in lower case, or in the treebank's vocabulary.
func (lz *lemmatizer) isWord(w string) bool { return lz.isWordHash(fhash.String(w)) }

func (lz *lemmatizer) isWordBytes(w []byte) bool { return lz.isWordHash(fhash.Bytes(w)) }

func (lz *lemmatizer) isWordHash(h uint64) bool {
	e, ok := lz.words[h]
	return ok && (e.cas == caseLower || e.cas == caseMostLow || e.cas == caseUnknown && e.id > 0)
}

// applyRule applies the rule of the longest known suffix of base.
func (lz *lemmatizer) applyRule(base, tag string) string {
	for k := min(maxRuleSuffix, len(base)); k >= 0; k-- {
		if r, ok := lz.rules[ruleKey(tag, base[len(base)-k:])]; ok {
			if r.Strip > len(base) || r.Strip == 0 && r.Add == "" {
				return base
			}
			stem := base[:len(base)-r.Strip]
			if !utf8.ValidString(stem) {
				return base
			}
			if undoubles(stem, base[len(stem):], r) {
				continue // a shorter suffix's rule
			}
			lemma := stem + r.Add
			if lemma == "" {
				return base
			}
			return lemma
		}
	}
	return base
}

// undoubles reports whether rule r, which strips cut from stem+cut, would take off one
// letter of a doubled consonant that is not doubled in this word: the rule "-bed" → ""
// learnt from "robbed" and "grabbed" must not turn "bombed" into "bom". A "ck" counts as
// doubled ("panicked" → "panic").
func undoubles(stem, cut string, r lemmaRule) bool {
	if r.Add != "" || len(cut) < 3 || stem == "" {
		return false
	}
	switch cut[1:] {
	case "ed", "ing", "er", "est":
	default:
		return false
	}
	c, last := cut[0], stem[len(stem)-1]
	if strings.IndexByte("aeiouy", c) >= 0 {
		return false
	}
	return c != last && !(c == 'k' && last == 'c')
}

// respell corrects what a suffix rule made of a regular verb form (-ed, -ing) where
// English spelling decides and the rules, learnt from the treebank's few words of each
// ending, do not. A one-syllable stem of one vowel and one consonant would have doubled
// the consonant (stop → stopped), so when it is not doubled the verb ends in a silent e
// ("ruled" → "rule", "fined" → "fine", "ruling" → "rule"). And a short one-syllable word
// ending in l, s or f writes it double (shell, pass, stuff), so that double is the
// verb's own, not the inflection's ("shelled" → "shell", "quelled" → "quell").
func respell(base, tag, lemma string) string {
	stem, ok := regularStem(base, tag)
	if !ok {
		return lemma
	}
	switch {
	case lemma == stem && shortSyllable(stem) && strings.IndexByte(noSilentE, stem[len(stem)-1]) < 0:
		return stem + "e"
	case len(stem) > 2 && lemma == stem[:len(stem)-1] && stem[len(stem)-1] == stem[len(stem)-2] &&
		strings.IndexByte(keptDouble, stem[len(stem)-1]) >= 0 && shortSyllable(lemma):
		return stem
	}
	return lemma
}

// regularStem returns base without the ending of a regular verb form of tag: -ed for a
// past tense or participle, -ing for a gerund.
func regularStem(base, tag string) (string, bool) {
	var ending string
	switch tag {
	case "VBD", "VBN":
		ending = "ed"
	case "VBG":
		ending = "ing"
	default:
		return "", false
	}
	stem, ok := strings.CutSuffix(base, ending)
	return stem, ok && stem != ""
}

// noSilentE are the consonants after which a short stem takes no silent e (vowed, taxed,
// played); keptDouble are those a short word writes double (the "floss" rule of English
// spelling: fill, pass, stuff; z is left out for quiz → quizzed).
const (
	noSilentE  = "wxy"
	keptDouble = "lsf"
)

// shortSyllable reports whether s, lower case, is one syllable ending in a single vowel
// and a single consonant: "rul", "fin", "shel", "quel", "styl"; not "raid", "visit" or
// "hop" after a consonant cluster ("bath"). A u after q and a y at the start are
// consonants.
func shortSyllable(s string) bool {
	n := len(s)
	if n < 2 || isVowelAt(s, n-1) || !isVowelAt(s, n-2) {
		return false
	}
	for i := 0; i < n-2; i++ {
		if isVowelAt(s, i) {
			return false
		}
	}
	return true
}

// isVowelAt reports whether the letter at i of the lower-case word s is a vowel.
func isVowelAt(s string, i int) bool {
	switch s[i] {
	case 'a', 'e', 'i', 'o':
		return true
	case 'u':
		return i == 0 || s[i-1] != 'q'
	case 'y':
		return i > 0
	}
	return false
}

// addIrregular adds the past (VBD) and participle (VBN) forms of the irregular verbs in
// src (lines "BASE PAST PARTICIPLE", alternatives joined by "/") as exceptions, where the
// treebank taught none for that form; a form that is its own base is one too ("shed",
// "cut").
func (lz *lemmatizer) addIrregular(src string) error {
	for n, line := range strings.Split(src, "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			return fmt.Errorf("irregular.txt:%d: want BASE PAST PARTICIPLE, got %q", n+1, line)
		}
		for i, tag := range []string{"VBD", "VBN"} {
			for form := range strings.SplitSeq(f[i+1], "/") {
				k := exceptionKey(tag, []byte(form))
				if _, ok := lz.exceptions[k]; !ok { // "shed" too, which a rule makes "sh"
					lz.exceptions[k] = f[0]
				}
			}
		}
	}
	return nil
}

// lemmaEntry and lemmaRuleEntry are the stored forms of the lemmatiser.
type lemmaEntry struct {
	Tag, Form, Lemma string
}

type lemmaRuleEntry struct {
	Tag, Suffix string
	Rule        lemmaRule
}

func newLemmatizer(rules []lemmaRuleEntry, exc []lemmaEntry) *lemmatizer {
	lz := &lemmatizer{rules: make(map[uint64]lemmaRule, len(rules)), exceptions: make(map[uint64]string, len(exc))}
	for _, r := range rules {
		lz.rules[ruleKey(r.Tag, r.Suffix)] = r.Rule
	}
	for _, e := range exc {
		lz.exceptions[exceptionKey(e.Tag, []byte(e.Form))] = e.Lemma
	}
	return lz
}

// learnLemmatizer learns suffix rules from the word types of sents, then lists as
// exceptions the types whose most frequent lemma the rules, with words for preferWord,
// miss.
func learnLemmatizer(sents []Sentence, words lexicon) ([]lemmaRuleEntry, []lemmaEntry) {
	type typeKey struct{ tag, form string } // form: lower case, or as written for proper nouns
	lemmas := map[typeKey]map[string]int{}
	var buf []byte
	for i := range sents {
		s := &sents[i]
		for j, f := range s.Form {
			tag := s.XPOS[j]
			key := typeKey{tag, f}
			if !properTag(tag) {
				buf = lowerNorm(buf[:0], f)
				key.form = string(buf)
			}
			l := s.Lemma[j]
			if l == "_" || l == "" {
				continue
			}
			if lemmas[key] == nil {
				lemmas[key] = map[string]int{}
			}
			lemmas[key][l]++
		}
	}
	keys := make([]typeKey, 0, len(lemmas))
	for k := range lemmas {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b typeKey) int {
		if c := strings.Compare(a.tag, b.tag); c != 0 {
			return c
		}
		return strings.Compare(a.form, b.form)
	})
	best := make(map[typeKey]string, len(keys))
	for _, k := range keys {
		best[k] = argmaxString(lemmas[k])
	}
	// Count, for every (tag, suffix) the rules of the word types ending so.
	type ruleSlot struct{ tag, suffix string }
	counts := map[ruleSlot]map[lemmaRule]int{}
	for _, k := range keys {
		l := best[k]
		r := makeRule(k.form, l)
		for n := 0; n <= maxRuleSuffix && n <= len(k.form); n++ {
			sl := ruleSlot{k.tag, k.form[len(k.form)-n:]}
			if counts[sl] == nil {
				counts[sl] = map[lemmaRule]int{}
			}
			counts[sl][r]++
		}
	}
	slots := make([]ruleSlot, 0, len(counts))
	for sl := range counts {
		slots = append(slots, sl)
	}
	slices.SortFunc(slots, func(a, b ruleSlot) int {
		if c := strings.Compare(a.tag, b.tag); c != 0 {
			return c
		}
		if len(a.suffix) != len(b.suffix) {
			return len(a.suffix) - len(b.suffix)
		}
		return strings.Compare(a.suffix, b.suffix)
	})
	// Keep a slot's best rule when it is seen on two types at least and differs from
	// what the shorter suffixes already give.
	var rules []lemmaRuleEntry
	lz := newLemmatizer(nil, nil)
	for _, sl := range slots {
		r, n := argmaxRule(counts[sl])
		if sl.suffix != "" && n < 2 {
			continue
		}
		if sl.suffix != "" {
			if prev, ok := lz.longest(sl.tag, sl.suffix[1:]); ok && prev == r {
				continue
			}
		}
		e := lemmaRuleEntry{Tag: sl.tag, Suffix: sl.suffix, Rule: r}
		rules = append(rules, e)
		lz.rules[ruleKey(e.Tag, e.Suffix)] = e.Rule
	}
	lz.words = words
	var exc []lemmaEntry
	for _, k := range keys {
		if lz.apply(k.form, k.tag) != best[k] {
			form := k.form
			if properTag(k.tag) {
				buf = lowerNorm(buf[:0], form)
				form = string(buf)
			}
			exc = append(exc, lemmaEntry{Tag: k.tag, Form: form, Lemma: best[k]})
		}
	}
	return rules, exc
}

// longest returns the rule of the longest suffix of s known for tag.
func (lz *lemmatizer) longest(tag, s string) (lemmaRule, bool) {
	for k := len(s); k >= 0; k-- {
		if r, ok := lz.rules[ruleKey(tag, s[len(s)-k:])]; ok {
			return r, true
		}
	}
	return lemmaRule{}, false
}

func makeRule(form, lemma string) lemmaRule {
	p := 0
	for p < len(form) && p < len(lemma) && form[p] == lemma[p] {
		p++
	}
	return lemmaRule{Strip: len(form) - p, Add: lemma[p:]}
}

func argmaxString(m map[string]int) string {
	best, n := "", -1
	for s, c := range m {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}

func argmaxRule(m map[lemmaRule]int) (lemmaRule, int) {
	var best lemmaRule
	n := -1
	for r, c := range m {
		if c > n || c == n && (r.Strip < best.Strip || r.Strip == best.Strip && r.Add < best.Add) {
			best, n = r, c
		}
	}
	return best, n
}
