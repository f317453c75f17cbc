package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in the form every annotator works on: NFC, LF line endings, no
// control or zero-width characters, runs of horizontal space collapsed to one space,
// lines trimmed, and paragraphs separated by exactly one blank line. Quote marks and
// dashes are kept as written so that evidence reads like the article.
func Normalize(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	if strings.Contains(s, "\r\n") {
		s = strings.ReplaceAll(s, "\r\n", "\n") // one line break, not two
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	newlines := 0 // newlines seen since the last visible character
	space := false
	for _, r := range s {
		switch {
		case r == '\r' || r == '\n' || r == '\u2028' || r == '\u2029':
			if r == '\u2029' {
				newlines++
			}
			newlines++
			space = false
		case isSpace(r):
			space = true
		case dropped(r):
			// zero-width and control characters carry no text
		default:
			if b.Len() > 0 {
				switch {
				case newlines >= 2:
					b.WriteString("\n\n")
				case newlines == 1:
					b.WriteByte('\n')
				case space:
					b.WriteByte(' ')
				}
			}
			newlines, space = 0, false
			b.WriteRune(r)
		}
	}
	// Dropping a character can bring a base letter and a combining mark together
	// ("A\x00\u0304"), so compose once more.
	out := b.String()
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// NormalizeLine normalises s as Normalize does and joins its lines with single spaces, for
// one-line fields such as titles.
func NormalizeLine(s string) string {
	return strings.Join(strings.Fields(Normalize(s)), " ")
}

// isSpace reports horizontal white space, including no-break and typographic spaces.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\v', '\f', '\u00a0', '\u1680', '\u202f', '\u205f', '\u3000', '\u0085':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// dropped reports characters removed from text: controls, soft hyphens, zero-width space
// and byte-order marks. Zero-width (non-)joiners stay: they matter in Persian and Arabic.
func dropped(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\ufeff', '\u2060', utf8.RuneError:
		return true
	}
	return unicode.IsControl(r)
}
