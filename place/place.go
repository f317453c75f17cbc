// Package place is tocsin's "places" stage: it resolves the place names that the entities
// stage found to points on the map, with a country (ISO alpha-3), a first-level division
// (GeoNames code such as "IR.29") and a GeoNames id, using the gazetteer package, and says
// in each place's Rule why.
//
// # Which mentions
//
// Every LOCATION entity is looked up. The entities stage types some places otherwise, so
// the stage also takes, when the gazetteer is sure of them (a country, a region, a named
// division, or a city of 50,000 people or more under its exact name):
//
//   - ORG entities whose whole text is such a place ("Iran" acting, "Strait of Hormuz"), by
//     main names only, since organisations are often named like a town's alternate name
//     ("Hamas" is one of Hamm's); a city only with a sign of a place (a locative word, "the
//     port of", a namesake in a country the article names: "Rafah" near "Gaza Strip"),
//     since companies are named after towns ("Toyota");
//   - PERSON entities right after a locative word ("in", "into", "around", "near", "from",
//     "the battle for"...): "fighting around Bakhmut" (cities from 20,000 people);
//   - capitalised names after a locative word (maybe and "the") that no entity covers ("into
//     Najaf", "in the Mediterranean"), or before "-based" ("Chicago-based");
//   - the gazetteer's multi-word region names, even when an entity holds only a part of
//     one ("Ain" of "Ain al-Asad").
//
// People, organisations and untagged words become places of any size when the text says
// so: a country or division after them that holds a place of that name ("Marksville,
// Louisiana", "Palm Beach County in Florida"), a demonym or a country's possessive before
// them ("Tonga's capital, Nukuʻalofa"), a list with a town of the same division ("Carrascal,
// Cantilan, Madrid"), or the same name placed elsewhere in the article. A place that opens
// a person's name after "of" ("First Minister of Scotland Nicola Sturgeon") is taken
// alone. A name is extended by a capitalised word before it when the two make a name the
// gazetteer knows ("General" of "General Santos City", "Ciudad" of "Ciudad Juárez").
//
// A name is no place when it is part of a longer name: a currency ("US$", "U.S.
// dollars"), an organisation ("Air France", "CNN Philippines", "Mahan Air of Iran"), any
// name that goes on with a capitalised word that is not a title, a day or a month
// ("United States Navy", "Middle East Respiratory Syndrome", "Surigao del Sur"), a
// building ("White House", "Fishmongers' Hall"), or the surname of a person the article
// names in full ("Valeska Paris ... Paris said"). NORP entities ("Iranian") are not places,
// but count as evidence for their country. Direction words alone ("Western") and names
// that go on as a street or square ("Riad al-Solh Square") are skipped. The words these
// rules read are in words.txt.
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
//     places resolved (two rounds), nearness to the other cities resolved, and the regions
//     named ("Europe" for Frankfurt).
//
// A town gets none of the article's votes against a namesake that is a country or a
// region, or a division of another country ten times as populous: "Mexico's president"
// is not Mexico, Missouri, and "England" not England, Arkansas, however American the
// article; only context next to the name can make such a town win. A city matched only
// through one of its alternate names never competes with a country of that name ("Iraq"
// is an old name of Arak, Iran); a short form of a city's main name counts as its main
// name ("Frankfurt" of "Frankfurt am Main"). A town or division of under 100,000 people
// that wins on its name alone, in a country nothing else in the article points to while
// the article points elsewhere, is dropped: it is most often a fragment of a longer name
// ("Shohada" of a cemetery in Tehran).
//
// The stage is safe for concurrent use.
//
// Each name is looked up once per article and the scoring is linear in the candidates, so
// an article's places are resolved in well under a millisecond.
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

// New loads the embedded gazetteer (read in place from gazetteer.bin, some tens of
// milliseconds) and returns the stage.
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
