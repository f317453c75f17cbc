package syntax

import (
	"strings"

	"github.com/tocsin-project/tocsin/internal/fhash"
)

// The tagger is a greedy left-to-right averaged perceptron over joint labels "XPOS UPOS"
// (NN NOUN, DT PRON, VBZ AUX ...): predicting the pair lets context choose between DT DET
// and DT PRON ("that") or VBP AUX and VBP VERB ("have"), which a table from XPOS to UPOS
// cannot.

// Tagger feature templates.
const (
	ttBias = iota + 1
	ttLow
	ttForm
	ttSuf1
	ttSuf2
	ttSuf3
	ttSuf4
	ttPre1
	ttPre3
	ttShape
	ttLowP1
	ttLowN1
	ttLowP2
	ttLowN2
	ttSufP1
	ttSufN1
	ttShapeP1
	ttShapeN1
	ttLowP1Low
	ttLowLowN1
	// dynamic: depend on the tags already chosen
	ttTagP1
	ttTagP2
	ttTagP1P2
	ttTagP1Low
	ttFine
	ttMid
	ttFineP1
	ttFineN1
	ttCase
	ttR1
	ttR1R2
	ttR1Low
	ttTagP1R1
	ttTagP1R1Suf
	ttLastVerb
)

const (
	numTagStatic  = 27
	numTagDynamic = 7
	numTagFeats   = numTagStatic + numTagDynamic
)

// Sentinels for neighbours outside the sentence.
var (
	lexStart = lex{low: 0x1111, form: 0x1111, suf: [4]uint64{0x1111, 0x1111, 0x1111, 0x1111}, shape: 0x1111, fine: 0x1111}
	lexEnd   = lex{low: 0x2222, form: 0x2222, suf: [4]uint64{0x2222, 0x2222, 0x2222, 0x2222}, shape: 0x2222, fine: 0x2222}
)

// tagWordFeats are the indexes of tagStatic's features that read word i alone, not its
// neighbours or its place: all its occurrences share them (wordCache).
var tagWordFeats = [...]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 19, 20}

// preWordFeats are those of preFeatures.
var preWordFeats = [...]int{0, 1, 2, 3, 4, 5}

// tagStatic writes the features of word i that do not depend on the tags this pass
// chooses; right, when not nil, holds the first pass's tags, whose next two are features.
func tagStatic(lx []lex, i int, right []uint16, keys *[numTagFeats]uint64) {
	w := &lx[i]
	p1, p2, n1, n2 := &lexStart, &lexStart, &lexEnd, &lexEnd
	if i > 0 {
		p1 = &lx[i-1]
		if i > 1 {
			p2 = &lx[i-2]
		}
	}
	if i+1 < len(lx) {
		n1 = &lx[i+1]
		if i+2 < len(lx) {
			n2 = &lx[i+2]
		}
	}
	keys[0] = fhash.F1(ttBias, 0)
	keys[1] = fhash.F1(ttLow, w.low)
	keys[2] = fhash.F1(ttForm, w.form)
	keys[3] = opt(ttSuf1, w.suf[0])
	keys[4] = opt(ttSuf2, w.suf[1])
	keys[5] = opt(ttSuf3, w.suf[2])
	keys[6] = opt(ttSuf4, w.suf[3])
	keys[7] = opt(ttPre1, w.pre1)
	keys[8] = opt(ttPre3, w.pre3)
	keys[9] = fhash.F1(ttShape, w.shape)
	keys[10] = fhash.F1(ttLowP1, p1.low)
	keys[11] = fhash.F1(ttLowN1, n1.low)
	keys[12] = fhash.F1(ttLowP2, p2.low)
	keys[13] = fhash.F1(ttLowN2, n2.low)
	keys[14] = opt(ttSufP1, p1.suf[2])
	keys[15] = opt(ttSufN1, n1.suf[2])
	keys[16] = fhash.F1(ttShapeP1, p1.shape)
	keys[17] = fhash.F1(ttShapeN1, n1.shape)
	keys[18] = fhash.F2(ttLowLowN1, w.low, n1.low)
	keys[19] = fhash.F1(ttFine, w.fine)
	keys[20] = fhash.F1(ttMid, w.mid)
	keys[21] = fhash.F1(ttFineP1, p1.fine)
	keys[22] = fhash.F1(ttFineN1, n1.fine)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	keys[23] = fhash.F3(ttCase, w.cas, w.upper, first)
	if right == nil {
		keys[24], keys[25], keys[26] = 0, 0, 0
		return
	}
	r1, r2 := rightTags(right, i)
	keys[24] = fhash.F1(ttR1, r1)
	keys[25] = fhash.F2(ttR1R2, r1, r2)
	keys[26] = fhash.F2(ttR1Low, r1, w.low)
}

// rightTags returns the first pass's tags of the two words after i.
func rightTags(right []uint16, i int) (uint64, uint64) {
	r1, r2 := uint64(tagEnd), uint64(tagEnd)
	if i+1 < len(right) {
		r1 = uint64(right[i+1])
		if i+2 < len(right) {
			r2 = uint64(right[i+2])
		}
	}
	return r1, r2
}

// tagDynamic writes the features that depend on the two previous tags (and the next
// word's first-pass tag).
// lastVerb is the tag of the nearest verb to the left, which coordinated verbs share
// ("went to Baghdad and met leaders").
func tagDynamic(prev1, prev2, lastVerb uint64, lx []lex, i int, right []uint16, keys *[numTagFeats]uint64) {
	keys[numTagStatic+6] = fhash.F2(ttLastVerb, lastVerb, prev1)
	keys[numTagStatic+0] = fhash.F1(ttTagP1, prev1)
	keys[numTagStatic+1] = fhash.F1(ttTagP2, prev2)
	keys[numTagStatic+2] = fhash.F2(ttTagP1P2, prev1, prev2)
	keys[numTagStatic+3] = fhash.F2(ttTagP1Low, prev1, lx[i].low)
	keys[numTagStatic+4], keys[numTagStatic+5] = 0, 0
	if right != nil {
		r1, _ := rightTags(right, i)
		keys[numTagStatic+4] = fhash.F2(ttTagP1R1, prev1, r1)
		keys[numTagStatic+5] = fhash.F3(ttTagP1R1Suf, prev1, r1, lx[i].suf[1])
	}
}

// numPreFeats is the number of features of the first pass of a two-pass tagger: a light
// tagger that only needs to be right often enough to tell the second pass what follows.
const numPreFeats = 9

// preFeatures writes the first pass's features of word i into keys.
func preFeatures(lx []lex, i int, prev1 uint64, keys *[numTagFeats]uint64) {
	w := &lx[i]
	n1 := &lexEnd
	if i+1 < len(lx) {
		n1 = &lx[i+1]
	}
	keys[0] = fhash.F1(ttBias, 0)
	keys[1] = fhash.F1(ttLow, w.low)
	keys[2] = opt(ttSuf2, w.suf[1])
	keys[3] = opt(ttSuf3, w.suf[2])
	keys[4] = fhash.F1(ttShape, w.shape)
	keys[5] = fhash.F1(ttFine, w.fine)
	keys[6] = fhash.F1(ttLowN1, n1.low)
	keys[7] = fhash.F1(ttTagP1, prev1)
	keys[8] = fhash.F2(ttTagP1Low, prev1, w.low)
}

// verbClasses reports which tag classes are verbs (Penn VB*, MD).
func verbClasses(tags []string) []bool {
	out := make([]bool, len(tags))
	for i, t := range tags {
		out[i] = strings.HasPrefix(t, "VB") || strings.HasPrefix(t, "MD")
	}
	return out
}

// opt is f1 for a value that may be absent (0), which gives no feature.
func opt(t, v uint64) uint64 {
	if v == 0 {
		return 0
	}
	return fhash.F1(t, v)
}

// Tag values used as "previous tag" before the first word.
const (
	tagStart1 = 0xfff1
	tagStart2 = 0xfff2
	tagEnd    = 0xfff3
)
