package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tocsin-project/tocsin/internal/natstest"
	"github.com/tocsin-project/tocsin/internal/pgtest"
	"github.com/tocsin-project/tocsin/queue"
)

// storiesJSON is tocsin stories --json over the store db names.
func storiesJSON(t *testing.T, db string) string {
	t.Helper()
	code, out, stderr := runCLI(t, "stories", "--db", db, "--json", "--limit", "10000")
	if code != exitOK {
		t.Fatalf("stories --db %s: exit %d: %s", db, code, stderr)
	}
	return out
}

// TestQueuePostgresMatchesSQLite ingests the samples through the queue and one worker
// into PostgreSQL: the same article IDs, events and stories as a direct ingest into
// SQLite with one analysing worker (the same order of storing).
func TestQueuePostgresMatchesSQLite(t *testing.T) {
	nurl, name := natstest.URL(t), natstest.Name(t)
	pg := pgtest.DB(t)
	dropStreams(t, nurl, name)
	in := samplesFile(t)
	direct := filepath.Join(t.TempDir(), "direct.db")
	if code, _, stderr := runCLI(t, "ingest", "--quiet", "--workers", "1", "--db", direct, in); code != exitOK {
		t.Fatalf("direct ingest: %s", stderr)
	}
	worker(t, "--queue", nurl, "--stream", name, "--db", pg)
	code, out, stderr := runCLI(t, "ingest", "--queue", nurl, "--stream", name, "--wait", in)
	if code != exitOK || !strings.Contains(out, "read 37, new 37") {
		t.Fatalf("exit %d, %s %s", code, out, stderr)
	}
	sameEvents(t, storedEvents(t, direct), storedEvents(t, pg))
	if a, b := storiesJSON(t, direct), storiesJSON(t, pg); a != b {
		t.Errorf("stories differ: SQLite %d bytes, queue + PostgreSQL %d bytes", len(a), len(b))
	}
}

// proxy forwards TCP connections to a target until it is taken down: then its port
// refuses connections and the ones it carried are cut, as when a database server
// goes away.
type proxy struct {
	t      *testing.T
	addr   string
	target string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	p := &proxy{t: t, addr: "127.0.0.1:0", target: target}
	p.up()
	p.addr = p.ln.Addr().String()
	t.Cleanup(p.down)
	return p
}

func (p *proxy) up() {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatalf("proxy: %v", err)
	}
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			d, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, d)
			p.mu.Unlock()
			go func() { io.Copy(d, c); d.Close() }()
			go func() { io.Copy(c, d); c.Close() }()
		}
	}()
}

func (p *proxy) down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// TestWorkerWaitsForPostgres cuts the worker off PostgreSQL for longer than AckWait
// while articles wait: the worker holds them, backs off and stores them all once the
// server answers again, each delivered once.
func TestWorkerWaitsForPostgres(t *testing.T) {
	nurl, name := natstest.URL(t), natstest.Name(t)
	pg := pgtest.DB(t)
	dropStreams(t, nurl, name)
	u, err := url.Parse(pg)
	if err != nil {
		t.Fatal(err)
	}
	px := newProxy(t, u.Host)
	u.Host = px.addr
	db := u.String()
	in := samplesFile(t)
	var log syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, &env{stdout: &log, stderr: &log, getenv: func(string) string { return "" }},
			[]string{"worker", "--queue", nurl, "--stream", name, "--db", db, "--batch", "8", "--ack-wait", "2s", "--max-deliver", "2"})
	}()
	defer func() {
		cancel()
		if code := <-done; code != exitOK {
			t.Errorf("worker exit %d: %s", code, log.String())
		}
	}()
	waitFor(t, &log, "worker started") // its store opened through the proxy
	px.down()
	start := time.Now()
	if code, out, stderr := runCLI(t, "ingest", "--queue", nurl, "--stream", name, in); code != exitOK {
		t.Fatalf("publishing: %s %s", out, stderr)
	}
	waitFor(t, &log, "store unavailable")
	time.Sleep(3 * time.Second) // beyond AckWait, and beyond --max-deliver tries at the nak delays
	px.up()
	q, err := queue.Connect(context.Background(), nurl, queue.Config{Name: name}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	wctx, wcancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer wcancel()
	seen := map[string]queue.Result{}
	err = q.Results(wctx, start.Add(-time.Minute), func(r queue.Result) bool {
		if _, ok := seen[r.ID]; !ok {
			seen[r.ID] = r
		}
		return len(seen) < 37
	})
	if err != nil {
		t.Fatalf("%d of 37 answered: %v\n%s", len(seen), err, log.String())
	}
	for _, r := range seen {
		if r.Status != queue.StatusNew || r.Tries != 1 {
			t.Errorf("%s: %s after %d deliveries %s; want new, delivered once (held while the store was away)", r.Origin, r.Status, r.Tries, r.Reason)
		}
	}
	t.Logf("worker log:\n%s", log.String())
	if !strings.Contains(log.String(), "store is back") {
		t.Errorf("the worker never said the store was back:\n%s", log.String())
	}
	sameEvents(t, ingestDirect(t, in), storedEvents(t, db))
}

// waitFor waits up to a minute for what to appear in log.
func waitFor(t *testing.T, log *syncBuffer, what string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !strings.Contains(log.String(), what); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in the worker's log within a minute:\n%s", what, log.String())
		}
	}
}

// TestBenchQueuePostgres runs bench queue into PostgreSQL with two worker processes of
// --procs 1: every article stored (the bench fails otherwise), and the CPU of the
// PostgreSQL backends serving the workers counted when the server runs on this
// machine.
func TestBenchQueuePostgres(t *testing.T) {
	nurl, pg := natstest.URL(t), pgtest.DB(t)
	t.Setenv("TOCSIN_TEST_MAIN", "1") // the worker processes are this binary, running main
	code, out, stderr := runCLI(t, "bench", "queue", "--queue", nurl, "--db", pg, "--workers", "2", "--limit", "8", "--batch", "4", "--json", samplesFile(t))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var res benchQueueResult
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		t.Fatalf("last line is not the JSON figures: %v\n%s", err, out)
	}
	if res.Store != "PostgreSQL" || res.Procs != 1 || res.Articles != 8 || len(res.Runs) != 1 || res.Runs[0].Workers != 2 || res.Runs[0].StoreBytes <= 0 {
		t.Errorf("figures %+v", res)
	}
	if u, err := url.Parse(pg); err == nil && (u.Hostname() == "127.0.0.1" || u.Hostname() == "localhost") && res.Runs[0].PostgresMS <= 0 {
		t.Errorf("no PostgreSQL backend CPU counted for a server on this machine: %+v\n%s", res.Runs[0], out)
	}
}
