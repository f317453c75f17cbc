package resolve

import "github.com/tocsin-project/tocsin/doc"

// Reads implements pipeline.Declarer: the entities it resolves (and rewrites: it drops
// hashtags and adds nominal mentions), their tokens and sentences, and the tags that
// tell a finite verb from a description.
func (*Stage) Reads() []string {
	return []string{doc.LayerLanguage, doc.LayerText, doc.LayerSyntax, doc.LayerEntities}
}

// Writes implements pipeline.Declarer.
func (*Stage) Writes() []string { return []string{doc.LayerResolve} }
