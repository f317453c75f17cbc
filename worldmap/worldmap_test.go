package worldmap

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// rings reads the rings of one country from the embedded file, unprojected.
func rings(t *testing.T, code string) [][][2]float64 {
	t.Helper()
	for _, line := range strings.Split(countriesTSV, "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[0] != code {
			continue
		}
		var out [][][2]float64
		for _, r := range strings.Split(f[2], "|") {
			var ring [][2]float64
			for _, pt := range strings.Fields(r) {
				lon, lat, _ := strings.Cut(pt, ",")
				x, _ := strconv.ParseFloat(lon, 64)
				y, _ := strconv.ParseFloat(lat, 64)
				ring = append(ring, [2]float64{x, y})
			}
			out = append(out, ring)
		}
		return out
	}
	t.Fatalf("no country %s in countries.tsv", code)
	return nil
}

// inside reports whether lon/lat is inside any ring (even-odd rule).
func inside(rs [][][2]float64, lon, lat float64) bool {
	in := false
	for _, r := range rs {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a[1] > lat) != (b[1] > lat) && lon < (b[0]-a[0])*(lat-a[1])/(b[1]-a[1])+a[0] {
				in = !in
			}
		}
	}
	return in
}

func TestCountries(t *testing.T) {
	cs := Countries()
	if len(cs) < 170 {
		t.Fatalf("%d countries, want the 170 or so of Natural Earth's 1:110m map", len(cs))
	}
	seen := map[string]bool{}
	for _, c := range cs {
		if len(c.Code) != 3 || c.Name == "" || !strings.HasPrefix(c.Path, "M") || !strings.HasSuffix(c.Path, "Z") {
			t.Errorf("bad country %q %q path %.20q", c.Code, c.Name, c.Path)
		}
		if seen[c.Code] {
			t.Errorf("country %s twice", c.Code)
		}
		seen[c.Code] = true
	}
	for _, code := range []string{"IRN", "USA", "UKR", "SDN", "XKX", "FJI"} {
		if !seen[code] {
			t.Errorf("no %s", code)
		}
	}
	if seen["ATA"] {
		t.Error("Antarctica is drawn; it is left out")
	}
}

// Capitals fall inside their own country's outline and not inside a neighbour's.
func TestCapitalsInside(t *testing.T) {
	for _, c := range []struct {
		code, other string
		lat, lon    float64
	}{
		{"IRN", "IRQ", 35.69, 51.39},  // Tehran
		{"IRQ", "IRN", 33.31, 44.36},  // Baghdad
		{"UKR", "RUS", 50.45, 30.52},  // Kyiv
		{"USA", "CAN", 38.90, -77.04}, // Washington
		{"NGA", "NER", 9.08, 7.40},    // Abuja
		{"RUS", "UKR", 55.75, 37.62},  // Moscow
	} {
		if !inside(rings(t, c.code), c.lon, c.lat) {
			t.Errorf("%v,%v is not inside %s", c.lat, c.lon, c.code)
		}
		if inside(rings(t, c.other), c.lon, c.lat) {
			t.Errorf("%v,%v is inside %s, not only %s", c.lat, c.lon, c.other, c.code)
		}
	}
}

func TestProject(t *testing.T) {
	for _, c := range []struct{ lat, lon, x, y float64 }{
		{North, -180, 0, 0},
		{South, 180, Width, Height},
		{0, 0, Width / 2, North / 360 * Width},
	} {
		x, y := Project(c.lat, c.lon)
		if math.Abs(x-c.x) > 1e-9 || math.Abs(y-c.y) > 1e-9 {
			t.Errorf("Project(%v, %v) = %v, %v, want %v, %v", c.lat, c.lon, x, y, c.x, c.y)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"IRN\tIran", "IRN\tIran\t1,2 x,3 4,5"} {
		if _, err := parse(in); err == nil {
			t.Errorf("parse(%q): no error", in)
		}
	}
}
