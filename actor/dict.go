package actor

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Entry is one actor of a PETRARCH/TABARI actor dictionary: a primary name, its synonyms
// and its codes, each possibly restricted to a range of dates.
type Entry struct {
	// Name is the primary name as written in the file, underscores and all ("IRAN_").
	Name string
	// Synonyms are the "+" names of the entry, without the '+'.
	Synonyms []string
	// Codes are the entry's codes in file order.
	Codes []DatedCode
	// Line is the line of the primary name in its file.
	Line int
}

// DatedCode is an actor code valid on the days in [From, To). Days are written as
// YYYYMMDD integers; From 0 means "since ever" and To 0 means "still valid".
type DatedCode struct {
	Code     string
	From, To int32
}

// Dated reports whether the code carries a date restriction.
func (c DatedCode) Dated() bool { return c.From != 0 || c.To != 0 }

// Contains reports whether day (YYYYMMDD) falls in the code's range.
func (c DatedCode) Contains(day int32) bool {
	return (c.From == 0 || day >= c.From) && (c.To == 0 || day < c.To)
}

// String writes the code as a dictionary would: "IRNGOV 19890604-20130803", "USAGOV >20170120".
func (c DatedCode) String() string {
	switch {
	case c.From == 0 && c.To == 0:
		return c.Code
	case c.From == 0:
		return fmt.Sprintf("%s <%08d", c.Code, c.To)
	case c.To == 0:
		return fmt.Sprintf("%s >%08d", c.Code, c.From)
	}
	return fmt.Sprintf("%s %08d-%08d", c.Code, c.From, c.To)
}

// Agent is one phrase of an agents dictionary with its code. Code keeps the tilde that
// says where the agent goes: "~MIL" is appended to an actor code (IRN → IRNMIL), "IGO~"
// is put before it.
type Agent struct {
	Phrase string // words separated by underscores, as in the file
	Code   string
	Line   int
}

// Warning is a problem found in a dictionary line that the reader worked around, as
// PETRARCH does, instead of rejecting the file: a malformed date, a code-less entry.
type Warning struct {
	File string
	Line int
	Msg  string
}

func (w Warning) String() string { return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Msg) }

// lines reads a dictionary file the way PETRARCH's read_FIN_line does: lines beginning
// with '#' and blank lines are skipped, anything after a '#' is a comment, and XML
// comments <!-- ... --> (on one line or across several) are removed. fn receives each
// remaining line, right-trimmed, with its line number and whether a blank line (not a
// comment line) came before it since the previous one.
func lines(r io.Reader, fn func(n int, line string, blank bool) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	inXML, blank := false, false
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			blank = true
			continue
		}
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if inXML {
			i := strings.Index(line, "-->")
			if i < 0 {
				continue
			}
			line, inXML = line[i+3:], false
		}
		for {
			i := strings.Index(line, "<!--")
			if i < 0 {
				break
			}
			j := strings.Index(line[i:], "-->")
			if j < 0 {
				line, inXML = line[:i], true
				break
			}
			line = line[:i] + line[i+j+3:]
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimRight(line, " \t\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if err := fn(n, line, blank); err != nil {
			return err
		}
		blank = false
	}
	return sc.Err()
}

// ParseActors reads a PETRARCH/TABARI actor dictionary. The format, as PETRARCH 2 and
// TABARI read it:
//
//	# comment (also after a '#' anywhere in a line, and <!-- XML comments -->)
//	IRAN_  [IRN]                 a primary name with its code
//	+IRANIAN                     a synonym of the entry above
//	BARACK_OBAMA                 a primary name whose codes follow, indented:
//	+PRESIDENT_OBAMA
//		[USAELI 780101-000101]   valid from 1978-01-01 up to (not including) 2000-01-01
//		[USAGOV >090120]         valid from 2009-01-20 on
//		[USAELI <090120]         valid before 2009-01-20
//		[USAELI]                 valid when no dated code applies
//		[USAGOV 820101]          a lone date is read as >820101
//
// Words are separated by underscores (or spaces). A name that ends in an underscore is
// matched as written; one that does not is, as in TABARI, a stem whose last word may take
// a plural ending ("+IRANIAN" also matches "Iranians"). Dates are YYMMDD (years 00–30 are
// 20YY, others 19YY) or YYYYMMDD; only the first six or eight digits are read, as
// PETRARCH does. Several bracketed codes may share a line.
//
// Names on consecutive lines without a '+' share the codes that follow them, as in
//
//	AMERICAN_VICE_PRESIDENT
//	AMERICAN_VICE-PRESIDENT
//		[USAGOV]
//
// PETRARCH 2 leaves every such name but the last without a code; here a code-less entry
// directly followed (no blank line between) by another takes that entry's codes, with a
// warning. Other problems that PETRARCH passes over (an unreadable date, a synonym before
// any entry) are also returned as warnings.
func ParseActors(file string, r io.Reader) ([]Entry, []Warning, error) {
	var (
		entries []Entry
		joins   []bool // entries[i] had no code when entries[i+1] began on the next line
		warns   []Warning
		cur     *Entry
	)
	warn := func(n int, format string, args ...any) {
		warns = append(warns, Warning{file, n, fmt.Sprintf(format, args...)})
	}
	err := lines(r, func(n int, raw string, blank bool) error {
		line := strings.TrimSpace(raw)
		switch {
		case line[0] == '[':
			if cur == nil {
				warn(n, "code %s before any actor; skipped", line)
				return nil
			}
			cur.Codes = append(cur.Codes, parseCodes(line, n, warn)...)
		case line[0] == '+':
			if cur == nil {
				warn(n, "synonym %q before any actor; skipped", line)
				return nil
			}
			name, codes := splitCodes(line[1:])
			if name == "" {
				warn(n, "empty synonym; skipped")
				return nil
			}
			cur.Synonyms = append(cur.Synonyms, canonName(name))
			if codes != "" {
				cur.Codes = append(cur.Codes, parseCodes(codes, n, warn)...)
			}
		default:
			name, codes := splitCodes(line)
			if name == "" {
				warn(n, "line %q has codes but no name; skipped", line)
				return nil
			}
			if cur != nil {
				joins = append(joins, len(cur.Codes) == 0 && !blank)
			}
			entries = append(entries, Entry{Name: canonName(name), Line: n})
			cur = &entries[len(entries)-1]
			if codes != "" {
				cur.Codes = parseCodes(codes, n, warn)
			}
		}
		return nil
	})
	if err != nil {
		return nil, warns, fmt.Errorf("%s: %w", file, err)
	}
	for i := len(joins) - 1; i >= 0; i-- {
		if joins[i] && len(entries[i].Codes) == 0 && len(entries[i+1].Codes) > 0 {
			entries[i].Codes = slices.Clone(entries[i+1].Codes)
			warns = append(warns, Warning{file, entries[i].Line, fmt.Sprintf("%s has no code: it takes the codes of %s on the next line", entries[i].Name, entries[i+1].Name)})
		}
	}
	for _, e := range entries {
		if len(e.Codes) == 0 {
			warns = append(warns, Warning{file, e.Line, fmt.Sprintf("%s has no code", e.Name)})
		}
	}
	return entries, warns, nil
}

// splitCodes splits "NAME_ [CODE] [CODE DATE]" into the name and the bracketed part.
func splitCodes(s string) (name, codes string) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return strings.TrimSpace(s), ""
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i:])
}

// canonName writes a name with underscores between words, keeping a final underscore
// (the "match as written" mark) when the name had one.
func canonName(s string) string {
	s = strings.TrimSpace(s)
	end := strings.HasSuffix(s, "_")
	w := strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	out := strings.Join(w, "_")
	if end {
		out += "_"
	}
	return out
}

// parseCodes reads one or more "[CODE]" / "[CODE DATES]" groups.
func parseCodes(s string, n int, warn func(int, string, ...any)) []DatedCode {
	var out []DatedCode
	for s != "" {
		s = strings.TrimSpace(s)
		if s == "" {
			break
		}
		if s[0] != '[' {
			warn(n, "text %q after codes ignored", s)
			break
		}
		j := strings.IndexByte(s, ']')
		if j < 0 {
			warn(n, "unclosed code %q; skipped", s)
			break
		}
		f := strings.Fields(s[1:j])
		s = s[j+1:]
		if len(f) == 0 {
			warn(n, "empty code []; skipped")
			continue
		}
		c := DatedCode{Code: f[0]}
		if len(f) > 1 {
			if err := parseRange(strings.Join(f[1:], ""), &c); err != nil {
				warn(n, "code %s: %v; code skipped", f[0], err)
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// parseRange reads "<D", ">D" or "D-D" into c.
func parseRange(s string, c *DatedCode) error {
	var err error
	switch {
	case strings.HasPrefix(s, "<"):
		c.To, err = parseDay(s[1:])
	case strings.HasPrefix(s, ">"):
		c.From, err = parseDay(s[1:])
	default:
		a, b, ok := strings.Cut(s, "-")
		if !ok {
			// A lone date: PETRARCH's check_date reads it as an open range from that
			// day on (garbling its first digit); we read it as ">D".
			c.From, err = parseDay(s)
			return err
		}
		if c.From, err = parseDay(a); err == nil {
			c.To, err = parseDay(b)
		}
		if err == nil && c.To <= c.From {
			err = fmt.Errorf("date range %q is empty (it must end after it starts)", s)
		}
	}
	return err
}

// parseDay reads a YYMMDD or YYYYMMDD date as PETRARCH's dstr_to_ordate does: strings of
// up to seven characters are YYMMDD (years up to 30 are 20YY), longer ones YYYYMMDD, and
// characters past the sixth or eighth are ignored. Impossible days are errors.
func parseDay(s string) (int32, error) {
	var y, m, d int
	var err error
	num := func(t string) int {
		v, e := strconv.Atoi(t)
		if e != nil && err == nil {
			err = fmt.Errorf("date %q is not a number", s)
		}
		return v
	}
	switch {
	case len(s) >= 8:
		y, m, d = num(s[:4]), num(s[4:6]), num(s[6:8])
	case len(s) >= 6:
		y, m, d = num(s[:2]), num(s[2:4]), num(s[4:6])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	default:
		return 0, fmt.Errorf("date %q is too short", s)
	}
	if err != nil {
		return 0, err
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d {
		return 0, fmt.Errorf("date %q is not a valid day", s)
	}
	return int32(y*10000 + m*100 + d), nil
}

// DayOf reads an ISO-8601 date or date-time ("2020-01-07", "2020-01-07T10:00:00Z"), or a
// dictionary date (YYYYMMDD, YYMMDD), into a YYYYMMDD day; 0 when s is empty or unreadable.
// A partial date ("2020-01", "2020") counts as its first day.
func DayOf(s string) int32 {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	if len(s) >= 4 && s[4:min(5, len(s))] == "-" || len(s) == 4 {
		y, err := strconv.Atoi(s[:4])
		if err != nil || y < 1000 {
			return 0
		}
		m, d := 1, 1
		if len(s) >= 7 {
			if m, err = strconv.Atoi(s[5:7]); err != nil || m < 1 || m > 12 {
				return 0
			}
		}
		if len(s) >= 10 && s[7] == '-' {
			if d, err = strconv.Atoi(s[8:10]); err != nil || d < 1 || d > 31 {
				return 0
			}
		}
		return int32(y*10000 + m*100 + d)
	}
	if v, err := parseDay(s); err == nil {
		return v
	}
	return 0
}

// ParseAgents reads a PETRARCH agents dictionary:
//
//	!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON   a substitution set
//	SOLDIER [~MIL]                              also SOLDIERS: regular plurals are made
//	POLICE {} [~COP]                            {} : no plural
//	ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]  {...}: the plural
//	POLICE!PERSON! [~COP]                       POLICEMAN, POLICEMEN, ... (no plurals)
//	HUMAN_RIGHTS_BODY [NGO~]                    a code put before the actor code
//
// Regular plurals follow PETRARCH: a final Y becomes IES, a final S takes ES, anything
// else takes S. The agents returned are expanded: one per phrase, plurals and
// substitutions included.
func ParseAgents(file string, r io.Reader) ([]Agent, []Warning, error) {
	var (
		out   []Agent
		warns []Warning
		subst = map[string][]string{}
	)
	warn := func(n int, format string, args ...any) {
		warns = append(warns, Warning{file, n, fmt.Sprintf(format, args...)})
	}
	err := lines(r, func(n int, raw string, _ bool) error {
		line := strings.TrimSpace(raw)
		if strings.HasPrefix(line, "!") && strings.Contains(line, "=") {
			name, list, _ := strings.Cut(line, "=")
			name = strings.Trim(strings.TrimSpace(name), "!")
			if name == "" {
				warn(n, "substitution set without a name; skipped")
				return nil
			}
			var items []string
			for _, it := range strings.Split(list, ",") {
				if it = strings.TrimSpace(it); it != "" {
					items = append(items, it)
				}
			}
			subst[name] = items
			return nil
		}
		i := strings.IndexByte(line, '[')
		j := strings.LastIndexByte(line, ']')
		if i < 0 || j < i {
			warn(n, "agent %q has no [code]; skipped", line)
			return nil
		}
		code := strings.TrimSpace(line[i+1 : j])
		if code == "" || !strings.Contains(code, "~") {
			warn(n, "agent code %q should carry a '~' (~MIL or IGO~); used as ~%s", code, code)
			if code == "" {
				return nil
			}
			code = "~" + code
		}
		phrase := strings.TrimSpace(line[:i])
		plural, explicit := "", false
		if k := strings.IndexByte(phrase, '{'); k >= 0 {
			e := strings.IndexByte(phrase, '}')
			if e < k {
				warn(n, "missing '}' in %q; skipped", line)
				return nil
			}
			plural, explicit = strings.TrimSpace(phrase[k+1:e]), true
			phrase = strings.TrimSpace(phrase[:k])
		}
		if phrase == "" {
			warn(n, "agent without a phrase; skipped")
			return nil
		}
		if a := strings.IndexByte(phrase, '!'); a >= 0 {
			b := strings.IndexByte(phrase[a+1:], '!')
			if b < 0 {
				warn(n, "substitution marker in %q is not closed; skipped", phrase)
				return nil
			}
			set, ok := subst[phrase[a+1:a+1+b]]
			if !ok {
				warn(n, "substitution set !%s! is not defined; skipped", phrase[a+1:a+1+b])
				return nil
			}
			rest := phrase[a+b+2:]
			if strings.Contains(rest, "!") {
				// "AD!MINIST!RATIVE": PETRARCH substitutes the first marker only, which
				// leaves a phrase that can never match; drop it.
				warn(n, "%q holds a second substitution marker; skipped", phrase)
				return nil
			}
			for _, s := range set {
				out = append(out, Agent{canonName(phrase[:a] + s + rest), code, n})
			}
			return nil
		}
		out = append(out, Agent{canonName(phrase), code, n})
		if !explicit {
			plural = regularPlural(strings.TrimRight(phrase, "_ "))
		}
		if plural != "" {
			out = append(out, Agent{canonName(plural), code, n})
		}
		return nil
	})
	if err != nil {
		return nil, warns, fmt.Errorf("%s: %w", file, err)
	}
	return out, warns, nil
}

// regularPlural is PETRARCH's make_plural for agents.
func regularPlural(s string) string {
	switch {
	case s == "":
		return ""
	case strings.HasSuffix(s, "Y") || strings.HasSuffix(s, "y"):
		return s[:len(s)-1] + "IES"
	case strings.HasSuffix(s, "S") || strings.HasSuffix(s, "s"):
		return s + "ES"
	}
	return s + "S"
}

// WriteActors writes entries in the canonical dictionary form ParseActors reads: the
// primary name, its synonyms on "+" lines, then one indented line per code with dates as
// YYYYMMDD, and a blank line after each entry (so that a code-less entry stays one).
// Comments are not kept.
func WriteActors(w io.Writer, entries []Entry) error {
	bw := bufio.NewWriter(w)
	for i, e := range entries {
		if i > 0 {
			bw.WriteByte('\n')
		}
		bw.WriteString(e.Name)
		bw.WriteByte('\n')
		for _, s := range e.Synonyms {
			bw.WriteByte('+')
			bw.WriteString(s)
			bw.WriteByte('\n')
		}
		for _, c := range e.Codes {
			bw.WriteString("\t[")
			bw.WriteString(c.String())
			bw.WriteString("]\n")
		}
	}
	return bw.Flush()
}

// WriteAgents writes expanded agents, one per line with an explicit empty plural, so that
// reading the output back yields the same phrases.
func WriteAgents(w io.Writer, agents []Agent) error {
	bw := bufio.NewWriter(w)
	for _, a := range agents {
		fmt.Fprintf(bw, "%s {} [%s]\n", a.Phrase, a.Code)
	}
	return bw.Flush()
}
