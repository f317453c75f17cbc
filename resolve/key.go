package resolve

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Key returns the phonetic key of one word of a name: two spellings of the same name,
// as transliterations from Arabic, Persian, Russian and other languages produce them, get
// the same key ("Qasem", "Qassem", "Ghasem" and "Kasem" → "kAsm"; "Soleimani",
// "Suleimani" and "Sulaymani" → "sUlmn."; "Mohammad", "Mohammed", "Muhammad" → "mUhmd").
//
// The key is built in five steps:
//
//  1. Spelling: lower case; accents removed (é → e); apostrophes, hyphens, dots and other
//     marks dropped; an Arabic article written as a prefix ("al-", "el-", "ul-") removed.
//  2. Consonants: q, ck, k, hard c and gh → k; kh → x; ph → f; dj → j; tch → ch; dh → d;
//     x → ks; c before e, i, y → s. Then w before a vowel → v (Wahid, Vahid), and y or w
//     not before a vowel count as vowels (Husayn, Rowhani).
//  3. Doubled letters become single (Qassem → Qasem, Mohammad → Mohamad), and a final h
//     after a vowel is dropped (Fatemeh, Nasrallah).
//  4. Vowels: the first group of vowels becomes one class letter, U when it holds an o or
//     u (Mohammad, Muhammad; Hossein, Hussein; Omar, Umar), A otherwise (Qasem, Qasim;
//     Zeinab, Zaynab; Ahmad, Ahmed); every later vowel is dropped.
//  5. A final "." marks a word that ends in a vowel, so that Salami and Salim differ.
//
// Keeping the first vowel's class keeps Hassan (hAsn) apart from Hossein (hUsn), which a
// consonant skeleton alone would merge. Names that differ only in a later vowel share a
// key (Karimi, Karami). The key is meant for matching names within one article, where two
// different people rarely share a name key; it is not a general phonetic algorithm and
// makes no attempt at English spelling (Thomas and Tomas differ).
func Key(word string) string {
	var b []byte
	var buf [32]byte
	b = buf[:0]
	w := strings.ToLower(word)
	for _, p := range [...]string{"al-", "el-", "ul-", "al‑", "el‑"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+1 {
			w = w[len(p):]
			break
		}
	}
	for _, r := range w {
		if r < utf8.RuneSelf {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				b = append(b, byte(r))
			}
			continue
		}
		if s, ok := fold[r]; ok {
			b = append(b, s...)
		} else if unicode.IsLetter(r) {
			b = utf8.AppendRune(b, r)
		}
	}
	if len(b) == 0 {
		return ""
	}
	b = consonants(b)
	b = dedouble(b)
	if n := len(b); n > 1 && b[n-1] == 'h' && isVowel(b[n-2]) {
		b = b[:n-1]
	}
	return vowels(b)
}

// fold maps accented letters to plain ones.
var fold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ğ': "g", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ı': "i", 'į': "i",
	'ł': "l", 'ñ': "n", 'ń': "n", 'ň': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o",
	'ø': "o", 'ō': "o", 'ő': "o", 'œ': "oe", 'ř': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ș': "s",
	'ß': "ss", 'ť': "t", 'ţ': "t", 'ț': "t", 'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u",
	'ů': "u", 'ű': "u", 'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z", 'þ': "th",
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// consonants applies step 2. Upper-case letters are used internally for the folded
// sounds so that a later rule cannot re-read them: K for k, X for kh, S for soft c.
func consonants(b []byte) []byte {
	out := make([]byte, 0, len(b)+2)
	at := func(i int) byte {
		if i < len(b) {
			return b[i]
		}
		return 0
	}
	for i := 0; i < len(b); i++ {
		c, n := b[i], at(i+1)
		switch {
		case c == 't' && n == 'c' && at(i+2) == 'h':
			out = append(out, 'c', 'h')
			i += 2
		case c == 'c' && n == 'h':
			out = append(out, 'c', 'h')
			i++
		case c == 'k' && n == 'h':
			out = append(out, 'X')
			i++
		case c == 'g' && n == 'h':
			out = append(out, 'K')
			i++
		case c == 'p' && n == 'h':
			out = append(out, 'f')
			i++
		case c == 'd' && n == 'j':
			out = append(out, 'j')
			i++
		case c == 'd' && n == 'h':
			out = append(out, 'd')
			i++
		case c == 'c' && n == 'k':
			out = append(out, 'K')
			i++
		case c == 'c' && (n == 'e' || n == 'i' || n == 'y'):
			out = append(out, 's')
		case c == 'c' || c == 'q' || c == 'k':
			out = append(out, 'K')
		case c == 'x':
			out = append(out, 'K', 's')
		default:
			out = append(out, c)
		}
	}
	// w and y: consonants before a vowel (y also at the start), vowels otherwise.
	for i, c := range out {
		next := byte(0)
		if i+1 < len(out) {
			next = out[i+1]
		}
		switch c {
		case 'w':
			if isVowel(next) || next == 'y' {
				out[i] = 'v'
			} else {
				out[i] = 'u'
			}
		case 'y':
			if !(i == 0 || isVowel(next)) {
				out[i] = 'i'
			}
		}
	}
	return out
}

// dedouble applies step 3's first half: runs of one letter become one letter.
func dedouble(b []byte) []byte {
	out := b[:0]
	for i, c := range b {
		if i > 0 && c == b[i-1] {
			continue
		}
		out = append(out, c)
	}
	return out
}

// vowels applies steps 4 and 5 and lower-cases the internal consonant marks.
func vowels(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + 1)
	first := true
	for i := 0; i < len(b); {
		c := b[i]
		if !isVowel(c) {
			switch c {
			case 'K':
				c = 'k'
			case 'X':
				c = 'x'
			}
			sb.WriteByte(c)
			i++
			continue
		}
		j := i
		class := byte('A')
		for j < len(b) && isVowel(b[j]) {
			if b[j] == 'o' || b[j] == 'u' {
				class = 'U'
			}
			j++
		}
		if first {
			sb.WriteByte(class)
			first = false
		}
		if j == len(b) {
			sb.WriteByte('.')
		}
		i = j
	}
	return sb.String()
}
