package actor

import "github.com/tocsin-project/tocsin/doc"

// Reads implements pipeline.Declarer: the entities it codes, with the canonical names,
// mentions and roles of resolution, and their tokens and sentences; the places, for the
// countries sentences name.
func (*Stage) Reads() []string {
	return []string{doc.LayerLanguage, doc.LayerText, doc.LayerEntities, doc.LayerResolve, doc.LayerPlaces}
}

// Writes implements pipeline.Declarer.
func (*Stage) Writes() []string { return []string{doc.LayerActors} }
