// Command train-syntax trains tocsin's tagger, lemmatiser and dependency parser on
// Universal Dependencies English EWT and writes the model the syntax package embeds.
// Run from the repository root:
//
//	go run ./syntax/cmd/train-syntax -ud ../shared/data/ud-ewt -out syntax/model.bin
//
// Training is deterministic (fixed seed, sorted iteration): the same data give the same
// file. It reads the train and dev splits only; -test FILE evaluates the result on a
// CoNLL-U file afterwards (the shipped model's test scores come from
// en_ewt-ud-test.conllu, which training never reads).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/tocsin-project/tocsin/syntax"
)

func main() {
	var cfg syntax.TrainConfig
	flag.StringVar(&cfg.UDDir, "ud", "../shared/data/ud-ewt", "folder with en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu")
	flag.IntVar(&cfg.TaggerEpochs, "tagger-epochs", 0, "most tagger epochs, the best on dev kept (default 10)")
	flag.BoolVar(&cfg.OnePass, "one-pass", false, "tag in one pass (default: two, the second reading the first's tags of the next words)")
	flag.IntVar(&cfg.ParserEpochs, "parser-epochs", 0, "most parser epochs, the best on dev kept (default 15)")
	flag.IntVar(&cfg.Folds, "folds", 0, "jackknife folds for the parser's training tags (default 5; 1 trains on gold tags)")
	bits := flag.Uint("bits", 0, "log2 of the transition table's rows (default 20)")
	flag.Float64Var(&cfg.Prune, "prune", 0, "drop averaged weights smaller than this (default 0.5)")
	flag.Float64Var(&cfg.LabelPrune, "label-prune", 0, "drop averaged labeller weights smaller than this (default 1)")
	flag.Uint64Var(&cfg.Seed, "seed", 0, "random seed (default 1)")
	out := flag.String("out", "syntax/model.bin", "model file to write")
	test := flag.String("test", "", "CoNLL-U file to evaluate the trained model on")
	load := flag.String("model", "", "evaluate this model file on -test instead of training")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "train-syntax: unexpected arguments:", flag.Args())
		os.Exit(2)
	}
	cfg.TransBits = *bits
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	var m *syntax.Model
	var err error
	if *load != "" {
		var f *os.File
		if f, err = os.Open(*load); err == nil {
			m, err = syntax.ReadModel(f)
			f.Close()
		}
		*out = ""
	} else {
		m, err = syntax.Train(ctx, cfg, os.Stderr)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "train-syntax:", err)
		os.Exit(1)
	}
	if *out != "" {
		if err := m.WriteFile(*out); err != nil {
			fmt.Fprintln(os.Stderr, "train-syntax:", err)
			os.Exit(1)
		}
		st, _ := os.Stat(*out)
		fmt.Fprintf(os.Stderr, "wrote %s (%d bytes) in %s\n", *out, st.Size(), time.Since(start).Round(time.Second))
	}
	fmt.Fprint(os.Stderr, m.Notes())
	if *test != "" {
		r, err := syntax.Evaluate(ctx, m, *test)
		if err != nil {
			fmt.Fprintln(os.Stderr, "train-syntax:", err)
			os.Exit(1)
		}
		fmt.Println(r)
	}
}
