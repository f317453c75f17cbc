package quote

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/lexicon"
)

//go:embed vocab/*.vocab
var vocabFS embed.FS

// feat is a set of vocabulary labels carried by a token or phrase.
type feat uint32

const (
	fSpeech feat = 1 << iota
	fTell
	fAccording
	fAux
	fPassive
	fTitle
	fRole
	fFemale
	fMale
	fPronoun
	fDet
	fStop
	fPrep
	fTime
	fObject
	fParticle
	fEvidence
	fInvert
	fNotSpeaker
	fAccuse
	fClause
	fNPPrep
)

// labelFeat maps a vocabulary label to its feature; ok is false for unknown labels.
func labelFeat(label string) (f feat, ok bool) {
	switch label {
	case "speech":
		return fSpeech, true
	case "tell":
		return fTell, true
	case "according":
		return fAccording, true
	case "aux":
		return fAux, true
	case "passive":
		return fPassive, true
	case "title":
		return fTitle, true
	case "role":
		return fRole, true
	case "female":
		return fFemale, true
	case "male":
		return fMale, true
	case "pronoun":
		return fPronoun, true
	case "det":
		return fDet, true
	case "stop":
		return fStop, true
	case "prep":
		return fPrep, true
	case "time":
		return fTime, true
	case "object":
		return fObject, true
	case "particle":
		return fParticle, true
	case "evidence":
		return fEvidence, true
	case "invert":
		return fInvert, true
	case "notspeaker":
		return fNotSpeaker, true
	case "accuse":
		return fAccuse, true
	case "clause":
		return fClause, true
	case "npprep":
		return fNPPrep, true
	}
	return 0, false
}

// labelNames lists the vocabulary labels the stage understands, for error messages.
const labelNames = "speech, tell, according, aux, passive, title, role, female, male, pronoun, det, stop, prep, time, object, particle, evidence, invert, notspeaker, accuse, clause, npprep"

// vocabulary is the stage's knowledge: one lexicon whose labels are features.
type vocabulary struct {
	lex *lexicon.Lexicon
}

// loadVocabulary parses the embedded files, then extra (named extra#1, extra#2, …).
func loadVocabulary(extra []io.Reader) (*vocabulary, error) {
	lex := &lexicon.Lexicon{}
	files, err := fs.Glob(vocabFS, "vocab/*.vocab")
	if err != nil {
		return nil, err
	}
	for _, name := range files {
		b, err := vocabFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if err := load(lex, "quote/"+name, strings.NewReader(string(b))); err != nil {
			return nil, err
		}
	}
	for i, r := range extra {
		if err := load(lex, fmt.Sprintf("extra#%d", i+1), r); err != nil {
			return nil, err
		}
	}
	return &vocabulary{lex: lex}, nil
}

// load adds one vocabulary file to lex, rejecting labels the stage does not know so that
// a misspelt heading is an error rather than a silently ignored section.
func load(lex *lexicon.Lexicon, name string, r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for n, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if len(line) > 2 && line[0] == '[' && line[len(line)-1] == ']' {
			label := strings.TrimSpace(line[1 : len(line)-1])
			if _, ok := labelFeat(label); !ok {
				return fmt.Errorf("%s:%d: unknown label [%s]; the quotes stage knows %s", name, n+1, label, labelNames)
			}
		}
	}
	return lex.Load(name, bytes.NewReader(b))
}

// features returns the labels of the longest phrase starting at toks[i] and its length,
// and the labels of toks[i] alone.
func (v *vocabulary) features(toks []doc.Token, i int) (long feat, n int, one feat) {
	labels, n := v.lex.Match(toks, i)
	long = toFeat(labels)
	if n == 1 {
		return long, 1, long
	}
	labels1, n1 := v.lex.Match(toks[:i+1], i)
	if n1 == 1 {
		one = toFeat(labels1)
	}
	return long, n, one
}

func toFeat(labels []string) feat {
	var f feat
	for _, l := range labels {
		b, _ := labelFeat(l)
		f |= b
	}
	return f
}
