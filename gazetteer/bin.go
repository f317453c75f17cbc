package gazetteer

import (
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

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
const binMagic = "tocsin gazetteer 3\n"

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
// arrays (see Gazetteer), then where each place's record starts, so that Load can decode
// a place when it is first asked for. The output depends only on g: maps are written in
// key order.
func (g *Gazetteer) MarshalBinary() ([]byte, error) {
	for i := range g.Len() {
		g.place(i) // a loaded gazetteer's places, decoded
	}
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
	// Places, each a record of varints and fixed-width numbers; the section is preceded by
	// its length, and the records' offsets in it are written at the end.
	recs := &bincodec.Writer{}
	offsets := &bincodec.Writer{}
	for _, p := range g.places {
		if p.GeonameID < 0 || p.Population < 0 {
			return nil, fmt.Errorf("place %q: negative id or population", p.Name)
		}
		offsets.Uint32(uint32(len(recs.B)))
		recs.String(p.Name)
		recs.Uvarint(uint64(p.Kind))
		recs.Uvarint(uint64(ref[p.Country]))
		recs.Uvarint(uint64(ref[p.Admin1]))
		recs.Uvarint(uint64(ref[p.Feature]))
		recs.Uint64(math.Float64bits(p.Lat))
		recs.Uint64(math.Float64bits(p.Lon))
		recs.Uvarint(uint64(p.GeonameID))
		recs.Uvarint(uint64(p.Population))
	}
	if len(recs.B) > math.MaxUint32 {
		return nil, errors.New("places: more than 4 GB of records")
	}
	offsets.Uint32(uint32(len(recs.B)))
	num(len(g.places))
	num(len(recs.B))
	w.B = append(w.B, recs.B...)
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
	str(string(offsets.B))
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
	nPlaces, size := r.Count(), r.Count()
	start := r.Offset()
	r.Bytes(size)
	if err := r.Err(); err != nil {
		return nil, err
	}
	// The places are decoded when first asked for (place): 200,000 of them at every start
	// took more CPU than all the rest of the gazetteer.
	g := &Gazetteer{places: make([]Place, nPlaces)}
	g.lazy = &lazyPlaces{recs: bin[start : start+size], common: common, state: make([]atomic.Uint32, nPlaces)}
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
	offs := r.String()
	if err := r.End(); err != nil {
		return nil, err
	}
	if err := g.lazy.check(offs, nPlaces); err != nil {
		return nil, err
	}
	for i := range g.countries {
		g.countries[i].Place = g.place(g.countries[i].place)
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

// lazyPlaces decodes a loaded gazetteer's places from their records, each when it is
// first asked for.
type lazyPlaces struct {
	recs   string // the records
	offs   string // n+1 little-endian uint32s: where each record starts in recs, then its end
	common []string
	state  []atomic.Uint32 // 1 once a place is decoded
	mu     sync.Mutex      // held while decoding
}

// check checks the records' offsets and keeps them.
func (l *lazyPlaces) check(offs string, n int) error {
	if len(offs) != 4*(n+1) {
		return errors.New("place offsets corrupt: wrong size")
	}
	prev := uint32(0)
	for i := range n + 1 {
		o := u32(offs, i)
		if o < prev || int(o) > len(l.recs) || i == n && int(o) != len(l.recs) {
			return fmt.Errorf("place offsets corrupt: record %d out of order or range", i)
		}
		prev = o
	}
	l.offs = offs
	return nil
}

// place returns place i, decoding it first if it is not yet.
func (g *Gazetteer) place(i int) *Place {
	if l := g.lazy; l != nil && l.state[i].Load() == 0 {
		l.decode(g.places, i)
	}
	return &g.places[i]
}

// decode decodes record i into places[i]. A damaged record leaves fields empty.
func (l *lazyPlaces) decode(places []Place, i int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.state[i].Load() != 0 {
		return
	}
	r := bincodec.StringReader(l.recs[u32(l.offs, i):u32(l.offs, i+1)], 0)
	at := func() string {
		if k := r.Index(len(l.common)); r.Err() == nil {
			return l.common[k]
		}
		return ""
	}
	p := &places[i]
	p.Name = r.String()
	p.Kind = Kind(r.Uvarint())
	p.Country, p.Admin1, p.Feature = at(), at(), at()
	p.Lat = math.Float64frombits(r.Uint64())
	p.Lon = math.Float64frombits(r.Uint64())
	p.GeonameID = int(r.Uvarint())
	p.Population = int(r.Uvarint())
	l.state[i].Store(1)
}
