package export

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/tocsin-project/tocsin/internal/cputime"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/store/sqlite"
	"github.com/tocsin-project/tocsin/store/storetest"
)

// benchCopies is how many copies of the analysed samples the export benchmark stores.
const benchCopies = 10

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

// benchStore opens the store the export benchmark reads: the one at
// $TOCSIN_BENCH_STORE (say, the bench.db that `tocsin bench store --dir DIR` keeps),
// else benchCopies copies of the analysed samples, stored once per test binary.
func benchStore(b *testing.B) *sqlite.Store {
	b.Helper()
	ctx := context.Background()
	path := os.Getenv("TOCSIN_BENCH_STORE")
	if path == "" {
		docs := storetest.Samples(b)
		benchOnce.Do(func() {
			benchDir, benchErr = os.MkdirTemp("", "tocsin-export-bench-")
			if benchErr != nil {
				return
			}
			st, err := sqlite.Open(ctx, filepath.Join(benchDir, "bench.db"))
			if err != nil {
				benchErr = err
				return
			}
			defer st.Close()
			for c := range benchCopies {
				for _, d := range docs {
					cp := *d
					cp.ID = fmt.Sprintf("%s-%d", d.ID, c)
					if _, err := st.Put(ctx, &cp); err != nil {
						benchErr = err
						return
					}
				}
			}
		})
		if benchErr != nil {
			b.Fatal(benchErr)
		}
		path = filepath.Join(benchDir, "bench.db")
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// TestMain removes the benchmark's store when the tests and benchmarks end.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// BenchmarkExport measures an export of every stored event, from the store's walk
// (EachEvent) to the formatted bytes, in each format: rows per wall second and per
// second of the process's CPU time (user and system), which other programs on a
// shared machine do not lower.
func BenchmarkExport(b *testing.B) {
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			st := benchStore(b)
			ctx := context.Background()
			rows := 0
			b.ResetTimer()
			start, cpu0 := time.Now(), cputime.Self()
			for range b.N {
				w, err := New(format, io.Discard)
				if err != nil {
					b.Fatal(err)
				}
				err = st.EachEvent(ctx, store.EventFilter{NoStoryCounts: !WritesStoryCounts(format)}, func(r *store.EventRow) error {
					rows++
					return w.Write(r)
				})
				if err == nil {
					err = w.Close()
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			secs := time.Since(start).Seconds()
			b.ReportMetric(float64(rows)/secs, "rows/s")
			if cpu := (cputime.Self() - cpu0).Seconds(); cpu0 > 0 && cpu > 0 {
				b.ReportMetric(float64(rows)/cpu, "rows/cpu-s")
			}
			b.ReportMetric(0, "ns/op")
		})
	}
}
