// Package worldmap draws an offline world map as SVG: the countries of Natural Earth's
// 1:110m boundaries (countries.tsv, generated from the npm packages world-atlas and
// world-countries by `go generate`, embedded, so that nothing is fetched at run time)
// in an equirectangular projection, and places projected onto it.
//
// It also names what a store supplies for the map page (Store): the stories of a
// period with their place.
package worldmap

import (
	"context"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:generate sh -c "go run ./gen -src \"$(sh fetch.sh)\" -out countries.tsv"

//go:embed countries.tsv
var countriesTSV string

// The map's extent: all longitudes, latitudes from North to South (Antarctica and the
// Arctic Ocean's far north left out), drawn Width units wide.
const (
	North = 84.0
	South = -58.0
	Width = 1000.0
)

// Height is the map's height in SVG units for Width.
const Height = (North - South) / 360 * Width

// Project returns the SVG coordinates of a place on the map.
func Project(lat, lon float64) (x, y float64) {
	return (lon + 180) / 360 * Width, (North - lat) / 360 * Width
}

// Country is one country's outline.
type Country struct {
	Code string // ISO 3166 alpha-3
	Name string // Natural Earth's short name
	Path string // SVG path data, projected
}

// Countries returns the map's countries in code order. The slice is shared: do not
// modify it.
func Countries() []Country { return countries() }

var countries = sync.OnceValue(func() []Country {
	cs, err := parse(countriesTSV)
	if err != nil {
		panic(err) // the embedded file is generated and tested
	}
	return cs
})

// parse reads countries.tsv: alpha-3, name, rings of "lon,lat" separated by "|".
func parse(tsv string) ([]Country, error) {
	var out []Country
	for n, line := range strings.Split(tsv, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("worldmap: countries.tsv:%d: want 3 fields, have %d", n+1, len(f))
		}
		var d strings.Builder
		for _, ring := range strings.Split(f[2], "|") {
			for i, pt := range strings.Fields(ring) {
				lon, lat, ok := strings.Cut(pt, ",")
				x, err1 := strconv.ParseFloat(lon, 64)
				y, err2 := strconv.ParseFloat(lat, 64)
				if !ok || err1 != nil || err2 != nil {
					return nil, fmt.Errorf("worldmap: countries.tsv:%d: bad point %q", n+1, pt)
				}
				px, py := Project(y, x)
				if i == 0 {
					d.WriteByte('M')
				} else {
					d.WriteByte('L')
				}
				d.WriteString(strconv.FormatFloat(px, 'f', 1, 64))
				d.WriteByte(' ')
				d.WriteString(strconv.FormatFloat(py, 'f', 1, 64))
			}
			d.WriteByte('Z')
		}
		out = append(out, Country{Code: f[0], Name: f[1], Path: d.String()})
	}
	return out, nil
}

// Story is a story as the map reads it.
type Story struct {
	ID       string
	Label    string
	Day      string // first event day, YYYY-MM-DD
	Country  string // ISO 3166 alpha-3 of its place, "" when unknown
	Code     string // its dominant CAMEO code, "" without events
	Articles int    // reports of it
	HasPlace bool   // Lat and Lon are its place's
	Lat, Lon float64
}

// Store is what a backend provides for the map page.
type Store interface {
	// MapStories calls fn with each story whose first event day is in since..until
	// (YYYY-MM-DD, inclusive). The story is reused between calls.
	MapStories(ctx context.Context, since, until string, fn func(*Story) error) error
	// LastStoryDay is the latest first event day of any story, "" for none.
	LastStoryDay(ctx context.Context) (string, error)
}
