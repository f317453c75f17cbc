package dates

import "github.com/tocsin-project/tocsin/doc"

// Reads implements pipeline.Declarer: tokens and sentences.
func (*Stage) Reads() []string { return []string{doc.LayerLanguage, doc.LayerText} }

// Writes implements pipeline.Declarer.
func (*Stage) Writes() []string { return []string{doc.LayerDates} }
