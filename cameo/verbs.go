package cameo

import (
	"strings"
)

// readVerbs reads a verb dictionary: synonym sets, verb blocks, transformations.
func (d *Dictionary) readVerbs(data []byte) error {
	d.Synsets = make(map[string][]Phrase)
	var block *Block
	synset := ""
	lines(data, func(n int, raw string) {
		line := stripComment(raw)
		if line == "" {
			if strings.TrimSpace(raw) == "" {
				synset = "" // a blank line ends a synonym set; a comment line does not
			}
			return
		}
		switch {
		case strings.HasPrefix(line, "---"):
			synset = ""
			block = d.readBlockHeader(n, line)
			if block != nil {
				d.Blocks = append(d.Blocks, block)
			}
		case line[0] == '&':
			block = nil
			synset = setName(line)
			if _, ok := d.Synsets[synset]; !ok {
				d.Synsets[synset] = nil
			}
		case line[0] == '+' && synset != "":
			if p := parsePhrase(strings.TrimSpace(line[1:])); len(p) > 0 {
				d.Synsets[synset] = append(d.Synsets[synset], p)
			}
		case line[0] == '~':
			if t, ok := d.readTransform(n, line); ok {
				d.Transforms = append(d.Transforms, t)
			}
		case line[0] == '-':
			if block == nil {
				d.warn(n, "pattern outside a verb block")
				return
			}
			if p, ok := d.readPattern(n, line); ok {
				block.Patterns = append(block.Patterns, p)
			}
		default:
			if block == nil {
				d.warn(n, "line %q outside a verb block or synonym set", line)
				return
			}
			if v, ok := d.readVerb(n, line); ok {
				block.Verbs = append(block.Verbs, v)
			}
		}
	})
	return nil
}

// setName normalises a synonym set's name: "&AUXVERB1_" → "AUXVERB1".
func setName(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "&")
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(strings.ToUpper(s), "_")
}

// readBlockHeader reads "---  NAME   [code]  ---".
func (d *Dictionary) readBlockHeader(n int, line string) *Block {
	s := strings.TrimLeft(line, "-")
	fields := strings.Fields(s)
	if len(fields) == 0 {
		d.warn(n, "verb block header without a name")
		return nil
	}
	b := &Block{Name: strings.ToUpper(fields[0]), Line: n}
	if i := strings.IndexByte(s, '['); i >= 0 {
		if j := strings.IndexByte(s[i:], ']'); j > 0 {
			b.Code = parseCode(s[i+1 : i+j])
		}
	}
	return b
}

// parseCode reads the inside of [...]: "190", "042:043", ":173", "---".
func parseCode(s string) Code {
	s = strings.TrimSpace(s)
	if s == "" || strings.Trim(s, "-") == "" {
		return Code{Null: true}
	}
	f, r, paired := strings.Cut(s, ":")
	f, r = strings.TrimSpace(f), strings.TrimSpace(r)
	if strings.Trim(f, "-") == "" {
		f = ""
	}
	if strings.Trim(r, "-") == "" {
		r = ""
	}
	if f == "" && r == "" {
		return Code{Null: true}
	}
	if !validCode(f) || paired && !validCode(r) {
		return Code{Null: true}
	}
	return Code{Forward: f, Reverse: r}
}

// validCode accepts "" or two to four digits.
func validCode(s string) bool {
	if s == "" {
		return true
	}
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// cutCode removes the first [...] from s and returns it parsed.
func cutCode(s string) (rest string, c Code, ok bool) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, Code{}, false
	}
	j := strings.IndexByte(s[i:], ']')
	if j < 0 {
		return s, Code{}, false
	}
	return strings.TrimSpace(s[:i]) + " " + strings.TrimSpace(s[i+j+1:]), parseCode(s[i+1 : i+j]), true
}

// readVerb reads a verb line: "SAY {SAYS SAID SAYING}", "GRILL [110]",
// "+ASK_FOR {+ASKED_FOR +ASKING_FOR} [020]", "+KILLED_AND {}".
func (d *Dictionary) readVerb(n int, line string) (Verb, bool) {
	v := Verb{Line: n}
	rest, code, hasCode := cutCode(line)
	if hasCode {
		v.Code = code
	}
	forms, listed := "", false
	if i := strings.IndexByte(rest, '{'); i >= 0 {
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			d.warn(n, "unclosed { in verb line")
			return v, false
		}
		forms, listed = rest[i+1:i+j], true
		rest = rest[:i] + " " + rest[i+j+1:]
	}
	head := strings.Fields(rest)
	if len(head) == 0 {
		d.warn(n, "verb line without a verb")
		return v, false
	}
	word := strings.TrimPrefix(strings.ToUpper(head[0]), "+")
	for _, w := range strings.Split(word, "_") {
		if w != "" {
			v.Words = append(v.Words, w)
		}
	}
	if len(v.Words) == 0 {
		d.warn(n, "empty verb")
		return v, false
	}
	if listed {
		for _, f := range strings.Fields(strings.ToUpper(forms)) {
			f = strings.TrimPrefix(f, "+")
			first, _, _ := strings.Cut(f, "_")
			if first != "" && first != v.Words[0] {
				v.Forms = append(v.Forms, first)
			}
		}
	} else {
		v.Forms = RegularForms(v.Words[0])
	}
	return v, true
}

// RegularForms returns the regular inflections of an English verb in upper case: third
// person, past and present participle ("ATTACK" → ATTACKS ATTACKED ATTACKING). Where a
// final consonant may double ("PLAN" → PLANNED) both spellings are given; forms that
// never occur in text cost nothing.
func RegularForms(base string) []string {
	b := strings.ToUpper(base)
	if len(b) < 2 {
		return nil
	}
	last := b[len(b)-1]
	prev := b[len(b)-2]
	var out []string
	switch {
	case strings.HasSuffix(b, "S") || strings.HasSuffix(b, "X") || strings.HasSuffix(b, "Z") ||
		strings.HasSuffix(b, "CH") || strings.HasSuffix(b, "SH") || last == 'O':
		out = append(out, b+"ES")
	case last == 'Y' && !isVowel(prev):
		out = append(out, b[:len(b)-1]+"IES")
	default:
		out = append(out, b+"S")
	}
	switch {
	case last == 'E':
		out = append(out, b+"D", b[:len(b)-1]+"ING")
		if strings.HasSuffix(b, "EE") || strings.HasSuffix(b, "YE") || strings.HasSuffix(b, "OE") {
			out = append(out, b+"ING")
		}
	case last == 'Y' && !isVowel(prev):
		out = append(out, b[:len(b)-1]+"IED", b+"ING")
	default:
		out = append(out, b+"ED", b+"ING")
		if len(b) >= 3 && !isVowel(last) && isVowel(prev) && !isVowel(b[len(b)-3]) &&
			last != 'W' && last != 'X' && last != 'Y' {
			out = append(out, b+string(last)+"ED", b+string(last)+"ING")
		}
	}
	return out
}

func isVowel(c byte) bool {
	switch c {
	case 'A', 'E', 'I', 'O', 'U':
		return true
	}
	return false
}

// readPattern reads "- PRE * POST [code] # comment".
func (d *Dictionary) readPattern(n int, line string) (Pattern, bool) {
	p := Pattern{Line: n}
	body := strings.TrimSpace(strings.TrimPrefix(line, "-"))
	i := strings.IndexByte(body, '[')
	if i < 0 {
		d.warn(n, "pattern without a [code]")
		return p, false
	}
	j := strings.IndexByte(body[i:], ']')
	if j < 0 {
		d.warn(n, "pattern with an unclosed [code")
		return p, false
	}
	p.Code = parseCode(body[i+1 : i+j])
	text := body[:i]
	toks := patternTokens(text)
	star := -1
	for k, t := range toks {
		if t == "*" {
			star = k
			break
		}
	}
	if star < 0 {
		d.warn(n, "pattern without the verb marker *")
		return p, false
	}
	var err string
	if p.Pre, err = parseElems(toks[:star]); err != "" {
		d.warn(n, "%s", err)
		return p, false
	}
	if p.Post, err = parseElems(toks[star+1:]); err != "" {
		d.warn(n, "%s", err)
		return p, false
	}
	p.Text = strings.Join(toks, " ")
	return p, true
}

// patternTokens splits a pattern into words and the brackets ( ) { }.
func patternTokens(s string) []string {
	var out []string
	start := -1
	flush := func(i int) {
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t':
			flush(i)
		case '(', ')', '{', '}', '*':
			flush(i)
			out = append(out, string(c))
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(s))
	return out
}

// parseElems reads pattern tokens into elements, nesting ( ) and { } groups.
func parseElems(toks []string) ([]Elem, string) {
	var stack [][]Elem
	var kinds []ElemKind
	var cur []Elem
	for _, t := range toks {
		switch t {
		case "(", "{":
			stack = append(stack, cur)
			cur = nil
			if t == "(" {
				kinds = append(kinds, ElemPrep)
			} else {
				kinds = append(kinds, ElemNP)
			}
		case ")", "}":
			if len(stack) == 0 {
				return nil, "unbalanced " + t
			}
			k := kinds[len(kinds)-1]
			if (t == ")") != (k == ElemPrep) {
				return nil, "mismatched " + t
			}
			group := Elem{Kind: k, Sub: cur}
			cur = stack[len(stack)-1]
			stack, kinds = stack[:len(stack)-1], kinds[:len(kinds)-1]
			if len(group.Sub) == 0 {
				continue
			}
			if k == ElemPrep && group.Sub[0].Kind != ElemWord {
				return nil, "prepositional phrase must start with a word"
			}
			cur = append(cur, group)
		default:
			cur = append(cur, tokenElems(t)...)
		}
	}
	if len(stack) != 0 {
		return nil, "unclosed group"
	}
	return cur, ""
}

// tokenElems reads one pattern word: a marker, a synonym set, or a phrase. A marker glued
// to a word ("+PROPAGANDA") is read as the marker then the word.
func tokenElems(t string) []Elem {
	switch t {
	case "$":
		return []Elem{{Kind: ElemSource}}
	case "+":
		return []Elem{{Kind: ElemTarget}}
	case "^":
		return []Elem{{Kind: ElemSkip}}
	case "%":
		return []Elem{{Kind: ElemCompound}}
	}
	switch t[0] {
	case '$', '+', '^', '%':
		return append(tokenElems(t[:1]), tokenElems(t[1:])...)
	case '&':
		return []Elem{{Kind: ElemSet, Set: setName(t)}}
	}
	p := parsePhrase(t)
	if len(p) == 0 {
		return nil
	}
	return []Elem{{Kind: ElemWord, Phrase: p}}
}

// readTransform reads "~ a (b c CLASS) VERB = x y code".
func (d *Dictionary) readTransform(n int, line string) (Transform, bool) {
	t := Transform{Line: n, Text: strings.Join(strings.Fields(line), " ")}
	lhs, rhs, ok := strings.Cut(strings.TrimSpace(line[1:]), "=")
	if !ok {
		d.warn(n, "transformation without =")
		return t, false
	}
	open, close := strings.IndexByte(lhs, '('), strings.IndexByte(lhs, ')')
	if open < 0 || close < open {
		d.warn(n, "transformation without (nested event)")
		return t, false
	}
	outer := strings.Fields(lhs[:open])
	inner := strings.Fields(lhs[open+1 : close])
	verb := strings.Fields(lhs[close+1:])
	res := strings.Fields(rhs)
	if len(outer) != 1 || len(inner) != 3 || len(verb) != 1 || len(res) != 3 {
		d.warn(n, "transformation must read: ~ a (b c CLASS) VERB = x y code")
		return t, false
	}
	t.Outer = outer[0]
	t.InnerSource, t.InnerTarget, t.Class = inner[0], inner[1], strings.ToUpper(inner[2])
	t.Verb = strings.ToUpper(verb[0])
	t.Source, t.Target, t.Code = res[0], res[1], strings.ToUpper(res[2])
	if t.Code != "Q" && !validCode(t.Code) {
		d.warn(n, "transformation code %q", t.Code)
		return t, false
	}
	return t, true
}
