package reader

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tocsin-project/tocsin/article"
)

// ParseFeed reads an RSS, Atom or JSON feed and emits one article per item: the item's
// title, its content (or description when it has no content) with HTML reduced to text,
// link, publication date (or update date), authors, the feed's title as Source and its
// declared language. Each item is named by its link, or "name#N" (N counting items from 1)
// when it has none. With opts.FetchLinks, each item's link is fetched with the safe fetcher
// and the page's extracted text replaces the feed's; an item whose page cannot be fetched
// or read is rejected rather than kept with its shorter feed text. A feed that cannot be
// parsed is one rejected input. ParseFeed returns an error only when ctx is done or emit
// returns an error.
func ParseFeed(ctx context.Context, name string, data []byte, opts Options, emit func(*article.Article, error) error) error {
	opts = opts.withDefaults()
	var f *fetcher
	defer func() {
		if f != nil {
			f.close()
		}
	}()
	fetch := func() *fetcher {
		if f == nil {
			f = newFetcher(opts)
		}
		return f
	}
	return parseFeed(ctx, name, data, opts, fetch, emit)
}

// parseFeed is ParseFeed with the fetcher for linked pages supplied by the caller, which
// calls fetch only when opts.FetchLinks is set.
func parseFeed(ctx context.Context, name string, data []byte, opts Options, fetch func() *fetcher, emit func(*article.Article, error) error) error {
	if n := int64(len(data)); n > opts.MaxBytes {
		return emit(nil, article.Reject(name, "%s", sizeReason("feed", n, opts.MaxBytes)))
	}
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		return emit(nil, article.Reject(name, "empty file"))
	}
	if looksBinary(data) {
		return emit(nil, article.Reject(name, "binary content (NUL or control bytes), not a feed"))
	}
	feed, err := parseFeedSafely(data)
	if err != nil {
		return emit(nil, article.Reject(name, "not a valid RSS, Atom or JSON feed: %v", err))
	}
	var linked *fetcher
	if opts.FetchLinks {
		linked = fetch()
	}
	base := feedBase(name, feed)
	for i, item := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if item == nil {
			continue
		}
		a, err := feedItem(ctx, feed, item, base, fmt.Sprintf("%s#%d", name, i+1), linked, opts)
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err := emit(a, err); err != nil {
			return err
		}
	}
	return nil
}

// parseFeedSafely runs gofeed, turning a panic on a malformed feed into an error.
func parseFeedSafely(data []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			feed, err = nil, fmt.Errorf("feed parser failed: %v", r)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

// feedBase is the URL that relative item links are resolved against: the feed's own URL
// when it was fetched, else the site link it declares.
func feedBase(name string, feed *gofeed.Feed) *url.URL {
	for _, s := range []string{name, feed.FeedLink, feed.Link} {
		if u, err := url.Parse(strings.TrimSpace(s)); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u
		}
	}
	return nil
}

// feedItem makes an article from one item; base resolves a relative link, and fallback
// names the item when it has no link.
func feedItem(ctx context.Context, feed *gofeed.Feed, item *gofeed.Item, base *url.URL, fallback string, fetch *fetcher, opts Options) (*article.Article, error) {
	link := strings.TrimSpace(item.Link)
	if u, err := url.Parse(link); err == nil && link != "" && !u.IsAbs() && base != nil {
		link = base.ResolveReference(u).String()
	}
	origin := link
	if origin == "" {
		origin = fallback
	}
	a := &article.Article{
		Origin:   origin,
		Title:    collapse(fragmentText(item.Title)),
		URL:      link,
		Source:   collapse(feed.Title),
		Author:   itemAuthors(item),
		Language: normLang(feed.Language),
	}
	switch {
	case item.PublishedParsed != nil:
		a.Published = formatTime(*item.PublishedParsed)
	case item.UpdatedParsed != nil:
		a.Published = formatTime(*item.UpdatedParsed)
	default:
		a.Published = NormalizeDate(item.Published)
	}
	content := item.Content
	if strings.TrimSpace(content) == "" {
		content = item.Description
	}
	a.Body, a.Hashtags = normalizeBody(fragmentText(content))
	if fetch != nil && link != "" {
		if err := fillFromPage(ctx, a, link, fetch, opts); err != nil {
			return nil, err
		}
	}
	if a.Title == "" && a.Body == "" {
		return nil, article.Reject(origin, "feed item has no title and no text")
	}
	return finish(a)
}

// fillFromPage fetches the item's page and takes its text, and whatever the feed lacked.
func fillFromPage(ctx context.Context, a *article.Article, link string, fetch *fetcher, opts Options) error {
	page, err := fetch.get(ctx, link)
	if err != nil {
		return article.Reject(a.Origin, "fetching the linked page: %s", fetchReason(err))
	}
	if f := responseFormat(page.contentType, page.url, page.body); f != HTML {
		return article.Reject(a.Origin, "the linked page is %s, not HTML", f)
	}
	p, err := parseHTML(a.Origin, page.body, page.url, page.contentType, opts.MaxBytes)
	if err != nil {
		return err
	}
	a.Body, a.Hashtags = p.Body, nil
	fillEmpty(&a.Title, p.Title)
	fillEmpty(&a.Author, p.Author)
	fillEmpty(&a.Published, p.Published)
	fillEmpty(&a.Language, p.Language)
	if p.URL != "" {
		a.URL = p.URL
	}
	return nil
}

// fillEmpty sets *dst to v when *dst is empty.
func fillEmpty(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// itemAuthors joins the names of the item's authors.
func itemAuthors(item *gofeed.Item) string {
	var names []string
	for _, p := range item.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, collapse(p.Name))
		}
	}
	if len(names) == 0 && item.Author != nil {
		return collapse(item.Author.Name)
	}
	return strings.Join(names, ", ")
}

// fragmentText reduces an HTML fragment (or plain text with entities) to text, with block
// elements as paragraphs.
func fragmentText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	nodes, err := html.ParseFragment(bytes.NewReader(breakTextRuns([]byte(s))), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return s
	}
	root := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return htmlText(root, false)
}
