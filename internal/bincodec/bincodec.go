// Package bincodec reads and writes the binary forms of tocsin's embedded models and
// tables (ner's and syntax's model.bin and model.tables, actor's kb.bin, the gazetteer's
// gazetteer.bin): unsigned and zigzag varints, length-prefixed strings and fixed-width
// little-endian numbers. Each package had its own copy of the same reader; this is the one.
//
// A Reader's first error sticks: it moves to the end of the input, and every later read
// returns a zero value, so a decoder reads a whole layout and checks Err once.
package bincodec

import (
	"encoding/binary"
	"fmt"
	"unsafe"
)

// Reader reads fields from a byte slice.
type Reader struct {
	b   []byte
	s   string // b as a string, not a copy: strings read are slices of it
	i   int
	err error
}

// NewReader returns a reader of b from offset at (past a header the caller checked).
// Strings and bytes it reads are not copied: they are parts of b, which must therefore not
// change while they are in use (b is embedded data, or a buffer the caller owns and keeps
// as it is).
func NewReader(b []byte, at int) *Reader {
	return &Reader{b: b, s: unsafe.String(unsafe.SliceData(b), len(b)), i: at}
}

// StringReader is NewReader for data held in a string, such as an embedded file.
func StringReader(s string, at int) *Reader {
	return &Reader{b: unsafe.Slice(unsafe.StringData(s), len(s)), s: s, i: at}
}

// Fail records that the input is truncated or corrupt at the current offset, unless an
// error is already recorded, and moves to the end of the input. what, if not empty, names
// the field being read.
func (r *Reader) Fail(what string) {
	if r.err == nil {
		if what == "" {
			r.err = fmt.Errorf("truncated or corrupt at byte %d", r.i)
		} else {
			r.err = fmt.Errorf("truncated or corrupt at byte %d (%s)", r.i, what)
		}
	}
	r.i = len(r.b)
}

// Err returns the first error.
func (r *Reader) Err() error { return r.err }

// Offset returns the offset of the next field.
func (r *Reader) Offset() int { return r.i }

// End returns the first error, or an error when bytes are left after the last field.
func (r *Reader) End() error {
	if r.err != nil {
		return r.err
	}
	if r.i != len(r.b) {
		return fmt.Errorf("%d bytes after the data", len(r.b)-r.i)
	}
	return nil
}

// Uvarint reads an unsigned varint.
func (r *Reader) Uvarint() uint64 {
	v, n := binary.Uvarint(r.b[r.i:])
	if n <= 0 {
		r.Fail("uvarint")
		return 0
	}
	r.i += n
	return v
}

// Varint reads a zigzag-encoded signed varint.
func (r *Reader) Varint() int64 {
	v, n := binary.Varint(r.b[r.i:])
	if n <= 0 {
		r.Fail("varint")
		return 0
	}
	r.i += n
	return v
}

// Count reads a number of items each at least one byte long, so no more than the bytes
// left.
func (r *Reader) Count() int {
	n := r.Uvarint()
	if n > uint64(len(r.b)-r.i) {
		r.Fail("count")
		return 0
	}
	return int(n)
}

// Index reads an index below limit.
func (r *Reader) Index(limit int) int {
	i := r.Uvarint()
	if i >= uint64(limit) {
		r.Fail("index")
		return 0
	}
	return int(i)
}

// Bytes reads n bytes; they are part of the input, not a copy, and must not be changed.
// After an error it returns nil.
func (r *Reader) Bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b)-r.i {
		r.Fail("bytes")
		return nil
	}
	b := r.b[r.i : r.i+n]
	r.i += n
	return b
}

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if r.i >= len(r.b) {
		r.Fail("byte")
		return 0
	}
	c := r.b[r.i]
	r.i++
	return c
}

// String reads a length-prefixed string.
func (r *Reader) String() string {
	n := r.Count()
	s := r.s[r.i : r.i+n]
	r.i += n
	return s
}

// Strings reads a count of strings, then each.
func (r *Reader) Strings() []string {
	out := make([]string, r.Count())
	for i := range out {
		out[i] = r.String()
	}
	return out
}

// Uint64 reads a little-endian uint64.
func (r *Reader) Uint64() uint64 {
	if len(r.b)-r.i < 8 {
		r.Fail("uint64")
		return 0
	}
	v := binary.LittleEndian.Uint64(r.b[r.i:])
	r.i += 8
	return v
}

// Uint32 reads a little-endian uint32.
func (r *Reader) Uint32() uint32 {
	if len(r.b)-r.i < 4 {
		r.Fail("uint32")
		return 0
	}
	v := binary.LittleEndian.Uint32(r.b[r.i:])
	r.i += 4
	return v
}

// littleEndian is whether this machine stores numbers as the files do.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// inPlace reports whether n numbers of size bytes at the reader's offset can be used where
// they lie: on a little-endian machine, at an address aligned for them (Writer.Align and
// Reader.Align keep a layout's arrays aligned in the file, and embedded files start
// aligned).
func (r *Reader) inPlace(n, size int) bool {
	return littleEndian && n > 0 && uintptr(unsafe.Pointer(&r.b[r.i]))%uintptr(size) == 0
}

// Uint64s reads n little-endian uint64s. Where they can be used in place (see Align) the
// result is the input itself, not a copy: like the input, it must not be changed.
func (r *Reader) Uint64s(n int) []uint64 {
	if n < 0 || n > (len(r.b)-r.i)/8 {
		r.Fail("uint64s")
		return nil
	}
	var out []uint64
	if r.inPlace(n, 8) {
		out = unsafe.Slice((*uint64)(unsafe.Pointer(&r.b[r.i])), n)
	} else {
		out = make([]uint64, n)
		for k := range out {
			out[k] = binary.LittleEndian.Uint64(r.b[r.i+8*k:])
		}
	}
	r.i += 8 * n
	return out
}

// Uint32s reads n little-endian uint32s, in place where they can be, as Uint64s.
func (r *Reader) Uint32s(n int) []uint32 {
	if n < 0 || n > (len(r.b)-r.i)/4 {
		r.Fail("uint32s")
		return nil
	}
	var out []uint32
	if r.inPlace(n, 4) {
		out = unsafe.Slice((*uint32)(unsafe.Pointer(&r.b[r.i])), n)
	} else {
		out = make([]uint32, n)
		for k := range out {
			out[k] = binary.LittleEndian.Uint32(r.b[r.i+4*k:])
		}
	}
	r.i += 4 * n
	return out
}

// Align skips the zero bytes Writer.Align wrote to bring the offset to a multiple of n.
func (r *Reader) Align(n int) {
	pad := (n - r.i%n) % n
	for _, c := range r.Bytes(pad) {
		if c != 0 {
			r.Fail("padding")
			return
		}
	}
}

// Writer appends fields in the layout Reader reads.
type Writer struct{ B []byte }

// Uvarint appends an unsigned varint.
func (w *Writer) Uvarint(v uint64) { w.B = binary.AppendUvarint(w.B, v) }

// Varint appends a zigzag-encoded signed varint.
func (w *Writer) Varint(v int64) { w.B = binary.AppendVarint(w.B, v) }

// String appends a length-prefixed string.
func (w *Writer) String(s string) {
	w.Uvarint(uint64(len(s)))
	w.B = append(w.B, s...)
}

// Strings appends a count of strings, then each.
func (w *Writer) Strings(ss []string) {
	w.Uvarint(uint64(len(ss)))
	for _, s := range ss {
		w.String(s)
	}
}

// Uint64 appends a little-endian uint64.
func (w *Writer) Uint64(v uint64) { w.B = binary.LittleEndian.AppendUint64(w.B, v) }

// Uint32 appends a little-endian uint32.
func (w *Writer) Uint32(v uint32) { w.B = binary.LittleEndian.AppendUint32(w.B, v) }

// Align appends zero bytes up to an offset that is a multiple of n, so that an array of
// n-byte numbers written next can be read in place (Reader.Uint64s, Uint32s).
func (w *Writer) Align(n int) {
	for len(w.B)%n != 0 {
		w.B = append(w.B, 0)
	}
}
