// Command train-ner trains tocsin's named-entity model and writes it where the ner
// package embeds it. Run from the repository root:
//
//	go run ./ner/cmd/train-ner -conll ../shared/data/conll2003 -out ner/model.bin
//
// Training is deterministic: the same data give the same file. It reads CoNLL-2003 train
// (and valid, for progress reports only), Universal NER English EWT dev, and the
// unlabelled text under the shared data folder (-data, default the parent of -conll), and
// takes about a minute or two on one core.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/ner"
)

func main() {
	var cfg ner.TrainConfig
	flag.StringVar(&cfg.CoNLLDir, "conll", "../shared/data/conll2003", "folder with CoNLL-2003 train.txt and valid.txt")
	flag.StringVar(&cfg.DataDir, "data", "", "shared data folder with the unlabelled text (default: parent of -conll)")
	flag.StringVar(&cfg.Gazetteer, "gazetteer", "", "gazetteer file (default: the embedded ner/gazetteer.tsv)")
	extra := flag.String("extra", "", "comma-separated FORMAT:PATH labelled files to train on as well, never a test set (default: none, CoNLL-2003 train alone)")
	flag.BoolVar(&cfg.CoNLLOnly, "conll-only", false, "train on CoNLL-2003 train alone")
	flag.IntVar(&cfg.Epochs, "epochs", 0, "training epochs (default 12)")
	flag.IntVar(&cfg.MinCount, "min-count", 0, "drop features seen fewer times (default 2)")
	flag.Float64Var(&cfg.Prune, "prune", 0, "drop averaged weights smaller than this (default 0.5)")
	flag.StringVar(&cfg.ClusterCache, "cluster-cache", "", "file to keep learnt clusters between runs (experiments only)")
	out := flag.String("out", "ner/model.bin", "model file to write")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "train-ner: unexpected arguments:", flag.Args())
		os.Exit(2)
	}
	if *extra != "" {
		cfg.Extra = strings.Split(*extra, ",")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	m, err := ner.Train(ctx, cfg, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "train-ner:", err)
		os.Exit(1)
	}
	if err := m.WriteFile(*out); err != nil {
		fmt.Fprintln(os.Stderr, "train-ner:", err)
		os.Exit(1)
	}
	st, _ := os.Stat(*out)
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes, %d features) in %s\n", *out, st.Size(), m.Features(), time.Since(start).Round(time.Second))
	fmt.Fprint(os.Stderr, m.Notes())
}
