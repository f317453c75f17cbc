package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/doc"
)

// Paragraphs returns the spans of text separated by blank lines.
func Paragraphs(text string) []doc.Span {
	var ps []doc.Span
	start := 0
	for start < len(text) {
		i := strings.Index(text[start:], "\n\n")
		end := len(text)
		if i >= 0 {
			end = start + i
		}
		s, e := trimSpan(text, start, end)
		if s < e {
			ps = append(ps, doc.Span{Start: s, End: e})
		}
		if i < 0 {
			break
		}
		start = end + 2
	}
	return ps
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e && (text[s] == ' ' || text[s] == '\n') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\n') {
		e--
	}
	return s, e
}

// Sentences splits tokenised text into sentences. Paragraph ends always end a sentence.
// Inside a paragraph a sentence ends after '.', '!', '?' or an ellipsis (with any closing
// quotes and brackets that follow) when the next token can open a sentence: a capital, a
// digit or an opening quote. A dotted abbreviation ends a sentence only when the next word
// is a typical sentence opener ("the U.S. The …"), and a title ("Gen.", "Mr.") never does.
func Sentences(text string, toks []doc.Token, paras []doc.Span) []doc.Sentence {
	var out []doc.Sentence
	if len(toks) == 0 {
		return out
	}
	p := 0 // current paragraph
	first := 0
	emit := func(end int) {
		if end <= first {
			return
		}
		s, e := toks[first].Start, toks[end-1].End
		out = append(out, doc.Sentence{Text: text[s:e], Span: doc.Span{Start: s, End: e}, FirstToken: first, EndToken: end, Paragraph: p})
		first = end
	}
	for k := 0; k < len(toks); k++ {
		if p < len(paras) && toks[k].Start >= paras[p].End {
			emit(k)
			for p < len(paras)-1 && toks[k].Start >= paras[p].End {
				p++
			}
		}
		if k < first {
			continue
		}
		t := toks[k].Text
		term := isTerminator(t)
		abbrev := !term && toks[k].Kind != doc.Punct && len(t) > 1 && t[len(t)-1] == '.'
		if !term && !abbrev {
			continue
		}
		// Absorb closing quotes, brackets and further terminators ("?!", `."`, ".)").
		j := k + 1
		for j < len(toks) && !toks[j].SpaceBefore && (isCloser(toks[j].Text) || isTerminator(toks[j].Text)) && (p >= len(paras) || toks[j].Start < paras[p].End) {
			j++
		}
		if j >= len(toks) || p < len(paras) && toks[j].Start >= paras[p].End {
			continue // the paragraph end closes the sentence
		}
		next := toks[j]
		var boundary bool
		if abbrev {
			boundary = !isTitleAbbrev(t) && sentenceOpeners[next.Text]
		} else {
			boundary = opensSentence(toks, j)
		}
		if boundary {
			emit(j)
			k = j - 1
		}
	}
	emit(len(toks))
	return out
}

func isTerminator(t string) bool {
	switch t {
	case ".", "!", "?", "…", "?!", "!?":
		return true
	}
	return strings.HasPrefix(t, "...")
}

// isCloser reports closing quotes and brackets that stay with the sentence before them.
func isCloser(t string) bool {
	switch t {
	case "\"", "'", "”", "’", "»", ")", "]", "}":
		return true
	}
	return false
}

// opensSentence reports whether toks[j] can start a sentence.
func opensSentence(toks []doc.Token, j int) bool {
	r, _ := utf8.DecodeRuneInString(toks[j].Text)
	if unicode.IsUpper(r) || unicode.IsDigit(r) {
		return true
	}
	switch toks[j].Text {
	case "\"", "“", "‘", "'", "`", "«", "(", "[", "—", "-", "–":
		// An opening quote or bracket opens a sentence when a capital or digit follows it.
		// Two marks make one (``like this'', as some corpora write a double quote).
		k := j + 1
		if k < len(toks) && toks[k].Text == toks[j].Text && !toks[k].SpaceBefore {
			k++
		}
		if k < len(toks) {
			r, _ := utf8.DecodeRuneInString(toks[k].Text)
			return unicode.IsUpper(r) || unicode.IsDigit(r)
		}
	}
	return toks[j].Kind == doc.Hashtag
}
