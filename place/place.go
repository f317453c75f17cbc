// Package place is tocsin's "places" stage: it resolves the place names that the entities
// stage found to points on the map, with a country (ISO alpha-3), a first-level division
// (GeoNames code such as "IR.29") and a GeoNames id, using the gazetteer package.
//
// # Which mentions
//
// Every LOCATION entity is looked up. The entities stage types some places otherwise, so
// the stage also takes, when the gazetteer is sure of them (a country, a region, a named
// division, or a city of 50,000 people or more under its exact name):
//
//   - ORG entities whose whole text is such a place ("Iran" acting, "Rafah", "Strait of
//     Hormuz"), by main names only, since organisations are often named like a town's
//     alternate name ("Hamas" is one of Hamm's);
//   - PERSON entities right after a locative word ("in", "into", "around", "near", "from",
//     "the battle for"...): "fighting around Bakhmut" (cities from 20,000 people);
//   - capitalised names after a locative word that no entity covers ("into Najaf");
//   - the gazetteer's multi-word region names, even when an entity holds only a part of
//     one ("Ain" of "Ain al-Asad").
//
// NORP entities ("Iranian") are not places, but count as evidence for their country.
// Direction words alone ("Western") and names that go on as a street or square ("Riad
// al-Solh Square") are skipped.
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
// A city matched only through one of its alternate names never competes with a country
// of that name ("Iraq" is an old name of Arak, Iran). A town or division of under 100,000
// people that wins on its name alone, in a country nothing else in the article points to
// while the article points elsewhere, is dropped: it is most often a fragment of a longer
// name ("Shohada" of a cemetery in Tehran).
//
// The stage is safe for concurrent use.
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
	v       *vocab           // words.txt
}

// New loads the embedded gazetteer (a few tenths of a second) and returns the stage.
func New() (*Stage, error) {
	g, err := gazetteer.Load()
	if err != nil {
		return nil, err
	}
	return NewStage(g)
}

// NewStage returns the stage over gazetteer g.
func NewStage(g *gazetteer.Gazetteer) (*Stage, error) {
	v, err := readVocab("place/words.txt", wordsTxt)
	if err != nil {
		return nil, err
	}
	return &Stage{g: g, regions: regionLexicon(g), v: v}, nil
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
