package event

import "github.com/tocsin-project/tocsin/doc"

// Reads implements pipeline.Declarer: the layers of segment, syntax, dates, entities,
// resolve, places and actors (see the package documentation), and the quotations, whose
// speakers are their "I" and "we" and the source of what they judge; not casualties.
func (*Stage) Reads() []string {
	return []string{
		doc.LayerLanguage, doc.LayerText, doc.LayerSyntax, doc.LayerDates,
		doc.LayerEntities, doc.LayerResolve, doc.LayerPlaces, doc.LayerActors,
		doc.LayerQuotes,
	}
}

// Writes implements pipeline.Declarer.
func (*Stage) Writes() []string { return []string{doc.LayerEvents} }
