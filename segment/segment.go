// Package segment is tocsin's text layer: Unicode normalisation, a tokenizer that keeps
// byte offsets, and a sentence splitter tuned for news text.
package segment
