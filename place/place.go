// Package place is tocsin's "places" stage: it resolves the place names that the entities
// stage found to points on the map, with a country (ISO alpha-3), a first-level division
// (GeoNames code such as "IR.29") and a GeoNames id, using the gazetteer package.
//
// # Which mentions
//
// Every LOCATION entity is looked up. An ORG entity is looked up only when its whole text
// is a country's name ("Iran threatened..."): the entities stage sometimes types a
// country as an organisation when it acts, and a country name is never ambiguous with a
// place of another kind. Other organisations named after places ("Baghdad's government")
// are left alone. NORP entities ("Iranian") are not places, but count as evidence for
// their country. Multi-word names from the gazetteer's hand-written regions ("Strait of
// Hormuz", "Ain al-Asad") are also found in text the entities stage left untagged.
//
// # Choosing among namesakes
//
// All mentions of one name in an article are taken to mean one place (one sense per
// discourse), and every candidate place gets a score, the best winning:
//
//   - a prior: countries and regions first, then cities by population (capitals and
//     provincial seats a little higher), divisions below a city of the same name;
//     matches through an article-less or transliteration-skeleton name a little lower;
//   - explicit context: "Paris, Texas", "Tripoli, Libya", "Alexandria in Virginia" (each
//     side of the pair gains where one contains the other), "the Iranian city of Kerman"
//     and "Libya's Tripoli" (a demonym or a country's possessive just before), "Kerman
//     province" (a division);
//   - the article: countries named, demonyms, and the countries and divisions of the other
//     places resolved (two rounds), and nearness to the other cities resolved.
//
// Each name costs a few map probes and the scoring is linear in the candidates, so an
// article's places are resolved in microseconds.
package place

import (
	"context"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/gazetteer"
	"github.com/tocsin-project/tocsin/lexicon"
)

// Stage is the pipeline stage that writes Document.Places.
type Stage struct {
	g       *gazetteer.Gazetteer
	regions *lexicon.Lexicon // multi-word region names, found in untagged text
}

// New loads the embedded gazetteer (a few tenths of a second) and returns the stage.
func New() (*Stage, error) {
	g, err := gazetteer.Load()
	if err != nil {
		return nil, err
	}
	return NewStage(g), nil
}

// NewStage returns the stage over gazetteer g.
func NewStage(g *gazetteer.Gazetteer) *Stage {
	return &Stage{g: g, regions: regionLexicon(g)}
}

// Gazetteer returns the stage's gazetteer.
func (s *Stage) Gazetteer() *gazetteer.Gazetteer { return s.g }

// Name implements pipeline.Stage.
func (*Stage) Name() string { return "places" }

// Languages implements pipeline.LanguageBound.
func (*Stage) Languages() []string { return []string{"en"} }

// Annotate implements pipeline.Stage: it replaces d.Places with the places resolved from
// d.Entities (and d.Tokens, for region names), in text order.
func (s *Stage) Annotate(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Places = s.Resolve(d)
	return nil
}
