package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/internal/bincodec"
	"github.com/tocsin-project/tocsin/internal/fhash"
)

// Model is a trained recogniser: feature weights, word clusters, capitalisation statistics
// and gazetteer. It is read-only once built and safe for concurrent use.
type Model struct {
	data     *modelData // of a model read from model.tables, only the notes
	features int
	res      resources
	table    weightTable
}

// modelData is what the model file stores.
type modelData struct {
	Notes    string   // how the model was trained
	Keys     []uint64 // feature keys, ascending
	Weights  []int16  // numTags weights per key
	Scale    float32  // a weight's value is Weights[i] / Scale
	Clusters []clusterEntry
	Case     []caseEntry
	Gaz      []gazEntry
}

type clusterEntry struct {
	Word              string
	Fine, Mid, Coarse uint16
}

type caseEntry struct {
	Word   string // lower case
	Bucket uint8
}

// Notes describes how the model was trained: data, sizes, settings.
func (m *Model) Notes() string { return m.data.Notes }

// Features is the number of features with weights.
func (m *Model) Features() int { return m.features }

// weightTable is an open-addressing hash table from feature key to its weights, laid out
// for a tagger whose time goes into memory reads. A slot is one uint64: the key's high 32
// bits (its low bits chose the slot), then the offset and length of the feature's non-zero
// weights in w. A weight is packed in a uint32 as tag | int16 value << 16; features have
// 3.6 non-zero weights on average, so the weights of 50,000 features fit in under a
// megabyte, in the processor's cache.
type weightTable struct {
	mask  uint64
	slots []uint64
	w     []uint32
}

const (
	slotLenBits = 5 // a feature has at most numTags ≤ 31 non-zero weights
	slotOffBits = 32 - slotLenBits
)

func newWeightTable(keys []uint64, w []int16) weightTable {
	size := 1
	for size < 2*len(keys) {
		size <<= 1
	}
	t := weightTable{mask: uint64(size - 1), slots: make([]uint64, size)}
	for i, k := range keys {
		off := len(t.w)
		for tag, v := range w[i*numTags : (i+1)*numTags] {
			if v != 0 {
				t.w = append(t.w, uint32(tag)|uint32(uint16(v))<<16)
			}
		}
		n := len(t.w) - off
		if n == 0 || off >= 1<<slotOffBits {
			t.w = t.w[:off]
			continue
		}
		j := k & t.mask
		for t.slots[j] != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = k&^0xffffffff | uint64(off)<<slotLenBits | uint64(n)
	}
	return t
}

// add adds the weights of the features in keys to sc.
//
// Cache misses, not arithmetic, are the cost, so the work is done in passes whose loads
// do not depend on one another and can all be in flight at once: touch each key's home
// slot; probe for the slots (each now in the cache), touching the first weight of each;
// add the weights. The sum of the touched values goes into sc's last entry, which no tag
// uses, so that the compiler keeps the loads.
func (t *weightTable) add(keys []uint64, sc *scores) {
	var sink uint64
	for _, k := range keys {
		sink += t.slots[k&t.mask]
	}
	var buf [128]uint64
	found := buf[:0]
	for _, k := range keys {
		j := k & t.mask
		hi := k &^ 0xffffffff
		for {
			s := t.slots[j]
			if s == 0 {
				break
			}
			if s&^0xffffffff == hi {
				sink += uint64(t.w[int(s>>slotLenBits)&(1<<slotOffBits-1)])
				found = append(found, s)
				break
			}
			j = (j + 1) & t.mask
		}
	}
	sc[len(sc)-1] += int32(sink)
	for _, s := range found {
		off := int(s>>slotLenBits) & (1<<slotOffBits - 1)
		for _, p := range t.w[off : off+int(s&(1<<slotLenBits-1))] {
			sc[p&31] += int32(int16(p >> 16))
		}
	}
}

// compile builds the runtime structures from the stored data.
func compile(d *modelData) (*Model, error) {
	if len(d.Weights) != len(d.Keys)*numTags {
		return nil, fmt.Errorf("model: %d weights for %d features", len(d.Weights), len(d.Keys))
	}
	m := &Model{data: d, features: len(d.Keys)}
	m.res = buildResources(d.Clusters, d.Case, d.Gaz)
	m.table = newWeightTable(d.Keys, d.Weights)
	return m, nil
}

func buildResources(cl []clusterEntry, cs []caseEntry, gaz []gazEntry) resources {
	r := resources{clusters: make(map[uint64]uint32, len(cl)*3/2), caseStat: make(map[uint64]uint8, len(cs))}
	// Exact forms first; then lower-case forms not seen as such map to their most
	// frequent variant (the entries are in frequency order).
	for _, e := range cl {
		r.clusters[fhash.String(e.Word)] = packCluster(e)
	}
	for _, e := range cl {
		lw := fhash.Lower(e.Word)
		if _, ok := r.clusters[lw]; !ok {
			r.clusters[lw] = packCluster(e)
		}
	}
	for _, e := range cs {
		r.caseStat[fhash.String(e.Word)] = e.Bucket
	}
	r.gaz = newGazetteer(gaz)
	r.titles = titleHashes()
	return r
}

// titleHashes returns the hashes of the titles the features look for.
func titleHashes() map[uint64]bool {
	h := make(map[uint64]bool, len(titles))
	for t, ok := range titles {
		if ok {
			h[fhash.String(t)] = true
		}
	}
	return h
}

func packCluster(e clusterEntry) uint32 {
	return uint32(e.Fine+1)&0xfff | (uint32(e.Mid+1)&0xfff)<<12 | uint32(e.Coarse+1)<<24
}

const (
	modelMagic   = "TOCSIN-NER"
	modelVersion = 1
)

// WriteTo writes the model in its file format: the magic "TOCSIN-NER", a version byte,
// then a gzip stream of notes, weights (delta-coded keys, sparse varint rows), clusters,
// capitalisation statistics and gazetteer.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	body := &bincodec.Writer{}
	d := m.data
	if len(d.Keys) != m.features {
		return 0, errors.New("model: read from model.tables, which keeps the built tables only; write a model from ReadModel or training")
	}
	body.String(d.Notes)
	body.Uvarint(numTypes)
	body.Uvarint(numTags)
	body.Uint32(math.Float32bits(d.Scale))
	body.Uvarint(uint64(len(d.Keys)))
	prev := uint64(0)
	for i, k := range d.Keys {
		body.Uvarint(k - prev)
		prev = k
		row := d.Weights[i*numTags : (i+1)*numTags]
		mask := uint64(0)
		for t, v := range row {
			if v != 0 {
				mask |= 1 << t
			}
		}
		body.Uvarint(mask)
		for _, v := range row {
			if v != 0 {
				body.Varint(int64(v))
			}
		}
	}
	body.Uvarint(uint64(len(d.Clusters)))
	for _, c := range d.Clusters {
		body.String(c.Word)
		body.Uvarint(uint64(c.Fine))
		body.Uvarint(uint64(c.Mid))
		body.Uvarint(uint64(c.Coarse))
	}
	body.Uvarint(uint64(len(d.Case)))
	for _, c := range d.Case {
		body.String(c.Word)
		body.B = append(body.B, c.Bucket)
	}
	body.Uvarint(uint64(len(d.Gaz)))
	for _, g := range d.Gaz {
		body.B = append(body.B, g.Kind)
		body.String(g.Phrase)
	}
	var out bytes.Buffer
	out.WriteString(modelMagic)
	out.WriteByte(modelVersion)
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(body.B); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	n, err := w.Write(out.Bytes())
	return int64(n), err
}

// WriteFile writes the model to path.
func (m *Model) WriteFile(path string) error {
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(modelMagic)+1)
	if _, err := io.ReadFull(br, head); err != nil || string(head[:len(modelMagic)]) != modelMagic {
		return nil, errors.New("model: not a tocsin NER model (bad magic)")
	}
	if head[len(modelMagic)] != modelVersion {
		return nil, fmt.Errorf("model: version %d, this build reads version %d", head[len(modelMagic)], modelVersion)
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	d, err := decodeModel(raw)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	return compile(d)
}

func decodeModel(raw []byte) (*modelData, error) {
	rd := bincodec.NewReader(raw, 0)
	d := &modelData{}
	d.Notes = rd.String()
	if nt, ng := rd.Uvarint(), rd.Uvarint(); nt != numTypes || ng != numTags {
		return nil, fmt.Errorf("model has %d types and %d tags, this build has %d and %d", nt, ng, numTypes, numTags)
	}
	d.Scale = math.Float32frombits(rd.Uint32())
	n := rd.Uvarint()
	if n > uint64(len(raw)) {
		return nil, errors.New("corrupt feature count")
	}
	d.Keys = make([]uint64, n)
	d.Weights = make([]int16, int(n)*numTags)
	prev := uint64(0)
	for i := range d.Keys {
		prev += rd.Uvarint()
		d.Keys[i] = prev
		mask := rd.Uvarint()
		for t := 0; t < numTags; t++ {
			if mask&(1<<t) != 0 {
				d.Weights[i*numTags+t] = int16(rd.Varint())
			}
		}
	}
	n = rd.Uvarint()
	if n > uint64(len(raw)) {
		return nil, errors.New("corrupt cluster count")
	}
	d.Clusters = make([]clusterEntry, n)
	for i := range d.Clusters {
		d.Clusters[i] = clusterEntry{Word: rd.String(), Fine: uint16(rd.Uvarint()), Mid: uint16(rd.Uvarint()), Coarse: uint16(rd.Uvarint())}
	}
	n = rd.Uvarint()
	if n > uint64(len(raw)) {
		return nil, errors.New("corrupt case count")
	}
	d.Case = make([]caseEntry, n)
	for i := range d.Case {
		d.Case[i] = caseEntry{Word: rd.String(), Bucket: rd.Byte()}
	}
	n = rd.Uvarint()
	if n > uint64(len(raw)) {
		return nil, errors.New("corrupt gazetteer count")
	}
	d.Gaz = make([]gazEntry, n)
	for i := range d.Gaz {
		k := rd.Byte()
		d.Gaz[i] = gazEntry{Kind: k, Phrase: rd.String()}
	}
	if err := rd.End(); err != nil {
		return nil, err
	}
	return d, nil
}

// sortedCase turns the statistics map into entries sorted by word.
func sortedCase(m map[string]uint8) []caseEntry {
	out := make([]caseEntry, 0, len(m))
	for w, b := range m {
		out = append(out, caseEntry{Word: w, Bucket: b})
	}
	slices.SortFunc(out, func(a, b caseEntry) int { return strings.Compare(a.Word, b.Word) })
	return out
}
