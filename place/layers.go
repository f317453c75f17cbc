package place

import "github.com/tocsin-project/tocsin/doc"

// Reads implements pipeline.Declarer: the entities it resolves to places, and the tokens,
// for region names and for the capitals that title case gave (truecase).
func (*Stage) Reads() []string {
	return []string{doc.LayerLanguage, doc.LayerText, doc.LayerTruecase, doc.LayerEntities}
}

// Writes implements pipeline.Declarer.
func (*Stage) Writes() []string { return []string{doc.LayerPlaces} }
