package gazetteer

import (
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// TestBinFresh builds the gazetteer from the source tables and checks that the embedded
// gazetteer.bin is exactly what they give, so that an edited table cannot ship unseen.
func TestBinFresh(t *testing.T) {
	built, err := Build(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	b, err := built.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != gazetteerBin {
		t.Fatalf("gazetteer.bin is stale (%d bytes; the tables give %d): run `go run ./gazetteer/genbin` and commit gazetteer.bin", len(gazetteerBin), len(b))
	}
	// What Load reads back is what Build made, field for field, once every place is
	// decoded (a loaded gazetteer decodes a place when first asked for).
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if g.lazy == nil || g.lazy.state[1000].Load() != 0 {
		t.Error("Load decoded the places before they were asked for")
	}
	// Written again, the loaded gazetteer is the same bytes (MarshalBinary decodes the
	// places first); then every place is decoded.
	if b, err := g.MarshalBinary(); err != nil || string(b) != gazetteerBin {
		t.Errorf("Load's gazetteer marshals differently (%d bytes, %v)", len(b), err)
	}
	for name, pair := range map[string][2]any{
		"places": {built.places, g.places}, "countries": {built.countries, g.countries},
		"byCode": {built.byCode, g.byCode}, "byName": {built.byName, g.byName},
		"byDemonym": {built.byDemonym, g.byDemonym}, "admin1": {built.admin1, g.admin1},
		"adminName": {built.adminName, g.adminName}, "regionNames": {built.regionNames, g.regionNames},
		"index": {[]string{built.keys, built.offs, built.posts, built.dir}, []string{g.keys, g.offs, g.posts, g.dir}},
	} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s: Load's differs from Build's", name)
		}
	}
}

// TestBinCorrupt checks that a damaged gazetteer.bin is an error, not a crash.
func TestBinCorrupt(t *testing.T) {
	for name, bin := range map[string]string{
		"bad offsets": gazetteerBin[:len(gazetteerBin)-8] + "\xff\xff\xff\x00" + gazetteerBin[len(gazetteerBin)-4:],
		"empty":       "",
		"other":       "tocsin gazetteer 1\n" + gazetteerBin[len(binMagic):],
		"truncated":   gazetteerBin[:len(gazetteerBin)/2],
		"cut index":   gazetteerBin[:len(gazetteerBin)-3],
		"extra":       gazetteerBin + "x",
		"huge count":  binMagic + "\xff\xff\xff\xff\x0f",
	} {
		_, err := unmarshal(bin)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !strings.Contains(err.Error(), "header") && !strings.Contains(err.Error(), "corrupt") && !strings.Contains(err.Error(), "after the data") {
			t.Errorf("%s: error %q does not say what is wrong", name, err)
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	for b.Loop() {
		if _, err := Build(os.DirFS(".")); err != nil {
			b.Fatal(err)
		}
	}
}

// Places are decoded when first asked for, by whichever goroutine asks first; others
// asking at the same time get the same place (go test -race checks the rest).
func TestLazyPlacesConcurrent(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	const workers, n = 4, 2000
	got := make([][]*Place, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range n {
				got[w] = append(got[w], g.Place((i*7919+w)%n))
			}
		})
	}
	wg.Wait()
	for i := range n {
		p := g.Place(i)
		if p.Name == "" {
			t.Fatalf("place %d has no name", i)
		}
		for w := range workers {
			if q := got[w][i]; q != g.Place((i*7919+w)%n) || q.Name == "" {
				t.Fatalf("worker %d, place %d: %+v", w, i, q)
			}
		}
	}
}
