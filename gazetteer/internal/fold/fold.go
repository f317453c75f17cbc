// Package fold holds the gazetteer's name normalisation, shared by the gazetteer and its
// generator so that names are folded the same way when the data is built and when it is
// looked up.
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// letters maps letters that Unicode decomposition leaves whole to their Latin spelling.
var letters = map[rune]string{
	'ø': "o", 'đ': "d", 'ł': "l", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'ı': "i", 'þ': "th",
	'ð': "d", 'ħ': "h", 'ŧ': "t", 'ŋ': "ng", 'ĸ': "k",
}

// abbrev expands abbreviated words so that "St. Louis" and "Saint Louis" meet.
var abbrev = map[string]string{
	"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port",
}

// Key folds a name for lookup: Unicode compatibility decomposition with the combining
// marks dropped (so "Córdoba" and "Cordoba" meet), a final possessive "'s" dropped, lower case, apostrophes, ayin and hamza
// signs and full stops deleted ("Ta'izz" → "taizz", "U.S." → "us"), every other run of
// non-letters and non-digits made one space ("al-Asad" → "al asad"), and the abbreviated
// words st, ste, mt, ft and pt written out.
func Key(s string) string {
	for _, poss := range []string{"'s", "’s"} {
		if t, ok := strings.CutSuffix(s, poss); ok {
			s = t
			break
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	if !ascii(s) {
		s = norm.NFKD.String(s)
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == 'ʻ' || r == 'ʿ' || r == 'ʾ' ||
			r == '`' || r == '´' || r == '.':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if l, ok := letters[r]; ok {
				b.WriteString(l)
			} else {
				b.WriteRune(r)
			}
		default:
			space = true
		}
	}
	k := b.String()
	if strings.IndexByte(k, ' ') < 0 && len(k) > 3 {
		return k
	}
	words := strings.Split(k, " ")
	changed := false
	for i, w := range words {
		if x, ok := abbrev[w]; ok && (i < len(words)-1) {
			words[i], changed = x, true
		}
	}
	if !changed {
		return k
	}
	return strings.Join(words, " ")
}

// articles are transliterations of the Arabic definite article and its assimilated forms.
var articles = map[string]bool{
	"al": true, "el": true, "ad": true, "ar": true, "as": true, "at": true, "az": true,
	"an": true, "ash": true, "ath": true, "adh": true, "ed": true, "er": true, "es": true,
	"et": true, "ez": true, "ul": true,
}

// StripArticle removes a leading Arabic article from a folded key: "as sulaymaniyah" →
// "sulaymaniyah", "al mawsil" → "mawsil". A key of one word is returned as it is.
func StripArticle(k string) string {
	w, rest, ok := strings.Cut(k, " ")
	if ok && articles[w] && rest != "" {
		return rest
	}
	return k
}

// Skeleton reduces a folded key to a rough consonant frame that common English, French
// and German transliterations of Arabic, Persian and Kurdish names share: spaces dropped,
// y→i, ou/oo→u, ee→i, q→k, ph→f, kh/gh/dh→k/g/d, doubled letters collapsed, and a final h
// after a vowel dropped.
// "Sulaymaniyah" and "Sulaimaniya" share "sulaimania"; "Raqqah" and "Raqqa" share "raka".
// It is a last resort, used only when no exact or article-stripped name matches.
func Skeleton(k string) string {
	k = StripArticle(k)
	r := []byte(strings.ReplaceAll(k, " ", ""))
	var out []byte
	for i := 0; i < len(r); i++ {
		c := r[i]
		next := byte(0)
		if i+1 < len(r) {
			next = r[i+1]
		}
		switch {
		case c == 'y':
			c = 'i'
		case c == 'q':
			c = 'k'
		case c == 'o' && (next == 'u' || next == 'o'):
			c = 'u'
			i++
		case c == 'e' && next == 'e':
			c = 'i'
			i++
		case c == 'p' && next == 'h':
			c = 'f'
			i++
		case (c == 'k' || c == 'g' || c == 'd') && next == 'h':
			i++
		}
		if n := len(out); n > 0 && out[n-1] == c {
			continue
		}
		out = append(out, c)
	}
	if n := len(out); n > 1 && out[n-1] == 'h' && strings.IndexByte("aeiou", out[n-2]) >= 0 {
		out = out[:n-1]
	}
	return string(out)
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
