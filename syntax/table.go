package syntax

import (
	"math"
	"math/bits"
)

// sparseTable maps a feature key to its non-zero class weights: an open-addressing table
// of slots, each naming a run of packed weights (class | int16 value << 16). Features of
// the tagger and the labeller have a handful of non-zero weights each, so the packed form
// is several times smaller than rows of every class, and smaller means fewer cache misses.
// A slot is one uint64: the key's low 32 bits (its high bits chose the slot), the run's
// offset (24 bits) and its length (8 bits); 0 is an empty slot.
type sparseTable struct {
	size  uint64 // number of slots
	slots []uint64
	w     []uint32
}

// home is the slot where a key's probe starts: the high half of key × size, which spreads
// keys over a table of any size.
func (t *sparseTable) home(k uint64) uint64 {
	hi, _ := bits.Mul64(k, t.size)
	return hi
}

// sparseEntry is one feature with its quantised weights, as stored in the model file.
type sparseEntry struct {
	Key     uint64
	Classes []uint16
	Values  []int16
}

const maxSparseWeights = 1 << 24

func newSparseTable(entries []sparseEntry) sparseTable {
	size := max(16, len(entries)*10/7) // 70% full
	t := sparseTable{size: uint64(size), slots: make([]uint64, size)}
	for _, e := range entries {
		n := len(e.Classes)
		if n == 0 || n > 255 || len(t.w)+n > maxSparseWeights {
			continue
		}
		off := len(t.w)
		for i, c := range e.Classes {
			t.w = append(t.w, uint32(c)|uint32(uint16(e.Values[i]))<<16)
		}
		j := t.home(e.Key)
		for t.slots[j] != 0 {
			if j++; j == t.size {
				j = 0
			}
		}
		t.slots[j] = e.Key<<32 | uint64(off)<<8 | uint64(n)
	}
	return t
}

// add adds the weights of the features in keys to sc; a zero key is no feature.
//
// Cache misses, not arithmetic, are the cost, so the work is done in passes whose loads
// do not depend on one another and can all be in flight at once: touch each key's home
// slot; probe for the slots, touching the first weight of each; add the weights.
func (t *sparseTable) add(keys []uint64, sc []int32) {
	var sink uint64
	for _, k := range keys {
		sink += t.slots[t.home(k)]
	}
	var found [64]uint64
	nf := 0
	for _, k := range keys {
		if k == 0 {
			continue
		}
		j := t.home(k)
		fp := k << 32
		for {
			s := t.slots[j]
			if s&^0xffffffff == fp && s != 0 {
				sink += uint64(t.w[s>>8&0xffffff])
				found[nf&63] = s
				nf++
				break
			}
			if s == 0 {
				break
			}
			if j++; j == t.size {
				j = 0
			}
		}
	}
	if sink == 1 { // almost never; keeps the loads
		sc[0]++
	}
	for _, s := range found[:min(nf, 64)] {
		off := uint32(s >> 8 & 0xffffff)
		for _, p := range t.w[off : off+uint32(s&0xff)] {
			sc[p&0xffff] += int32(int16(p >> 16))
		}
	}
}

// denseTable is a hashed weight table without keys for a classifier with three classes:
// a feature's key picks a row by its top bits, and features that collide share the row
// (training saw the same collisions). A row is one uint32 holding three one-byte codes,
// so the table of a million rows takes 4 MB, and lookups have no branches, so the
// processor overlaps their cache misses. The codes are μ-law companded (μ = 255), fine
// near zero where most weights are and coarse for the few large ones; lut turns a code
// back into a weight.
type denseTable struct {
	shift uint
	rows  []uint32
	lut   [256]int32
}

const muLaw = 255

// newDenseTable compands the stored int16 weights (four per row, the fourth unused).
func newDenseTable(bits uint, w []int16) denseTable {
	maxAbs := 1.0
	for _, v := range w {
		maxAbs = max(maxAbs, math.Abs(float64(v)))
	}
	t := denseTable{shift: 64 - bits, rows: make([]uint32, len(w)/4)}
	for code := -127; code <= 127; code++ {
		m := maxAbs * (math.Pow(1+muLaw, math.Abs(float64(code))/127) - 1) / muLaw
		t.lut[uint8(int8(code))] = int32(math.Copysign(math.Round(m), float64(code)))
	}
	for r := range t.rows {
		var row uint32
		for c := range 3 {
			v := float64(w[r*4+c])
			code := math.Round(127 * math.Log1p(muLaw*math.Abs(v)/maxAbs) / math.Log1p(muLaw))
			row |= uint32(uint8(int8(math.Copysign(code, v)))) << (8 * c)
		}
		t.rows[r] = row
	}
	return t
}

// trainSparse is an averaged perceptron over a feature map that grows as features get
// their first update. Weights are integers (updates are ±1); u accumulates step×update
// so that the average is w - u/steps (Daumé's trick).
type trainSparse struct {
	classes int
	index   map[uint64]int32
	keys    []uint64
	w       []int32
	u       []int64
	steps   int64
}

func newTrainSparse(classes int) *trainSparse {
	return &trainSparse{classes: classes, index: make(map[uint64]int32)}
}

// score adds the current weights of keys to sc.
func (p *trainSparse) score(keys []uint64, sc []int32) {
	for _, k := range keys {
		if k == 0 {
			continue
		}
		if r, ok := p.index[k]; ok {
			row := p.w[int(r)*p.classes : int(r+1)*p.classes]
			for c, v := range row {
				sc[c] += v
			}
		}
	}
}

func (p *trainSparse) row(k uint64) int {
	r, ok := p.index[k]
	if !ok {
		r = int32(len(p.keys))
		p.index[k] = r
		p.keys = append(p.keys, k)
		p.w = append(p.w, make([]int32, p.classes)...)
		p.u = append(p.u, make([]int64, p.classes)...)
	}
	return int(r) * p.classes
}

// update moves weight from class bad to class good on every feature of keys.
func (p *trainSparse) update(keys []uint64, good, bad int) {
	for _, k := range keys {
		if k == 0 {
			continue
		}
		r := p.row(k)
		p.w[r+good]++
		p.u[r+good] += p.steps
		p.w[r+bad]--
		p.u[r+bad] -= p.steps
	}
}

// tick counts one training example (call it after each decision, updated or not).
func (p *trainSparse) tick() { p.steps++ }

// averaged returns the averaged weights as quantised entries sorted by key, dropping
// weights whose magnitude is below prune (in units of one update), and the scale used.
func (p *trainSparse) averaged(prune float64) ([]sparseEntry, float32) {
	avg := make([]float64, len(p.w))
	maxAbs := 0.0
	steps := float64(max(p.steps, 1))
	for i := range p.w {
		a := float64(p.w[i]) - float64(p.u[i])/steps
		if math.Abs(a) < prune {
			a = 0
		}
		avg[i] = a
		maxAbs = max(maxAbs, math.Abs(a))
	}
	scale := quantScale(maxAbs)
	order := sortedRows(p.keys)
	var out []sparseEntry
	for _, r := range order {
		e := sparseEntry{Key: p.keys[r]}
		for c := 0; c < p.classes; c++ {
			q := quantize(avg[r*p.classes+c], scale)
			if q != 0 {
				e.Classes = append(e.Classes, uint16(c))
				e.Values = append(e.Values, q)
			}
		}
		if len(e.Classes) > 0 {
			out = append(out, e)
		}
	}
	return out, float32(scale)
}

// trainDense is the averaged perceptron behind a denseTable.
type trainDense struct {
	shift uint
	w     []int32
	u     []int64
	steps int64
}

func newTrainDense(bits uint) *trainDense {
	return &trainDense{shift: 64 - bits, w: make([]int32, 4<<bits), u: make([]int64, 4<<bits)}
}

func (p *trainDense) score(keys []uint64, sc *[4]int32) {
	for _, k := range keys {
		r := int(k>>p.shift) * 4
		sc[0] += p.w[r]
		sc[1] += p.w[r+1]
		sc[2] += p.w[r+2]
		sc[3] += p.w[r+3]
	}
}

func (p *trainDense) update(keys []uint64, good, bad int) {
	for _, k := range keys {
		r := int(k>>p.shift) * 4
		p.w[r+good]++
		p.u[r+good] += p.steps
		p.w[r+bad]--
		p.u[r+bad] -= p.steps
	}
}

func (p *trainDense) tick() { p.steps++ }

// averaged returns the quantised averaged weights and their scale.
func (p *trainDense) averaged(prune float64) ([]int16, float32) {
	avg := make([]float64, len(p.w))
	maxAbs := 0.0
	steps := float64(max(p.steps, 1))
	for i := range p.w {
		a := float64(p.w[i]) - float64(p.u[i])/steps
		if math.Abs(a) < prune {
			a = 0
		}
		avg[i] = a
		maxAbs = max(maxAbs, math.Abs(a))
	}
	scale := quantScale(maxAbs)
	out := make([]int16, len(avg))
	for i, a := range avg {
		out[i] = quantize(a, scale)
	}
	return out, float32(scale)
}

// quantScale maps the largest weight to 30000, leaving headroom below the int16 limit.
func quantScale(maxAbs float64) float64 {
	if maxAbs == 0 {
		return 1
	}
	return 30000 / maxAbs
}

func quantize(a, scale float64) int16 {
	q := math.Round(a * scale)
	return int16(max(-32767, min(32767, q)))
}
