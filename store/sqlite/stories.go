package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/tocsin-project/tocsin/casualty"
	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/story"
)

var _ store.StoryStore = (*Store)(nil)

// maxStoryKeys bounds the keys one story is indexed by: the first ones stay, since
// the reports that started a story name it best.
const maxStoryKeys = 96

// txIndex is the story.Index of one write transaction: candidates come from
// story_keys, one indexed range per key, never a scan of stories.
type txIndex struct {
	ctx context.Context
	tx  *sql.Tx
	// stories caches the stories decoded for one article, so that each is read once
	// however many of its units it is a candidate of.
	stories map[string]*story.Story
	byKey   *sql.Stmt // the candidates of one key, prepared on first use
}

// Candidates implements story.Index: for each key an indexed range of story_keys, its
// latest story.PerKeyCandidates stories of the window; those sharing most keys first.
func (x *txIndex) Candidates(keys []string, from, to string, limit int) ([]*story.Story, error) {
	if x.byKey == nil {
		st, err := x.tx.PrepareContext(x.ctx, `SELECT story FROM story_keys WHERE key = ? AND hi BETWEEN ? AND ?
			ORDER BY hi DESC, story DESC LIMIT ?`)
		if err != nil {
			return nil, err
		}
		x.byKey = st
	}
	shared := map[string]int{}
	var ids []string
	for _, k := range keys {
		rows, err := x.byKey.QueryContext(x.ctx, k, from, to, story.PerKeyCandidates)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			if shared[id] == 0 {
				ids = append(ids, id)
			}
			shared[id]++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(shared[b], shared[a]), cmp.Compare(a, b)) })
	ids = ids[:min(len(ids), limit)]
	if err := x.load(ids); err != nil {
		return nil, err
	}
	out := make([]*story.Story, 0, len(ids))
	for _, id := range ids {
		out = append(out, x.stories[id])
	}
	return out, nil
}

// load reads into x.stories those of ids it does not hold yet, in one statement: one
// a story took a statement prepared and run for each of a unit's 16 candidates.
func (x *txIndex) load(ids []string) error {
	var missing []any
	for _, id := range ids {
		if x.stories[id] == nil {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	rows, err := x.tx.QueryContext(x.ctx, `SELECT id, story_json FROM stories WHERE id IN (`+
		placeholders(len(missing))+`)`, missing...)
	if err != nil {
		return fmt.Errorf("stories %v: %w", missing, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, js string
		if err := rows.Scan(&id, &js); err != nil {
			return err
		}
		s, err := decodeStory(id, js)
		if err != nil {
			return err
		}
		x.stories[id] = s
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range missing {
		if x.stories[id.(string)] == nil {
			return fmt.Errorf("story %q: %w", id, store.ErrNoStory)
		}
	}
	return nil
}

// queryer is what loadStory reads with: a transaction or the database.
type queryer interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func loadStory(ctx context.Context, q queryer, id string) (*story.Story, error) {
	var js string
	err := q.QueryRowContext(ctx, `SELECT story_json FROM stories WHERE id = ?`, id).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %q: %w", id, store.ErrNoStory)
	}
	if err != nil {
		return nil, fmt.Errorf("story %q: %w", id, err)
	}
	return decodeStory(id, js)
}

// decodeStory decodes the stored JSON js of story id, with its linking state.
func decodeStory(id, js string) (*story.Story, error) {
	s := new(story.Story)
	if err := json.Unmarshal([]byte(js), s); err != nil {
		return nil, fmt.Errorf("story %q: decode: %w", id, err)
	}
	if s.State == nil {
		return nil, fmt.Errorf("story %q: stored without its linking state", id)
	}
	return s, nil
}

// Which story_actors columns linkArticle writes: a story's root and country with each
// actor row (migration 0014), or, in the migration that links the articles of a store
// older than stories (backfillStories, at 0008), the columns story_actors had then;
// 0014 fills the two for the rows written before it.
const (
	actorsPlaced = `INSERT OR IGNORE INTO story_actors (story, role, actor, root, country) VALUES (?, ?, ?, ?, ?)`
	actorsBare   = `INSERT OR IGNORE INTO story_actors (story, role, actor) VALUES (?, ?, ?)`
)

// linkArticle links the units of the article stored as articles.seq = seq to their
// stories, in tx, and records the story of each of its event and casualty rows, and
// each story's actors with its root and country, unless bare (see actorsBare).
func linkArticle(ctx context.Context, tx *sql.Tx, l *story.Linker, seq int64, d *doc.Document, units []story.Unit, bare bool) error {
	x := &txIndex{ctx: ctx, tx: tx, stories: map[string]*story.Story{}}
	of, touched, err := l.Link(units, x)
	if x.byKey != nil {
		x.byKey.Close()
	}
	if err != nil {
		return err
	}
	st := &stmts{ctx: ctx, tx: tx, m: map[string]*sql.Stmt{}}
	defer st.close()
	for _, s := range touched {
		// A touched story that was no candidate is new: it has no keys to replace.
		if err := saveStory(st, s, x.stories[s.ID] == nil); err != nil {
			return err
		}
	}
	for i := range units {
		u := &units[i]
		js, err := json.Marshal(u)
		if err != nil {
			return err
		}
		if err := st.exec(`INSERT INTO story_units (article, idx, story, unit_json)
			VALUES (?, ?, ?, ?)`, seq, u.Index, of[i].ID, string(js)); err != nil {
			return fmt.Errorf("story unit %d: %w", i, err)
		}
		for _, e := range u.Events {
			if err := st.exec(`UPDATE events SET story = ? WHERE article = ? AND idx = ?`,
				of[i].ID, seq, e.Index); err != nil {
				return err
			}
			for _, a := range [][2]string{{"source", e.Source}, {"target", e.Target}} {
				if a[1] == "" {
					continue
				}
				// of[i] is saved above as it now is: its root and country are the
				// stored story's. A row already there keeps its own, which the
				// trigger of 0014 moved with the story.
				var err error
				if bare {
					err = st.exec(actorsBare, of[i].ID, a[0], a[1])
				} else {
					err = st.exec(actorsPlaced, of[i].ID, a[0], a[1], of[i].Root, storyCountry(of[i]))
				}
				if err != nil {
					return err
				}
			}
		}
	}
	return linkCasualties(st, seq, d, units, of)
}

// stmts prepares each statement of one article's linking once.
type stmts struct {
	ctx context.Context
	tx  *sql.Tx
	m   map[string]*sql.Stmt
}

func (st *stmts) exec(q string, args ...any) error {
	p, ok := st.m[q]
	if !ok {
		var err error
		if p, err = st.tx.PrepareContext(st.ctx, q); err != nil {
			return err
		}
		st.m[q] = p
	}
	_, err := p.ExecContext(st.ctx, args...)
	return err
}

func (st *stmts) close() {
	for _, p := range st.m {
		p.Close()
	}
}

// linkCasualties records the story of each casualty row (store.CasualtyStories).
func linkCasualties(st *stmts, seq int64, d *doc.Document, units []story.Unit, of []*story.Story) error {
	for c, id := range store.CasualtyStories(d, units, of) {
		if err := st.exec(`UPDATE casualties SET story = ? WHERE article = ? AND idx = ?`,
			id, seq, c); err != nil {
			return err
		}
	}
	return nil
}

// saveStory writes s, new or updated, with its keys; isNew skips replacing keys it
// cannot have yet.
func saveStory(st *stmts, s *story.Story, isNew bool) error {
	if len(s.State.Keys) > maxStoryKeys {
		s.State.Keys = s.State.Keys[:maxStoryKeys]
	}
	js, err := json.Marshal(s)
	if err != nil {
		return err
	}
	lo, hi := s.Span()
	country := storyCountry(s)
	const upsert = `INSERT INTO stories (id, seq, label, day, day_end, lo, hi, country, code, root,
		first_seen, last_seen, articles, mentions, story_json)
		VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM stories), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET label = excluded.label, day = excluded.day,
		day_end = excluded.day_end, lo = excluded.lo, hi = excluded.hi, country = excluded.country,
		code = excluded.code, root = excluded.root, first_seen = excluded.first_seen,
		last_seen = excluded.last_seen, articles = excluded.articles, mentions = excluded.mentions,
		story_json = excluded.story_json`
	if err := st.exec(upsert, s.ID, s.Label, s.Date, s.DateEnd, lo, hi, country,
		s.Code, s.Root, s.FirstSeen, s.LastSeen, len(s.Articles), s.Mentions, string(js)); err != nil {
		return fmt.Errorf("story %s: %w", s.ID, err)
	}
	if err := st.exec(`INSERT INTO story_sources (story, sources, mentions, articles) VALUES (?, ?, ?, ?)
		ON CONFLICT (story) DO UPDATE SET sources = excluded.sources, mentions = excluded.mentions,
		articles = excluded.articles`, s.ID, len(s.Sources), s.Mentions, len(s.Articles)); err != nil {
		return err
	}
	if !isNew {
		if err := st.exec(`DELETE FROM story_keys WHERE story = ?`, s.ID); err != nil {
			return err
		}
	}
	if len(s.State.Keys) == 0 {
		return nil
	}
	// One statement for all its keys.
	q := `INSERT OR IGNORE INTO story_keys (key, hi, lo, story) VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?), ", len(s.State.Keys)), ", ")
	args := make([]any, 0, 4*len(s.State.Keys))
	for _, k := range s.State.Keys {
		args = append(args, k, hi, lo, s.ID)
	}
	return st.exec(q, args...)
}

// storyCountry is the country of s's place as stories.country holds it: "" when it
// has none.
func storyCountry(s *story.Story) string {
	if s.Place == nil {
		return ""
	}
	return s.Place.Country
}

// Story returns the story with the given ID, without its linking state.
func (s *Store) Story(ctx context.Context, id string) (*story.Story, error) {
	st, err := loadStory(ctx, s.db, id)
	if err != nil {
		return nil, fmt.Errorf("store/sqlite: %w", err)
	}
	return st.Public(), nil
}

// Stories returns one page of the stories that match f, by first event day, newest
// first (undated last), then newest created first, and how many match.
func (s *Store) Stories(ctx context.Context, f store.StoryFilter, page store.Page) ([]*story.Story, int, error) {
	where, args, err := storyWhere(f)
	if err != nil {
		return nil, 0, err
	}
	var out []*story.Story
	var total int
	if f.Text != "" {
		match, qerr := ftsQuery(f.Text)
		if qerr != nil {
			reason := qerr.Error()
			if qe, ok := qerr.(*store.QueryError); ok {
				reason = qe.Reason
			}
			return nil, 0, &store.FilterError{Name: "q", Value: f.Text, Reason: reason}
		}
		out, total, err = s.textStories(ctx, match, where, args, page)
	} else {
		out, total, err = s.stories(ctx, where, args, page)
	}
	if reason, ok := ftsError(err); ok {
		return nil, 0, &store.FilterError{Name: "q", Value: f.Text, Reason: reason}
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store/sqlite: stories: %w", err)
	}
	return out, total, nil
}

func (s *Store) stories(ctx context.Context, where string, args []any, page store.Page) ([]*story.Story, int, error) {
	limit, offset := window(page)
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stories s`+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	// The page's stories are chosen by their day and seq first, and only theirs are
	// read: selecting story_json in the sorted query carried the JSON of every match
	// through the sort (3,500 stories of one dyad at 300,000 events, 100-200 ms).
	rows, err := tx.QueryContext(ctx, `SELECT story_json FROM stories WHERE seq IN
		(SELECT s.seq FROM stories s`+where+` ORDER BY s.day DESC, s.seq DESC LIMIT ? OFFSET ?)
		ORDER BY day DESC, seq DESC`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, err
	}
	out, err := decodeStories(rows)
	return out, total, err
}

// listed is a story's place in the listing order: by day, newest first, then by seq.
type listed struct {
	day string
	seq int64
}

// after reports whether l lists after the story of day and seq.
func (l listed) after(day string, seq int64) bool {
	return l.day < day || (l.day == day && l.seq < seq)
}

// textStories is stories of a text query, match (FTS5's), and the other filters'
// where and args (storyWhere), read from story_articles (migration 0015): the (article, story)
// pairs of the articles that match, each with its story's day, seq, root and country,
// which the other filters test. This statement gives each pair's story (seq) and day;
// the stories are counted, ordered and paged here, and only the page's are read.
//
// A common word matches many stories, and every one is counted: a word of the rarer
// half of bench store's vocabulary is in 620-970 articles at 200,000 events, 10,000
// stories (five times as many at 1M). Before 0015 the filter was s.id IN (the
// story_units of those articles), a seek into story_units' rows for each unit and
// into the stories' index for each story, twice, for the total and the page: --q
// WORD p50 99-131 ms at 200,000 events. From story_articles with the stories told
// apart by SQLite (SELECT DISTINCT, for the total and again for the page: two
// temporary b-trees) it took 69-79 ms; read once and told apart here, 20-29 ms, of
// which the statement's own work is a third and database/sql's rows the rest. At
// 38,000 stories (the words of 3,100-3,700 articles at 200,000 events, as many as
// the rarer half's at 1M) --q takes 72 ms against 420-460 before, --q --root 32.
// Read as one string (group_concat) rather than a row a pair: at 43,649 stories
// (eight such words, 40 queries, alternating, load 3.5-4.4) p50 47-68 ms against
// 72-94, --q --root 19-28 against 27-43.
func (s *Store) textStories(ctx context.Context, match, where string, args []any, page store.Page) ([]*story.Story, int, error) {
	limit, offset := window(page)
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	// The pairs come as one string, "seq day,seq day,…" (group_concat), not a row
	// each: database/sql's rows were two thirds of the time.
	var pairs sql.NullString
	err = tx.QueryRowContext(ctx, `SELECT group_concat(s.seq || ' ' || s.day, ',') FROM
		(SELECT story AS id, day, seq, root, country FROM story_articles
		WHERE article IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)) s`+where,
		append([]any{match}, args...)...).Scan(&pairs)
	if err != nil {
		return nil, 0, err
	}
	// The stories are told apart by seq as the pairs come, and the first offset+limit
	// in listing order kept: sorting them all took a third of the time at 40,000.
	// The pairs of one story carry its one day.
	k := offset + limit
	var seen []uint64 // a bit for each seq read (a map took twice the time)
	total := 0
	var top []listed
	for rest := pairs.String; rest != ""; {
		var pair string
		pair, rest, _ = strings.Cut(rest, ",")
		sq, day, _ := strings.Cut(pair, " ")
		seq, err := strconv.ParseInt(sq, 10, 64)
		if err != nil {
			return nil, 0, fmt.Errorf("store/sqlite: text query: story pair %q: %w", pair, err)
		}
		w, bit := int(seq/64), uint64(1)<<(seq%64)
		if w >= len(seen) {
			seen = append(seen, make([]uint64, w+1-len(seen))...)
		}
		if seen[w]&bit != 0 {
			continue
		}
		seen[w] |= bit
		total++
		if len(top) == k && !top[k-1].after(day, seq) {
			continue // not among the first k
		}
		i := sort.Search(len(top), func(i int) bool { return top[i].after(day, seq) })
		top = slices.Insert(top, i, listed{day: day, seq: seq})
		top = top[:min(len(top), k)]
	}
	found := top[min(offset, len(top)):]
	if len(found) == 0 {
		return []*story.Story{}, total, nil
	}
	seqs := make([]any, len(found))
	for i, l := range found {
		seqs[i] = l.seq
	}
	js, err := tx.QueryContext(ctx, `SELECT story_json FROM stories WHERE seq IN (`+placeholders(len(seqs))+`)
		ORDER BY day DESC, seq DESC`, seqs...)
	if err != nil {
		return nil, 0, err
	}
	out, err := decodeStories(js)
	return out, total, err
}

// decodeStories decodes the stories of rows, a column story_json each, and closes
// rows.
func decodeStories(rows *sql.Rows) ([]*story.Story, error) {
	defer rows.Close()
	out := []*story.Story{}
	for rows.Next() {
		var js string
		if err := rows.Scan(&js); err != nil {
			return nil, err
		}
		st := new(story.Story)
		if err := json.Unmarshal([]byte(js), st); err != nil {
			return nil, fmt.Errorf("decode stored story: %w", err)
		}
		out = append(out, st.Public())
	}
	return out, rows.Err()
}

// storyWhere is the WHERE clause of f over stories aliased s, but for f.Text, which
// textStories applies.
func storyWhere(f store.StoryFilter) (string, []any, error) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	// An actor is one range of story_actors, as each row carries its story's root and
	// country (migration 0014): with a root, of its index (root, actor, role); with a
	// country, of the actor's rows, checked there; the story's own root and country
	// are then not read again.
	// Checking the actor on each story of the root or country (0013) took 104 ms at
	// p50 for --source A --root NN at 1M events, a seek for each of a root's stories.
	onActors := false
	actor := func(role, prefix string) {
		cond := `s.id IN (SELECT story FROM story_actors WHERE `
		var a []any
		if len(f.Roots) > 0 {
			cond += `root IN (` + placeholders(len(f.Roots)) + `) AND `
			a = append(a, anys(f.Roots)...)
		}
		if f.Country != "" {
			cond += `country = ? AND `
			a = append(a, f.Country)
		}
		cond += `actor >= ? AND actor < ?`
		a = append(a, prefix, prefixEnd(prefix))
		if role != "" {
			cond += ` AND role = ?`
			a = append(a, role)
		}
		add(cond+`)`, a...)
		onActors = true
	}
	if f.Source != "" {
		actor("source", f.Source)
	}
	if f.Target != "" {
		actor("target", f.Target)
	}
	if a, b := f.Dyad[0], f.Dyad[1]; a != "" && b != "" {
		if len(a) == 3 && len(b) == 3 && a != b {
			// Two countries: story_pairs holds each pair of its actors' first three
			// letters, so that the dyad is one range rather than the intersection of
			// every story of each (3,500 of 7,000 and 15,000 for IRN-USA at 300,000 events).
			add(`s.id IN (SELECT story FROM story_pairs WHERE x = ? AND y = ?)`, a, b)
		} else {
			actor("", a)
			actor("", b)
		}
	}
	if len(f.Roots) > 0 && !onActors {
		add(`s.root IN (`+placeholders(len(f.Roots))+`)`, anys(f.Roots)...)
	}
	if f.Country != "" && !onActors {
		add(`s.country = ?`, f.Country)
	}
	if f.Since != "" {
		add(`s.day >= ?`, f.Since)
	}
	if f.Until != "" {
		add(`s.day <> '' AND s.day <= ?`, f.Until)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// RebuildStories drops every story and links every stored article again from its
// stored units, in ingest order, in one transaction: after the linking code changed,
// the stories are what a fresh ingest of the same stream would give. Articles that
// have no stored units (none of their layers gave one) stay without a story.
func (s *Store) RebuildStories(ctx context.Context) (int, error) {
	unlock, err := s.lockWrite(ctx)
	if err != nil {
		return 0, err
	}
	defer unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store/sqlite: rebuild stories: %w", err)
	}
	defer tx.Rollback()
	n, err := relink(ctx, tx, s.link.linker)
	if err != nil {
		return 0, fmt.Errorf("store/sqlite: rebuild stories: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store/sqlite: rebuild stories: %w", err)
	}
	return n, nil
}

// relink clears the story tables and links the stored units again, article by
// article in ingest order.
func relink(ctx context.Context, tx *sql.Tx, l *story.Linker) (int, error) {
	type stored struct {
		article int64
		units   []story.Unit
	}
	var arts []stored
	rows, err := tx.QueryContext(ctx, `SELECT article, unit_json FROM story_units ORDER BY article, idx`)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var seq int64
		var js string
		if err := rows.Scan(&seq, &js); err != nil {
			rows.Close()
			return 0, err
		}
		var u story.Unit
		if err := json.Unmarshal([]byte(js), &u); err != nil {
			rows.Close()
			return 0, fmt.Errorf("article %d: decode stored unit: %w", seq, err)
		}
		if len(arts) == 0 || arts[len(arts)-1].article != seq {
			arts = append(arts, stored{article: seq})
		}
		arts[len(arts)-1].units = append(arts[len(arts)-1].units, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, q := range []string{`DELETE FROM story_units`, `DELETE FROM story_articles`, `DELETE FROM story_keys`, `DELETE FROM story_actors`, `DELETE FROM story_sources`,
		`DELETE FROM stories`, `UPDATE events SET story = NULL WHERE story IS NOT NULL`,
		`UPDATE casualties SET story = NULL WHERE story IS NOT NULL`,
		`DELETE FROM series_dirty`, `DELETE FROM series_weeks`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return 0, err
		}
	}
	for _, a := range arts {
		d, err := storedDoc(ctx, tx, a.article)
		if err != nil {
			return 0, err
		}
		if err := linkArticle(ctx, tx, l, a.article, d, a.units, false); err != nil {
			return 0, fmt.Errorf("article %d: %w", a.article, err)
		}
	}
	if err := flushSeries(ctx, tx); err != nil {
		return 0, err
	}
	var n int
	err = tx.QueryRowContext(ctx, `SELECT count(*) FROM stories`).Scan(&n)
	return n, err
}

// storedDoc decodes the stored document of article seq.
func storedDoc(ctx context.Context, tx *sql.Tx, seq int64) (*doc.Document, error) {
	var js string
	if err := tx.QueryRowContext(ctx, `SELECT doc_json FROM articles WHERE seq = ?`, seq).Scan(&js); err != nil {
		return nil, fmt.Errorf("article %d: %w", seq, err)
	}
	d := new(doc.Document)
	if err := json.Unmarshal([]byte(js), d); err != nil {
		return nil, fmt.Errorf("article %d: decode stored document: %w", seq, err)
	}
	return d, nil
}

// backfillStories links the articles stored before stories existed, in ingest order,
// from their stored documents: those without units (an article that gave none is read
// again, and gives none again). It runs with 0006 rather than 0004, which made the
// tables, because 0006 added one that stories are written with (backfills now runs it
// with 0008). It writes the actor rows bare, as story_actors then was, and 0014 gives
// them their stories' root and country. Their documents were stored without tokens, so their
// casualty claims come from Units' fallback (the largest exact count of each kind of
// the lead incident) rather than the casualty stage's article totals.
func backfillStories(ctx context.Context, tx *sql.Tx) error {
	l := story.NewLinker()
	last := int64(0)
	for {
		rows, err := tx.QueryContext(ctx, `SELECT seq FROM articles a WHERE seq > ?
			AND NOT EXISTS (SELECT 1 FROM story_units WHERE article = a.seq) ORDER BY seq LIMIT ?`, last, backfillBatch)
		if err != nil {
			return fmt.Errorf("link stories: %w", err)
		}
		var seqs []int64
		for rows.Next() {
			var seq int64
			if err := rows.Scan(&seq); err != nil {
				rows.Close()
				return err
			}
			seqs = append(seqs, seq)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(seqs) == 0 {
			return nil
		}
		for _, seq := range seqs {
			d, err := storedDoc(ctx, tx, seq)
			if err != nil {
				return fmt.Errorf("link stories: %w", err)
			}
			if err := linkArticle(ctx, tx, l, seq, d, story.Units(d, nil), true); err != nil {
				return fmt.Errorf("link stories of article %q: %w", d.ID, err)
			}
			last = seq
		}
	}
}

// linking is what Put links stories with: the linker and the casualty stage whose
// article totals become a report's claims.
type linking struct {
	linker *story.Linker
	cas    *casualty.Stage
}

func newLinking() (*linking, error) {
	cas, err := casualty.New()
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	return &linking{linker: story.NewLinker(), cas: cas}, nil
}

// article links the stored article seq, in its Put transaction. A document analysed
// in this process has its tokens, and its claims are the casualty stage's totals; one
// without (posted as JSON, say) gets Units' fallback.
func (k *linking) article(ctx context.Context, tx *sql.Tx, seq int64, d *doc.Document) error {
	var totals map[string]int
	if len(d.Tokens) > 0 && len(d.Sentences) > 0 {
		totals = k.cas.Totals(d)
	}
	if err := linkArticle(ctx, tx, k.linker, seq, d, story.Units(d, totals), false); err != nil {
		return err
	}
	return flushSeries(ctx, tx) // the weekly sums of the stories it wrote (migration 0010)
}

// StoryUnits returns the units linked to story id, in ingest order, at most limit.
func (s *Store) StoryUnits(ctx context.Context, id string, limit int) ([]story.Unit, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT unit_json FROM story_units WHERE story = ?
		ORDER BY article, idx LIMIT ?`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("store/sqlite: units of story %q: %w", id, err)
	}
	defer rows.Close()
	var out []story.Unit
	for rows.Next() {
		var js string
		if err := rows.Scan(&js); err != nil {
			return nil, fmt.Errorf("store/sqlite: units of story %q: %w", id, err)
		}
		var u story.Unit
		if err := json.Unmarshal([]byte(js), &u); err != nil {
			return nil, fmt.Errorf("store/sqlite: units of story %q: decode: %w", id, err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
