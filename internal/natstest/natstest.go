// Package natstest gives tests a NATS server with JetStream: the machine's shared one at
// 127.0.0.1:4222 (URL), or a private nats-server process the test starts, stops and
// restarts itself (Start). A test that needs NATS skips with a visible message when
// there is none, and fails instead when TOCSIN_REQUIRE_SERVICES=1, as in CI.
package natstest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Addr is the shared NATS server's address; TOCSIN_NATS overrides it (HOST:PORT).
const Addr = "127.0.0.1:4222"

// missing skips the test, or fails it when TOCSIN_REQUIRE_SERVICES=1.
func missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("TOCSIN_REQUIRE_SERVICES") == "1" {
		t.Fatalf("%s, and TOCSIN_REQUIRE_SERVICES=1", msg)
	}
	t.Skipf("SKIP: %s (start it as .ci/run does, or set TOCSIN_NATS)", msg)
}

// URL returns the nats:// URL of the shared server, or stops the test when nothing
// listens there.
func URL(t testing.TB) string {
	t.Helper()
	addr := Addr
	if a := os.Getenv("TOCSIN_NATS"); a != "" {
		addr = a
	}
	c, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		missing(t, "NATS is not reachable at %s: %v", addr, err)
	}
	c.Close()
	return "nats://" + addr
}

// Name returns a stream name prefix no other test, or run, uses: tests share the server
// and must not share streams.
func Name(t testing.TB) string {
	b := make([]byte, 4)
	rand.Read(b)
	n := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, t.Name())
	if len(n) > 24 {
		n = n[:24]
	}
	return "test" + n + hex.EncodeToString(b)
}

// Server is a private nats-server process with JetStream, its data in a temporary
// directory so that its streams survive Restart.
type Server struct {
	t    testing.TB
	Port int
	dir  string
	cmd  *exec.Cmd
}

// Binary is the nats-server the Debian package installs.
const Binary = "/usr/sbin/nats-server"

// Start starts a private server on a free loopback port, stopped when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	if _, err := os.Stat(Binary); err != nil {
		missing(t, "%s is not installed", Binary)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	s := &Server{t: t, Port: port, dir: t.TempDir()}
	s.start()
	t.Cleanup(s.Stop)
	return s
}

// URL is the server's nats:// URL.
func (s *Server) URL() string { return fmt.Sprintf("nats://127.0.0.1:%d", s.Port) }

func (s *Server) start() {
	s.t.Helper()
	s.cmd = exec.Command(Binary, "-a", "127.0.0.1", "-p", fmt.Sprint(s.Port), "-js", "-sd", s.dir)
	if err := s.cmd.Start(); err != nil {
		s.t.Fatalf("starting %s: %v", Binary, err)
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", s.Port)); err == nil {
			c.Close()
			return
		}
	}
	s.t.Fatalf("%s did not listen on port %d within 10s", Binary, s.Port)
}

// Stop kills the server, if it runs, and waits for it to exit.
func (s *Server) Stop() {
	if s.cmd == nil {
		return
	}
	s.cmd.Process.Kill()
	s.cmd.Wait()
	s.cmd = nil
}

// Restart kills the server, waits down, then starts it again on the same port with the
// same data.
func (s *Server) Restart(down time.Duration) {
	s.t.Helper()
	s.Stop()
	time.Sleep(down)
	s.start()
}
