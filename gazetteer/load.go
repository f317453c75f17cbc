package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
)

var (
	//go:embed places.tsv.gz
	placesGz []byte
	//go:embed countries.tsv
	countriesTSV string
	//go:embed admin1.tsv
	admin1TSV string
	//go:embed aliases.tsv
	aliasesTSV string
	//go:embed regions.tsv
	regionsTSV string
)

// Load parses the embedded data and builds the name index. It takes a few tenths of a
// second and about 65 MB of memory; load once and share the result.
func Load() (*Gazetteer, error) {
	b := newBuilder()
	if err := b.countries("countries.tsv", countriesTSV); err != nil {
		return nil, err
	}
	if err := b.aliases("aliases.tsv", aliasesTSV); err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(placesGz))
	if err != nil {
		return nil, fmt.Errorf("places.tsv.gz: %w", err)
	}
	if err := b.cities("places.tsv.gz", zr); err != nil {
		return nil, err
	}
	if err := b.divisions("admin1.tsv", admin1TSV); err != nil {
		return nil, err
	}
	if err := b.regions("regions.tsv", regionsTSV); err != nil {
		return nil, err
	}
	return b.finish(), nil
}

// lines calls fn with the columns of each non-comment line of src, and wraps its error
// with the file name and line number.
func lines(name string, r io.Reader, want int, fn func(col []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		col := strings.Split(s, "\t")
		if len(col) != want {
			return fmt.Errorf("%s:%d: %d columns, want %d", name, n, len(col), want)
		}
		if err := fn(col); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// names splits a '|'-separated list, "" giving none.
func names(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func parseLatLon(lat, lon string) (float64, float64, error) {
	y, err := strconv.ParseFloat(lat, 64)
	if err != nil || y < -90 || y > 90 {
		return 0, 0, fmt.Errorf("bad latitude %q", lat)
	}
	x, err := strconv.ParseFloat(lon, 64)
	if err != nil || x < -180 || x > 180 {
		return 0, 0, fmt.Errorf("bad longitude %q", lon)
	}
	return y, x, nil
}
