package syntax

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tocsin-project/tocsin/internal/bincodec"
	"github.com/tocsin-project/tocsin/internal/fhash"
)

// Model is a trained tagger, lemmatiser and parser. It is read-only once built and safe
// for concurrent use.
type Model struct {
	data *modelData

	xpos, upos []string // per tag class
	isVerb     []bool
	tagKind    []uint8 // kind* bits of each tag class
	vbd        int     // the class "VBD VERB", -1 if none
	// finiteVerbs are the classes of finite lexical verbs (VBD, VBZ, VBP VERB).
	finiteVerbs []uint16
	labels      []string
	rootLabel   int32
	labelMask   []bool // labels the labeller may give a non-root attachment
	lexicon     lexicon
	tagdict     map[uint64]uint16
	tagger      sparseTable
	pre         sparseTable // first-pass tagger, when twoPass
	twoPass     bool
	trans       denseTable
	labeler     sparseTable
	lemmas      *lemmatizer
}

// modelData is what the model file stores.
type modelData struct {
	Notes      string
	Tags       []string // "XPOS UPOS"
	Labels     []string
	Vocab      []string // lower-case words; a word's id is its index + 1
	Clusters   []clusterEntry
	TagDict    []tagDictEntry
	TagFeats   []sparseEntry
	PreFeats   []sparseEntry // first-pass tagger; none for a one-pass model
	TransBits  uint
	Trans      []int16 // 4 per row, the fourth unused
	LabelFeats []sparseEntry
	LemmaRules []lemmaRuleEntry
	LemmaExc   []lemmaEntry
}

type tagDictEntry struct {
	Form string
	Tag  uint16
}

// Notes describes how the model was trained.
func (m *Model) Notes() string { return m.data.Notes }

// Tags returns the tag classes as "XPOS UPOS" pairs.
func (m *Model) Tags() []string { return append([]string(nil), m.data.Tags...) }

// Labels returns the dependency relations the parser gives.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

const (
	modelMagic   = "tocsin syntax model\n"
	modelVersion = 1
)

func compile(d *modelData) (*Model, error) {
	if d.TransBits < 8 || d.TransBits > 28 || len(d.Trans) != 4<<d.TransBits {
		return nil, fmt.Errorf("transition table of %d weights for %d bits", len(d.Trans), d.TransBits)
	}
	for _, e := range d.TagFeats {
		for _, c := range e.Classes {
			if int(c) >= len(d.Tags) {
				return nil, fmt.Errorf("tagger feature with class %d of %d", c, len(d.Tags))
			}
		}
	}
	for _, e := range d.LabelFeats {
		for _, c := range e.Classes {
			if int(c) >= len(d.Labels) {
				return nil, fmt.Errorf("labeller feature with class %d of %d", c, len(d.Labels))
			}
		}
	}
	for _, e := range d.PreFeats {
		for _, c := range e.Classes {
			if int(c) >= len(d.Tags) {
				return nil, fmt.Errorf("first-pass tagger feature with class %d of %d", c, len(d.Tags))
			}
		}
	}
	return assemble(d, tables{
		tagger: newSparseTable(d.TagFeats), pre: newSparseTable(d.PreFeats),
		labeler: newSparseTable(d.LabelFeats), trans: newDenseTable(d.TransBits, d.Trans),
		twoPass: len(d.PreFeats) > 0,
	})
}

// tables are the weight tables the tagger, parser and labeller read, built from the
// model's features by compile, or read ready-made from model.tables (tables.go).
type tables struct {
	tagger, pre, labeler sparseTable
	trans                denseTable
	twoPass              bool
}

// assemble makes the model from its stored data and its weight tables. The tables need
// not be in d (model.tables leaves the features out): only the names, vocabulary and
// lemmatiser are read from it.
func assemble(d *modelData, t tables) (*Model, error) {
	if len(d.Tags) == 0 || len(d.Tags) > 0xffff || len(d.Labels) == 0 || len(d.Labels) > 64 {
		return nil, fmt.Errorf("%d tags and %d labels", len(d.Tags), len(d.Labels))
	}
	m := &Model{data: d, labels: d.Labels, rootLabel: -1}
	for _, t := range d.Tags {
		x, u, ok := strings.Cut(t, " ")
		if !ok {
			return nil, fmt.Errorf("tag %q is not \"XPOS UPOS\"", t)
		}
		m.xpos = append(m.xpos, x)
		m.upos = append(m.upos, u)
	}
	m.isVerb = verbClasses(d.Tags)
	m.tagKind, m.vbd = tagKinds(m.xpos, m.upos)
	for i, x := range m.xpos {
		if (x == "VBD" || x == "VBZ" || x == "VBP") && m.upos[i] == "VERB" {
			m.finiteVerbs = append(m.finiteVerbs, uint16(i))
		}
	}
	m.labelMask = make([]bool, len(d.Labels))
	for i, l := range d.Labels {
		if l == "root" {
			m.rootLabel = int32(i)
		} else {
			m.labelMask[i] = true
		}
	}
	if m.rootLabel < 0 {
		return nil, errors.New("no root label")
	}
	m.lexicon = newLexicon(d.Vocab, d.Clusters)
	m.tagdict = make(map[uint64]uint16, len(d.TagDict))
	for _, e := range d.TagDict {
		if int(e.Tag) >= len(d.Tags) {
			return nil, fmt.Errorf("tag dictionary: tag %d of %q out of range", e.Tag, e.Form)
		}
		m.tagdict[fhash.String(e.Form)] = e.Tag
	}
	m.tagger, m.pre, m.labeler, m.trans, m.twoPass = t.tagger, t.pre, t.labeler, t.trans, t.twoPass
	m.lemmas = newLemmatizer(d.LemmaRules, d.LemmaExc)
	m.lemmas.words = m.lexicon
	if err := m.lemmas.addIrregular(irregularVerbs); err != nil {
		return nil, err
	}
	return m, nil
}

// Kinds of tags for the finite-verb correction.
const (
	kindFinite   = 1 << iota // VBD VBZ VBP MD
	kindVBN                  // VBN VERB
	kindNominal              // NN NNS NNP NNPS PRP
	kindNPStart              // DT CD PRP$ JJ NN NNS NNP NNPS PRP
	kindComma                // ,
	kindHyph                 // HYPH
	kindMisread              // NN NNS JJ: tags the tagger gives verbs it misreads
	kindObjStart             // DT PRP$ CD: the start of an object's noun phrase
)

func tagKinds(xpos, upos []string) ([]uint8, int) {
	kinds := make([]uint8, len(xpos))
	vbd := -1
	for i, x := range xpos {
		var k uint8
		switch x {
		case "VBD", "VBZ", "VBP", "MD":
			k |= kindFinite
		case "VBN":
			if upos[i] == "VERB" {
				k |= kindVBN
			}
		}
		switch x {
		case "NN", "NNS", "JJ":
			k |= kindMisread
		}
		switch x {
		case "NN", "NNS", "NNP", "NNPS", "PRP":
			k |= kindNominal | kindNPStart
		case "DT", "CD", "PRP$", "JJ":
			k |= kindNPStart
			if x != "JJ" {
				k |= kindObjStart
			}
		case ",":
			k |= kindComma
		case "HYPH":
			k |= kindHyph
		}
		kinds[i] = k
		if x == "VBD" && upos[i] == "VERB" {
			vbd = i
		}
	}
	return kinds, vbd
}

// WriteTo writes the model: a text header, then a gzip stream of the data.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	d := m.data
	if len(d.Trans) == 0 {
		return 0, errors.New("model: read from model.tables, which keeps the built tables only; write a model from ReadModel or training")
	}
	b := &bincodec.Writer{}
	putVocabulary(b, d)
	putSparse(b, d.TagFeats)
	putSparse(b, d.PreFeats)
	b.Uvarint(uint64(d.TransBits))
	nz := 0
	for r := 0; r < len(d.Trans); r += 4 {
		if d.Trans[r] != 0 || d.Trans[r+1] != 0 || d.Trans[r+2] != 0 || d.Trans[r+3] != 0 {
			nz++
		}
	}
	b.Uvarint(uint64(nz))
	prev := -1
	for r := 0; r < len(d.Trans); r += 4 {
		row := d.Trans[r : r+4]
		if row[0] == 0 && row[1] == 0 && row[2] == 0 && row[3] == 0 {
			continue
		}
		b.Uvarint(uint64(r/4 - prev))
		prev = r / 4
		for _, v := range row {
			b.Varint(int64(v))
		}
	}
	putSparse(b, d.LabelFeats)
	putLemmatizer(b, d)

	var out bytes.Buffer
	out.WriteString(modelMagic)
	fmt.Fprintf(&out, "version %d\n", modelVersion)
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	zw.Write(b.B)
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
	magic, err := br.ReadString('\n')
	if err != nil || magic != modelMagic {
		return nil, errors.New("model: not a tocsin syntax model (bad header)")
	}
	var version int
	line, err := br.ReadString('\n')
	if _, serr := fmt.Sscanf(line, "version %d\n", &version); err != nil || serr != nil {
		return nil, errors.New("model: no version line")
	}
	if version != modelVersion {
		return nil, fmt.Errorf("model: version %d, this build reads version %d", version, modelVersion)
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
	m, err := compile(d)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	return m, nil
}

func decodeModel(raw []byte) (*modelData, error) {
	rd := bincodec.NewReader(raw, 0)
	d := &modelData{}
	readVocabulary(rd, d)
	d.TagFeats = readSparse(rd)
	d.PreFeats = readSparse(rd)
	d.TransBits = uint(rd.Uvarint())
	if d.TransBits < 8 || d.TransBits > 28 {
		return nil, fmt.Errorf("transition table of %d bits", d.TransBits)
	}
	d.Trans = make([]int16, 4<<d.TransBits)
	n := rd.Count()
	row := -1
	for range n {
		row += int(rd.Uvarint())
		if row < 0 || row >= 1<<d.TransBits {
			return nil, errors.New("corrupt transition table")
		}
		for j := range 4 {
			d.Trans[row*4+j] = int16(rd.Varint())
		}
	}
	d.LabelFeats = readSparse(rd)
	readLemmatizer(rd, d)
	if err := rd.End(); err != nil {
		return nil, err
	}
	return d, nil
}

func putSparse(b *bincodec.Writer, es []sparseEntry) {
	b.Uvarint(uint64(len(es)))
	prev := uint64(0)
	for _, e := range es {
		b.Uvarint(e.Key - prev)
		prev = e.Key
		b.Uvarint(uint64(len(e.Classes)))
		pc := 0
		for i, c := range e.Classes {
			b.Uvarint(uint64(int(c) - pc))
			pc = int(c)
			b.Varint(int64(e.Values[i]))
		}
	}
}

func readSparse(r *bincodec.Reader) []sparseEntry {
	n := r.Count()
	out := make([]sparseEntry, n)
	prev := uint64(0)
	for i := range out {
		prev += r.Uvarint()
		e := sparseEntry{Key: prev}
		k := r.Count()
		e.Classes = make([]uint16, k)
		e.Values = make([]int16, k)
		c := 0
		for j := range k {
			c += int(r.Uvarint())
			e.Classes[j] = uint16(c)
			e.Values[j] = int16(r.Varint())
		}
		out[i] = e
	}
	return out
}

// putVocabulary writes the sections model.bin and model.tables share at their start:
// notes, tag and label names, vocabulary, word clusters and tag dictionary.
func putVocabulary(b *bincodec.Writer, d *modelData) {
	b.String(d.Notes)
	b.Strings(d.Tags)
	b.Strings(d.Labels)
	b.Strings(d.Vocab)
	b.Uvarint(uint64(len(d.Clusters)))
	for _, c := range d.Clusters {
		b.String(c.Word)
		b.Uvarint(uint64(c.Fine))
		b.Uvarint(uint64(c.Mid))
		b.Uvarint(uint64(c.Case))
	}
	b.Uvarint(uint64(len(d.TagDict)))
	for _, e := range d.TagDict {
		b.String(e.Form)
		b.Uvarint(uint64(e.Tag))
	}
}

// putLemmatizer writes the lemmatiser's rules and exceptions, as both formats hold them.
func putLemmatizer(b *bincodec.Writer, d *modelData) {
	b.Uvarint(uint64(len(d.LemmaRules)))
	for _, r := range d.LemmaRules {
		b.String(r.Tag)
		b.String(r.Suffix)
		b.Uvarint(uint64(r.Rule.Strip))
		b.String(r.Rule.Add)
	}
	b.Uvarint(uint64(len(d.LemmaExc)))
	for _, e := range d.LemmaExc {
		b.String(e.Tag)
		b.String(e.Form)
		b.String(e.Lemma)
	}
}

// readVocabulary reads what putVocabulary wrote into d.
func readVocabulary(rd *bincodec.Reader, d *modelData) {
	d.Notes = rd.String()
	d.Tags = rd.Strings()
	d.Labels = rd.Strings()
	d.Vocab = rd.Strings()
	d.Clusters = make([]clusterEntry, rd.Count())
	for i := range d.Clusters {
		d.Clusters[i] = clusterEntry{Word: rd.String(), Fine: uint16(rd.Uvarint()), Mid: uint16(rd.Uvarint()), Case: uint8(rd.Uvarint())}
	}
	d.TagDict = make([]tagDictEntry, rd.Count())
	for i := range d.TagDict {
		d.TagDict[i] = tagDictEntry{Form: rd.String(), Tag: uint16(rd.Uvarint())}
	}
}

// readLemmatizer reads what putLemmatizer wrote into d.
func readLemmatizer(rd *bincodec.Reader, d *modelData) {
	d.LemmaRules = make([]lemmaRuleEntry, rd.Count())
	for i := range d.LemmaRules {
		d.LemmaRules[i] = lemmaRuleEntry{Tag: rd.String(), Suffix: rd.String(), Rule: lemmaRule{Strip: int(rd.Uvarint()), Add: rd.String()}}
	}
	d.LemmaExc = make([]lemmaEntry, rd.Count())
	for i := range d.LemmaExc {
		d.LemmaExc[i] = lemmaEntry{Tag: rd.String(), Form: rd.String(), Lemma: rd.String()}
	}
}
