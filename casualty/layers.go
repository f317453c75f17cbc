package casualty

import "github.com/tocsin-project/tocsin/doc"

// Reads implements pipeline.Declarer: tokens and sentences; the dates and places of the
// counts.
func (*Stage) Reads() []string {
	return []string{doc.LayerLanguage, doc.LayerText, doc.LayerDates, doc.LayerPlaces}
}

// Writes implements pipeline.Declarer.
func (*Stage) Writes() []string { return []string{doc.LayerCasualties} }
