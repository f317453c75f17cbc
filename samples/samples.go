// Package samples bundles a small set of illustrative news articles used by
// tocsin's tests, examples and demos.
//
// The articles were written by the tocsin team in its own words; they are not
// copied from any publication. The facts they describe (dates, places, names,
// casualty figures) come from public reporting of real events, but the outlet
// names and URLs are fictional. Each line of the embedded file is one JSON
// object with the fields title, text, published, source, url and language.
package samples

import _ "embed"

// Name is the path of the embedded file relative to the module root.
const Name = "samples/articles.jsonl"

//go:embed articles.jsonl
var articles []byte

// JSONL returns the embedded articles as JSON Lines, one article per line.
//
// The returned slice shares memory with the embedded data and is not copied;
// callers must not modify it.
func JSONL() []byte {
	return articles
}
