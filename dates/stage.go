package dates

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/lexicon"
)

//go:embed vocab/*.txt
var vocabFS embed.FS

// Stage is the dates annotator. Build it with New; it is safe for concurrent use by
// several goroutines once built, as long as Load is not called at the same time.
type Stage struct {
	lex   *lexicon.Lexicon
	atoms map[string]atom // label heading → meaning
}

// New returns a stage with the embedded English vocabularies. A broken embedded file is a
// build defect, caught by the package's tests, so New panics on one rather than returning
// an error every caller would have to handle.
func New() *Stage {
	s := &Stage{lex: &lexicon.Lexicon{}, atoms: make(map[string]atom)}
	files, err := fs.Glob(vocabFS, "vocab/*.txt")
	if err != nil {
		panic(err)
	}
	for _, name := range files {
		f, err := vocabFS.Open(name)
		if err != nil {
			panic(err)
		}
		err = s.Load(name, f)
		f.Close()
		if err != nil {
			panic(err)
		}
	}
	return s
}

// Load adds a vocabulary file to the stage, so users can teach it new words without
// rebuilding: for example
//
//	[month 9]
//	setembro
//	[day -1]
//	the eve
//
// Headings must be labels of the embedded files (see vocab/*.txt); an unknown label is an
// error naming the file and line. name is used in error messages. Load must not run while
// the stage is annotating.
func (s *Stage) Load(name string, r io.Reader) error {
	if s.lex == nil {
		return errors.New("dates: Load on a Stage not built with New")
	}
	src, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	atoms := make(map[string]atom)
	if err := headings(name, src, atoms); err != nil {
		return err
	}
	if err := s.lex.Load(name, bytes.NewReader(src)); err != nil {
		return err
	}
	for l, a := range atoms {
		s.atoms[l] = a
	}
	return nil
}

// Name implements pipeline.Stage.
func (*Stage) Name() string { return "dates" }

// Languages implements pipeline.LanguageBound: the vocabularies and grammar are English.
func (*Stage) Languages() []string { return []string{"en"} }

// Annotate implements pipeline.Stage: it replaces d.Dates with the dates found in d's
// sentences, in text order. It needs the token and sentence layers of the text stage.
func (s *Stage) Annotate(ctx context.Context, d *doc.Document) error {
	if s.lex == nil {
		return errors.New("dates: Stage not built with New")
	}
	if len(d.Tokens) == 0 && len(d.Text) > 0 {
		return fmt.Errorf("dates: document %s has text but no tokens: the text stage must run first", d.ID)
	}
	sc := newScanner(s, d)
	d.Dates = d.Dates[:0:0]
	if len(d.Sentences) == 0 {
		sc.sentence(0, len(d.Tokens))
	}
	for i, sent := range d.Sentences {
		if i%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		sc.sentence(sent.FirstToken, sent.EndToken)
	}
	if d.Dates == nil {
		d.Dates = []doc.Date{}
	}
	return nil
}
