package event

import (
	"context"
	_ "embed"
	"fmt"

	"github.com/tocsin-project/tocsin/cameo"
	"github.com/tocsin-project/tocsin/doc"
)

//go:embed cues.txt
var cuesTxt string

//go:embed nouns.txt
var nounsTxt string

//go:embed classes.txt
var classesTxt string

//go:embed learned.txt
var learnedTxt string

// NounCoder codes a noun phrase as a CAMEO actor on a date ("Iranian officials" →
// IRNGOV); *actor.KB implements it. rule says which entry coded it.
type NounCoder interface {
	CodeNounPhrase(words []string, date string) (code, rule string, ok bool)
}

// Stage is the events stage. It is safe for concurrent use once built.
type Stage struct {
	kb    NounCoder
	c     *compiled
	dicts []*cameo.Dictionary
}

// New returns the stage with the embedded dictionaries (cameo.Default: the Phoenix verb
// dictionary, tocsin's own patterns, the Phoenix discards) followed by dicts, which a user
// loads with cameo.LoadFile (`--dict FILE`). kb codes noun phrases as actors; it may be
// nil, in which case only entity actor codes and the actor and agent dictionaries among
// dicts code actors.
func New(kb NounCoder, dicts ...*cameo.Dictionary) (*Stage, error) {
	def, err := cameo.Default()
	if err != nil {
		return nil, err
	}
	st, err := NewOnly(kb, append(append([]*cameo.Dictionary{}, def...), dicts...)...)
	if err != nil {
		return nil, err
	}
	// The learned triggers are embedded knowledge, like the default dictionaries:
	// --dict-only leaves them out.
	if err := st.c.addLearned(learnedTxt); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	st.c.markSourceless()
	return st, nil
}

// NewOnly returns the stage with only dicts (`--dict-only`): no embedded verb patterns or
// discards. Among verb dictionaries, later ones take precedence: their patterns are tried
// first on ties and their codes override a verb's.
func NewOnly(kb NounCoder, dicts ...*cameo.Dictionary) (*Stage, error) {
	hasVerbs := false
	for _, d := range dicts {
		if d == nil {
			return nil, fmt.Errorf("events: nil dictionary")
		}
		hasVerbs = hasVerbs || d.Kind == cameo.Verbs
	}
	if !hasVerbs {
		return nil, fmt.Errorf("events: no verb dictionary (give one with --dict verbs:FILE)")
	}
	c, err := compile(dicts)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	if c.cues, err = loadCues(cuesTxt); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	if c.classes, c.agentSets, err = loadClasses(classesTxt); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	c.armed = c.agentSets["armed"]
	c.markSourceless()
	if err := loadNouns(nounsTxt, c); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return &Stage{kb: kb, c: c, dicts: dicts}, nil
}

// Name implements pipeline.Stage.
func (*Stage) Name() string { return "events" }

// Languages implements pipeline.LanguageBound: the dictionaries are English.
func (*Stage) Languages() []string { return []string{"en"} }

// Annotate implements pipeline.Stage: it replaces d.Events with the events coded from d.
// It needs the syntax layer (tokens' POS, Lemma, Head, Dep); without it, it codes nothing.
// It reads the entities, places and dates layers, and the quotes layer where the quotes
// stage ran before it (the speaker of a quotation is its "I" and "we").
func (s *Stage) Annotate(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Events = s.Extract(d)
	return nil
}

// Extract returns the events of d in text order.
func (s *Stage) Extract(d *doc.Document) []doc.Event {
	x := extractors.Get().(*extractor)
	defer func() {
		x.d, x.st, x.events, x.lows = nil, nil, nil, ""
		extractors.Put(x)
	}()
	x.prepare(s, d)
	evs := x.run()
	if len(evs) == 0 {
		return []doc.Event{}
	}
	return evs
}

// Dictionaries returns the dictionaries the stage was built with, embedded ones first.
func (s *Stage) Dictionaries() []*cameo.Dictionary { return s.dicts }

// Coverage summarises what the stage loaded.
type Coverage struct {
	Dictionaries int
	Stats        cameo.Stats // summed over the dictionaries
	VerbWords    int         // distinct verb lemmas and forms indexed
	Patterns     int         // compiled patterns
	Nouns        int         // event nouns
}

// Coverage reports how much of the dictionaries the stage holds.
func (s *Stage) Coverage() Coverage {
	cv := Coverage{Dictionaries: len(s.dicts), VerbWords: len(s.c.verbs), Patterns: s.c.patterns}
	for _, d := range s.dicts {
		st := d.Stats()
		cv.Stats.Blocks += st.Blocks
		cv.Stats.Verbs += st.Verbs
		cv.Stats.Patterns += st.Patterns
		cv.Stats.Synsets += st.Synsets
		cv.Stats.SynsetWords += st.SynsetWords
		cv.Stats.Transforms += st.Transforms
		cv.Stats.Actors += st.Actors
		cv.Stats.Agents += st.Agents
		cv.Stats.Discards += st.Discards
		cv.Stats.Warnings += st.Warnings
	}
	for _, es := range s.c.nouns {
		cv.Nouns += len(es)
	}
	return cv
}
