package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/doc"
)

// Tokenize splits normalised text into tokens with byte offsets.
//
// It is a hand-written scanner rather than a library call because the Go NLP tokenizers
// we know (prose, for one) return strings without offsets, and every tocsin annotation must
// point back into the text. Conventions follow the Penn Treebank as used by UD English, so
// that models trained on that treebank see familiar tokens: clitics split ("Soleimani" "'s",
// "do" "n't"), punctuation separate, abbreviations keep their dots ("U.S.", "Jan."), numbers
// stay whole ("1,200", "3.5", "9/11"). Run-on sentences are split at the full stop
// ("Iran.This" gives "Iran" "." "This").
func Tokenize(text string) []doc.Token {
	toks := make([]doc.Token, 0, len(text)/5+1)
	i := 0
	space := true
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == ' ' || r == '\n' || r == '\t' || unicode.IsSpace(r) {
			i += n
			space = true
			continue
		}
		start := i
		var kind doc.TokenKind
		switch {
		case (r == 'h' || r == 'w') && isURLStart(text[i:]):
			i, kind = scanURL(text, i), doc.URL
		case isWordRune(r):
			var end int
			end, kind = scanWord(text, i)
			// Split trailing clitics off the word.
			if c := cliticStart(text[start:end]); c > 0 {
				toks = append(toks, doc.Token{Text: text[start : start+c], Span: doc.Span{Start: start, End: start + c}, Kind: kind, SpaceBefore: space})
				start += c
				space = false
				kind = doc.Word
			}
			i = end
		case r == '#' && i+1 < len(text) && startsWord(text[i+1:]):
			end, _ := scanWord(text, i+1)
			i, kind = end, doc.Hashtag
		case r == '.' && strings.HasPrefix(text[i:], "..."):
			i, kind = i+3+countByte(text[i+3:], '.'), doc.Punct
		case r == '-' && strings.HasPrefix(text[i:], "--"):
			i, kind = i+2+countByte(text[i+2:], '-'), doc.Punct
		case unicode.IsPunct(r):
			i, kind = i+n, doc.Punct
		default:
			i, kind = i+n, doc.Symbol
		}
		toks = append(toks, doc.Token{Text: text[start:i], Span: doc.Span{Start: start, End: i}, Kind: kind, SpaceBefore: space})
		space = false
	}
	return toks
}

func countByte(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// scanWord scans a word or number starting at i and returns its end and kind. Inner
// hyphens, apostrophes, dots, commas, colons and slashes are kept when a word character
// follows them and the result still looks like one token (an abbreviation, a number, a
// hyphenated compound); a dot between a lower-case word and a capitalised word is a
// run-on sentence boundary and ends the word.
func scanWord(text string, i int) (int, doc.TokenKind) {
	start := i
	r, n := utf8.DecodeRuneInString(text[i:])
	kind := doc.Word
	if r >= '0' && r <= '9' {
		kind = doc.Number
	}
	allDigits := kind == doc.Number
	i += n
	for i < len(text) {
		r, n = utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			if allDigits && !(r >= '0' && r <= '9') {
				allDigits = false
			}
			i += n
			continue
		}
		next, nn := utf8.DecodeRuneInString(text[i+n:])
		if i+n >= len(text) || !isWordRune(next) {
			break
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case r == '-' || r == '\u2011' || r == '&' && isUpper(prev) && isUpper(next):
			// hyphenated compound (anti-American), non-breaking hyphen, AT&T
		case isApostrophe(r):
			// O'Brien, don't; clitics are split off afterwards
		case (r == ',' || r == ':' || r == '/') && allDigits && next >= '0' && next <= '9':
			// 1,200  10:30  9/11
		case r == '.' && (prev >= '0' && prev <= '9') && next >= '0' && next <= '9':
			// 3.5
		case r == '.':
			if runOn(text[start:i], next, text[i+n+nn:]) {
				return i, kind
			}
			// U.S, e.g, a.m: the final dot is decided by the caller's abbreviation rule
		default:
			return finishWord(text, start, i, kind)
		}
		i += n
	}
	return finishWord(text, start, i, kind)
}

// finishWord attaches a following '.' to the word when the word is an abbreviation.
func finishWord(text string, start, i int, kind doc.TokenKind) (int, doc.TokenKind) {
	if i < len(text) && text[i] == '.' && !strings.HasPrefix(text[i:], "...") && isAbbrev(text[start:i]) {
		return i + 1, kind
	}
	return i, kind
}

// runOn reports whether a dot after word, followed by the rune next and then rest, is a
// sentence boundary written without a space ("Iran.This", "mountains.His").
func runOn(word string, next rune, rest string) bool {
	if !isUpper(next) || strings.ContainsRune(word, '.') {
		return false
	}
	after, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsLower(after) {
		return false // "U.S", "J.R.R"
	}
	// The word before the dot must be a real word: at least two letters, ending lower-case
	// (not an initial, not "St").
	last, _ := utf8.DecodeLastRuneInString(word)
	return utf8.RuneCountInString(word) >= 2 && (unicode.IsLower(last) || unicode.IsDigit(last)) && !isAbbrev(word)
}

func isUpper(r rune) bool { return r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r) }

// cliticStart returns the byte index in w where an English clitic begins ("'s", "n't",
// "'re", "'ve", "'ll", "'d", "'m"), or 0 when there is none.
func cliticStart(w string) int {
	lw := strings.ToLower(w)
	for _, c := range [...]string{"n't", "n’t"} {
		if strings.HasSuffix(lw, c) && len(lw) > len(c) {
			return len(w) - len(c)
		}
	}
	for _, c := range [...]string{"s", "re", "ve", "ll", "d", "m"} {
		if !strings.HasSuffix(lw, c) {
			continue
		}
		rest := lw[:len(lw)-len(c)]
		for _, a := range [...]string{"'", "’"} {
			if strings.HasSuffix(rest, a) && len(rest) > len(a) {
				return len(rest) - len(a)
			}
		}
	}
	return 0
}

// isURLStart reports whether s begins with a web address.
func isURLStart(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// scanURL scans to the end of a URL, leaving trailing punctuation outside it.
func scanURL(text string, i int) int {
	end := i
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if unicode.IsSpace(r) || r == '"' || r == '<' || r == '>' || r == '“' || r == '”' {
			break
		}
		end += n
	}
	for end > i {
		r, n := utf8.DecodeLastRuneInString(text[:end])
		if !strings.ContainsRune(".,;:!?)]'’", r) {
			break
		}
		end -= n
	}
	return end
}

// TokenizePhrase tokenizes a vocabulary phrase as Tokenize does, except that a dot
// written right after a word stays with it: "gen.", "maj. gen.", "SEN." are the one-token
// abbreviations that text writes before a name ("Gen. Mark Milley"), which Tokenize
// gives whole there but splits in a lower-case phrase or at its end, where nothing tells
// an abbreviation from a full stop.
func TokenizePhrase(phrase string) []doc.Token {
	toks := Tokenize(phrase)
	out := toks[:0]
	for _, t := range toks {
		if k := len(out) - 1; t.Text == "." && k >= 0 && out[k].Kind == doc.Word && out[k].End == t.Start && !strings.HasSuffix(out[k].Text, ".") {
			out[k].Text += "."
			out[k].End = t.End
			continue
		}
		out = append(out, t)
	}
	return out
}
