package lang

import "github.com/tocsin-project/tocsin/doc"

// Reads implements pipeline.Declarer: the stage reads no layer, only the text and the
// language the input declares.
func (Stage) Reads() []string { return nil }

// Writes implements pipeline.Declarer.
func (Stage) Writes() []string { return []string{doc.LayerLanguage} }
