// Package lang detects the language of an article, so that annotators that only know
// English can skip other languages with a recorded reason instead of producing garbage.
//
// Detection is whatlanggo's trigram statistics, English function words, and for text
// that looks foreign (results tables, market reports, lists of names) the share of its
// ordinary words that an English vocabulary knows (Decide). lingua-go was measured as
// the alternative: its module embeds the models of all 75 languages (124 MB) whatever
// set a detector is built with, which would triple the size of the tocsin binary (56 MB),
// while only English needs to be told reliably here.
package lang

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/tocsin-project/tocsin/doc"
)

// sampleBytes bounds how much text detection reads: trigram statistics settle long before
// the end of a news article, and detection cost must not grow with article length.
const sampleBytes = 1200

// minConfidence is whatlanggo's confidence under which a guess is not trusted.
const minConfidence = 0.3

// Stage sets Document.Language. A language declared by the input (a feed, a JSON field)
// is kept; otherwise it is detected from the text.
type Stage struct {
	// Known, when set, reports whether a word is English; it decides texts too short
	// for trigram statistics (see DetectWith).
	Known func(word string) bool
}

// Name implements pipeline.Stage.
func (Stage) Name() string { return "language" }

// Annotate implements pipeline.Stage.
func (s Stage) Annotate(_ context.Context, d *doc.Document) error {
	if d.Language != "" {
		d.Language = normalizeCode(d.Language)
		return nil
	}
	dec := Decide(d.Text, s.Known)
	d.Language = dec.Code
	if dec.Unsure != "" {
		// Not a skip: the English stages run. The note tells the reader that the
		// language was a judgement call, in the one layer that reports on stages.
		d.Skipped = append(d.Skipped, doc.Skip{Stage: s.Name(), Reason: dec.Unsure})
	}
	return nil
}

// Detect returns the ISO 639-1 code of text's language (ISO 639-3 where no two-letter
// code exists), or "" when it cannot tell.
func Detect(text string) string { return DetectWith(text, nil) }

// shortWords is the length under which a text is too short for trigram statistics:
// "Iranian mourners chanted anti-American slogans." reads as Haitian Creole to them.
const shortWords = 20

// Decision is what DetectWith found and how sure it is.
type Decision struct {
	// Code is the ISO 639-1 code (639-3 where none exists), "" when undetermined.
	Code string
	// Unsure, when set, says why the text was taken as English against the trigram
	// model's guess: a results table, a market report or a list of names whose
	// ordinary words are English but whose letters, mostly names and figures, look
	// French or Javanese to trigram statistics.
	Unsure string
}

// DetectWith is Detect with an English vocabulary: a text of fewer than shortWords words,
// at least 70% of them English words, is English, and so is a longer text whose ordinary
// words (those in lower case or all capitals; capitalised words are mostly names) are
// English (see Decide).
func DetectWith(text string, known func(string) bool) string {
	return Decide(text, known).Code
}

// Decide detects the language of text as DetectWith does and says when it is unsure.
//
// English news that is not prose (sports results, market tables, lists of names) has
// few function words and many foreign names, and trigram statistics take it for French,
// Javanese or Dutch. Its ordinary words are still English: "Results of", "played on",
// "net profit", "first division". So before taking a trigram guess other than English,
// Decide asks the English vocabulary (known) about the ordinary words; when most are
// English the text is English, with Unsure saying why.
func Decide(text string, known func(string) bool) Decision {
	if len(text) > sampleBytes {
		cut := sampleBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	words, hits := englishWords(text)
	if words >= 20 && hits*5 >= words {
		return Decision{Code: "en"} // fast path, see englishWords
	}
	if known != nil && words < shortWords && words >= 2 && knownShare(text, known) >= 0.7 {
		return Decision{Code: "en"}
	}
	info := whatlanggo.Detect(text)
	code := info.Lang.Iso6391()
	if code == "" {
		// whatlanggo has no two-letter code for some languages it detects (Persian among
		// them); a three-letter ISO 639-3 code still tells users and stages what it is.
		code = info.Lang.Iso6393()
	}
	if code == "en" && info.Confidence >= minConfidence {
		return Decision{Code: "en"}
	}
	if known != nil {
		n, k := ordinaryWords(text, known)
		if info.Confidence < minConfidence && n >= minOrdinaryUndetermined && n < minOrdinary && float64(k) >= englishOrdinary*float64(n) {
			// Too few ordinary words to overrule a confident guess, but nothing else to go
			// on: a short market note ("Akron, Ohio, $6 mln bonds rated single-A").
			return Decision{Code: "en", Unsure: fmt.Sprintf("taken as English: %d of %d ordinary words are English; trigram statistics could not tell (confidence %.2f)", k, n, info.Confidence)}
		}
		if n >= minOrdinary && float64(k) >= englishOrdinary*float64(n) {
			guess := "no language"
			if info.Confidence >= minConfidence {
				guess = code
			}
			return Decision{Code: "en", Unsure: fmt.Sprintf("taken as English: %d of %d ordinary words are English, %d of %d words English function words; trigram statistics said %s (confidence %.2f)", k, n, hits, words, guess, info.Confidence)}
		}
	}
	if info.Confidence < minConfidence {
		// Trigram statistics are unreliable on a headline and a sentence or two; a
		// short text with English function words in it is taken as English rather than
		// left undetermined, which would make every English-only stage skip it. With a
		// vocabulary, longer texts were weighed on their ordinary words above: "a" and
		// "para" make a Portuguese paragraph look English to function words alone.
		if hits >= 2 && hits*8 >= words && (known == nil || words < shortWords) {
			return Decision{Code: "en"}
		}
		return Decision{}
	}
	return Decision{Code: code}
}

// minOrdinary is the fewest ordinary words on which Decide overrules trigram statistics,
// and englishOrdinary the share of them that must be English. The syntax model's
// vocabulary knows many foreign words through its word clusters: in the French, Spanish
// and Italian texts of TestOtherLanguagesAreNotEnglish it knows at most 55% of the
// ordinary words; in English results tables and market reports, 70 to 100%.
const (
	minOrdinary     = 8
	englishOrdinary = 0.7
	// minOrdinaryUndetermined is the fewest ordinary words that decide a text trigram
	// statistics cannot place at all.
	minOrdinaryUndetermined = 3
)

// ordinaryWords counts the words of text that are not names, and how many of them known
// or the news abbreviations (abbrev.txt) say are English. Ordinary words are written in
// lower case, or all in capitals (a headline) and longer than four letters: shorter ones
// in capitals are mostly acronyms (PSV, EPS, NAC). Capitalised words are mostly names,
// and words of one letter are initials as often as words: both are left out.
func ordinaryWords(text string, known func(string) bool) (n, english int) {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		runes := utf8.RuneCountInString(w)
		if runes < 2 {
			continue
		}
		lower, upper := true, true
		for _, r := range w {
			lower = lower && unicode.IsLower(r)
			upper = upper && unicode.IsUpper(r)
		}
		if !lower && !(upper && runes > 4) {
			continue
		}
		n++
		w = strings.ToLower(w)
		if newsAbbrev[w] || known(w) {
			english++
		}
	}
	return n, english
}

//go:embed abbrev.txt
var abbrevFile string

// newsAbbrev holds the abbreviations of English financial and sports news (abbrev.txt),
// which the treebank behind the syntax model's vocabulary lacks.
var newsAbbrev = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(abbrevFile, "\n") {
		if line, _, _ = strings.Cut(line, "#"); strings.TrimSpace(line) != "" {
			for _, w := range strings.Fields(line) {
				m[strings.ToLower(w)] = true
			}
		}
	}
	return m
}()

// englishFunctionWords are the commonest English words. In English news they make up about
// a third of running words; in other languages written in Latin script, a few percent.
var englishFunctionWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "a": true, "in": true, "is": true,
	"that": true, "for": true, "it": true, "was": true, "on": true, "with": true, "he": true,
	"as": true, "by": true, "at": true, "said": true, "his": true, "from": true, "have": true,
	"has": true, "were": true, "are": true, "be": true, "this": true, "they": true, "who": true,
	"an": true, "after": true, "had": true, "which": true, "would": true, "their": true,
}

// englishWords counts the ASCII words of text and how many of them are English function
// words. When at least a fifth of the words are, the text is English and the trigram
// detector (which costs most of the language stage) need not run.
func englishWords(text string) (words, hits int) {
	start := -1
	var buf [16]byte
	for i := 0; i <= len(text); i++ {
		c := byte(' ')
		if i < len(text) {
			c = text[i]
		}
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if letter && start < 0 {
			start = i
		}
		if !letter && start >= 0 {
			w := text[start:i]
			start = -1
			if c >= 0x80 {
				continue // part of a non-ASCII word
			}
			words++
			if len(w) <= len(buf) {
				for j := 0; j < len(w); j++ {
					buf[j] = w[j] | 0x20
				}
				if englishFunctionWords[string(buf[:len(w)])] {
					hits++
				}
			}
		}
	}
	return words, hits
}

// knownShare is the share of text's words, split at spaces and trimmed of punctuation,
// that known reports as English; a hyphenated word counts when each part does.
func knownShare(text string, known func(string) bool) float64 {
	words, hits := 0, 0
	for _, f := range strings.Fields(text) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" || !hasLetter(w) {
			continue
		}
		words++
		ok := true
		for _, part := range strings.Split(w, "-") {
			if part != "" && !known(part) {
				ok = false
				break
			}
		}
		if ok {
			hits++
		}
	}
	if words == 0 {
		return 0
	}
	return float64(hits) / float64(words)
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// normalizeCode reduces tags such as "en-GB" or "EN_us" to their primary subtag.
func normalizeCode(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '-' || c == '_' {
			b = b[:i]
			break
		}
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
