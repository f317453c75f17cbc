package ner

import "github.com/tocsin-project/tocsin/doc"

// Reads implements pipeline.Declarer: tokens, in their truecased form where the truecase
// stage gave one, and sentences.
func (*Stage) Reads() []string { return []string{doc.LayerLanguage, doc.LayerText, doc.LayerTruecase} }

// Writes implements pipeline.Declarer.
func (*Stage) Writes() []string { return []string{doc.LayerEntities} }
