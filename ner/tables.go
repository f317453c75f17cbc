package ner

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
)

// model.tables is the embedded model.bin as Default uses it: the weight table, word
// clusters, capitalisation statistics and gazetteer already built, as fixed-width
// little-endian arrays, so that a process does not decompress, decode and build them
// at every start. It is generated from model.bin by
//
//	go test ./ner -run TestTablesFresh -update
//
// (go generate runs it), and TestTablesFresh fails while it is stale.
//
//go:generate go test -run TestTablesFresh -update .
//go:embed model.tables
var modelTables []byte

// tablesMagic starts model.tables and names its layout; change it with the layout.
const tablesMagic = "tocsin ner tables 1\n"

// writeTables writes m in model.tables' layout: header, notes, feature count, the weight
// table, then each map as its count and (key, value) pairs in key order.
func writeTables(m *Model) []byte {
	w := []byte(tablesMagic)
	num := func(v uint64) { w = binary.AppendUvarint(w, v) }
	num(uint64(len(m.data.Notes)))
	w = append(w, m.data.Notes...)
	num(uint64(len(m.data.Keys)))
	num(m.table.mask)
	num(uint64(len(m.table.w)))
	for _, s := range m.table.slots {
		w = binary.LittleEndian.AppendUint64(w, s)
	}
	for _, v := range m.table.w {
		w = binary.LittleEndian.AppendUint32(w, v)
	}
	num(uint64(len(m.res.clusters)))
	for _, k := range slices.Sorted(maps.Keys(m.res.clusters)) {
		w = binary.LittleEndian.AppendUint64(w, k)
		w = binary.LittleEndian.AppendUint32(w, m.res.clusters[k])
	}
	for _, t := range []map[uint64]uint8{m.res.caseStat, m.res.gaz.phrases, m.res.gaz.starts, m.res.gaz.names} {
		num(uint64(len(t)))
		for _, k := range slices.Sorted(maps.Keys(t)) {
			w = binary.LittleEndian.AppendUint64(w, k)
			w = append(w, t[k])
		}
	}
	return w
}

// readTables reads what writeTables wrote.
func readTables(b []byte) (*Model, error) {
	if !bytes.HasPrefix(b, []byte(tablesMagic)) {
		return nil, errors.New("not tocsin NER tables, or another layout (bad header)")
	}
	r := &tableReader{b: b, i: len(tablesMagic)}
	m := &Model{data: &modelData{}}
	m.data.Notes = string(r.take(r.count()))
	m.features = int(r.num())
	m.table.mask = r.num()
	nw := r.num()
	if m.table.mask >= uint64(len(b)/8) || m.table.mask&(m.table.mask+1) != 0 || nw > uint64(len(b)/4) {
		return nil, fmt.Errorf("weight table of %d slots and %d weights", m.table.mask+1, nw)
	}
	slots := r.take(8 * int(m.table.mask+1))
	ws := r.take(4 * int(nw))
	if r.err == nil {
		m.table.slots = make([]uint64, m.table.mask+1)
		for i := range m.table.slots {
			s := binary.LittleEndian.Uint64(slots[8*i:])
			off, n := int(s>>slotLenBits)&(1<<slotOffBits-1), int(s&(1<<slotLenBits-1))
			if s != 0 && off+n > int(nw) {
				return nil, errors.New("weight table: a slot's weights out of range")
			}
			m.table.slots[i] = s
		}
		m.table.w = make([]uint32, nw)
		for i := range m.table.w {
			m.table.w[i] = binary.LittleEndian.Uint32(ws[4*i:])
		}
	}
	n := r.count()
	m.res.clusters = make(map[uint64]uint32, n)
	for range n {
		e := r.take(12)
		if e == nil {
			break
		}
		m.res.clusters[binary.LittleEndian.Uint64(e)] = binary.LittleEndian.Uint32(e[8:])
	}
	m.res.gaz = &gazetteer{}
	for _, t := range []*map[uint64]uint8{&m.res.caseStat, &m.res.gaz.phrases, &m.res.gaz.starts, &m.res.gaz.names} {
		n := r.count()
		*t = make(map[uint64]uint8, n)
		for range n {
			e := r.take(9)
			if e == nil {
				break
			}
			(*t)[binary.LittleEndian.Uint64(e)] = e[8]
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.i != len(b) {
		return nil, fmt.Errorf("%d trailing bytes", len(b)-r.i)
	}
	m.res.titles = titleHashes()
	return m, nil
}

// tableReader reads model.tables' fields; the first error sticks and later reads return
// nothing.
type tableReader struct {
	b   []byte
	i   int
	err error
}

func (r *tableReader) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("truncated or corrupt at byte %d", r.i)
	}
	r.i = len(r.b)
}

func (r *tableReader) num() uint64 {
	v, n := binary.Uvarint(r.b[r.i:])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.i += n
	return v
}

// count reads a number of items, each at least one byte long.
func (r *tableReader) count() int {
	n := r.num()
	if n > uint64(len(r.b)-r.i) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *tableReader) take(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b)-r.i {
		r.fail()
		return nil
	}
	s := r.b[r.i : r.i+n]
	r.i += n
	return s
}
