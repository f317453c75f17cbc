package ner

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/tocsin-project/tocsin/internal/bincodec"
)

// model.tables is the embedded model.bin as Default uses it: the weight table, word
// clusters, capitalisation statistics and gazetteer already built, as fixed-width
// little-endian arrays, so that a process does not decompress, decode and build them
// at every start. The weight table is aligned and used where it lies in the binary (read
// in place; copied only on a big-endian machine). It is generated from model.bin by
//
//	go test ./ner -run TestTablesFresh -update
//
// (go generate runs it), and TestTablesFresh fails while it is stale.
//
//go:generate go test -run TestTablesFresh -update .
//go:embed model.tables
var modelTables []byte

// tablesMagic starts model.tables and names its layout; change it with the layout.
const tablesMagic = "tocsin ner tables 2\n"

// writeTables writes m in model.tables' layout: header, notes, feature count, the weight
// table, then each map as its count and (key, value) pairs in key order.
func writeTables(m *Model) []byte {
	w := &bincodec.Writer{B: []byte(tablesMagic)}
	w.String(m.data.Notes)
	w.Uvarint(uint64(len(m.data.Keys)))
	w.Uvarint(m.table.mask)
	w.Uvarint(uint64(len(m.table.w)))
	w.Align(8)
	for _, s := range m.table.slots {
		w.Uint64(s)
	}
	for _, v := range m.table.w {
		w.Uint32(v)
	}
	w.Uvarint(uint64(len(m.res.clusters)))
	for _, k := range slices.Sorted(maps.Keys(m.res.clusters)) {
		w.Uint64(k)
		w.Uint32(m.res.clusters[k])
	}
	for _, t := range []map[uint64]uint8{m.res.caseStat, m.res.gaz.phrases, m.res.gaz.starts, m.res.gaz.names} {
		w.Uvarint(uint64(len(t)))
		for _, k := range slices.Sorted(maps.Keys(t)) {
			w.Uint64(k)
			w.B = append(w.B, t[k])
		}
	}
	return w.B
}

// readTables reads what writeTables wrote.
func readTables(b []byte) (*Model, error) {
	if !bytes.HasPrefix(b, []byte(tablesMagic)) {
		return nil, errors.New("not tocsin NER tables, or another layout (bad header)")
	}
	r := bincodec.NewReader(b, len(tablesMagic))
	m := &Model{data: &modelData{}}
	m.data.Notes = r.String()
	m.features = int(r.Uvarint())
	m.table.mask = r.Uvarint()
	nw := r.Uvarint()
	if m.table.mask >= uint64(len(b)/8) || m.table.mask&(m.table.mask+1) != 0 || nw > uint64(len(b)/4) {
		return nil, fmt.Errorf("weight table of %d slots and %d weights", m.table.mask+1, nw)
	}
	r.Align(8)
	m.table.slots = r.Uint64s(int(m.table.mask + 1))
	m.table.w = r.Uint32s(int(nw))
	for _, s := range m.table.slots {
		off, n := int(s>>slotLenBits)&(1<<slotOffBits-1), int(s&(1<<slotLenBits-1))
		if s != 0 && off+n > int(nw) {
			return nil, errors.New("weight table: a slot's weights out of range")
		}
	}
	n := r.Count()
	m.res.clusters = make(map[uint64]uint32, n)
	for range n {
		e := r.Bytes(12)
		if e == nil {
			break
		}
		m.res.clusters[binary.LittleEndian.Uint64(e)] = binary.LittleEndian.Uint32(e[8:])
	}
	m.res.gaz = &gazetteer{}
	for _, t := range []*map[uint64]uint8{&m.res.caseStat, &m.res.gaz.phrases, &m.res.gaz.starts, &m.res.gaz.names} {
		n := r.Count()
		*t = make(map[uint64]uint8, n)
		for range n {
			e := r.Bytes(9)
			if e == nil {
				break
			}
			(*t)[binary.LittleEndian.Uint64(e)] = e[8]
		}
	}
	if err := r.End(); err != nil {
		return nil, err
	}
	m.res.titles = titleHashes()
	return m, nil
}
