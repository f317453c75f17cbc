package bincodec

import (
	"math"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

func TestRoundTrip(t *testing.T) {
	w := &Writer{B: []byte("magic\n")}
	w.Uvarint(0)
	w.Uvarint(math.MaxUint64)
	w.Varint(-3)
	w.Varint(math.MinInt64)
	w.String("Kermān")
	w.Strings([]string{"", "a", "bc"})
	w.Uint64(0x0102030405060708)
	w.Uint32(0xdeadbeef)
	for _, v := range []uint64{1, 2, 3} {
		w.Uint64(v)
	}
	for _, v := range []uint32{4, 5} {
		w.Uint32(v)
	}
	w.Uvarint(2) // an index below 3
	w.B = append(w.B, 7, 'x', 'y')

	for name, r := range map[string]*Reader{"bytes": NewReader(w.B, 6), "string": StringReader(string(w.B), 6)} {
		if r.Uvarint() != 0 || r.Uvarint() != math.MaxUint64 || r.Varint() != -3 || r.Varint() != math.MinInt64 {
			t.Errorf("%s: varints", name)
		}
		if s := r.String(); s != "Kermān" {
			t.Errorf("%s: string %q", name, s)
		}
		if ss := r.Strings(); !slices.Equal(ss, []string{"", "a", "bc"}) {
			t.Errorf("%s: strings %q", name, ss)
		}
		if r.Uint64() != 0x0102030405060708 || r.Uint32() != 0xdeadbeef {
			t.Errorf("%s: fixed-width numbers", name)
		}
		if a, b := r.Uint64s(3), r.Uint32s(2); !slices.Equal(a, []uint64{1, 2, 3}) || !slices.Equal(b, []uint32{4, 5}) {
			t.Errorf("%s: arrays %v %v", name, a, b)
		}
		if r.Index(3) != 2 || r.Byte() != 7 || string(r.Bytes(2)) != "xy" {
			t.Errorf("%s: index, byte or bytes", name)
		}
		if err := r.End(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A damaged input gives an error that sticks, and zero values, never a panic.
func TestCorrupt(t *testing.T) {
	w := &Writer{}
	w.String("hello")
	for cut := range len(w.B) {
		r := NewReader(w.B[:cut], 0)
		if s := r.String(); s != "" || r.Err() == nil {
			t.Errorf("cut at %d: %q, %v", cut, s, r.Err())
		}
		if r.Uint64() != 0 || r.Uint32() != 0 || r.Byte() != 0 || r.Bytes(1) != nil || r.Uint64s(1) != nil || r.Uint32s(1) != nil {
			t.Errorf("cut at %d: a read after the error gave a value", cut)
		}
		if err := r.End(); err == nil || !strings.Contains(err.Error(), "corrupt") {
			t.Errorf("cut at %d: End gave %v", cut, err)
		}
	}
	r := NewReader([]byte{0xff, 0xff, 0xff, 0x0f}, 0) // a count larger than the input
	if r.Count() != 0 || r.Err() == nil {
		t.Error("huge count accepted")
	}
	r = NewReader([]byte{5}, 0)
	if r.Index(5) != 0 || r.Err() == nil {
		t.Error("index out of range accepted")
	}
	r = NewReader([]byte{1, 2}, 0)
	r.Byte()
	if err := r.End(); err == nil || !strings.Contains(err.Error(), "1 bytes after the data") {
		t.Errorf("trailing byte: %v", err)
	}
}

// Aligned arrays are read in place on a little-endian machine; unaligned ones are copied;
// both read the same numbers.
func TestAlign(t *testing.T) {
	for _, lead := range []string{"", "a", "abc", "abcdefg"} {
		w := &Writer{B: []byte(lead)}
		w.Align(8)
		off := len(w.B)
		if off%8 != 0 || off-len(lead) >= 8 {
			t.Fatalf("%q: aligned to %d", lead, off)
		}
		w.Uint64(1)
		w.Uint64(2)
		w.Align(4)
		w.Uint32(3)
		// In a buffer that starts aligned, as embedded files do, and in one that does not.
		store := make([]uint64, len(w.B)/8+2)
		mem := unsafe.Slice((*byte)(unsafe.Pointer(&store[0])), 8*len(store))
		for _, shift := range []int{0, 1} {
			b := mem[shift : shift+len(w.B)]
			copy(b, w.B)
			r := NewReader(b, len(lead))
			r.Align(8)
			a := r.Uint64s(2)
			r.Align(4)
			c := r.Uint32s(1)
			if err := r.End(); err != nil || !slices.Equal(a, []uint64{1, 2}) || !slices.Equal(c, []uint32{3}) {
				t.Errorf("%q, shift %d: %v %v %v", lead, shift, a, c, err)
			}
			inPlace := unsafe.Pointer(&a[0]) == unsafe.Pointer(&b[off])
			if want := littleEndian && shift == 0; inPlace != want {
				t.Errorf("%q, shift %d: read in place %v, want %v", lead, shift, inPlace, want)
			}
		}
	}
	r := NewReader([]byte{1, 1, 0, 0}, 1)
	r.Align(4)
	if r.Err() == nil {
		t.Error("non-zero padding accepted")
	}
}
