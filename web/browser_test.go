package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromium finds a Chromium to drive: $TOCSIN_CHROMIUM, else chromium or
// chromium-browser on the PATH. Without one the test skips, or fails when
// TOCSIN_REQUIRE_BROWSER=1 (as CI sets it).
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("TOCSIN_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("TOCSIN_REQUIRE_BROWSER") == "1" {
		t.Fatal("no Chromium (chromium on the PATH or $TOCSIN_CHROMIUM) and TOCSIN_REQUIRE_BROWSER=1")
	}
	t.Skip("no Chromium: install Debian's chromium, or set TOCSIN_CHROMIUM, to run the browser tests")
	return ""
}

// artefacts is where the browser tests save screenshots: $TOCSIN_ARTEFACTS/browser,
// else a temporary directory the test logs.
func artefacts(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if a := os.Getenv("TOCSIN_ARTEFACTS"); a != "" {
		dir = filepath.Join(a, "browser")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// browser starts a headless Chromium with a fresh profile and no network of its own
// (the flags this machine needs), and returns a tab's context.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil { // starts the browser, without a time limit
		t.Fatalf("start Chromium: %v", err)
	}
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// TestPagesInBrowser loads the dyad, map, alerts and story pages of the sample store
// in headless Chromium, at 1280 and 400 px wide: the SVG elements, links and counts
// are there, nothing overflows the narrow window, no Content-Security-Policy
// violation is logged, and a click leads from an alert to its story.
func TestPagesInBrowser(t *testing.T) {
	ctx := browser(t)
	dir := artefacts(t)
	st, p := sampleStore(t)
	srv := httptest.NewServer(New(st, p, Options{Logger: testLogger(t)}))
	t.Cleanup(srv.Close)

	// The console, read aside for Content-Security-Policy violations.
	cctx, stopConsole := context.WithCancel(ctx)
	messages := chromedp.Console(cctx)
	var violations []string
	consoleDone := make(chan struct{})
	go func() {
		defer close(consoleDone)
		for m, err := range messages {
			if err != nil {
				return
			}
			if strings.Contains(m.Text, "Content Security Policy") {
				violations = append(violations, m.Text)
			}
		}
	}()

	shot := func(name string) error {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	}
	count := func(sel string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+quoteJS(sel)+`).length`))
		if err != nil {
			t.Fatalf("count %s: %v", sel, err)
		}
		return n
	}
	// overflow is how much wider than the window the page is.
	overflow := func() int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	load := func(path, wait string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path), chromedp.WaitVisible(chromedp.CSS(wait))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}

	for _, width := range []int64{1280, 400} {
		w := strconv.FormatInt(width, 10)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}

		// The dyad page: stacked bars of each conflict class and the Goldstein line.
		load("/trends?dyad=USA-IRN&period=week", "figure.chart svg")
		bars, lines, rows := count(`figure.chart svg rect.q4`), count(`figure.chart svg polyline.goldstein`), count(`table.trends tbody tr`)
		if bars == 0 || lines != 1 || rows == 0 {
			t.Errorf("dyad page at %d px: %d quad-4 bars, %d Goldstein lines, %d table rows", width, bars, lines, rows)
		}
		if over := overflow(); over > 0 {
			t.Errorf("dyad page at %d px is %d px too wide", width, over)
		}
		if err := shot("dyad-" + w); err != nil {
			t.Fatal(err)
		}

		// The map of December 2020: every country, Nigeria shaded, one point per
		// placed story as the page counts them, each linking to a story.
		load("/map?since=2020-12-01&until=2020-12-31", "figure.map svg")
		countries, points := count(`figure.map svg path[data-country]`), count(`figure.map svg circle`)
		linked := count(`figure.map svg a[href^="/stories/st-"] > circle`)
		nga, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`path[data-country="NGA"]`), "class"))
		if err != nil {
			t.Fatal(err)
		}
		if countries < 170 || points == 0 || linked != points || nga.Value == "s0" || !nga.Exists {
			t.Errorf("map at %d px: %d countries, %d points (%d linked), Nigeria %q", width, countries, points, linked, nga.Value)
		}
		if counts := text("#map-counts"); !strings.Contains(counts, strconv.Itoa(points)+" drawn") {
			t.Errorf("map at %d px: the page says %q, the SVG has %d points", width, counts, points)
		}
		if over := overflow(); over > 0 {
			t.Errorf("map page at %d px is %d px too wide", width, over)
		}
		if err := shot("map-" + w); err != nil {
			t.Fatal(err)
		}
	}

	// The alerts page, then a click on an alert's first story.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	load("/alerts", "table.alerts")
	alerts := count(`table.alerts tbody tr`)
	if said := text("#alert-count"); alerts == 0 || !strings.Contains(said, strconv.Itoa(alerts)+" alert") {
		t.Errorf("alerts page: %d rows, the page says %q", alerts, said)
	}
	if err := shot("alerts"); err != nil {
		t.Fatal(err)
	}
	const first = `table.alerts tbody tr td a[href^="/stories/"]`
	href, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(first), "href"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(first), chromedp.NodeVisible)))
	if err != nil {
		t.Fatalf("click from the alerts page: %v", err)
	}
	path, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	if err != nil {
		t.Fatal(err)
	}
	if h1 := text("main h1"); path != href.Value || strings.TrimSpace(h1) == "" {
		t.Errorf("clicked %s, reached %s with heading %q", href.Value, path, h1)
	}
	if err := shot("story"); err != nil {
		t.Fatal(err)
	}
	stopConsole()
	<-consoleDone
	if len(violations) > 0 {
		t.Errorf("Content-Security-Policy violations: %q", violations)
	}
}

// quoteJS quotes s as a JavaScript string literal (selectors here hold no backslash).
func quoteJS(s string) string { return "'" + strings.ReplaceAll(s, "'", `\'`) + "'" }
