// Command eval-ner scores tocsin's named-entity recogniser, and optionally
// github.com/jdkato/prose/v2 on the same data, on labelled files. Run from the repository
// root:
//
//	go run ./ner/cmd/eval-ner -prose \
//	    conll2003:../shared/data/conll2003/valid.txt \
//	    uner:../shared/data/uner-ewt/en_ewt-ud-test.iob2
//
// Each argument is FORMAT:PATH with FORMAT conll2003 or uner. -model reads a model file
// instead of the embedded one. `tocsin eval ner` scores the embedded model alone: prose is
// run only here, so that the tocsin command does not link it.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/tocsin-project/tocsin/ner"
	"github.com/tocsin-project/tocsin/ner/proseeval"
)

func main() {
	modelPath := flag.String("model", "", "model file (default: the embedded model)")
	withProse := flag.Bool("prose", false, "also evaluate github.com/jdkato/prose/v2")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: eval-ner [-model FILE] [-prose] FORMAT:PATH...")
		os.Exit(2)
	}
	if err := run(*modelPath, *withProse, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "eval-ner:", err)
		os.Exit(1)
	}
}

func run(modelPath string, withProse bool, args []string) error {
	ctx := context.Background()
	var m *ner.Model
	var err error
	if modelPath == "" {
		m, err = ner.Default()
	} else {
		var f *os.File
		if f, err = os.Open(modelPath); err == nil {
			m, err = ner.ReadModel(f)
			f.Close()
		}
	}
	if err != nil {
		return err
	}
	for _, a := range args {
		format, path, ok := strings.Cut(a, ":")
		if !ok {
			return fmt.Errorf("%q: want FORMAT:PATH", a)
		}
		r, err := ner.Evaluate(ctx, m, path, format)
		if err != nil {
			return err
		}
		fmt.Print(r)
		if withProse {
			r, err := proseeval.Evaluate(ctx, path, format)
			if err != nil {
				return err
			}
			fmt.Print(r)
		}
	}
	return nil
}
