package gazetteer

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/tocsin-project/tocsin/gazetteer/internal/fold"
	"github.com/tocsin-project/tocsin/internal/fhash"
)

// builder accumulates the data while Load parses it.
type builder struct {
	g     *Gazetteer
	pairs []pair
	keys  []keyMask // scratch for one place's keys
	// Generated country names and demonyms may name several countries ("Congo",
	// "Dominican"); the most populous wins unless aliases.tsv says otherwise.
	nameCands, demCands map[string][]int
	handName, handDem   map[string]bool
	alpha3              map[string]string // alpha-2 → alpha-3
}

type pair struct {
	h uint64
	v uint32
}

type keyMask struct {
	key  string
	mask Level
}

func newBuilder() *builder {
	return &builder{
		g: &Gazetteer{
			places: make([]Place, 0, 1<<18),
			byCode: map[string]int{}, byName: map[string]int{}, byDemonym: map[string]int{},
			admin1: map[string]int{}, adminName: map[string]string{},
		},
		// Capacities fit the shipped data, saving the copies of growing slices.
		pairs:     make([]pair, 0, 1<<21),
		nameCands: map[string][]int{}, demCands: map[string][]int{},
		handName: map[string]bool{}, handDem: map[string]bool{},
		alpha3: map[string]string{},
	}
}

// add appends p and indexes it under its names.
func (b *builder) add(p Place, names ...string) int {
	i := len(b.g.places)
	b.g.places = append(b.g.places, p)
	b.index(i, true, names...)
	return i
}

// index adds names of place i at every level; the first is its main name if isMain.
func (b *builder) index(i int, isMain bool, names ...string) {
	b.keys = b.keys[:0]
	put := func(k string, m Level) {
		if k == "" {
			return
		}
		for j := range b.keys {
			if b.keys[j].key == k {
				b.keys[j].mask |= m
				return
			}
		}
		b.keys = append(b.keys, keyMask{k, m})
	}
	for j, n := range names {
		k := fold.Key(n)
		m := Level(0)
		if j == 0 && isMain {
			m = main
		}
		put(k, Exact|m)
		put(fold.StripArticle(k), Article|m)
		put(fold.Skeleton(k), Skeletal|m)
	}
	for _, km := range b.keys {
		b.pairs = append(b.pairs, pair{fhash.String(km.key), uint32(i)<<4 | uint32(km.mask)})
	}
}

func (b *builder) countries(name, src string) error {
	return lines(name, strings.NewReader(src), 8, func(c []string) error {
		lat, lon, err := parseLatLon(c[3], c[4])
		if err != nil {
			return err
		}
		if len(c[0]) != 2 || len(c[1]) != 3 {
			return fmt.Errorf("bad codes %q, %q", c[0], c[1])
		}
		all := append([]string{c[2]}, names(c[7])...)
		pi := b.add(Place{Name: c[2], Kind: Country, Country: c[1], Lat: lat, Lon: lon, Feature: "PCLI"}, all...)
		ci := len(b.g.countries)
		b.g.countries = append(b.g.countries, CountryInfo{
			Alpha2: c[0], Alpha3: c[1], Name: c[2], Capital: c[5], Demonyms: names(c[6]), place: pi,
		})
		b.alpha3[c[0]] = c[1]
		b.g.byCode[c[0]], b.g.byCode[c[1]] = ci, ci
		for _, n := range all {
			b.nameCands[fold.Key(n)] = appendNew(b.nameCands[fold.Key(n)], ci)
		}
		for _, d := range withPlurals(names(c[6])) {
			b.demCands[fold.Key(d)] = appendNew(b.demCands[fold.Key(d)], ci)
		}
		return nil
	})
}

// aliases reads "name|demonym<TAB>alpha-3<TAB>a|b|c" lines written by hand. They win over
// the generated names.
func (b *builder) aliases(name, src string) error {
	return lines(name, strings.NewReader(src), 3, func(c []string) error {
		ci := -1
		for i := range b.g.countries {
			if b.g.countries[i].Alpha3 == c[1] {
				ci = i
			}
		}
		if ci < 0 {
			return fmt.Errorf("unknown country %q", c[1])
		}
		list := names(c[2])
		switch c[0] {
		case "name":
			for _, n := range list {
				b.g.byName[fold.Key(n)], b.handName[fold.Key(n)] = ci, true
			}
			b.index(b.g.countries[ci].place, false, list...)
		case "demonym":
			for _, d := range withPlurals(list) {
				b.g.byDemonym[fold.Key(d)], b.handDem[fold.Key(d)] = ci, true
			}
			b.g.countries[ci].Demonyms = append(b.g.countries[ci].Demonyms, list...)
		default:
			return fmt.Errorf("kind %q: want name or demonym", c[0])
		}
		return nil
	})
}

// withPlurals adds the plural of each demonym that takes one ("Iranian" → "Iranians");
// those ending in -ese, -sh, -ch or -s do not ("Chinese", "British", "Dutch", "Swiss").
func withPlurals(list []string) []string {
	out := slices.Clone(list)
	for _, d := range list {
		if d == "" || strings.Contains(d, " ") {
			continue
		}
		switch d[len(d)-1] {
		case 'e', 'h', 's', 'x', 'z':
			continue
		}
		out = append(out, d+"s")
	}
	return out
}

func appendNew(list []int, i int) []int {
	if slices.Contains(list, i) {
		return list
	}
	return append(list, i)
}

func (b *builder) cities(name string, r io.Reader) error {
	return lines(name, r, 9, func(c []string) error {
		id, err := strconv.Atoi(c[0])
		if err != nil {
			return fmt.Errorf("bad geonameid %q", c[0])
		}
		lat, lon, err := parseLatLon(c[3], c[4])
		if err != nil {
			return err
		}
		pop, err := strconv.Atoi(c[8])
		if err != nil {
			return fmt.Errorf("bad population %q", c[8])
		}
		a3 := b.alpha3[c[5]]
		if a3 == "" {
			return fmt.Errorf("unknown country code %q", c[5])
		}
		adm := ""
		if c[6] != "" {
			adm = c[5] + "." + c[6]
		}
		p := Place{Name: c[1], Kind: City, Country: a3, Admin1: adm, Lat: lat, Lon: lon, GeonameID: id, Population: pop, Feature: c[7]}
		if c[2] == "" {
			b.add(p, c[1])
		} else {
			b.add(p, append([]string{c[1]}, names(c[2])...)...)
		}
		return nil
	})
}

func (b *builder) divisions(name, src string) error {
	return lines(name, strings.NewReader(src), 6, func(c []string) error {
		lat, lon, err := parseLatLon(c[3], c[4])
		if err != nil {
			return err
		}
		pop, err := strconv.Atoi(c[5])
		if err != nil {
			return fmt.Errorf("bad population %q", c[5])
		}
		cc, _, ok := strings.Cut(c[0], ".")
		if !ok || b.alpha3[cc] == "" {
			return fmt.Errorf("bad division code %q", c[0])
		}
		list := names(c[1])
		p := Place{Name: c[0], Kind: Admin1, Country: b.alpha3[cc], Admin1: c[0], Lat: lat, Lon: lon, Population: pop, Feature: "ADM1"}
		if len(list) > 0 {
			p.Name = list[0]
			b.g.adminName[c[0]] = list[0]
		}
		b.g.admin1[c[0]] = b.add(p, list...)
		return nil
	})
}

// subdivisions reads "ISO<TAB>names<TAB>type<TAB>lat<TAB>lon<TAB>admin1<TAB>population"
// lines: ISO 3166-2 subdivisions that are no GeoNames first-level division (counties,
// departments, island regions). Each is a division place of feature ADMD whose Admin1 is
// the GeoNames division that holds it.
func (b *builder) subdivisions(name, src string) error {
	return lines(name, strings.NewReader(src), 7, func(c []string) error {
		lat, lon, err := parseLatLon(c[3], c[4])
		if err != nil {
			return err
		}
		pop, err := strconv.Atoi(c[6])
		if err != nil {
			return fmt.Errorf("bad population %q", c[6])
		}
		cc, _, ok := strings.Cut(c[0], "-")
		if !ok || b.alpha3[cc] == "" {
			return fmt.Errorf("bad ISO 3166-2 code %q", c[0])
		}
		list := names(c[1])
		if len(list) == 0 {
			return errors.New("want names")
		}
		if c[5] != "" && !strings.HasPrefix(c[5], cc+".") {
			return fmt.Errorf("division %q is not in %s", c[5], cc)
		}
		b.add(Place{Name: list[0], Kind: Admin1, Country: b.alpha3[cc], Admin1: c[5], Lat: lat, Lon: lon, Population: pop, Feature: "ADMD"}, list...)
		return nil
	})
}

// regions reads "names<TAB>alpha-3 or empty<TAB>lat<TAB>lon<TAB>feature" lines.
func (b *builder) regions(name, src string) error {
	return lines(name, strings.NewReader(src), 5, func(c []string) error {
		lat, lon, err := parseLatLon(c[2], c[3])
		if err != nil {
			return err
		}
		if _, ok := b.g.byCode[c[1]]; c[1] != "" && (!ok || len(c[1]) != 3) {
			return fmt.Errorf("unknown country %q", c[1])
		}
		list := names(c[0])
		if len(list) == 0 || c[4] == "" {
			return errors.New("want names and a feature")
		}
		b.g.regionNames = append(b.g.regionNames, list...)
		b.add(Place{Name: list[0], Kind: Region, Country: c[1], Lat: lat, Lon: lon, Feature: c[4]}, list...)
		return nil
	})
}

// finish settles country populations and ambiguous country names, and lays out the index.
func (b *builder) finish() *Gazetteer {
	g := b.g
	for i := range g.countries {
		g.countries[i].Place = &g.places[g.countries[i].place]
	}
	pop := map[string]int{}
	for i := range g.places {
		if p := &g.places[i]; p.Kind == City {
			pop[p.Country] += p.Population
		}
	}
	for i := range g.places {
		if p := &g.places[i]; p.Kind == Country {
			p.Population = pop[p.Country]
		}
	}
	settle := func(cands map[string][]int, dst map[string]int, hand map[string]bool) {
		for k, list := range cands {
			if hand[k] {
				continue
			}
			dst[k] = slices.MaxFunc(list, func(a, b int) int {
				return cmp.Compare(g.countries[a].Place.Population, g.countries[b].Place.Population)
			})
		}
	}
	settle(b.nameCands, g.byName, b.handName)
	settle(b.demCands, g.byDemonym, b.handDem)

	slices.SortFunc(b.pairs, func(x, y pair) int { return cmp.Or(cmp.Compare(x.h, y.h), cmp.Compare(x.v, y.v)) })
	var keys, offs []byte
	postings := make([]uint32, 0, len(b.pairs)*3/2)
	for i := 0; i < len(b.pairs); {
		j := i + 1
		for j < len(b.pairs) && b.pairs[j].h == b.pairs[i].h {
			j++
		}
		keys = binary.LittleEndian.AppendUint64(keys, b.pairs[i].h)
		offs = binary.LittleEndian.AppendUint32(offs, uint32(len(postings)))
		at := len(postings)
		postings = append(postings, 0)
		for _, p := range b.pairs[i:j] {
			// A place indexed twice under one key (a country and its aliases) is one
			// posting with both masks.
			if last := len(postings) - 1; last > at && postings[last]>>4 == p.v>>4 {
				postings[last] |= p.v & 15
				continue
			}
			postings = append(postings, p.v)
		}
		postings[at] = uint32(len(postings) - at - 1)
		i = j
	}
	posts := make([]byte, 0, 4*len(postings))
	for _, v := range postings {
		posts = binary.LittleEndian.AppendUint32(posts, v)
	}
	g.keys, g.offs, g.posts = string(keys), string(offs), string(posts)
	g.dir = keyDirectory(g.keys)
	b.pairs = nil
	return g
}

// dirBits is the number of a hash's top bits that keyDirectory indexes.
const dirBits = 16

// keyDirectory returns, for each value p of a hash's top dirBits bits and one more, the
// index of the first key in keys (sorted hashes) whose top bits are p or more, as
// little-endian uint32s: a probe searches only between two neighbours.
func keyDirectory(keys string) string {
	n := len(keys) / 8
	dir := make([]byte, 0, 4*(1<<dirBits+1))
	i := 0
	for p := range uint64(1<<dirBits + 1) {
		for i < n && u64(keys, i)>>(64-dirBits) < p {
			i++
		}
		dir = binary.LittleEndian.AppendUint32(dir, uint32(i))
	}
	return string(dir)
}
