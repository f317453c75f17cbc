package cameo

import (
	"strings"
)

// readActors reads a TABARI/PETRARCH actor dictionary:
//
//	IRAN_  [IRN]                    a name with its code
//	+TEHRAN_                        another name of the entry above
//	MOHAMMAD_JAVAD_ZARIF            a name whose codes follow, dated:
//		[IRNGOV 030101-070731]      YYMMDD or YYYYMMDD; <D until D, >D from D
//
// Names listed one after another share the code lines that follow them. A name with no
// codes at all that directly follows a name carrying its code on its own line is another
// name of that entry, as in the Phoenix files ("UN_ [IGOUNO]" then "U.N._").
func (d *Dictionary) readActors(data []byte) error {
	var cur *Actor
	adjacent := false // cur directly follows a name line that carried its codes
	inlineCoded := false
	lines(data, func(n int, raw string) {
		indented := len(raw) > 0 && (raw[0] == ' ' || raw[0] == '\t')
		line := stripComment(raw)
		if line == "" {
			if strings.TrimSpace(raw) == "" {
				if cur != nil && len(cur.Codes) == 0 {
					d.flushActor(cur, adjacent) // a blank line ends a list of names
					cur = nil
				}
				inlineCoded = false
			}
			return
		}
		switch {
		case line[0] == '[' || indented && strings.HasPrefix(line, "["):
			inlineCoded = false
			if cur == nil {
				d.warn(n, "code line before any actor")
				return
			}
			for _, c := range bracketed(line) {
				if dc, ok := parseDatedCode(c); ok {
					cur.Codes = append(cur.Codes, dc)
				} else if strings.Trim(c, "- ") != "" {
					d.warn(n, "bad actor code %q", c)
				}
			}
		case line[0] == '+':
			if cur == nil {
				d.warn(n, "synonym before any actor")
				return
			}
			name, codes := splitCodes(line[1:])
			if p := parsePhrase(name); len(p) > 0 {
				cur.Names = append(cur.Names, p)
			}
			for _, c := range codes {
				if dc, ok := parseDatedCode(c); ok {
					cur.Codes = append(cur.Codes, dc)
				}
			}
		default:
			name, codes := splitCodes(line)
			p := parsePhrase(name)
			if len(p) == 0 {
				d.warn(n, "actor without a name")
				return
			}
			if len(codes) == 0 && cur != nil && len(cur.Codes) == 0 {
				cur.Names = append(cur.Names, p) // names listed together share the codes below
				return
			}
			d.flushActor(cur, adjacent)
			adjacent = inlineCoded
			cur = &Actor{Names: []Phrase{p}, Line: n}
			for _, c := range codes {
				if dc, ok := parseDatedCode(c); ok {
					cur.Codes = append(cur.Codes, dc)
				} else if strings.Trim(c, "- ") != "" {
					d.warn(n, "bad actor code %q", c)
				}
			}
			inlineCoded = len(cur.Codes) > 0
		}
	})
	d.flushActor(cur, adjacent)
	return nil
}

// flushActor adds a to the dictionary. An entry without codes that directly follows a
// name carrying its codes on its own line is another name of that entry.
func (d *Dictionary) flushActor(a *Actor, adjacent bool) {
	if a == nil {
		return
	}
	if len(a.Codes) == 0 {
		if adjacent && len(d.Actors) > 0 {
			last := &d.Actors[len(d.Actors)-1]
			last.Names = append(last.Names, a.Names...)
			return
		}
		d.warn(a.Line, "actor %s has no code", a.Names[0])
		return
	}
	d.Actors = append(d.Actors, *a)
}

// splitCodes separates "NAME [A] [B 0101-0202]" into the name and the codes' insides.
func splitCodes(s string) (string, []string) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return strings.TrimSpace(s), nil
	}
	return strings.TrimSpace(s[:i]), bracketed(s[i:])
}

// bracketed returns the insides of every [...] in s.
func bracketed(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			return out
		}
		out = append(out, strings.TrimSpace(s[i+1:i+j]))
		s = s[i+j+1:]
	}
}

// parseDatedCode reads "IRNGOV", "IRNGOV 030101-070731", "USAGOV >20130815", "X <990101".
func parseDatedCode(s string) (DatedCode, bool) {
	f := strings.Fields(s)
	if len(f) > 0 && strings.Trim(f[0], "-") == "" {
		return DatedCode{}, false // [---]: known, not coded
	}
	if len(f) == 0 || !isCode(f[0]) {
		return DatedCode{}, false
	}
	dc := DatedCode{Code: strings.ToUpper(f[0])}
	if len(f) < 2 {
		return dc, true
	}
	r := f[1]
	// A side that cannot be read ("1920030320") is left open; the other still applies.
	switch {
	case strings.HasPrefix(r, "<"):
		dc.To, _ = isoDate(r[1:], true)
	case strings.HasPrefix(r, ">"):
		dc.From, _ = isoDate(r[1:], false)
	default:
		a, b, _ := strings.Cut(r, "-")
		dc.From, _ = isoDate(a, false)
		dc.To, _ = isoDate(b, true)
	}
	return dc, true
}

func isCode(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// isoDate converts YYMMDD (years before 50 are 20YY) or YYYYMMDD to YYYY-MM-DD.
func isoDate(s string, end bool) (string, bool) {
	switch len(s) {
	case 6:
		y := "19"
		if s[0] < '5' {
			y = "20"
		}
		s = y + s
	case 8:
	default:
		return "", false
	}
	for i := 0; i < 8; i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", false
		}
	}
	_ = end
	return s[:4] + "-" + s[4:6] + "-" + s[6:], true
}

// readAgents reads an agents dictionary:
//
//	!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON   a macro
//	POLICE!PERSON! [~COP]                        a name (the macro expanded) and its code
//	CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]   plurals in braces
//
// Without braces, the plural with "S" is added, as PETRARCH does.
func (d *Dictionary) readAgents(data []byte) error {
	macros := map[string][]string{}
	lines(data, func(n int, raw string) {
		line := stripComment(raw)
		if line == "" {
			return
		}
		if line[0] == '!' {
			if name, vals, ok := strings.Cut(line, "="); ok && strings.Count(strings.TrimSpace(name), "!") == 2 {
				name = strings.TrimSpace(name)
				for _, v := range strings.Split(vals, ",") {
					if v = strings.TrimSpace(v); v != "" {
						macros[name] = append(macros[name], strings.ToUpper(v))
					}
				}
				return
			}
		}
		name, codes := splitCodes(line)
		if len(codes) == 0 {
			d.warn(n, "agent without a code")
			return
		}
		code := strings.ToUpper(strings.TrimSpace(codes[0]))
		a := Agent{Line: n}
		switch {
		case strings.HasPrefix(code, "~"):
			a.Code = code[1:]
		case strings.HasSuffix(code, "~"):
			a.Code, a.Prefix = code[:len(code)-1], true
		default:
			a.Code = code
		}
		if !isCode(a.Code) {
			d.warn(n, "bad agent code %q", code)
			return
		}
		plurals, listed := "", false
		if i := strings.IndexByte(name, '{'); i >= 0 {
			if j := strings.IndexByte(name[i:], '}'); j > 0 {
				plurals, listed = name[i+1:i+j], true
				name = strings.TrimSpace(name[:i] + " " + name[i+j+1:])
			}
		}
		names := expandMacros(name, macros)
		if listed {
			for _, p := range strings.Fields(plurals) {
				names = append(names, expandMacros(p, macros)...)
			}
		} else {
			for _, e := range expandMacros(name, macros) {
				if !strings.HasSuffix(strings.ToUpper(e), "S") && !strings.HasSuffix(e, "_") {
					names = append(names, e+"S")
				}
			}
		}
		for _, s := range names {
			if p := parsePhrase(s); len(p) > 0 {
				a.Names = append(a.Names, p)
			}
		}
		if len(a.Names) > 0 {
			d.Agents = append(d.Agents, a)
		}
	})
	return nil
}

// expandMacros replaces each !MACRO! in s by each of its values.
func expandMacros(s string, macros map[string][]string) []string {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return []string{s}
	}
	name := s[i : i+j+2]
	vals, ok := macros[name]
	if !ok {
		return []string{strings.ReplaceAll(s, name, "")}
	}
	var out []string
	for _, v := range vals {
		out = append(out, expandMacros(s[:i]+v+s[i+j+2:], macros)...)
	}
	return out
}

// readDiscards reads a discard list: one phrase a line, "+" for a story-level discard.
// Discard phrases are matched as whole words.
func (d *Dictionary) readDiscards(data []byte) error {
	lines(data, func(n int, raw string) {
		line := stripComment(raw)
		if line == "" {
			return
		}
		dc := Discard{Line: n}
		if line[0] == '+' {
			dc.Story = true
			line = strings.TrimSpace(line[1:])
		}
		p := parsePhrase(line)
		if len(p) == 0 {
			return
		}
		for i := range p {
			p[i].Exact = true
		}
		dc.Phrase = p
		d.Discards = append(d.Discards, dc)
	})
	return nil
}
