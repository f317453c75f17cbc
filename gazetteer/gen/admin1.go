package main

import (
	"bufio"
	"cmp"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/tocsin-project/tocsin/gazetteer/internal/fold"
)

// admin1 is one first-level division, known to GeoNames only by its code.
type admin1 struct {
	Code       string   // "IR.29"
	Names      []string // English names, first the main one; empty when unknown
	ISO        string   // ISO 3166-2 code the name came from ("IR-08"), "" when hand-written or none
	Lat, Lon   float64  // population-weighted mean of its places: a rough centre
	Population int      // sum over its places
	capital    *city    // the seat: the capital, else the largest provincial seat
	seats      []*city  // every PPLA and PPLC place in it
}

// handName is one line of admin1_names.tsv: a division named through its seat.
type handName struct {
	Country, Capital string
	Names            []string
	line             int
}

// readHandAdmin1 reads "CC<TAB>seat<TAB>name|alias..." lines; the seat may be written
// "=CODE" to give the GeoNames code instead.
func readHandAdmin1(path string) ([]handName, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []handName
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		col := strings.Split(s, "\t")
		if len(col) != 3 || len(col[0]) != 2 {
			return nil, fmt.Errorf("%s:%d: want COUNTRY<TAB>seat<TAB>name|alias, got %q", path, n, s)
		}
		out = append(out, handName{Country: col[0], Capital: col[1], Names: strings.Split(col[2], "|"), line: n})
	}
	return out, sc.Err()
}

// readSubdivisions reads CLDR's English subdivision names, keyed "usca" → "California".
func readSubdivisions(path string) (map[string]string, error) {
	var v struct {
		Subdivisions struct {
			LocaleDisplayNames struct {
				Subdivisions map[string]string `json:"subdivisions"`
			} `json:"localeDisplayNames"`
		} `json:"subdivisions"`
	}
	if err := readJSON(path, &v); err != nil {
		return nil, err
	}
	m := v.Subdivisions.LocaleDisplayNames.Subdivisions
	if len(m) == 0 {
		return nil, fmt.Errorf("%s: no subdivisions", path)
	}
	return m, nil
}

// divisionWords are words that name the kind of division rather than the division.
var divisionWords = []string{" province", " governorate", " oblast", " region", " state", " district", " county", " prefecture", " department", " territory", " krai", " wilayah", " muhafazah"}

func divisionKey(name string) string {
	k := fold.Key(name)
	for _, w := range divisionWords {
		k = strings.TrimSuffix(k, w)
	}
	return fold.StripArticle(k)
}

// buildAdmin1 groups places by division and names the divisions it can:
//  1. from admin1_names.tsv, written by hand, through the division's seat;
//  2. when GeoNames uses the ISO 3166-2 letters for a country's divisions (the United
//     States, Spain, Switzerland...), from CLDR's name for that ISO code;
//  3. when a division's seat (PPLA or PPLC) bears the name of one of the country's CLDR
//     subdivisions ("Kerman" in Kerman province), from that subdivision.
//
// Other divisions keep only their code.
func buildAdmin1(cities []city, subdivs map[string]string, hand []handName) ([]*admin1, string, error) {
	byCode := map[string]*admin1{}
	sumLat, sumLon, sumW := map[string]float64{}, map[string]float64{}, map[string]float64{}
	for i := range cities {
		c := &cities[i]
		if c.Admin1 == "" {
			continue
		}
		code := c.Country + "." + c.Admin1
		a := byCode[code]
		if a == nil {
			a = &admin1{Code: code}
			byCode[code] = a
		}
		a.Population += c.Population
		w := float64(c.Population) + 1
		sumLat[code] += w * c.latF
		sumLon[code] += w * c.lonF
		sumW[code] += w
		if c.Feature == "PPLA" || c.Feature == "PPLC" {
			a.seats = append(a.seats, c)
			if a.capital == nil || seatRank(c) > seatRank(a.capital) {
				a.capital = c
			}
		}
	}
	for code, a := range byCode {
		a.Lat = round(sumLat[code]/sumW[code], 3)
		a.Lon = round(sumLon[code]/sumW[code], 3)
	}
	admins := slices.SortedFunc(maps.Values(byCode), func(a, b *admin1) int { return cmp.Compare(a.Code, b.Code) })

	// 1. Hand-written names, found through a seat or, written "=CODE", by code.
	for _, h := range hand {
		var found *admin1
		for _, a := range admins {
			if !strings.HasPrefix(a.Code, h.Country+".") {
				continue
			}
			if code, ok := strings.CutPrefix(h.Capital, "="); ok {
				if a.Code[3:] == code {
					found = a
				}
				continue
			}
			for _, c := range a.seats {
				if fold.Key(c.Name) == fold.Key(h.Capital) {
					found = a
				}
			}
		}
		if found == nil {
			return nil, "", fmt.Errorf("admin1_names.tsv:%d: no division of %s has its seat at %q", h.line, h.Country, h.Capital)
		}
		if len(found.Names) > 0 {
			return nil, "", fmt.Errorf("admin1_names.tsv:%d: division %s is already named %q", h.line, found.Code, found.Names[0])
		}
		found.Names = h.Names
	}

	// CLDR names by country, and which ones are taken.
	byCountry := map[string][]string{} // "IR" → ISO keys "ir08"...
	for k := range subdivs {
		if len(k) > 2 {
			cc := strings.ToUpper(k[:2])
			byCountry[cc] = append(byCountry[cc], k)
		}
	}
	taken := map[string]bool{}

	// 2. Countries whose GeoNames codes are the ISO letters.
	isoCountries := map[string]bool{}
	perCountry := map[string][]*admin1{}
	for _, a := range admins {
		perCountry[a.Code[:2]] = append(perCountry[a.Code[:2]], a)
	}
	for cc, list := range perCountry {
		hits := 0
		for _, a := range list {
			sub := a.Code[3:]
			if letters(sub) && subdivs[strings.ToLower(cc+sub)] != "" {
				hits++
			}
		}
		if hits >= 3 && hits*10 >= len(list)*8 {
			isoCountries[cc] = true
			for _, a := range list {
				iso := strings.ToLower(cc + a.Code[3:])
				if name := subdivs[iso]; name != "" && len(a.Names) == 0 && letters(a.Code[3:]) {
					a.Names, a.ISO, taken[iso] = []string{name}, isoCode(iso), true
				}
			}
		}
	}

	// 3. Seats named like a subdivision.
	for _, a := range admins {
		cc := a.Code[:2]
		if len(a.Names) > 0 || a.capital == nil || isoCountries[cc] {
			continue
		}
		seat := divisionKey(a.capital.Name)
		var match []string
		for _, iso := range byCountry[cc] {
			if !taken[iso] && divisionKey(subdivs[iso]) == seat {
				match = append(match, iso)
			}
		}
		if len(match) == 1 {
			a.Names, a.ISO, taken[match[0]] = []string{subdivs[match[0]]}, isoCode(match[0]), true
		}
	}

	named := 0
	for _, a := range admins {
		if len(a.Names) > 0 {
			named++
		}
	}
	report := fmt.Sprintf("gen: %d of %d divisions named; ISO-lettered countries: %s\n",
		named, len(admins), strings.Join(slices.Sorted(maps.Keys(isoCountries)), " "))
	return admins, report, nil
}

// seatRank prefers a capital to a provincial seat, then the larger place.
func seatRank(c *city) int {
	r := c.Population
	if c.Feature == "PPLC" {
		r += 1 << 40
	}
	return r
}

func letters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

func isoCode(k string) string { return strings.ToUpper(k[:2]) + "-" + strings.ToUpper(k[2:]) }

func round(x float64, places int) float64 {
	p := 1.0
	for range places {
		p *= 10
	}
	if x < 0 {
		return -float64(int64(-x*p+0.5)) / p
	}
	return float64(int64(x*p+0.5)) / p
}

// writeAdmin1 writes admin1.tsv: code, names joined by '|', ISO 3166-2 code, latitude,
// longitude and population of every division.
func writeAdmin1(path string, admins []*admin1) error {
	var b strings.Builder
	b.WriteString("# First-level divisions: GeoNames codes (CC BY 4.0) with English names from CLDR (Unicode licence v3)\n")
	b.WriteString("# and gazetteer/gen/admin1_names.tsv, or from the ISO subdivision (countrystatecity, ODbL 1.0) whose centre\n")
	b.WriteString("# lies in it; centre = population-weighted mean of its places. Generated, do not edit.\n")
	b.WriteString("# code\tnames\tiso\tlat\tlon\tpopulation\n")
	for _, a := range admins {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%g\t%g\t%d\n", a.Code, strings.Join(a.Names, "|"), a.ISO, a.Lat, a.Lon, a.Population)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// writeCountries writes countries.tsv: alpha-2, alpha-3, name, latitude, longitude,
// capital, demonyms and other names (both joined by '|').
func writeCountries(path string, countries []country) error {
	var b strings.Builder
	b.WriteString("# Countries: world-countries 5.1.0 (ODbL 1.0) and i18n-iso-countries 7.14.0 (MIT). Generated, do not edit.\n")
	b.WriteString("# alpha2\talpha3\tname\tlat\tlon\tcapital\tdemonyms\tnames\n")
	for _, c := range countries {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%g\t%g\t%s\t%s\t%s\n", c.Alpha2, c.Alpha3, c.Name, c.Lat, c.Lon, c.Capital,
			strings.Join(c.Demonyms, "|"), strings.Join(c.Names, "|"))
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
