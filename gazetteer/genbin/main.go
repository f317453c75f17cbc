// Command genbin writes gazetteer.bin, the form of the gazetteer that Load reads, from the
// source tables in the gazetteer folder (countries.tsv, aliases.tsv, places.tsv.gz,
// admin1.tsv, regions.tsv). Run it after editing any of them:
//
//	go run ./gazetteer/genbin
//
// `go generate ./gazetteer/` runs it after regenerating the tables. The output depends
// only on the tables: the same tables give the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tocsin-project/tocsin/gazetteer"
)

func main() {
	dir := flag.String("dir", "", "the gazetteer folder (default: ./gazetteer, or . inside it)")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: genbin [-dir DIR]")
		os.Exit(2)
	}
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "genbin:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	if dir == "" {
		dir = "gazetteer"
		if _, err := os.Stat(filepath.Join(dir, "countries.tsv")); err != nil {
			dir = "."
		}
	}
	g, err := gazetteer.Build(os.DirFS(dir))
	if err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	b, err := g.MarshalBinary()
	if err != nil {
		return err
	}
	out := filepath.Join(dir, "gazetteer.bin")
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "genbin: wrote %s (%d places, %d bytes)\n", out, g.Len(), len(b))
	return nil
}
