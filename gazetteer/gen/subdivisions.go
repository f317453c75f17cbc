package main

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/tocsin-project/tocsin/gazetteer/internal/fold"
)

// subdivision is one ISO 3166-2 subdivision of any level (a Chinese province, an Irish
// county, a French department), with the rough centre that countrystatecity gives it.
// GeoNames' cities file knows only first-level codes, and names none of them; these fill
// both gaps: they name GeoNames divisions that CLDR's seat names did not reach, and
// the others (second-level units, island regions) become places of their own.
type subdivision struct {
	ISO        string   // "IE-CO"
	Country    string   // ISO alpha-2
	Type       string   // countrystatecity's type: "province", "county", "autonomous region"...
	Names      []string // English first (CLDR), then countrystatecity's name and native name
	Lat, Lon   float64  // a rough centre
	Admin1     string   // the GeoNames division holding the centre ("IE.M"), "" when unknown
	Population int      // the places of its GeoNames division nearer it than its peers'
}

// csState is the part of a countrystatecity states.json entry that gen reads.
type csState struct {
	Name      string `json:"name"`
	Country   string `json:"country_code"`
	ISO       string `json:"iso3166_2"`
	Type      string `json:"type"`
	Latitude  string `json:"latitude"`
	Longitude string `json:"longitude"`
	Native    string `json:"native"`
}

// genericWords are words that, alone or together, make a subdivision name that ordinary
// prose uses as a common word ("Central", "Western", "North East", "Capital"): such names
// are left out, as the places stage would take them for places.
var genericWords = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "central": true, "centre": true,
	"center": true, "northern": true, "southern": true, "eastern": true, "western": true,
	"capital": true, "upper": true, "lower": true, "middle": true, "coast": true, "coastal": true,
	"island": true, "islands": true, "city": true, "federal": true, "national": true, "new": true,
	"interior": true, "highlands": true, "lakes": true, "lake": true, "valley": true,
	"north-east": true, "north-west": true, "south-east": true, "south-west": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true,
}

// generic reports whether a name is made only of genericWords and division words.
func generic(name string) bool {
	for _, w := range strings.Fields(divisionKey(name)) {
		if !genericWords[w] {
			return false
		}
	}
	return true
}

// readSubdivisionPoints reads every countrystatecity dist/data/*/states.json under dir,
// with English names from CLDR (subdivs, keyed "ieco") where it has them.
func readSubdivisionPoints(dir string, subdivs map[string]string) ([]subdivision, error) {
	files, err := filepath.Glob(filepath.Join(dir, "dist", "data", "*", "states.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no dist/data/*/states.json", dir)
	}
	slices.Sort(files)
	var out []subdivision
	for _, f := range files {
		var states []csState
		if err := readJSON(f, &states); err != nil {
			return nil, err
		}
		for _, s := range states {
			cc, code, ok := strings.Cut(s.ISO, "-")
			if !ok || len(cc) != 2 || cc != s.Country || s.Latitude == "" || s.Longitude == "" {
				continue
			}
			lat, err1 := strconv.ParseFloat(s.Latitude, 64)
			lon, err2 := strconv.ParseFloat(s.Longitude, 64)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("%s: %s: bad coordinates %q, %q", f, s.ISO, s.Latitude, s.Longitude)
			}
			d := subdivision{ISO: s.ISO, Country: cc, Type: s.Type, Lat: round(lat, 3), Lon: round(lon, 3)}
			for _, n := range []string{subdivs[strings.ToLower(cc+code)], s.Name, s.Native} {
				n = strings.TrimSpace(n)
				if n == "" || !latin(n) || generic(n) || slices.ContainsFunc(d.Names, func(m string) bool { return fold.Key(m) == fold.Key(n) }) {
					continue
				}
				d.Names = append(d.Names, n)
			}
			if s.Type == "county" && len(d.Names) > 0 && !strings.Contains(strings.ToLower(d.Names[0]), "county") {
				// Counties are written "County Cork" in Ireland and "Cork County" elsewhere.
				d.Names = append(d.Names, "County "+d.Names[0], d.Names[0]+" County")
			}
			if len(d.Names) > 0 {
				out = append(out, d)
			}
		}
	}
	return out, nil
}

// sameName reports whether two lists of names share one, division words aside: a
// division named by hand ("Victoria") and its ISO subdivision are one unit.
func sameName(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if divisionKey(x) == divisionKey(y) {
				return true
			}
		}
	}
	return false
}

// populationKm is how far from a subdivision's centre its places may lie: beyond it a
// place belongs to some unit the source does not list.
const populationKm = 150.0

// distKm is the great-circle distance in kilometres.
func distKm(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 6371 * 2 * math.Asin(math.Min(1, math.Sqrt(a)))
}

// placeSubdivisions finds the GeoNames division of each subdivision (the one most of the
// five places nearest its centre belong to), then:
//
//   - a subdivision whose ISO code already names a division is dropped;
//   - when most subdivisions of one type in a country, three or more, fall one to a
//     division (a type of first-level unit: China's provinces), each such one
//     names its division if nothing else did, and is dropped;
//   - the others (several to a division: counties, departments, and first-level ones
//     whose division took another name) are kept as places, their population that of
//     the division's places nearer them than any other kept subdivision's centre.
//
// It returns the kept subdivisions and a report line.
func placeSubdivisions(subs []subdivision, cities []city, admins []*admin1) ([]subdivision, string) {
	byCountry := map[string][]*city{}
	for i := range cities {
		if c := &cities[i]; c.Admin1 != "" {
			byCountry[c.Country] = append(byCountry[c.Country], c)
		}
	}
	adminByCode := map[string]*admin1{}
	takenISO := map[string]bool{}
	for _, a := range admins {
		adminByCode[a.Code] = a
		if a.ISO != "" {
			takenISO[a.ISO] = true
		}
	}
	for i := range subs {
		s := &subs[i]
		// The five places nearest the centre, by insertion into a short sorted list.
		type hit struct {
			km float64
			c  *city
		}
		var near []hit
		for _, c := range byCountry[s.Country] {
			h := hit{distKm(s.Lat, s.Lon, c.latF, c.lonF), c}
			if len(near) == 5 && h.km >= near[4].km {
				continue
			}
			i, _ := slices.BinarySearchFunc(near, h.km, func(x hit, km float64) int { return cmp.Compare(x.km, km) })
			near = slices.Insert(near, i, h)
			if len(near) > 5 {
				near = near[:5]
			}
		}
		if len(near) == 0 {
			continue
		}
		votes := map[string]int{}
		for _, h := range near {
			votes[h.c.Country+"."+h.c.Admin1]++
		}
		best := ""
		for code, v := range votes {
			if best == "" || v > votes[best] || v == votes[best] && code < best {
				best = code
			}
		}
		s.Admin1 = best
	}

	// Group by country and type; a group whose members each fall in a different division
	// is a first-level type.
	type key struct{ cc, typ string }
	groups := map[key][]*subdivision{}
	for i := range subs {
		s := &subs[i]
		if takenISO[s.ISO] || s.Admin1 == "" {
			continue
		}
		groups[key{s.Country, s.Type}] = append(groups[key{s.Country, s.Type}], s)
	}
	keys := make([]key, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.cc, b.cc), cmp.Compare(a.typ, b.typ)) })
	type proposal struct {
		s    *subdivision
		size int // members in its group
	}
	proposals := map[string][]proposal{}
	var places []*subdivision
	for _, k := range keys {
		g := groups[k]
		perAdmin := map[string][]*subdivision{}
		for _, s := range g {
			perAdmin[s.Admin1] = append(perAdmin[s.Admin1], s)
		}
		alone := 0
		for _, s := range g {
			if len(perAdmin[s.Admin1]) == 1 {
				alone++
			}
		}
		// A first-level type: most members alone in their division (Taiwan, which
		// GeoNames does not count in China, falls in Fujian's).
		firstLevel := len(g) >= 3 && alone*10 >= len(g)*8 // two are too few to tell: Paris and Lyon
		for code, peers := range perAdmin {
			if firstLevel && len(peers) == 1 {
				proposals[code] = append(proposals[code], proposal{peers[0], len(g)})
				continue
			}
			places = append(places, peers...)
		}
	}
	// A division takes the name of the subdivision of the largest type that falls in it
	// alone (Auvergne-Rhône-Alpes, one of 13 regions, over the Lyon metropolis, one of
	// two collectivities), the nearer its centre on a tie; the others become places.
	named := 0
	for _, code := range slices.Sorted(maps.Keys(proposals)) {
		list := proposals[code]
		a := adminByCode[code]
		if a == nil || len(a.Names) > 0 {
			for _, p := range list {
				if a == nil || !sameName(a.Names, p.s.Names) {
					places = append(places, p.s) // another unit: "Métropole de Lyon"
				}
			}
			continue
		}
		slices.SortFunc(list, func(x, y proposal) int {
			return cmp.Or(-cmp.Compare(x.size, y.size),
				cmp.Compare(distKm(x.s.Lat, x.s.Lon, a.Lat, a.Lon), distKm(y.s.Lat, y.s.Lon, a.Lat, a.Lon)),
				cmp.Compare(x.s.ISO, y.s.ISO))
		})
		a.Names, a.ISO = list[0].s.Names, list[0].s.ISO
		named++
		for _, p := range list[1:] {
			places = append(places, p.s)
		}
	}
	// Each place of a division counts toward the nearest kept subdivision of that
	// division within populationKm, whatever its type: English counties, unitary
	// authorities and London boroughs share England.
	peers := map[string][]*subdivision{}
	for _, s := range places {
		peers[s.Admin1] = append(peers[s.Admin1], s)
	}
	for _, list := range byCountry {
		for _, c := range list {
			var best *subdivision
			bestKm := populationKm
			for _, p := range peers[c.Country+"."+c.Admin1] {
				if km := distKm(p.Lat, p.Lon, c.latF, c.lonF); km < bestKm || km == bestKm && best != nil && p.ISO < best.ISO {
					best, bestKm = p, km
				}
			}
			if best != nil {
				best.Population += c.Population
			}
		}
	}
	kept := make([]subdivision, 0, len(places))
	for _, s := range places {
		kept = append(kept, *s)
	}
	slices.SortFunc(kept, func(a, b subdivision) int { return cmp.Compare(a.ISO, b.ISO) })
	return kept, fmt.Sprintf("gen: %d divisions named from ISO subdivisions' centres, %d subdivisions kept as places\n", named, len(kept))
}

// writeSubdivisions writes subdivisions.tsv: ISO code, names joined by '|', type,
// latitude, longitude, GeoNames division and population.
func writeSubdivisions(path string, subs []subdivision) error {
	var b strings.Builder
	b.WriteString("# Subdivisions below or beside GeoNames' first-level divisions: ISO 3166-2 codes and centres from\n")
	b.WriteString("# countrystatecity (ODbL 1.0), English names from CLDR (Unicode licence v3); division and population\n")
	b.WriteString("# from GeoNames (CC BY 4.0) places nearest the centre. Generated by gazetteer/gen, do not edit.\n")
	b.WriteString("# iso\tnames\ttype\tlat\tlon\tadmin1\tpopulation\n")
	for _, s := range subs {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%g\t%g\t%s\t%d\n", s.ISO, strings.Join(s.Names, "|"), s.Type, s.Lat, s.Lon, s.Admin1, s.Population)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
