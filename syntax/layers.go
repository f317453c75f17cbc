package syntax

import "github.com/tocsin-project/tocsin/doc"

// Reads implements pipeline.Declarer: each sentence's tokens, in their truecased form
// where the truecase stage gave one.
func (*Stage) Reads() []string { return []string{doc.LayerLanguage, doc.LayerText, doc.LayerTruecase} }

// Writes implements pipeline.Declarer.
func (*Stage) Writes() []string { return []string{doc.LayerSyntax} }
