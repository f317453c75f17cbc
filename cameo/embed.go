package cameo

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:generate go run ./internal/gencameo -data ../../shared/data -out data

var (
	//go:embed data/codes.tsv
	codesTSV string
	//go:embed data/CAMEO.2.0.verbs
	cameoVerbs string
	//go:embed data/tocsin.verbs
	tocsinVerbs string
	//go:embed data/Phoenix.discards
	phoenixDiscards string
)

var (
	defaultOnce  sync.Once
	defaultDicts []*Dictionary
	defaultErr   error
)

// Default returns the embedded dictionaries, parsed on first use and shared afterwards
// (they must not be modified): the Phoenix verb dictionary CAMEO.2.0.txt, tocsin's own
// verb patterns (tocsin.verbs), and the Phoenix discards.
func Default() ([]*Dictionary, error) {
	defaultOnce.Do(func() {
		for _, f := range []struct {
			kind       Kind
			name, text string
		}{
			{Verbs, "CAMEO.2.0.txt", cameoVerbs},
			{Verbs, "tocsin.verbs", tocsinVerbs},
			{Discards, "Phoenix.discards.txt", phoenixDiscards},
		} {
			d, err := LoadDictionary(f.kind, f.name, strings.NewReader(f.text))
			if err != nil {
				defaultErr = fmt.Errorf("cameo: embedded dictionary: %w", err)
				return
			}
			defaultDicts = append(defaultDicts, d)
		}
	})
	return defaultDicts, defaultErr
}
