package casualty

import (
	"context"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/lexicon"
)

// Stage is the pipeline stage that writes the casualties layer. It is safe for
// concurrent use once built.
type Stage struct {
	lex    *lexicon.Lexicon
	labels map[string]info // vocabulary headings and what they mean
}

// New builds the stage from the embedded vocabulary and any extra vocabulary files,
// read in order after it. Extra files use the same headings as the embedded ones (see
// the package documentation); a phrase added under a heading joins that class, so a
// user can add a casualty word, a noun for people or a unit without touching code.
// A file's errors name it by its Name method when it has one (an *os.File does).
func New(extra ...io.Reader) (*Stage, error) {
	s := &Stage{lex: &lexicon.Lexicon{}, labels: make(map[string]info)}
	if err := s.loadBuiltin(); err != nil {
		return nil, err
	}
	for i, r := range extra {
		if err := s.loadExtra(i, r); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Name implements pipeline.Stage.
func (*Stage) Name() string { return "casualties" }

// Languages implements pipeline.LanguageBound: the vocabulary is English.
func (*Stage) Languages() []string { return []string{"en"} }

// Annotate implements pipeline.Stage: it replaces d.Casualties with the counts found in
// d's sentences. It needs the text layer (tokens and sentences).
func (s *Stage) Annotate(ctx context.Context, d *doc.Document) error {
	d.Casualties = s.Extract(d)
	return ctx.Err()
}

// Extract returns the casualty counts of d, in text order, with the headline's counts
// merged into the body's (see mergeHeadline).
func (s *Stage) Extract(d *doc.Document) []doc.Casualty {
	return s.extract(d, nil)
}

// extract is Extract, recording each count's mention in mentions when it is not nil.
func (s *Stage) extract(d *doc.Document, mentions map[doc.Span]mention) []doc.Casualty {
	r := reader{s: s, d: d, pubYear: year(d.Published), mentions: mentions}
	var its []item
	var used []bool
	var all []doc.Casualty
	for si, sent := range d.Sentences {
		its = s.tag(d.Tokens, sent.FirstToken, sent.EndToken, its[:0])
		if !anyTrigger(its) {
			continue
		}
		used = slices.Grow(used[:0], len(its))[:len(its)]
		clear(used)
		r.conj = slices.Grow(r.conj[:0], len(its))[:len(its)]
		clear(r.conj)
		r.toks, r.its, r.used, r.span = d.Tokens, its, used, sent.Span
		r.headline = sent.Start < d.BodyStart
		if !r.headline {
			nameWords(its)
		}
		r.sent = si
		r.out, r.places, r.placed = r.out[:0], r.places[:0], false
		r.read()
		all = append(all, r.out...)
	}
	if len(all) == 0 {
		return []doc.Casualty{}
	}
	slices.SortStableFunc(all, func(a, b doc.Casualty) int { return a.Start - b.Start })
	return mergeHeadline(all, d.BodyStart)
}

// nameWords clears the casualty meaning of capitalised words inside a body sentence that
// stand next to another capitalised word: they are part of a name ("the Grateful Dead",
// "the Dead Sea"), not a predicate.
func nameWords(its []item) {
	for k := 1; k < len(its); k++ {
		if x := &its[k]; x.has(fCap) && x.hasKind() && x.end-x.first == 1 && (its[k-1].has(fCap) || k+1 < len(its) && its[k+1].has(fCap)) {
			x.kinds = [nRoles]uint8{}
			x.flags &^= fAmbiguous
		}
	}
}

// anyTrigger reports whether a sentence holds a casualty word, so that others are
// skipped after tagging.
func anyTrigger(its []item) bool {
	for i := range its {
		if its[i].kinds[0]|its[i].kinds[1]|its[i].kinds[2]|its[i].kinds[3] != 0 {
			return true
		}
	}
	return false
}

// mergeHeadline folds the counts of the headline and standfirst (before bodyStart) into
// the body's. A headline count states the same figure as a body count of the same kind
// whose range it overlaps (see bounds): "50 mourners dead" and "at least 50 people have
// been killed", "Dozens dead" and "52 people died". It is then dropped in favour of the
// body's record, which carries the fuller evidence (the body record with the same value
// is chosen first, else the first overlapping one), unless it is more precise (the
// body's is vague and the headline's is not), when it replaces the body's record and
// takes its victims and place if it has none. A headline count that matches no body
// count ("two dead" over a body that says "one was pronounced dead") stays.
func mergeHeadline(all []doc.Casualty, bodyStart int) []doc.Casualty {
	out := make([]doc.Casualty, 0, len(all))
	var head []doc.Casualty
	for _, c := range all {
		if c.Start < bodyStart {
			head = append(head, c)
		} else {
			out = append(out, c)
		}
	}
	var keep []doc.Casualty
	for _, h := range head {
		b := -1
		for i, c := range out {
			if c.Kind != h.Kind || !overlap(c, h) {
				continue
			}
			if c.Value == h.Value {
				b = i
				break
			}
			if b < 0 {
				b = i
			}
		}
		switch {
		case b < 0:
			keep = append(keep, h)
		case out[b].Vague && !h.Vague:
			if h.Place == "" {
				h.Place = out[b].Place
			}
			if h.Victims == "" {
				h.Victims = out[b].Victims
			}
			out[b] = h
		}
	}
	out = append(keep, out...)
	slices.SortStableFunc(out, func(a, b doc.Casualty) int { return a.Start - b.Start })
	return out
}

// bounds is the range of values a count allows: exactly v; v or more for at_least,
// more_than and vague counts; v±20% for about; up to v for up_to.
func bounds(c doc.Casualty) (lo, hi float64) {
	v := float64(c.Value)
	switch {
	case c.Vague, c.Qualifier == AtLeast, c.Qualifier == MoreThan:
		return v, math.Inf(1)
	case c.Qualifier == About:
		return 0.8 * v, 1.2 * v
	case c.Qualifier == UpTo:
		return 0, v
	}
	return v, v
}

// overlap reports whether two counts can state the same figure.
func overlap(a, b doc.Casualty) bool {
	alo, ahi := bounds(a)
	blo, bhi := bounds(b)
	return alo <= bhi && blo <= ahi
}

// year is the year of an ISO-8601 date, 0 when there is none.
func year(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return 0
	}
	return y
}
