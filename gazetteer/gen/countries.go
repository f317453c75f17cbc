package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/tocsin-project/tocsin/gazetteer/internal/fold"
)

// country is one line of countries.tsv.
type country struct {
	Alpha2, Alpha3 string
	Name           string // common English name
	Lat, Lon       float64
	Capital        string
	Demonyms       []string
	Names          []string // other English names and spellings, Latin script
}

type worldCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string    `json:"cca2"`
	CCA3         string    `json:"cca3"`
	Capital      []string  `json:"capital"`
	AltSpellings []string  `json:"altSpellings"`
	LatLng       []float64 `json:"latlng"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// readCountries reads world-countries (names, capitals, centroids, demonyms) and adds the
// English names of i18n-iso-countries, checking that both agree on the alpha-3 codes.
func readCountries(worldPath, i18nPath, codesPath string) ([]country, error) {
	var world []worldCountry
	if err := readJSON(worldPath, &world); err != nil {
		return nil, err
	}
	var i18n struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(i18nPath, &i18n); err != nil {
		return nil, err
	}
	var codes [][]string
	if err := readJSON(codesPath, &codes); err != nil {
		return nil, err
	}
	iso3 := map[string]string{}
	for _, c := range codes {
		if len(c) >= 2 {
			iso3[c[0]] = c[1]
		}
	}
	var out []country
	for _, w := range world {
		c := country{Alpha2: w.CCA2, Alpha3: w.CCA3, Name: w.Name.Common}
		if c.Alpha2 == "XK" {
			// Kosovo has no ISO 3166 code; XKX is the user-assigned code in common use.
			c.Alpha3 = "XKX"
		} else if a3 := iso3[c.Alpha2]; a3 != c.Alpha3 {
			return nil, fmt.Errorf("%s: %s is %s but %s says %q", worldPath, c.Alpha2, c.Alpha3, codesPath, a3)
		}
		if len(w.LatLng) == 2 {
			c.Lat, c.Lon = w.LatLng[0], w.LatLng[1]
		}
		if len(w.Capital) > 0 {
			c.Capital = w.Capital[0]
		}
		if d, ok := w.Demonyms["eng"]; ok {
			c.Demonyms = addName(c.Demonyms, d.M)
			c.Demonyms = addName(c.Demonyms, d.F)
		}
		names := []string{w.Name.Official}
		names = append(names, w.AltSpellings...)
		if raw, ok := i18n.Countries[c.Alpha2]; ok {
			var one string
			var many []string
			if json.Unmarshal(raw, &one) == nil {
				names = append(names, one)
			} else if err := json.Unmarshal(raw, &many); err == nil {
				names = append(names, many...)
			} else {
				return nil, fmt.Errorf("%s: %s: %v", i18nPath, c.Alpha2, err)
			}
		}
		for _, n := range names {
			if usableName(n) && fold.Key(n) != fold.Key(c.Name) {
				c.Names = addName(c.Names, n)
			}
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b country) int { return strings.Compare(a.Alpha3, b.Alpha3) })
	return out, nil
}

// usableName keeps Latin-script names and drops codes ("IR", "USA"): abbreviations that
// news writers use are listed by hand in aliases.tsv instead.
func usableName(n string) bool {
	if n == "" || !latin(n) {
		return false
	}
	return !isCode(n)
}

// isCode reports whether n is a short all-capitals code such as "IR", "KER" or "U.S.A.".
func isCode(n string) bool {
	letters := 0
	for _, r := range n {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == ' ':
		default:
			return false
		}
	}
	return letters <= 4
}

// latin reports whether every letter of s is Latin.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// addName appends n unless a name with the same key is already there.
func addName(list []string, n string) []string {
	if n == "" {
		return list
	}
	k := fold.Key(n)
	for _, x := range list {
		if fold.Key(x) == k {
			return list
		}
	}
	return append(list, n)
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
