package actor

import (
	"maps"
	"slices"
)

// index maps a phrase hash to its entry (phrase index+1, | more when a longer phrase
// continues). A loaded KB's index is an open-addressing table of kb.bin read in place:
// keys and entries in two arrays of a power-of-two length, linear probing from the hash's
// low bits, key 0 an empty slot, at most 70% full. What is added afterwards (a user's
// dictionaries, or every phrase of a KB built from sources) goes to a map that is
// consulted first.
type index struct {
	keys []uint64
	vals []uint32
	over map[uint64]uint32
}

// get returns the entry of hash h.
func (x *index) get(h uint64) (uint32, bool) {
	if x.over != nil {
		if v, ok := x.over[h]; ok {
			return v, true
		}
	}
	if len(x.keys) == 0 {
		return 0, false
	}
	mask := uint64(len(x.keys) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch x.keys[i] {
		case h:
			return x.vals[i], true
		case 0:
			return 0, false
		}
	}
}

// set sets the entry of hash h.
func (x *index) set(h uint64, v uint32) {
	if x.over == nil {
		x.over = map[uint64]uint32{}
	}
	x.over[h] = v
}

// table returns every entry as an open-addressing table (see index), for kb.bin.
func (x *index) table() (keys []uint64, vals []uint32) {
	all := map[uint64]uint32{}
	for i, k := range x.keys {
		if k != 0 {
			all[k] = x.vals[i]
		}
	}
	maps.Copy(all, x.over)
	size := 1
	for size*7 < len(all)*10+7 {
		size *= 2
	}
	keys, vals = make([]uint64, size), make([]uint32, size)
	mask := uint64(size - 1)
	for _, k := range slices.Sorted(maps.Keys(all)) {
		if k == 0 {
			panic("actor: a phrase hashes to 0, the empty slot of kb.bin's index")
		}
		i := k & mask
		for keys[i] != 0 {
			i = (i + 1) & mask
		}
		keys[i], vals[i] = k, all[k]
	}
	return keys, vals
}
