package place

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tocsin-project/tocsin/doc"
)

// locative reports whether the words before position i make a place of what follows: a
// locative word, maybe with "the" ("in the Mediterranean") or a position word ("in
// downtown Nairobi"), "the battle for" or a quarter's "of" ("the outskirts of Nairobi").
func (r *resolver) locative(i int) bool {
	w1, rest := lastWord(r.d.Text[:i])
	if r.s.v.position[w1] {
		w1, rest = lastWord(rest)
	}
	if r.s.v.locative[w1] {
		return true
	}
	w2, _ := lastWord(rest)
	return w1 == "for" && r.s.v.contest[w2] || w1 == "the" && r.s.v.locative[w2] || w1 == "of" && r.s.v.quarter[w2]
}

// lastWord returns the lower-cased ASCII word that ends text after at most one space,
// and the text before it; "" when text does not end so.
func lastWord(text string) (string, string) {
	end := len(text)
	if end > 0 && text[end-1] == ' ' {
		end--
	}
	start := end
	for start > 0 && end-start < 12 {
		c := text[start-1]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			break
		}
		start--
	}
	if start == end || start > 0 && text[start-1] != ' ' && text[start-1] != '\n' {
		return "", ""
	}
	w := text[start:end]
	for j := 0; j < len(w); j++ {
		if w[j] >= 'A' && w[j] <= 'Z' {
			w = strings.ToLower(w)
			break
		}
	}
	return w, text[:start]
}

// untagged adds the names after a locative word that no entity covers and the gazetteer
// knows as a country, region, division or city of 50,000 people or more: the entities
// stage misses some ("pilgrims streamed into Najaf"). A name is a run of one to three
// capitalised words; the longest run that matches is taken.
func (r *resolver) untagged(ents []doc.Entity) {
	toks := r.d.Tokens
	e := 0
	for i := 0; i < len(toks); i++ {
		for e < len(ents) && ents[e].End <= toks[i].Start {
			e++
		}
		if e < len(ents) && ents[e].Start < toks[i].End || !capitalised(toks[i]) || !r.locative(toks[i].Start) {
			continue
		}
		end := i
		for end < len(toks) && end-i < 3 && capitalised(toks[end]) && (end == i || toks[end].SpaceBefore) &&
			(e >= len(ents) || toks[end].End <= ents[e].Start) {
			end++
		}
		for j := end; j > i; j-- {
			sp := doc.Span{Start: toks[i].Start, End: toks[j-1].End}
			if text := r.d.Text[sp.Start:sp.End]; r.placeLike(text, 50000, true) {
				r.add(sp, text, "a well-known place after a locative word")
				i = j - 1
				break
			}
		}
	}
}

func capitalised(t doc.Token) bool {
	c, _ := utf8.DecodeRuneInString(t.Text)
	return t.Kind == doc.Word && unicode.IsUpper(c)
}
