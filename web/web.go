// Package web serves tocsin's JSON API and its plain HTML pages over a store of
// annotated documents.
//
//	GET  /api/articles?limit=&offset=   article summaries, newest first
//	GET  /api/articles/{id}             one document, every layer but tokens
//	GET  /api/search?q=&limit=&offset=  full-text hits with snippets, best first
//	GET  /api/events?filters&limit=&offset=  event rows (filters as tocsin events)
//	GET  /api/stories?filters&limit=&offset=  stories (filters as tocsin stories)
//	GET  /api/stories/{id}              one story
//	POST /api/articles                  analyse and store one article (bearer token)
//	GET  /?q=&page=                     recent articles, or search results
//	GET  /articles/{id}                 one article with its annotation layers
//	GET  /events?filters&page=          a filterable table of events
//	GET  /stories?filters&page=         the stories, newest first
//	GET  /stories/{id}                  one story: its reports, casualty claims and chart
//	GET  /trends?series&period=         a dyad's or country's series as an SVG chart
//	GET  /alerts?since=&until=          the alerts, newest first
//	GET  /map?since=&until=             the world shaded by conflict stories, stories as points
//	GET  /healthz                       "ok"
//
// Reads need no authentication; writes need the bearer token given in Options. Every
// JSON response is an object, and every JSON error is {"error": "..."}.
package web

import (
	"cmp"
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
)

// Analyzer turns an article into an annotated document (a *pipeline.Pipeline satisfies it).
type Analyzer interface {
	Analyze(ctx context.Context, a *article.Article) (*doc.Document, error)
}

// Options configures the handler returned by New.
type Options struct {
	// Token is the bearer token required for writes; empty means writes are refused.
	Token string
	// Logger receives server errors and recovered panics; nil discards them.
	Logger *slog.Logger
	// SearchTimeout bounds the time of one search (API or page); zero means
	// DefaultSearchTimeout. A search over it is stopped and answered 503.
	SearchTimeout time.Duration
	// MaxSearches bounds the searches running at once; zero means DefaultMaxSearches.
	// A search that finds no free slot within its time limit is answered 503.
	MaxSearches int
}

// server holds the handler's dependencies; it is immutable after New.
type server struct {
	store store.Store
	an    Analyzer
	token string
	log   *slog.Logger
	pages *pages
	// stories holds the story pages' templates (web/stories.go).
	stories *storyPages
	// trends holds the trends and alerts pages' templates (web/trends.go).
	trends *trendPages
	mux    *http.ServeMux
	// searches limits concurrent searches (see searchSlot) to searchTimeout each.
	searches      chan struct{}
	searchTimeout time.Duration
}

// New returns the handler serving the JSON API under /api/, the HTML pages and /healthz.
func New(st store.Store, an Analyzer, opts Options) http.Handler {
	s := &server{
		store:   st,
		an:      an,
		token:   opts.Token,
		log:     opts.Logger,
		pages:   mustParsePages(),
		stories: mustParseStoryPages(),
		trends:  mustParseTrendPages(),
		mux:     http.NewServeMux(),
	}
	s.searchTimeout = cmp.Or(opts.SearchTimeout, DefaultSearchTimeout)
	s.searches = make(chan struct{}, cmp.Or(opts.MaxSearches, DefaultMaxSearches))
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.routes()
	return s.recoverPanics(s.securityHeaders(http.HandlerFunc(s.dispatch)))
}

// routes registers every endpoint on s.mux.
func (s *server) routes() {
	s.mux.HandleFunc("GET /api/articles", s.listArticles)
	s.mux.HandleFunc("GET /api/articles/{id}", s.getArticle)
	s.mux.HandleFunc("POST /api/articles", s.postArticle)
	s.mux.HandleFunc("GET /api/search", s.search)
	s.mux.HandleFunc("GET /{$}", s.indexPage)
	s.mux.HandleFunc("GET /articles/{id}", s.articlePage)
	s.mux.HandleFunc("GET /api/events", s.listEvents)
	s.mux.HandleFunc("GET /events", s.eventsPage)
	s.mux.HandleFunc("GET /api/stories", s.listStories)
	s.mux.HandleFunc("GET /api/stories/{id}", s.getStory)
	s.mux.HandleFunc("GET /stories", s.storiesPage)
	s.mux.HandleFunc("GET /stories/{id}", s.storyPage)
	s.mux.HandleFunc("GET /api/trends", s.listTrends)
	s.mux.HandleFunc("GET /api/alerts", s.listAlerts)
	s.mux.HandleFunc("GET /trends", s.trendsPage)
	s.mux.HandleFunc("GET /alerts", s.alertsPage)
	s.mux.HandleFunc("GET /map", s.mapPage)
	s.mux.HandleFunc("GET /healthz", s.healthz)
}

// healthz reports that the process serves requests.
func (s *server) healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte("ok"))
}
