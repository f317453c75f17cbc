package syntax

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"

	"github.com/tocsin-project/tocsin/internal/bincodec"
)

// model.tables is the embedded model.bin as Default uses it: the weight tables already
// built (hash slots, packed weights, companded transition rows), fixed-width,
// little-endian and aligned, so that they are used where they lie in the binary (read in
// place; copied only on a big-endian machine) rather than decompressed, decoded and
// rebuilt (about 0.3 s of CPU at every start). It is generated from model.bin by
//
//	go test ./syntax -run TestTablesFresh -update
//
// (go generate runs it), and TestTablesFresh fails while it is stale.
//
//go:generate go test -run TestTablesFresh -update .
//go:embed model.tables
var modelTables []byte

// tablesMagic starts model.tables and names its layout; change it with the layout.
const tablesMagic = "tocsin syntax tables 2\n"

// writeTables writes m in model.tables' layout: the header, the names, vocabulary, tag
// dictionary and lemmatiser as in model.bin's body, then the tables.
func writeTables(m *Model) []byte {
	d := m.data
	b := &bincodec.Writer{B: []byte(tablesMagic)}
	putVocabulary(b, d)
	putLemmatizer(b, d)
	twoPass := uint64(0)
	if m.twoPass {
		twoPass = 1
	}
	b.Uvarint(twoPass)
	for _, t := range []*sparseTable{&m.tagger, &m.pre, &m.labeler} {
		b.Uvarint(t.size)
		b.Uvarint(uint64(len(t.w)))
		b.Align(8)
		for _, v := range t.slots {
			b.Uint64(v)
		}
		for _, v := range t.w {
			b.Uint32(v)
		}
	}
	b.Uvarint(uint64(m.trans.shift))
	b.Uvarint(uint64(len(m.trans.rows)))
	b.Align(4)
	for _, v := range m.trans.rows {
		b.Uint32(v)
	}
	for _, v := range m.trans.lut {
		b.Uint32(uint32(v))
	}
	return b.B
}

// readTables reads what writeTables wrote.
func readTables(raw []byte) (*Model, error) {
	if !bytes.HasPrefix(raw, []byte(tablesMagic)) {
		return nil, errors.New("not tocsin syntax tables, or another layout (bad header)")
	}
	rd := bincodec.NewReader(raw, len(tablesMagic))
	d := &modelData{}
	readVocabulary(rd, d)
	readLemmatizer(rd, d)
	t := tables{twoPass: rd.Uvarint() == 1}
	for _, st := range []*sparseTable{&t.tagger, &t.pre, &t.labeler} {
		st.size = rd.Uvarint()
		nw := rd.Uvarint()
		if st.size == 0 || st.size > uint64(len(raw)/8) || nw > maxSparseWeights {
			return nil, fmt.Errorf("sparse table of %d slots and %d weights", st.size, nw)
		}
		rd.Align(8)
		st.slots = rd.Uint64s(int(st.size))
		st.w = rd.Uint32s(int(nw))
		// A slot's run of weights must lie inside w, and its classes inside the scores.
		for _, s := range st.slots {
			if off, n := s>>8&0xffffff, s&0xff; s != 0 && off+n > nw {
				return nil, errors.New("sparse table: a slot's weights out of range")
			}
		}
	}
	t.trans.shift = uint(rd.Uvarint())
	nrows := rd.Uvarint()
	if t.trans.shift < 36 || t.trans.shift > 56 || nrows != 1<<(64-t.trans.shift) {
		return nil, fmt.Errorf("transition table of %d rows, shift %d", nrows, t.trans.shift)
	}
	rd.Align(4)
	t.trans.rows = rd.Uint32s(int(nrows))
	for i, v := range rd.Uint32s(256) {
		t.trans.lut[i] = int32(v)
	}
	if err := rd.End(); err != nil {
		return nil, err
	}
	if err := checkClasses(d, t); err != nil {
		return nil, err
	}
	return assemble(d, t)
}

// checkClasses checks that every weight's class is a tag (tagger) or a label (labeller),
// as compile checks the features.
func checkClasses(d *modelData, t tables) error {
	for _, c := range []struct {
		t     *sparseTable
		n     int
		which string
	}{{&t.tagger, len(d.Tags), "tagger"}, {&t.pre, len(d.Tags), "first-pass tagger"}, {&t.labeler, len(d.Labels), "labeller"}} {
		for _, p := range c.t.w {
			if int(p&0xffff) >= c.n {
				return fmt.Errorf("%s weight of class %d of %d", c.which, p&0xffff, c.n)
			}
		}
	}
	return nil
}
