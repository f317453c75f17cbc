package gazetteer

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
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
	w := []byte(binMagic)
	str := func(s string) {
		w = binary.AppendUvarint(w, uint64(len(s)))
		w = append(w, s...)
	}
	num := func(v int) { w = binary.AppendUvarint(w, uint64(v)) }
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
		w = binary.LittleEndian.AppendUint64(w, math.Float64bits(p.Lat))
		w = binary.LittleEndian.AppendUint64(w, math.Float64bits(p.Lon))
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
	return w, nil
}

// unmarshal reads what MarshalBinary wrote. Strings are slices of bin, not copies.
func unmarshal(bin string) (*Gazetteer, error) {
	r := &binReader{s: bin}
	if r.take(len(binMagic)) != binMagic {
		return nil, errors.New("not a gazetteer, or another layout (bad header)")
	}
	common := make([]string, r.count())
	for i := range common {
		common[i] = r.str()
	}
	at := func() string {
		i := r.num()
		if i >= uint64(len(common)) {
			r.fail()
			return ""
		}
		return common[i]
	}
	g := &Gazetteer{places: make([]Place, r.count())}
	for i := range g.places {
		p := &g.places[i]
		p.Name = r.str()
		p.Kind = Kind(r.num())
		p.Country, p.Admin1, p.Feature = at(), at(), at()
		p.Lat = math.Float64frombits(r.u64())
		p.Lon = math.Float64frombits(r.u64())
		p.GeonameID = int(r.num())
		p.Population = int(r.num())
	}
	g.countries = make([]CountryInfo, r.count())
	for i := range g.countries {
		c := &g.countries[i]
		c.Alpha2, c.Alpha3, c.Name, c.Capital = r.str(), r.str(), r.str(), r.str()
		if n := r.count(); n > 0 {
			c.Demonyms = make([]string, n)
			for k := range c.Demonyms {
				c.Demonyms[k] = r.str()
			}
		}
		c.place = r.index(len(g.places))
		if r.err == nil {
			c.Place = &g.places[c.place]
		}
	}
	tables := make([]map[string]int, 4)
	for t, limit := range []int{len(g.countries), len(g.countries), len(g.countries), len(g.places)} {
		n := r.count()
		m := make(map[string]int, n)
		for range n {
			k := r.str()
			m[k] = r.index(limit)
		}
		tables[t] = m
	}
	g.byCode, g.byName, g.byDemonym, g.admin1 = tables[0], tables[1], tables[2], tables[3]
	n := r.count()
	g.adminName = make(map[string]string, n)
	for range n {
		k := r.str()
		g.adminName[k] = r.str()
	}
	if n := r.count(); n > 0 {
		g.regionNames = make([]string, n)
		for i := range g.regionNames {
			g.regionNames[i] = r.str()
		}
	}
	g.keys, g.offs, g.posts, g.dir = r.str(), r.str(), r.str(), r.str()
	if r.err != nil {
		return nil, r.err
	}
	if len(r.s) != r.at {
		return nil, fmt.Errorf("%d bytes after the data", len(r.s)-r.at)
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

// binReader reads gazetteer.bin's fields; the first error sticks and later reads return
// zero values.
type binReader struct {
	s   string
	at  int
	err error
}

func (r *binReader) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("truncated or corrupt at byte %d", r.at)
	}
}

func (r *binReader) take(n int) string {
	if r.err != nil || n < 0 || n > len(r.s)-r.at {
		r.fail()
		return ""
	}
	s := r.s[r.at : r.at+n]
	r.at += n
	return s
}

func (r *binReader) num() uint64 {
	if r.err != nil {
		return 0
	}
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if r.at >= len(r.s) {
			break
		}
		c := r.s[r.at]
		r.at++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.fail()
	return 0
}

// count reads a number of items, each at least one byte long.
func (r *binReader) count() int {
	n := r.num()
	if n > uint64(len(r.s)-r.at) {
		r.fail()
		return 0
	}
	return int(n)
}

// index reads an index below limit.
func (r *binReader) index(limit int) int {
	i := r.num()
	if i >= uint64(limit) {
		r.fail()
		return 0
	}
	return int(i)
}

func (r *binReader) str() string { return r.take(r.count()) }

func (r *binReader) u64() uint64 {
	s := r.take(8)
	if s == "" {
		return 0
	}
	return u64(s, 0)
}
