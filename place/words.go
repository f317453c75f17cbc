package place

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed words.txt
var wordsTxt string

// vocab is words.txt: the words the stage reads around place names, by section.
type vocab struct {
	locative, position, quarter, contest, division, descriptor, direction, landmark,
	currency, orgprefix, title, generic, suffix, connector, facility, namer, nameof, celestial, trailing map[string]bool
}

// readVocab parses words.txt. Every section must be present, so that a section renamed
// in the file cannot leave a rule silently without its words.
func readVocab(name, src string) (*vocab, error) {
	v := &vocab{}
	sections := map[string]*map[string]bool{
		"locative": &v.locative, "position": &v.position, "quarter": &v.quarter, "contest": &v.contest, "division": &v.division,
		"descriptor": &v.descriptor, "direction": &v.direction, "landmark": &v.landmark,
		"currency": &v.currency, "orgprefix": &v.orgprefix, "title": &v.title,
		"generic": &v.generic, "suffix": &v.suffix, "connector": &v.connector,
		"facility": &v.facility, "namer": &v.namer, "nameof": &v.nameof, "celestial": &v.celestial,
		"trailing": &v.trailing,
	}
	var cur map[string]bool
	for n, line := range strings.Split(src, "\n") {
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "["):
			p, ok := sections[strings.Trim(line, "[]")]
			if !ok || *p != nil {
				return nil, fmt.Errorf("%s:%d: unknown or repeated section %s", name, n+1, line)
			}
			*p = map[string]bool{}
			cur = *p
		case cur == nil:
			return nil, fmt.Errorf("%s:%d: words before any section", name, n+1)
		default:
			for _, w := range strings.Fields(line) {
				cur[strings.ToLower(w)] = true
			}
		}
	}
	for s, p := range sections {
		if *p == nil {
			return nil, fmt.Errorf("%s: section [%s] is missing", name, s)
		}
	}
	return v, nil
}
