package incident

import "github.com/tocsin-project/tocsin/doc"

// Reads implements pipeline.Declarer: the casualty counts it groups, the events it points
// to, and the sentences, paragraphs and verbs around the counts.
func (*Stage) Reads() []string {
	return []string{
		doc.LayerLanguage, doc.LayerText, doc.LayerSyntax,
		doc.LayerCasualties, doc.LayerEvents,
	}
}

// Writes implements pipeline.Declarer.
func (*Stage) Writes() []string { return []string{doc.LayerIncidents} }
