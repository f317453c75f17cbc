// Command tocsin reads news and turns it into event data.
//
// Usage:
//
//	tocsin demo                     ingest the bundled sample articles and serve them
//	tocsin analyze [--json] FILE... print the annotated document of each article
//	tocsin ingest PATH|URL...       read articles into the store
//	tocsin worker --queue nats://…  analyse and store the articles queued by ingest --queue
//	tocsin serve                    serve the JSON API and web pages
//	tocsin events [filters]         list stored events
//	tocsin export --format F        write the stored events as GDELT, PLOVER, CSV, JSONL or Parquet
//	tocsin stories [filters]        list stored stories (one per real-world happening)
//	tocsin trends --dyad A-B        a dyad's (or actor's, or country's) series by period
//	tocsin alerts                   escalation alerts, each with the stories behind it
//	tocsin bench DIR                measure the pipeline's speed
//	tocsin eval sentences FILE      score the sentence splitter on a CoNLL-U treebank
//
// Exit codes: 0 success, 1 bad input (the message names the input and the reason),
// 2 usage error.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	// Imported for its initialisation alone: the first garbage collection waits until the
	// heap is large, from before the packages that build tables at start (its doc says why).
	_ "github.com/tocsin-project/tocsin/internal/startgc"
)

// Exit codes shared by every command.
const (
	exitOK    = 0
	exitInput = 1
	exitUsage = 2
)

// usageError marks errors in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// inputError marks runs where some input was rejected; the rejections were already printed.
type inputError struct{ n int }

func (e inputError) Error() string { return fmt.Sprintf("%d input(s) rejected", e.n) }

type command struct {
	name  string
	short string
	run   func(ctx context.Context, env *env, args []string) error
}

// env is what a command may touch: its streams and the process environment.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

var commands = []command{
	{"demo", "ingest the bundled sample articles into the default store and serve them", runDemo},
	{"analyze", "analyse articles and print the annotated documents", runAnalyze},
	{"ingest", "read articles from files, directories, JSON Lines, HTML, feeds or URLs into the store", runIngest},
	{"worker", "analyse and store the articles ingest --queue publishes on a NATS JetStream queue", runWorker},
	{"serve", "serve the JSON API and the web pages", runServe},
	{"events", "list stored events, filtered by actor, code, place, date or sentence text", runEvents},
	{"export", "write the stored events as GDELT 2.0, PLOVER, CSV, JSON Lines or Parquet", runExport},
	{"stories", "list stored stories: the reports of one happening linked, casualty figures reconciled", runStories},
	{"trends", "a dyad's, an actor's or a country's series by day, week or month, on stories", runTrends},
	{"alerts", "dyads and countries departing from their own baseline toward conflict, with the stories behind", runAlerts},
	{"bench", "run the whole pipeline over a directory of articles and report its speed", runBench},
	{"eval", "measure an annotator against gold data", runEval},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}, os.Args[1:])
	stop()
	os.Exit(code)
}

func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		var ue usageError
		var ie inputError
		switch {
		case err == nil:
			return exitOK
		case errors.As(err, &ue):
			fmt.Fprintf(e.stderr, "tocsin %s: %s\nRun 'tocsin %s -h' for help.\n", c.name, ue.msg, c.name)
			return exitUsage
		case errors.As(err, &ie):
			fmt.Fprintf(e.stderr, "tocsin %s: %v\n", c.name, err)
			return exitInput
		case errors.Is(err, context.Canceled):
			fmt.Fprintf(e.stderr, "tocsin %s: interrupted\n", c.name)
			return exitInput
		default:
			fmt.Fprintf(e.stderr, "tocsin %s: %v\n", c.name, err)
			return exitInput
		}
	}
	fmt.Fprintf(e.stderr, "tocsin: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "tocsin reads news and turns it into event data.\n\nUsage: tocsin COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.short)
	}
	fmt.Fprintln(w, "\nRun 'tocsin COMMAND -h' for a command's flags.")
}
