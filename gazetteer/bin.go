package gazetteer

import (
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/internal/bincodec"
)

// gazetteerBin is Build's result on the source tables beside this file, as MarshalBinary
// writes it. Load reads it without parsing the tables: the name index (most of its
// bytes) is read in place, and the places are decoded in one pass. A test fails when it is
// stale; `go run ./gazetteer/genbin` rewrites it.
//
//go:embed gazetteer.bin
var gazetteerBin string

// binMagic starts gazetteer.bin and names its layout; change it with the layout.
const binMagic = "tocsin gazetteer 2\n"

// Load returns the embedded gazetteer. It takes a few milliseconds: load once and share
// the result.
func Load() (*Gazetteer, error) {
	g, err := unmarshal(gazetteerBin)
	if err != nil {
		return nil, fmt.Errorf("gazetteer.bin: %w", err)
	}
	return g, nil
}

// MarshalBinary writes g in the layout Load reads: a header, the places, the countries
// and the small tables as varint-prefixed fields, then the name index as fixed-width
// arrays (see Gazetteer). The output depends only on g: maps are written in key order.
func (g *Gazetteer) MarshalBinary() ([]byte, error) {
	w := &bincodec.Writer{B: []byte(binMagic)}
	str := w.String
	num := func(v int) { w.Uvarint(uint64(v)) }
	// Codes and feature names repeat; they are written once and referred to by number.
	var common []string
	ref := map[string]int{}
	for _, p := range g.places {
		for _, s := range []string{p.Country, p.Admin1, p.Feature} {
			if _, ok := ref[s]; !ok {
				ref[s] = len(common)
				common = append(common, s)
			}
		}
	}
	num(len(common))
	for _, s := range common {
		str(s)
	}
	num(len(g.places))
	for _, p := range g.places {
		if p.GeonameID < 0 || p.Population < 0 {
			return nil, fmt.Errorf("place %q: negative id or population", p.Name)
		}
		str(p.Name)
		num(int(p.Kind))
		num(ref[p.Country])
		num(ref[p.Admin1])
		num(ref[p.Feature])
		w.Uint64(math.Float64bits(p.Lat))
		w.Uint64(math.Float64bits(p.Lon))
		num(p.GeonameID)
		num(p.Population)
	}
	num(len(g.countries))
	for _, c := range g.countries {
		str(c.Alpha2)
		str(c.Alpha3)
		str(c.Name)
		str(c.Capital)
		num(len(c.Demonyms))
		for _, d := range c.Demonyms {
			str(d)
		}
		num(c.place)
	}
	for _, m := range []map[string]int{g.byCode, g.byName, g.byDemonym, g.admin1} {
		num(len(m))
		for _, k := range slices.Sorted(maps.Keys(m)) {
			str(k)
			num(m[k])
		}
	}
	num(len(g.adminName))
	for _, k := range slices.Sorted(maps.Keys(g.adminName)) {
		str(k)
		str(g.adminName[k])
	}
	num(len(g.regionNames))
	for _, s := range g.regionNames {
		str(s)
	}
	str(g.keys)
	str(g.offs)
	str(g.posts)
	str(g.dir)
	return w.B, nil
}

// unmarshal reads what MarshalBinary wrote. Strings are slices of bin, not copies.
func unmarshal(bin string) (*Gazetteer, error) {
	if !strings.HasPrefix(bin, binMagic) {
		return nil, errors.New("not a gazetteer, or another layout (bad header)")
	}
	r := bincodec.StringReader(bin, len(binMagic))
	common := make([]string, r.Count())
	for i := range common {
		common[i] = r.String()
	}
	at := func() string {
		i := r.Index(len(common))
		if r.Err() != nil {
			return ""
		}
		return common[i]
	}
	g := &Gazetteer{places: make([]Place, r.Count())}
	for i := range g.places {
		p := &g.places[i]
		p.Name = r.String()
		p.Kind = Kind(r.Uvarint())
		p.Country, p.Admin1, p.Feature = at(), at(), at()
		p.Lat = math.Float64frombits(r.Uint64())
		p.Lon = math.Float64frombits(r.Uint64())
		p.GeonameID = int(r.Uvarint())
		p.Population = int(r.Uvarint())
	}
	g.countries = make([]CountryInfo, r.Count())
	for i := range g.countries {
		c := &g.countries[i]
		c.Alpha2, c.Alpha3, c.Name, c.Capital = r.String(), r.String(), r.String(), r.String()
		if n := r.Count(); n > 0 {
			c.Demonyms = make([]string, n)
			for k := range c.Demonyms {
				c.Demonyms[k] = r.String()
			}
		}
		c.place = r.Index(len(g.places))
		if r.Err() == nil {
			c.Place = &g.places[c.place]
		}
	}
	tables := make([]map[string]int, 4)
	for t, limit := range []int{len(g.countries), len(g.countries), len(g.countries), len(g.places)} {
		n := r.Count()
		m := make(map[string]int, n)
		for range n {
			k := r.String()
			m[k] = r.Index(limit)
		}
		tables[t] = m
	}
	g.byCode, g.byName, g.byDemonym, g.admin1 = tables[0], tables[1], tables[2], tables[3]
	n := r.Count()
	g.adminName = make(map[string]string, n)
	for range n {
		k := r.String()
		g.adminName[k] = r.String()
	}
	if n := r.Count(); n > 0 {
		g.regionNames = make([]string, n)
		for i := range g.regionNames {
			g.regionNames[i] = r.String()
		}
	}
	g.keys, g.offs, g.posts, g.dir = r.String(), r.String(), r.String(), r.String()
	if err := r.End(); err != nil {
		return nil, err
	}
	if err := g.checkIndex(); err != nil {
		return nil, err
	}
	return g, nil
}

// checkIndex checks the sizes of the name index and that its offsets and postings stay
// inside it, so that a probe cannot go out of range.
func (g *Gazetteer) checkIndex() error {
	if len(g.keys)%8 != 0 || len(g.offs)%4 != 0 || len(g.posts)%4 != 0 || len(g.keys)/8 != len(g.offs)/4 ||
		len(g.dir) != 4*(1<<dirBits+1) {
		return errors.New("name index: arrays of inconsistent sizes")
	}
	for p := range 1 << dirBits {
		if a, b := u32(g.dir, p), u32(g.dir, p+1); a > b || int(b) > len(g.keys)/8 {
			return errors.New("name index: directory out of order or range")
		}
	}
	nposts := len(g.posts) / 4
	for i := range len(g.offs) / 4 {
		off := int(u32(g.offs, i))
		if off >= nposts || off+1+int(u32(g.posts, off)) > nposts {
			return fmt.Errorf("name index: postings of key %d out of range", i)
		}
	}
	return nil
}
