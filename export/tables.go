package export

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// fipsTSV maps ISO 3166 alpha-3 to FIPS 10-4 country codes (see fips.sh and NOTICE).
//
//go:embed fips.tsv
var fipsTSV string

// actorPartsTSV classifies the three-letter parts of CAMEO actor codes.
//
//go:embed actorparts.tsv
var actorPartsTSV string

// country is one row of fips.tsv.
type country struct{ fips, name string }

// tables are the lookups the GDELT writer needs, read once from the embedded files and
// never changed.
type tables struct {
	countries map[string]country // ISO 3166 alpha-3 → FIPS and name
	parts     map[string]string  // actor-code part → country, type or religion
}

var loadTables = sync.OnceValues(func() (*tables, error) {
	t := &tables{countries: map[string]country{}, parts: map[string]string{}}
	err := eachLine("fips.tsv", fipsTSV, 3, func(f []string) error {
		t.countries[f[0]] = country{fips: f[1], name: f[2]}
		t.parts[f[0]] = "country"
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("actorparts.tsv", actorPartsTSV, 3, func(f []string) error {
		switch f[1] {
		case "country", "type", "religion":
			t.parts[f[0]] = f[1]
			return nil
		}
		return fmt.Errorf("unknown kind %q", f[1])
	})
	return t, err
})

// eachLine calls fn with the tab-separated fields of every line of data that is not
// blank or a # comment; every line must have want fields.
func eachLine(name, data string, want int, fn func([]string) error) error {
	for n, line := range strings.Split(data, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != want {
			return fmt.Errorf("export: %s:%d: want %d fields, have %d", name, n+1, want, len(f))
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("export: %s:%d: %w", name, n+1, err)
		}
	}
	return nil
}

// FIPS returns the FIPS 10-4 code of the ISO 3166 alpha-3 country iso3, "" when the
// table has none.
func FIPS(iso3 string) string {
	t, err := loadTables()
	if err != nil {
		panic(err) // the embedded tables are part of the program; tests catch a bad one
	}
	return t.countries[iso3].fips
}

// actorParts is a CAMEO actor code split as GDELT splits it.
type actorParts struct {
	country, group string
	religion       [2]string
	types          [3]string
}

// splitActor splits a CAMEO actor code into three-letter parts: the country or region
// (when the first part is one), then up to three types, two religions and, for any
// other part, the known group (the first one; GDELT has one slot). GDELT's ethnic
// code is not told apart: an ethnic part is taken as a known group.
func (t *tables) splitActor(code string) actorParts {
	var p actorParts
	nt, nr := 0, 0
	for i := 0; i+3 <= len(code); i += 3 {
		part := code[i : i+3]
		switch kind := t.parts[part]; {
		case kind == "country":
			if i == 0 {
				p.country = part
			} // a country after the first part has no GDELT field
		case kind == "type":
			if nt < len(p.types) {
				p.types[nt] = part
				nt++
			}
		case kind == "religion":
			if nr < len(p.religion) {
				p.religion[nr] = part
				nr++
			}
		default:
			if p.group == "" {
				p.group = part
			}
		}
	}
	return p
}
