// Package standard builds tocsin's pipeline: every annotator, in order, with the user's
// dictionaries, the order checked by pipeline.Build against the layers each stage declares.
// The command (analyze, ingest, serve, demo, bench, eval) and tests that need the whole
// pipeline use it, so that there is one declared pipeline. It is a package of its own
// because package pipeline must not import the stages (they import it in their tests, and
// segment is imported by it); for the same reason tests inside an annotator's package
// cannot use it and assemble the stages they need with pipeline.New.
package standard

import (
	"fmt"
	"os"
	"slices"

	"github.com/tocsin-project/tocsin/actor"
	"github.com/tocsin-project/tocsin/cameo"
	"github.com/tocsin-project/tocsin/casualty"
	"github.com/tocsin-project/tocsin/dates"
	"github.com/tocsin-project/tocsin/event"
	"github.com/tocsin-project/tocsin/incident"
	"github.com/tocsin-project/tocsin/lang"
	"github.com/tocsin-project/tocsin/ner"
	"github.com/tocsin-project/tocsin/pipeline"
	"github.com/tocsin-project/tocsin/place"
	"github.com/tocsin-project/tocsin/quote"
	"github.com/tocsin-project/tocsin/resolve"
	"github.com/tocsin-project/tocsin/segment"
	"github.com/tocsin-project/tocsin/syntax"
	"github.com/tocsin-project/tocsin/truecase"
)

// Options says how to build the pipeline. The zero value is the pipeline with the
// embedded knowledge and every stage.
type Options struct {
	// Dicts are PETRARCH-format dictionaries to add, as given to --dict: a file name,
	// or KIND:FILE to force the kind (verbs, actors, agents, discards). Actor and agent
	// dictionaries code the entities (actors stage) as well as event arguments.
	Dicts []string
	// DictOnly uses only Dicts, not the embedded dictionaries and actor knowledge base
	// (--dict-only).
	DictOnly bool
	// Without names stages to leave out ("quotes", "incidents"). Leaving out a stage
	// whose layer a later stage reads is an error, as is a name no stage has.
	Without []string
}

// New returns the pipeline with every annotator tocsin has, in order (language, text,
// truecase, syntax, dates, entities, resolve, places, actors, quotes, casualties, events,
// incidents) less those opts leave out. A dictionary that cannot be read or parsed is an
// error naming it.
func New(opts Options) (*pipeline.Pipeline, error) {
	all, err := stages(opts)
	if err != nil {
		return nil, err
	}
	return pipeline.Build(all...)
}

// stages returns the stages New runs, in order, without checking their order.
func stages(opts Options) ([]pipeline.Stage, error) {
	syn, err := syntax.New()
	if err != nil {
		return nil, err
	}
	ents, err := ner.New()
	if err != nil {
		return nil, err
	}
	res, err := resolve.New()
	if err != nil {
		return nil, err
	}
	places, err := place.New()
	if err != nil {
		return nil, err
	}
	kb := actor.NewKB()
	if !opts.DictOnly {
		if kb, err = actor.Load(); err != nil {
			return nil, err
		}
	}
	var user []*cameo.Dictionary
	for _, arg := range opts.Dicts {
		d, err := cameo.LoadFile(arg)
		if err != nil {
			return nil, fmt.Errorf("--dict %s: %w", arg, err)
		}
		user = append(user, d)
		// Actor and agent dictionaries also code the entities, not only event arguments.
		if d.Kind == cameo.Actors || d.Kind == cameo.Agents {
			if err := loadIntoKB(kb, d.Kind, arg); err != nil {
				return nil, fmt.Errorf("--dict %s: %w", arg, err)
			}
		}
	}
	newEvents := event.New
	if opts.DictOnly {
		newEvents = event.NewOnly
	}
	events, err := newEvents(kb, user...)
	if err != nil {
		return nil, err
	}
	quotes, err := quote.New()
	if err != nil {
		return nil, err
	}
	cas, err := casualty.New()
	if err != nil {
		return nil, err
	}
	incidents, err := incident.New()
	if err != nil {
		return nil, err
	}
	all := []pipeline.Stage{
		lang.Stage{Known: syn.Knows},
		segment.Stage{},
		truecase.Stage{
			// the tagger's lexicon first, then the recogniser's, counted on other text
			Lexicons:   []func(string) (bool, bool){syn.WrittenLower, ents.Model().WrittenLower},
			KnownNames: ents.Model().KnownNames,
		},
		syn,
		dates.New(),
		ents,
		res,
		places,
		actor.NewStage(kb),
		quotes,
		cas,
		events,
		incidents,
	}
	for _, name := range opts.Without {
		if !slices.ContainsFunc(all, func(s pipeline.Stage) bool { return s.Name() == name }) {
			return nil, fmt.Errorf("no stage %q to leave out", name)
		}
	}
	return slices.DeleteFunc(all, func(s pipeline.Stage) bool { return slices.Contains(opts.Without, s.Name()) }), nil
}

// loadIntoKB adds a user's actor or agent dictionary to the actor knowledge base.
func loadIntoKB(kb *actor.KB, kind cameo.Kind, arg string) error {
	_, path := cameo.ParseDictArg(arg)
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if kind == cameo.Actors {
		return kb.LoadActors(path, f)
	}
	return kb.LoadAgents(path, f)
}
