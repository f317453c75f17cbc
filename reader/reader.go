// Package reader turns inputs — plain-text files, HTML pages, JSON Lines, RSS/Atom feeds,
// directories of those, standard input and http(s) URLs — into articles.
//
// Every reader reports a bad input as an *article.InputError that names the input and the
// reason, and goes on with the next one: one broken line or feed item never stops the rest.
package reader

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tocsin-project/tocsin/article"
)

// Options controls reading. The zero value reads local inputs and public http(s) URLs
// with the default limits. A Client given here is used with its own Transport, so the
// check that refuses private addresses is then the caller's to make; the default client
// makes it on every connection and uses no proxy.
type Options struct {
	FetchLinks   bool          // for feeds: fetch each item's linked page (opt-in)
	AllowPrivate bool          // allow fetching from loopback/private/link-local addresses
	Timeout      time.Duration // per HTTP request (default 20s)
	MaxBytes     int64         // per input (default article.MaxBytes)
	Client       *http.Client  // optional; a safe default client otherwise
	UserAgent    string
}

// defaultTimeout bounds each HTTP request when Options.Timeout is zero.
const defaultTimeout = 20 * time.Second

// stdinName names standard input in messages and in Article.Origin.
const stdinName = "stdin"

// sniffLen is how much of a stream Detect sees when a file is read: enough to get past an
// XML declaration, a doctype and comments to the root element.
const sniffLen = 8 << 10

// maxMaxBytes caps Options.MaxBytes so that size arithmetic cannot overflow.
const maxMaxBytes = 1 << 40

// withDefaults fills in the zero fields of o.
func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = defaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = article.MaxBytes
	}
	o.MaxBytes = min(o.MaxBytes, maxMaxBytes)
	return o
}

// Read reads every article from src — a file path, a directory (walked recursively, files
// in lexical order, hidden files/dirs skipped), "-" for stdin, or an http(s) URL (an HTML
// page or a feed) — and calls emit once per article, or once per rejected input with a
// non-nil *article.InputError naming the input (path, "path:LINE" for JSON Lines, feed
// item link) and the reason, in input order. Read returns an error only for failures that
// stop the whole source (ctx cancelled, emit returned an error); a bad item never stops
// the rest. A src that does not exist or cannot be read is itself a rejected input, so
// that a list of sources goes on past it.
//
// A URL that cannot be fetched (refused address, HTTP error, too large, timeout) is a
// rejected input, not a stopping error, so that a list of URLs goes on past a dead link.
func Read(ctx context.Context, src string, opts Options, emit func(a *article.Article, err error) error) error {
	r := &run{ctx: ctx, opts: opts.withDefaults(), emit: emit}
	defer r.close()
	if err := ctx.Err(); err != nil {
		return err
	}
	switch {
	case src == "-":
		return r.stream(stdinName, os.Stdin, -1)
	case isHTTPURL(src):
		return r.url(src)
	}
	fi, err := os.Stat(src)
	if err != nil {
		if scheme := urlScheme(src); scheme != "" && errors.Is(err, fs.ErrNotExist) {
			return r.reject(src, "unsupported URL scheme %q: only http and https URLs are read", scheme)
		}
		return r.reject(src, "%s", pathReason(err))
	}
	if fi.IsDir() {
		return r.walk(src)
	}
	return r.file(src)
}

// run carries one call of Read.
type run struct {
	ctx   context.Context
	opts  Options
	emit  func(*article.Article, error) error
	fetch *fetcher // created on first use
}

// fetcher returns the run's fetcher, creating it on first use.
func (r *run) fetcher() *fetcher {
	if r.fetch == nil {
		r.fetch = newFetcher(r.opts)
	}
	return r.fetch
}

// close releases the run's idle connections.
func (r *run) close() {
	if r.fetch != nil {
		r.fetch.close()
	}
}

// reject emits an InputError for input.
func (r *run) reject(input, format string, args ...any) error {
	return r.emit(nil, article.Reject(input, format, args...))
}

// walk reads every regular, non-hidden file under root in lexical order.
func (r *run) walk(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := r.ctx.Err(); cerr != nil {
			return cerr
		}
		if d != nil && path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if err != nil {
			// An unreadable directory or entry is one bad input; the walk goes on.
			if eerr := r.reject(path, "%s", pathReason(err)); eerr != nil {
				return eerr
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(path)
			if err != nil || !fi.Mode().IsRegular() {
				return nil // dangling link or link to a directory: not followed
			}
		} else if !d.Type().IsRegular() {
			return nil // sockets, devices, pipes
		}
		return r.file(path)
	})
}

// file reads one file.
func (r *run) file(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return r.reject(path, "%s", pathReason(err))
	}
	defer f.Close()
	size := int64(-1)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	return r.stream(path, f, size)
}

// stream reads one input of the given size (-1 when unknown). JSON Lines are streamed;
// other formats are read whole, after checking the size.
func (r *run) stream(name string, rd io.Reader, size int64) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return r.reject(name, "read error: %v", err)
	}
	format := Detect(name, head)
	if format == JSONL {
		return parseJSONL(r.ctx, name, br, r.opts.MaxBytes, r.emit)
	}
	max := r.opts.MaxBytes
	if size > max {
		return r.reject(name, "file is %d bytes, over the %d-byte limit", size, max)
	}
	data, err := io.ReadAll(io.LimitReader(br, max+1))
	if err != nil {
		return r.reject(name, "read error: %v", err)
	}
	if int64(len(data)) > max {
		return r.reject(name, "file is over the %d-byte limit", max)
	}
	return r.parse(name, format, data, "", "")
}

// parse hands a whole input to the reader for its format.
func (r *run) parse(name string, format Format, data []byte, pageURL, contentType string) error {
	var a *article.Article
	var err error
	switch format {
	case Feed:
		return parseFeed(r.ctx, name, data, r.opts, r.fetcher, r.emit)
	case JSONL:
		return parseJSONL(r.ctx, name, bytes.NewReader(data), r.opts.MaxBytes, r.emit)
	case HTML:
		a, err = parseHTML(name, data, pageURL, contentType, r.opts.MaxBytes)
	default:
		if a, err = parseText(name, data, r.opts.MaxBytes); a != nil {
			a.URL = pageURL
		}
	}
	if err != nil {
		return r.emit(nil, err)
	}
	return r.emit(a, nil)
}

// url fetches src and reads it as the format its content type and content suggest.
func (r *run) url(src string) error {
	page, err := r.fetcher().get(r.ctx, src)
	if err != nil {
		if cerr := r.ctx.Err(); cerr != nil {
			return cerr
		}
		return r.reject(src, "%s", fetchReason(err))
	}
	format := responseFormat(page.contentType, page.url, page.body)
	return r.parse(src, format, page.body, page.url, page.contentType)
}

// pathReason words a file-system error without repeating the path, which the InputError
// already names.
func pathReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}
