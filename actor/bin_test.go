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
	if !reflect.DeepEqual(got, built) {
		t.Error("Load's knowledge base differs from the one the dictionaries build")
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
