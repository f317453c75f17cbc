package textsearch

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tocsin-project/tocsin/store"
)

// SnippetEllipsis marks text cut off at either end of a snippet.
const SnippetEllipsis = "…"

// Snippet bounds. A snippet is computed by tocsin, not by the engine (FTS5's snippet()
// costs the square of a word's repeats in one article: 15 s for one word repeated
// 40,000 times): a store reads at most SnippetScan bytes of each hit's text and
// shows about snippetTokens tokens around the first match found there (the start of the
// text when the first match lies further on).
const (
	snippetTokens = 24
	snippetBefore = 6 // tokens shown before the first match
	SnippetScan   = 64 << 10
)

// Token is a token of a text: its byte offsets and its folded form.
type Token struct {
	Start, End int
	Folded     string
}

// Tokenize splits text into the tokens FTS5's unicode61 tokenizer would make, each
// folded as it folds them (lower case, diacritics removed).
func Tokenize(text string) []Token {
	var toks []Token
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !IsTokenRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !IsTokenRune(r) {
				break
			}
			j += n
		}
		toks = append(toks, Token{Start: i, End: j, Folded: Fold(text[i:j])})
		i = j
	}
	return toks
}

// Fold lower-cases s and removes its diacritics, as "remove_diacritics 2" does.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// matchAt returns how many tokens of toks, from i, the term t matches (0 for none).
func matchAt(toks []Token, i int, t []string, prefix bool) int {
	if len(t) == 0 || i+len(t) > len(toks) {
		return 0
	}
	for k, w := range t {
		got := toks[i+k].Folded
		if k == len(t)-1 && prefix {
			if !strings.HasPrefix(got, w) {
				return 0
			}
		} else if got != w {
			return 0
		}
	}
	return len(t)
}

// Snippet returns about snippetTokens tokens of text around the first match of one of
// terms, on one line, and the byte offsets in it of every match it shows. Its cost is
// linear in len(text).
func Snippet(text string, terms []Term) (string, []store.Highlight) {
	toks := Tokenize(text)
	marks := []store.Highlight{}
	if len(toks) == 0 {
		return "", marks
	}
	words := make([][]string, len(terms))
	for i, t := range terms {
		for _, tok := range Tokenize(t.Text) {
			words[i] = append(words[i], tok.Folded)
		}
	}
	// match returns the length in tokens of the longest term matching at token i.
	match := func(i int) int {
		best := 0
		for k, t := range terms {
			best = max(best, matchAt(toks, i, words[k], t.Prefix))
		}
		return best
	}
	first := 0
	for i := range toks {
		if match(i) > 0 {
			first = i
			break
		}
	}
	from := max(0, first-snippetBefore)
	to := min(len(toks), from+snippetTokens)

	var b strings.Builder
	if from > 0 {
		b.WriteString(SnippetEllipsis)
	}
	markEnd := -1 // the token index where the open highlight ends
	for i := from; i < to; i++ {
		if i > from {
			writeCollapsed(&b, text[toks[i-1].End:toks[i].Start])
		} else if i > 0 {
			b.WriteByte(' ')
		}
		if i >= markEnd {
			if n := match(i); n > 0 && i+n <= to {
				marks = append(marks, store.Highlight{Start: b.Len()})
				markEnd = i + n
			}
		}
		b.WriteString(text[toks[i].Start:toks[i].End])
		if i+1 == markEnd {
			marks[len(marks)-1].End = b.Len()
		}
	}
	if to < len(toks) {
		b.WriteString(" " + SnippetEllipsis)
	}
	return b.String(), marks
}

// writeCollapsed writes s with each run of white space, line breaks included, as one
// space.
func writeCollapsed(b *strings.Builder, s string) {
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
}
