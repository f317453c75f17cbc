package actor

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite kb.bin from the embedded dictionaries")

// TestKBFresh checks that the embedded kb.bin is, byte for byte, what the dictionaries in
// data/ build, and that Load's KB equals the one built from them. With -update it
// rewrites kb.bin instead (go generate ./actor/).
func TestKBFresh(t *testing.T) {
	built, err := loadSources()
	if err != nil {
		t.Fatal(err)
	}
	want := built.marshal()
	if *update {
		if err := os.WriteFile("kb.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		kbBin = want
	}
	if !bytes.Equal(want, kbBin) {
		t.Fatalf("kb.bin is stale (%d bytes; the dictionaries give %d): run `go test ./actor -run TestKBFresh -update` and commit kb.bin", len(kbBin), len(want))
	}
	got, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	// The phrase indexes differ in form (Load's is the table read in place, the built one
	// a map): compare them as tables.
	if _, ok := got.actors.m.get(1); ok || got.actors.m.over != nil || len(got.actors.m.keys) == 0 {
		t.Error("Load's phrase index is not the table of kb.bin alone")
	}
	for _, kb := range []*KB{got, built} {
		for _, tb := range []*table{kb.actors, kb.agents} {
			keys, vals := tb.m.table()
			tb.m = index{keys: keys, vals: vals}
		}
	}
	if !reflect.DeepEqual(got, built) {
		t.Error("Load's knowledge base differs from the one the dictionaries build")
	}
}

// A phrase added to a loaded KB (a user's dictionary) is found, and overrides the
// embedded one.
func TestIndexAddAfterLoad(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Islamic", "Revolutionary", "Guard", "Corps"}
	before, n := kb.actors.longest(words, 0)
	if n == 0 {
		t.Fatal("IRGC not in the embedded dictionaries")
	}
	if !kb.actors.add([]string{"Islamic", "Revolutionary", "Zebras"}, 0) {
		t.Fatal("add refused")
	}
	if v, n := kb.actors.longest([]string{"Islamic", "Revolutionary", "Zebras"}, 0); n != 3 || v != 0 {
		t.Errorf("added phrase: %d words, value %d", n, v)
	}
	if v, n := kb.actors.longest(words, 0); n != 4 || v != before {
		t.Errorf("embedded phrase after an add: %d words, value %d (was %d)", n, v, before)
	}
	if !kb.actors.add(words, 1) {
		t.Fatal("add refused")
	}
	if v, _ := kb.actors.exact(words); v != 1 {
		t.Errorf("overridden phrase: value %d, want 1", v)
	}
}

// TestKBCorrupt checks that a damaged kb.bin is an error, not a crash.
func TestKBCorrupt(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":     nil,
		"other":     append([]byte("tocsin actor kb 0\n"), kbBin[len(kbMagic):]...),
		"truncated": kbBin[:len(kbBin)/2],
		"short":     kbBin[:len(kbBin)-1],
		"extra":     append(bytes.Clone(kbBin), 0),
	} {
		if _, err := unmarshalKB(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func BenchmarkLoadSources(b *testing.B) {
	for b.Loop() {
		if _, err := loadSources(); err != nil {
			b.Fatal(err)
		}
	}
}
