// Command gen builds the actor package's embedded dictionaries from the Phoenix
// PETRARCH dictionaries (openeventdata/petrarch2 at 676801cd, MIT licence):
//
//	go run ./actor/gen -phoenix ../shared/data/phoenix -out actor/data
//
// It also writes data/demonyms.actors.txt from the gazetteer's countries (see
// writeDemonyms) and data/countrynames.actors.txt from its aliases (see
// writeCountryNames).
// (or `go generate ./actor`). It reads each file with the package's own parser, the one
// users' dictionaries go through at run time, and writes it back in canonical form —
// comments dropped, one code per indented line, dates as YYYYMMDD — gzip-compressed. The
// output is itself a PETRARCH dictionary, so the embedded data and a user's file take the
// same path. Problems in the sources (unreadable dates, stray lines) are listed on
// standard error; they are read as PETRARCH reads them or skipped.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tocsin-project/tocsin/actor"
)

var sources = []struct{ in, out string }{
	{"Phoenix.Countries.actors.txt", "phoenix-countries.actors.gz"},
	{"Phoenix.International.actors.txt", "phoenix-international.actors.gz"},
	{"Phoenix.MilNonState.actors.txt", "phoenix-milnonstate.actors.gz"},
	{"Phoenix.agents.txt", "phoenix.agents.gz"},
}

func main() {
	dir := flag.String("phoenix", "../shared/data/phoenix", "folder with the Phoenix dictionaries")
	out := flag.String("out", "actor/data", "output folder")
	quiet := flag.Bool("q", false, "do not list the warnings")
	countries := flag.String("countries", "gazetteer/countries.tsv", "the gazetteer's countries, for their demonyms")
	aliases := flag.String("aliases", "", "the gazetteer's country aliases, for the names news uses (default: aliases.tsv beside -countries)")
	flag.Parse()
	if err := run(*dir, *out, *quiet); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := writeDemonyms(*countries, filepath.Join(*dir, sources[0].in), *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if *aliases == "" {
		*aliases = filepath.Join(filepath.Dir(*countries), "aliases.tsv")
	}
	if err := writeCountryNames(*aliases, filepath.Join(*dir, sources[0].in), *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir, out string, quiet bool) error {
	for _, s := range sources {
		f, err := os.Open(filepath.Join(dir, s.in))
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		var warns []actor.Warning
		var summary string
		if filepath.Ext(s.out) == ".gz" && bytes.Contains([]byte(s.in), []byte(".agents")) {
			agents, w, err := actor.ParseAgents(s.in, f)
			if err != nil {
				f.Close()
				return err
			}
			warns = w
			if err := actor.WriteAgents(&buf, agents); err != nil {
				f.Close()
				return err
			}
			summary = fmt.Sprintf("%d agent phrases", len(agents))
		} else {
			entries, w, err := actor.ParseActors(s.in, f)
			if err != nil {
				f.Close()
				return err
			}
			warns = w
			if err := actor.WriteActors(&buf, entries); err != nil {
				f.Close()
				return err
			}
			names, dated := 0, 0
			for _, e := range entries {
				names += 1 + len(e.Synonyms)
				for _, c := range e.Codes {
					if c.Dated() {
						dated++
						break
					}
				}
			}
			summary = fmt.Sprintf("%d entries, %d names, %d with dated codes", len(entries), names, dated)
		}
		f.Close()
		var gz bytes.Buffer
		zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		if err != nil {
			return err
		}
		zw.Header.Name = s.in // fixed header: no time stamp, so output is reproducible
		if _, err := zw.Write(buf.Bytes()); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, s.out), gz.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "%s: %s; %d warnings; %d bytes → %s %d bytes\n", s.in, summary, len(warns), buf.Len(), s.out, gz.Len())
		if !quiet {
			for _, w := range warns {
				fmt.Fprintln(os.Stderr, "  ", w)
			}
		}
	}
	return nil
}
