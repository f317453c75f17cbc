package gazetteer

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
)

// Sources are the files Build reads, in the order it reads them. countries.tsv comes
// first: the other files refer to its codes.
var Sources = []string{"countries.tsv", "aliases.tsv", "places.tsv.gz", "admin1.tsv", "subdivisions.tsv", "regions.tsv"}

// Build parses the source tables (Sources) in fsys and builds the name index. It takes
// about a second and 65 MB of memory: the embedded gazetteer.bin that Load reads is its
// result, written by `go run ./gazetteer/genbin` (see the package doc).
func Build(fsys fs.FS) (*Gazetteer, error) {
	read := func(name string) (string, error) {
		b, err := fs.ReadFile(fsys, name)
		return string(b), err
	}
	b := newBuilder()
	src, err := read("countries.tsv")
	if err != nil {
		return nil, err
	}
	if err := b.countries("countries.tsv", src); err != nil {
		return nil, err
	}
	if src, err = read("aliases.tsv"); err != nil {
		return nil, err
	}
	if err := b.aliases("aliases.tsv", src); err != nil {
		return nil, err
	}
	f, err := fsys.Open("places.tsv.gz")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("places.tsv.gz: %w", err)
	}
	if err := b.cities("places.tsv.gz", zr); err != nil {
		return nil, err
	}
	if src, err = read("admin1.tsv"); err != nil {
		return nil, err
	}
	if err := b.divisions("admin1.tsv", src); err != nil {
		return nil, err
	}
	if src, err = read("subdivisions.tsv"); err != nil {
		return nil, err
	}
	if err := b.subdivisions("subdivisions.tsv", src); err != nil {
		return nil, err
	}
	if src, err = read("regions.tsv"); err != nil {
		return nil, err
	}
	if err := b.regions("regions.tsv", src); err != nil {
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
