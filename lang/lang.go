// Package lang detects the language of an article, so that annotators that only know
// English can skip other languages with a recorded reason instead of producing garbage.
package lang

import (
	"context"
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
	d.Language = DetectWith(d.Text, s.Known)
	return nil
}

// Detect returns the ISO 639-1 code of text's language (ISO 639-3 where no two-letter
// code exists), or "" when it cannot tell.
func Detect(text string) string { return DetectWith(text, nil) }

// shortWords is the length under which a text is too short for trigram statistics:
// "Iranian mourners chanted anti-American slogans." reads as Haitian Creole to them.
const shortWords = 20

// DetectWith is Detect with an English vocabulary for short texts: a text of fewer than
// shortWords words, at least 70% of them English words, is English.
func DetectWith(text string, known func(string) bool) string {
	if len(text) > sampleBytes {
		cut := sampleBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	words, hits := englishWords(text)
	if words >= 20 && hits*5 >= words {
		return "en" // fast path, see englishWords
	}
	if known != nil && words < shortWords && words >= 2 && knownShare(text, known) >= 0.7 {
		return "en"
	}
	info := whatlanggo.Detect(text)
	if info.Confidence < minConfidence {
		// Trigram statistics are unreliable on a headline and a sentence or two; a
		// short text with English function words in it is taken as English rather than
		// left undetermined, which would make every English-only stage skip it.
		if hits >= 2 && hits*8 >= words {
			return "en"
		}
		return ""
	}
	if code := info.Lang.Iso6391(); code != "" {
		return code
	}
	// whatlanggo has no two-letter code for some languages it detects (Persian among them);
	// a three-letter ISO 639-3 code still tells users and stages what the article is.
	return info.Lang.Iso6393()
}

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
