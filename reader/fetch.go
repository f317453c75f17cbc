package reader

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// maxRedirects is how many redirects one fetch follows.
const maxRedirects = 5

// defaultUserAgent identifies tocsin when Options.UserAgent is empty.
const defaultUserAgent = "tocsin-reader/0.1"

// fetcher gets web pages within the limits of Options: http and https only, no private
// addresses unless allowed (checked when each connection is dialled, so that DNS answers
// and redirects cannot sneak past), at most maxRedirects redirects, a bounded body and a
// time limit.
type fetcher struct {
	client  *http.Client
	own     bool // the client is ours, so close may drop its idle connections
	agent   string
	max     int64
	timeout time.Duration
}

// page is a fetched response.
type page struct {
	url         string // after redirects
	contentType string
	body        []byte
}

// newFetcher builds a fetcher for opts. A caller's Client is used with its own Transport
// (which then decides which addresses may be dialled) but with the redirect rules added
// when it has none.
func newFetcher(opts Options) *fetcher {
	opts = opts.withDefaults()
	var c http.Client
	if opts.Client != nil {
		c = *opts.Client
	} else {
		c = http.Client{Transport: safeTransport(opts.AllowPrivate, opts.Timeout), Timeout: opts.Timeout}
	}
	if c.CheckRedirect == nil {
		c.CheckRedirect = checkRedirect
	}
	agent := opts.UserAgent
	if agent == "" {
		agent = defaultUserAgent
	}
	return &fetcher{client: &c, own: opts.Client == nil, agent: agent, max: opts.MaxBytes, timeout: opts.Timeout}
}

// close drops the idle connections of a client the fetcher made.
func (f *fetcher) close() {
	if f.own {
		f.client.CloseIdleConnections()
	}
}

// safeTransport dials only public addresses unless allowPrivate. It uses no proxy: through
// a proxy the dial-time check would see the proxy's address, not the site's.
func safeTransport(allowPrivate bool, timeout time.Duration) *http.Transport {
	d := &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		d.Control = refusePrivate
	}
	return &http.Transport{
		Proxy:                 nil,
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          10,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   timeout,
		ResponseHeaderTimeout: timeout,
		ExpectContinueTimeout: time.Second,
	}
}

// checkRedirect allows at most maxRedirects redirects, to http and https URLs only.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > maxRedirects {
		return fmt.Errorf("stopped after %d redirects", maxRedirects)
	}
	return checkScheme(req.URL)
}

// refusePrivate is a net.Dialer Control function that refuses loopback, private,
// link-local, unspecified, multicast and other non-public addresses. It runs on the
// address actually being dialled, after DNS resolution.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("refusing to dial %q: cannot read the address", address)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("refusing to dial %q: not an IP address", host)
	}
	if kind := nonPublic(ip); kind != "" {
		return fmt.Errorf("refusing to connect: %s is %s address (private and local addresses are refused unless allowed, e.g. with --allow-private)", ip, withArticle(kind))
	}
	return nil
}

// withArticle puts "a" or "an" before a kind of address: "an unspecified", "an IETF
// protocol", "a loopback". Every kind nonPublic names sounds as it is spelt.
func withArticle(kind string) string {
	if kind != "" && strings.ContainsRune("aeiouAEIOU", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}

// specialV4 are IPv4 ranges that are not on the public internet beyond those netip names.
var specialV4 = []struct {
	prefix netip.Prefix
	kind   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "\"this network\""},
	{netip.MustParsePrefix("100.64.0.0/10"), "shared (carrier-grade NAT)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
}

// IPv6 prefixes whose addresses carry an IPv4 address.
var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// nonPublic names the kind of a non-public address, or returns "" for a public one.
// IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4) are judged by that address.
func nonPublic(ip netip.Addr) string {
	ip = ip.Unmap()
	switch {
	case ip.IsLoopback():
		return "loopback"
	case ip.IsPrivate():
		return "private"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		return "link-local"
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsMulticast(), ip.IsInterfaceLocalMulticast():
		return "multicast"
	}
	if ip.Is4() {
		for _, s := range specialV4 {
			if s.prefix.Contains(ip) {
				return s.kind
			}
		}
		return ""
	}
	b := ip.As16()
	if nat64.Contains(ip) {
		return nonPublic(netip.AddrFrom4([4]byte(b[12:16])))
	}
	if sixToFour.Contains(ip) {
		return nonPublic(netip.AddrFrom4([4]byte(b[2:6])))
	}
	return ""
}

// checkScheme refuses URLs other than http and https.
func checkScheme(u *url.URL) error {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return fmt.Errorf("URL %q has no host", u.Redacted())
		}
		return nil
	case "":
		return fmt.Errorf("%q is not an absolute URL", u.Redacted())
	}
	return fmt.Errorf("unsupported URL scheme %q: only http and https URLs are fetched", u.Scheme)
}

// get fetches rawURL and returns its body, refusing error statuses and bodies over the
// size limit.
func (f *fetcher) get(ctx context.Context, rawURL string) (*page, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("invalid URL: %v", err)
	}
	if err := checkScheme(u); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("invalid URL: %v", err)
	}
	req.Header.Set("User-Agent", f.agent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	if resp.ContentLength > f.max {
		return nil, errors.New(sizeReason("response", resp.ContentLength, f.max))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.max+1))
	if err != nil {
		return nil, fmt.Errorf("reading the response: %w", err)
	}
	if int64(len(body)) > f.max {
		return nil, fmt.Errorf("response is over the %d-byte limit", f.max)
	}
	return &page{url: resp.Request.URL.String(), contentType: resp.Header.Get("Content-Type"), body: body}, nil
}

// fetchReason words a fetch error without the "Get "url":" prefix the InputError repeats.
func fetchReason(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		return "timed out: " + err.Error()
	}
	return err.Error()
}

// isHTTPURL reports whether s starts with http:// or https://.
func isHTTPURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// urlScheme returns the scheme of s when s looks like a URL ("file:///x", "ftp://h/x",
// "data:…"), or "". A one-letter scheme is a Windows drive, not a URL.
func urlScheme(s string) string {
	u, err := url.Parse(s)
	if err != nil || len(u.Scheme) < 2 {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "file", "data", "javascript", "mailto":
		return u.Scheme
	}
	if strings.HasPrefix(s[len(u.Scheme):], "://") {
		return u.Scheme
	}
	return ""
}
