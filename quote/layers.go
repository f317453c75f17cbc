package quote

import "github.com/tocsin-project/tocsin/doc"

// Reads implements pipeline.Declarer: tokens, sentences and paragraphs; the entities for
// speakers, with their canonical names and actor codes; the dates for when words were
// said.
func (*Stage) Reads() []string {
	return []string{
		doc.LayerLanguage, doc.LayerText, doc.LayerDates,
		doc.LayerEntities, doc.LayerResolve, doc.LayerActors,
	}
}

// Writes implements pipeline.Declarer.
func (*Stage) Writes() []string { return []string{doc.LayerQuotes} }
