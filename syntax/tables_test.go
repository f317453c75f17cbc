package syntax

import (
	"bytes"
	"encoding/binary"
	"flag"
	"io"
	"os"
	"reflect"
	"testing"
	"unsafe"
)

var update = flag.Bool("update", false, "rewrite model.tables from model.bin")

// TestTablesFresh checks that the embedded model.tables is model.bin's tables, byte for
// byte, and that the model read from it is the model compiled from model.bin. With
// -update it rewrites model.tables instead (go generate ./syntax/).
func TestTablesFresh(t *testing.T) {
	bin, err := os.ReadFile("model.bin")
	if err != nil {
		t.Fatal(err)
	}
	m, err := ReadModel(bytes.NewReader(bin))
	if err != nil {
		t.Fatal(err)
	}
	want := writeTables(m)
	if *update {
		if err := os.WriteFile("model.tables", want, 0o644); err != nil {
			t.Fatal(err)
		}
		modelTables = want
	}
	if !bytes.Equal(want, modelTables) {
		t.Fatalf("model.tables is stale (%d bytes; model.bin gives %d): run `go test ./syntax -run TestTablesFresh -update` and commit model.tables", len(modelTables), len(want))
	}
	got, err := readTables(modelTables)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := got.WriteTo(io.Discard); err == nil {
		t.Error("WriteTo of a model without its file data gave no error")
	}
	for name, pair := range map[string][2]any{
		"tags": {m.xpos, got.xpos}, "upos": {m.upos, got.upos}, "labels": {m.labels, got.labels},
		"kinds": {m.tagKind, got.tagKind}, "lexicon": {m.lexicon, got.lexicon}, "tagdict": {m.tagdict, got.tagdict},
		"tagger": {m.tagger, got.tagger}, "pre": {m.pre, got.pre}, "labeller": {m.labeler, got.labeler},
		"trans": {m.trans, got.trans}, "twoPass": {m.twoPass, got.twoPass}, "lemmas": {m.lemmas, got.lemmas},
		"notes": {m.Notes(), got.Notes()},
	} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s: the model read from model.tables differs from model.bin's", name)
		}
	}
}

// TestTablesCorrupt checks that damaged tables are an error, not a crash.
func TestTablesCorrupt(t *testing.T) {
	for name, raw := range map[string][]byte{
		"empty":     nil,
		"other":     append([]byte("tocsin syntax tables 0\n"), modelTables[len(tablesMagic):]...),
		"truncated": modelTables[:len(modelTables)/2],
		"short":     modelTables[:len(modelTables)-1],
		"extra":     append(bytes.Clone(modelTables), 0),
	} {
		if _, err := readTables(raw); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func BenchmarkDefaultLoad(b *testing.B) {
	for b.Loop() {
		if _, err := readTables(modelTables); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadModel(b *testing.B) {
	bin, err := os.ReadFile("model.bin")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ReadModel(bytes.NewReader(bin)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestModelRoundTrip checks model.bin's codec: read and written again, the embedded
// model.bin is the same bytes.
func TestModelRoundTrip(t *testing.T) {
	bin, err := os.ReadFile("model.bin")
	if err != nil {
		t.Fatal(err)
	}
	m, err := ReadModel(bytes.NewReader(bin))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), bin) {
		t.Errorf("re-encoding model.bin changes it (%d bytes, was %d)", b.Len(), len(bin))
	}
}

// TestTablesInPlace checks that on a little-endian machine the embedded tables are used
// where they lie, not copied (their arrays are aligned in model.tables, and the embedded
// file starts aligned).
func TestTablesInPlace(t *testing.T) {
	if binary.NativeEndian.Uint16([]byte{1, 0}) != 1 {
		t.Skip("SKIP: big-endian machine: the tables are copied")
	}
	m, err := readTables(modelTables)
	if err != nil {
		t.Fatal(err)
	}
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(modelTables)))
	hi := lo + uintptr(len(modelTables))
	for name, p := range map[string]unsafe.Pointer{
		"tagger slots": unsafe.Pointer(&m.tagger.slots[0]), "tagger weights": unsafe.Pointer(&m.tagger.w[0]),
		"labeller slots": unsafe.Pointer(&m.labeler.slots[0]), "transitions": unsafe.Pointer(&m.trans.rows[0]),
	} {
		if a := uintptr(p); a < lo || a >= hi {
			t.Errorf("%s: copied, not read in place", name)
		}
	}
}
