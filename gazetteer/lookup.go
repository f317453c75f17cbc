package gazetteer

import (
	"strings"
	"unicode"

	"github.com/tocsin-project/tocsin/gazetteer/internal/fold"
	"github.com/tocsin-project/tocsin/internal/fhash"
)

// Lookup returns the places named name, trying the exact key, then the key without a
// leading Arabic article, then the transliteration skeleton, and returning the matches
// of the first level that has any. Each level is one map probe.
func (g *Gazetteer) Lookup(name string) []Match {
	return g.LookupKey(fold.Key(name))
}

// LookupKey is Lookup for a key already made by Normalize.
func (g *Gazetteer) LookupKey(key string) []Match {
	if key == "" {
		return nil
	}
	if m := g.probe(key, Exact, nil); len(m) > 0 {
		return m
	}
	if m := g.probe(fold.StripArticle(key), Exact|Article, nil); len(m) > 0 {
		return m
	}
	return g.probe(fold.Skeleton(key), Exact|Article|Skeletal, nil)
}

// probe appends the places indexed under key at one of the levels in want.
func (g *Gazetteer) probe(key string, want Level, out []Match) []Match {
	h := fhash.String(key)
	n := len(g.keys) / 8
	top := int(h >> (64 - dirBits))
	lo, hi := int(u32(g.dir, top)), int(u32(g.dir, top+1))
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if u64(g.keys, m) < h {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo >= n || u64(g.keys, lo) != h {
		return out
	}
	off := int(u32(g.offs, lo))
	level := Exact
	switch {
	case want&Skeletal != 0:
		level = Skeletal
	case want&Article != 0:
		level = Article
	}
	for k := range int(u32(g.posts, off)) {
		if v := u32(g.posts, off+1+k); Level(v&7)&want != 0 {
			out = append(out, Match{Place: g.place(int(v >> 4)), Level: level, Main: Level(v)&main != 0})
		}
	}
	return out
}

// u64 returns the i-th little-endian uint64 of s.
func u64(s string, i int) uint64 {
	s = s[8*i : 8*i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// u32 returns the i-th little-endian uint32 of s.
func u32(s string, i int) uint32 {
	s = s[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// Country finds a country by name ("Iran", "Islamic Republic of Iran", "United States",
// "America"), alias ("U.S.", "UK"), demonym ("Iranian", "British") or, when written in
// capitals, ISO alpha-2 or alpha-3 code ("IR", "IRN", "US").
func (g *Gazetteer) Country(s string) (*CountryInfo, bool) {
	if c, ok := g.countryCode(s); ok {
		return c, true
	}
	k := fold.Key(s)
	if i, ok := g.byName[k]; ok {
		return &g.countries[i], true
	}
	if i, ok := g.byDemonym[k]; ok {
		return &g.countries[i], true
	}
	return nil, false
}

// CountryName finds a country by name or alias only, not by demonym or code.
func (g *Gazetteer) CountryName(s string) (*CountryInfo, bool) {
	i, ok := g.byName[fold.Key(s)]
	if !ok {
		return nil, false
	}
	return &g.countries[i], true
}

// Demonym finds the country of a demonym or nationality adjective: "Iranian", "Iranians",
// "American", "British".
func (g *Gazetteer) Demonym(s string) (*CountryInfo, bool) {
	i, ok := g.byDemonym[fold.Key(s)]
	if !ok {
		return nil, false
	}
	return &g.countries[i], true
}

// CountryByCode finds a country by ISO alpha-2 or alpha-3 code in any case ("ir", "IRN").
func (g *Gazetteer) CountryByCode(code string) (*CountryInfo, bool) {
	i, ok := g.byCode[strings.ToUpper(code)]
	if !ok {
		return nil, false
	}
	return &g.countries[i], true
}

// countryCode accepts a code only in capitals, full stops allowed ("US", "U.S.", "IRN"),
// so that words such as "in" or "at" are never read as codes.
func (g *Gazetteer) countryCode(s string) (*CountryInfo, bool) {
	code := strings.ReplaceAll(strings.TrimSpace(s), ".", "")
	if len(code) != 2 && len(code) != 3 {
		return nil, false
	}
	for _, r := range code {
		if !unicode.IsUpper(r) || r > unicode.MaxASCII {
			return nil, false
		}
	}
	return g.CountryByCode(code)
}

// Countries returns every country, sorted by alpha-3 code.
func (g *Gazetteer) Countries() []CountryInfo { return g.countries }

// AdminName returns the English name of a first-level division code ("IR.29" →
// "Kerman"), or "" when the data has none.
func (g *Gazetteer) AdminName(code string) string { return g.adminName[code] }

// Admin returns the division with a GeoNames code, or nil.
func (g *Gazetteer) Admin(code string) *Place {
	i, ok := g.admin1[code]
	if !ok {
		return nil
	}
	return g.place(i)
}

// RegionNames returns every name and alias of the hand-written regions, seas and
// landmarks, for stages that look for them in text.
func (g *Gazetteer) RegionNames() []string { return g.regionNames }
