// Package pipeline turns an article into an annotated document by running stages in order.
//
// A Stage reads the layers that earlier stages wrote and adds its own; it never re-reads the
// raw input. Stages declare the layers they read and write (Declarer), and Build checks
// that each comes after the writers of what it reads. The pipeline records per-stage
// timings so that `tocsin bench` can report the cost of each stage.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/tocsin-project/tocsin/article"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/segment"
)

// Stage is one annotator.
type Stage interface {
	// Name is a short, stable identifier such as "text" or "entities".
	Name() string
	// Annotate adds the stage's layer to d.
	Annotate(ctx context.Context, d *doc.Document) error
}

// LanguageBound is implemented by stages that only understand some languages. The pipeline
// skips such a stage on other languages and records the reason in Document.Skipped.
type LanguageBound interface {
	Languages() []string
}

// Pipeline runs stages in a fixed order. It is safe for concurrent use.
type Pipeline struct {
	stages []Stage
	mu     sync.Mutex
	stats  []StageStat
}

// StageStat is the accumulated cost of one stage.
type StageStat struct {
	Name      string
	Documents int
	Time      time.Duration
}

// New returns a pipeline that runs stages in the order given, without checking the order
// (see Build). Tests build partial pipelines with it on purpose: a recogniser test runs
// the text stage and the recogniser, without the language stage its Declarer says it
// reads, on articles that declare their language.
func New(stages ...Stage) *Pipeline {
	p := &Pipeline{stages: stages, stats: make([]StageStat, len(stages))}
	for i, s := range stages {
		p.stats[i].Name = s.Name()
	}
	return p
}

// Stats returns a copy of the per-stage timings accumulated so far.
func (p *Pipeline) Stats() []StageStat {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.stats)
}

// Analyze builds the document for a and runs every stage on it.
func (p *Pipeline) Analyze(ctx context.Context, a *article.Article) (*doc.Document, error) {
	if err := a.Validate(); err != nil {
		return nil, &article.InputError{Input: a.Origin, Reason: err.Error()}
	}
	d := NewDocument(a)
	if err := p.Run(ctx, d); err != nil {
		return nil, err
	}
	return d, nil
}

// AnalyzeBatch is Analyze on several articles at once, stage by stage (see RunBatch):
// docs[i] and errs[i] are arts[i]'s document and error.
func (p *Pipeline) AnalyzeBatch(ctx context.Context, arts []*article.Article) (docs []*doc.Document, errs []error) {
	docs = make([]*doc.Document, len(arts))
	errs = make([]error, len(arts))
	valid := make([]*doc.Document, 0, len(arts))
	at := make([]int, 0, len(arts))
	for i, a := range arts {
		if err := a.Validate(); err != nil {
			errs[i] = &article.InputError{Input: a.Origin, Reason: err.Error()}
			continue
		}
		docs[i] = NewDocument(a)
		valid = append(valid, docs[i])
		at = append(at, i)
	}
	for k, err := range p.RunBatch(ctx, valid) {
		if err != nil {
			docs[at[k]], errs[at[k]] = nil, err
		}
	}
	return docs, errs
}

// Run runs every stage on d in order.
func (p *Pipeline) Run(ctx context.Context, d *doc.Document) error {
	return p.RunBatch(ctx, []*doc.Document{d})[0]
}

// RunBatch runs every stage on each of docs, stage by stage: the first stage on every
// document, then the second, and so on. The result is the same as running each document
// alone; the order keeps each stage's model (tens of megabytes of weights for the tagger,
// parser and recogniser) in the processor's caches across documents instead of each
// stage evicting the last one's at every article. errs[i] is docs[i]'s error; a document
// whose stage fails goes no further, the others go on.
func (p *Pipeline) RunBatch(ctx context.Context, docs []*doc.Document) (errs []error) {
	errs = make([]error, len(docs))
	times := make([]time.Duration, len(p.stages))
	counts := make([]int, len(p.stages))
	for i, s := range p.stages {
		lb, bound := s.(LanguageBound)
		for k, d := range docs {
			if errs[k] != nil {
				continue
			}
			if err := ctx.Err(); err != nil {
				errs[k] = err
				continue
			}
			if bound && !supports(lb.Languages(), d.Language) {
				reason := fmt.Sprintf("language %q is not supported (stage knows %s)", d.Language, strings.Join(lb.Languages(), ", "))
				if d.Language == "" {
					reason = "language could not be determined"
				}
				d.Skipped = append(d.Skipped, doc.Skip{Stage: s.Name(), Reason: reason})
				continue
			}
			start := time.Now()
			if err := annotate(ctx, s, d); err != nil {
				errs[k] = err
				continue
			}
			times[i] += time.Since(start)
			counts[i]++
		}
	}
	for k, d := range docs {
		if errs[k] == nil {
			d.Normalize()
		}
	}
	p.mu.Lock()
	for i := range times {
		p.stats[i].Documents += counts[i]
		p.stats[i].Time += times[i]
	}
	p.mu.Unlock()
	return errs
}

// annotate runs stage s on d. A stage that panics on some odd article fails that article
// only, as an input error naming the stage, so that a batch, an ingest or a server goes
// on with the others and keeps what it has stored.
func annotate(ctx context.Context, s Stage, d *doc.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &article.InputError{Input: d.Origin, Reason: fmt.Sprintf("stage %s failed on this article: %v", s.Name(), r)}
		}
	}()
	if err := s.Annotate(ctx, d); err != nil {
		return fmt.Errorf("%s: stage %s: %w", d.Origin, s.Name(), err)
	}
	return nil
}

func supports(langs []string, lang string) bool {
	return slices.Contains(langs, lang)
}

// NewDocument normalises a's fields and composes the document text: headline, standfirst
// and body, separated by blank lines. The document ID is a hash of the normalised content,
// so the same article read twice (from a file and from a feed, say) has the same ID.
func NewDocument(a *article.Article) *doc.Document {
	title := segment.NormalizeLine(a.Title)
	stand := segment.Normalize(a.Standfirst)
	body := segment.Normalize(a.Body)
	var b strings.Builder
	for _, part := range []string{title, stand} {
		if part != "" {
			b.WriteString(part)
			b.WriteString("\n\n")
		}
	}
	bodyStart := b.Len()
	b.WriteString(body)
	text := strings.TrimRight(b.String(), "\n")
	if bodyStart > len(text) {
		bodyStart = len(text)
	}
	d := &doc.Document{
		ID:         ContentID(title, stand+"\n\n"+body),
		Title:      title,
		Standfirst: stand,
		Published:  a.Published,
		Source:     strings.TrimSpace(a.Source),
		URL:        strings.TrimSpace(a.URL),
		Author:     strings.TrimSpace(a.Author),
		Language:   strings.ToLower(strings.TrimSpace(a.Language)),
		Origin:     a.Origin,
		Text:       text,
		BodyStart:  bodyStart,
		Hashtags:   slices.Clone(a.Hashtags),
	}
	if d.Published != "" {
		d.DateSource = "article"
	}
	d.Normalize()
	return d
}

// ContentID hashes the normalised title and body, ignoring case and runs of whitespace,
// into a 16-byte hex identifier.
func ContentID(title, body string) string {
	h := sha256.New()
	h.Write([]byte(strings.ToLower(strings.Join(strings.Fields(title), " "))))
	h.Write([]byte{0})
	h.Write([]byte(strings.ToLower(strings.Join(strings.Fields(body), " "))))
	return hex.EncodeToString(h.Sum(nil)[:16])
}
