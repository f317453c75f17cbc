package ner

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
// -update it rewrites model.tables instead (go generate ./ner/).
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
		t.Fatalf("model.tables is stale (%d bytes; model.bin gives %d): run `go test ./ner -run TestTablesFresh -update` and commit model.tables", len(modelTables), len(want))
	}
	got, err := readTables(modelTables)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := got.WriteTo(io.Discard); err == nil {
		t.Error("WriteTo of a model without its file data gave no error")
	}
	if !reflect.DeepEqual(got.res, m.res) || !reflect.DeepEqual(got.table, m.table) {
		t.Error("the model read from model.tables differs from model.bin's")
	}
	if got.Notes() != m.Notes() || got.Features() != m.Features() || got.Features() == 0 {
		t.Errorf("notes or feature count differ: %d and %d features", got.Features(), m.Features())
	}
}

// TestTablesCorrupt checks that damaged tables are an error, not a crash.
func TestTablesCorrupt(t *testing.T) {
	for name, raw := range map[string][]byte{
		"empty":     nil,
		"other":     append([]byte("tocsin ner tables 0\n"), modelTables[len(tablesMagic):]...),
		"truncated": modelTables[:len(modelTables)/2],
		"short":     modelTables[:len(modelTables)-1],
		"extra":     append(bytes.Clone(modelTables), 0),
	} {
		if _, err := readTables(raw); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadModel(b *testing.B) {
	for b.Loop() {
		if _, err := ReadModel(bytes.NewReader(modelBin)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTablesInPlace checks that on a little-endian machine the embedded weight table is
// used where it lies, not copied (it is aligned in model.tables, and the embedded file
// starts aligned).
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
	for name, p := range map[string]unsafe.Pointer{"slots": unsafe.Pointer(&m.table.slots[0]), "weights": unsafe.Pointer(&m.table.w[0])} {
		if a := uintptr(p); a < lo || a >= hi {
			t.Errorf("%s: copied, not read in place", name)
		}
	}
}
