package postgres

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/story"
)

var _ store.StoryStore = (*Store)(nil)

// maxStoryKeys bounds the keys one story is indexed by, as in SQLite.
const maxStoryKeys = 96

// Linking with several writers. Each Put links its article's units in its own
// transaction, and two workers may store two reports of one happening at the same
// moment. Two things could then go wrong, and each has its lock:
//
//   - Two new stories for one happening: neither transaction sees the other's
//     uncommitted story, so both start one. A report only ever joins a story that
//     shares one of its index keys (story.Unit.Keys: the actors' countries, the place,
//     the strongest names), so linkLocks takes a transaction-scoped advisory lock
//     (pg_advisory_xact_lock) on each key of the article's units before it looks up any
//     candidate. Two reports that could join one story share a key, so the second
//     waits until the first commits; its candidate query, a new statement under READ
//     COMMITTED, then sees the first's story. Reports that share no key (most of a
//     day's news) do not wait for each other, which a single lock for all linking
//     would make them do; and the lock is held only from linking to commit, after
//     the article's rows are written.
//   - A lost update: two reports that share no key may still both join one existing
//     story (through two of its keys). Candidates are read with SELECT ... FOR UPDATE,
//     so the second waits for the first's commit and then reads the story with the
//     first's report in it. Two articles that lock two stories in opposite orders
//     deadlock; PostgreSQL aborts one, and Put runs it again (maxAttempts).
//
// Keys are locked in the order of their 64-bit hashes, so that key locks alone never
// deadlock. A hash collision only makes two unrelated reports wait for each other.

// keyLockSpace is mixed into each key's hash, so that story-key locks do not collide
// with other advisory locks of the database (migrationLock).
const keyLockSpace = "tocsin story key\x00"

// linkLocks queues on b the advisory locks of keys, in hash order.
func linkLocks(b *pgx.Batch, keys []string) {
	hs := make([]int64, len(keys))
	for i, k := range keys {
		h := fnv.New64a()
		h.Write([]byte(keyLockSpace + k))
		hs[i] = int64(h.Sum64())
	}
	slices.Sort(hs)
	for _, h := range slices.Compact(hs) {
		b.Queue(`SELECT pg_advisory_xact_lock($1)`, h)
	}
}

// txIndex is the story.Index of one write transaction: candidates come from
// story_keys, one indexed range per key, never a scan of stories, and are read FOR
// UPDATE (see above).
type txIndex struct {
	ctx     context.Context
	tx      pgx.Tx
	stories map[string]*story.Story // the stories read for this article, each once
}

// Candidates implements story.Index, as SQLite's does, in one statement (one round
// trip): each key's indexed range of story_keys, the stories sharing most keys first,
// and those stories read and locked in ID order; a story this article's linking has
// already read is not sent again.
func (x *txIndex) Candidates(keys []string, from, to string, limit int) ([]*story.Story, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	have := make([]string, 0, len(x.stories))
	for id := range x.stories {
		have = append(have, id)
	}
	rows, err := x.tx.Query(x.ctx, `WITH hits AS (
			SELECT s.story FROM unnest($1::text[]) AS k(key) CROSS JOIN LATERAL (
				SELECT story FROM story_keys WHERE key = k.key AND hi BETWEEN $2 AND $3
				ORDER BY hi DESC, story DESC LIMIT $4) s
		), ranked AS (
			SELECT story, count(*) AS n FROM hits GROUP BY story
			ORDER BY n DESC, story COLLATE "C" LIMIT $5
		)
		SELECT r.story, r.n, CASE WHEN r.story = ANY($6::text[]) THEN NULL ELSE st.story_json END
		FROM ranked r JOIN stories st ON st.id = r.story
		ORDER BY r.story COLLATE "C" FOR UPDATE OF st`,
		keys, from, to, story.PerKeyCandidates, limit, have)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	shared := map[string]int64{}
	var ids []string
	for rows.Next() {
		var id string
		var n int64
		var js *string
		if err := rows.Scan(&id, &n, &js); err != nil {
			return nil, err
		}
		if x.stories[id] == nil {
			if js == nil {
				return nil, fmt.Errorf("story %q: %w", id, store.ErrNoStory)
			}
			s, err := decodeStory(id, *js)
			if err != nil {
				return nil, err
			}
			x.stories[id] = s
		}
		shared[id] = n
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(shared[b], shared[a]), cmp.Compare(a, b)) })
	out := make([]*story.Story, len(ids))
	for i, id := range ids {
		out[i] = x.stories[id]
	}
	return out, nil
}

// querier is what loadStory reads with: a transaction or the pool.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// loadStory reads story id with its linking state, locking its row with forUpdate.
func loadStory(ctx context.Context, q querier, id string, forUpdate bool) (*story.Story, error) {
	sql := `SELECT story_json FROM stories WHERE id = $1`
	if forUpdate {
		sql += ` FOR UPDATE`
	}
	var js string
	err := q.QueryRow(ctx, sql, id).Scan(&js)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("story %q: %w", id, store.ErrNoStory)
	}
	if err != nil {
		return nil, fmt.Errorf("story %q: %w", id, err)
	}
	return decodeStory(id, js)
}

// decodeStory decodes a stored story with its linking state.
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

// units are d's story units. A document analysed in this process has its tokens, and
// its claims are the casualty stage's totals; one without (posted as JSON, say) gets
// Units' fallback.
func (k *linking) units(d *doc.Document) []story.Unit {
	var totals map[string]int
	if len(d.Tokens) > 0 && len(d.Sentences) > 0 {
		totals = k.cas.Totals(d)
	}
	return story.Units(d, totals)
}

// linkArticle links units, the article seq's, to their stories in tx, and records
// the story of each of its event and casualty rows.
func linkArticle(ctx context.Context, tx pgx.Tx, l *story.Linker, seq int64, d *doc.Document, units []story.Unit) error {
	x := &txIndex{ctx: ctx, tx: tx, stories: map[string]*story.Story{}}
	of, touched, err := l.Link(units, x)
	if err != nil {
		return err
	}
	b := &pgx.Batch{}
	for _, s := range touched {
		// A touched story that was no candidate is new: it has no keys to replace.
		if err := saveStory(b, s, x.stories[s.ID] == nil); err != nil {
			return err
		}
	}
	if err := queueLinks(b, seq, d, units, of); err != nil {
		return err
	}
	if b.Len() == 0 {
		return nil
	}
	return tx.SendBatch(ctx, b).Close()
}

// queueLinks queues the writes that link the article seq's units to their stories
// (of[i] is units[i]'s): its units, its events' and casualties' stories and the
// stories' actors, each table in one statement over arrays rather than one a row.
func queueLinks(b *pgx.Batch, seq int64, d *doc.Document, units []story.Unit, of []*story.Story) error {
	var unitIdx []int
	var unitStory, unitJSON []string
	var evIdx []int
	var evStory []string
	var actStory, actRole, actActor []string
	for i := range units {
		u := &units[i]
		js, err := json.Marshal(u)
		if err != nil {
			return err
		}
		unitIdx, unitStory, unitJSON = append(unitIdx, u.Index), append(unitStory, of[i].ID), append(unitJSON, string(js))
		for _, e := range u.Events {
			if k := slices.Index(evIdx, e.Index); k >= 0 { // an event of two units: the last one's
				evStory[k] = of[i].ID
			} else {
				evIdx, evStory = append(evIdx, e.Index), append(evStory, of[i].ID)
			}
			for _, a := range [][2]string{{"source", e.Source}, {"target", e.Target}} {
				if a[1] != "" {
					actStory, actRole, actActor = append(actStory, of[i].ID), append(actRole, a[0]), append(actActor, a[1])
				}
			}
		}
	}
	if len(unitIdx) > 0 {
		b.Queue(`INSERT INTO story_units (article, idx, story, unit_json)
			SELECT $1, u.idx, u.story, u.js FROM unnest($2::int[], $3::text[], $4::text[]) u(idx, story, js)`,
			seq, unitIdx, unitStory, unitJSON)
		// The article's stories as stored (migration 0007), as story_actors' rows below.
		b.Queue(`INSERT INTO story_articles (article, story, day, seq, root, country)
			SELECT $1, s.id, s.day, s.seq, s.root, s.country FROM stories s WHERE s.id = ANY($2::text[])
			ON CONFLICT DO NOTHING`, seq, unitStory)
	}
	if len(evIdx) > 0 {
		b.Queue(`UPDATE events e SET story = u.story FROM unnest($2::int[], $3::text[]) u(idx, story)
			WHERE e.article = $1 AND e.idx = u.idx`, seq, evIdx, evStory)
	}
	if len(actStory) > 0 {
		// Each row with its story's root and country as stored (migration 0006): the
		// stories are written before these links, and in a batch (linkBatch) a later
		// article may have changed the story that of[i] was when this one linked.
		b.Queue(`INSERT INTO story_actors (story, role, actor, root, country)
			SELECT u.story, u.role, u.actor, s.root, s.country
			FROM unnest($1::text[], $2::text[], $3::text[]) u(story, role, actor) JOIN stories s ON s.id = u.story
			ON CONFLICT DO NOTHING`, actStory, actRole, actActor)
	}
	if cas := store.CasualtyStories(d, units, of); len(cas) > 0 {
		idx := make([]int, len(cas))
		for c := range cas {
			idx[c] = c
		}
		b.Queue(`UPDATE casualties c SET story = u.story FROM unnest($2::int[], $3::text[]) u(idx, story)
			WHERE c.article = $1 AND c.idx = u.idx`, seq, idx, cas)
	}
	return nil
}

// saveStory queues the writes of s, new or updated, with its keys; isNew skips
// replacing keys it cannot have yet.
func saveStory(b *pgx.Batch, s *story.Story, isNew bool) error {
	if len(s.State.Keys) > maxStoryKeys {
		s.State.Keys = s.State.Keys[:maxStoryKeys]
	}
	js, err := json.Marshal(s)
	if err != nil {
		return err
	}
	saveStoryJSON(b, s, string(js), isNew)
	return nil
}

// saveStoryJSON is saveStory of s, whose keys are bounded and whose JSON is js.
func saveStoryJSON(b *pgx.Batch, s *story.Story, js string, isNew bool) {
	lo, hi := s.Span()
	country := ""
	if s.Place != nil {
		country = s.Place.Country
	}
	best := func(kind string) int {
		if t := s.Casualties[kind]; t != nil {
			return t.Best
		}
		return 0
	}
	var lat, lon any // NULL without a place
	if s.Place != nil {
		lat, lon = s.Place.Lat, s.Place.Lon
	}
	b.Queue(`INSERT INTO stories (id, label, day, day_end, lo, hi, country, code, root,
		first_seen, last_seen, articles, mentions, sources, killed, injured, story_json, lat, lon)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
		ON CONFLICT (id) DO UPDATE SET label = excluded.label, day = excluded.day,
		day_end = excluded.day_end, lo = excluded.lo, hi = excluded.hi, country = excluded.country,
		code = excluded.code, root = excluded.root, first_seen = excluded.first_seen,
		last_seen = excluded.last_seen, articles = excluded.articles, mentions = excluded.mentions,
		sources = excluded.sources, killed = excluded.killed, injured = excluded.injured,
		story_json = excluded.story_json, lat = excluded.lat, lon = excluded.lon`,
		s.ID, s.Label, s.Date, s.DateEnd, lo, hi, country, s.Code, s.Root, s.FirstSeen, s.LastSeen,
		len(s.Articles), s.Mentions, len(s.Sources), best("killed"), best("injured"), js, lat, lon)
	if !isNew {
		// Only the keys that change are rewritten: a key whose row is already there,
		// with the same span, stays.
		b.Queue(`DELETE FROM story_keys WHERE story = $1 AND (hi <> $2 OR lo <> $3 OR key <> ALL($4::text[]))`,
			s.ID, hi, lo, s.State.Keys)
	}
	if len(s.State.Keys) > 0 {
		b.Queue(`INSERT INTO story_keys (key, hi, lo, story)
			SELECT DISTINCT k, $2::text, $3::text, $4::text FROM unnest($1::text[]) k ON CONFLICT DO NOTHING`,
			s.State.Keys, hi, lo, s.ID)
	}
}

// Story returns the story with the given ID, without its linking state.
func (s *Store) Story(ctx context.Context, id string) (*story.Story, error) {
	st, err := loadStory(ctx, s.pool, id, false)
	if err != nil {
		return nil, fmt.Errorf("store/postgres: %w", err)
	}
	return st.Public(), nil
}

// Stories returns one page of the stories that match f, by first event day, newest
// first (undated last), then newest created first, and how many match.
func (s *Store) Stories(ctx context.Context, f store.StoryFilter, page store.Page) ([]*story.Story, int, error) {
	var a args
	from, err := storyFrom(f.Text, &a)
	if err != nil {
		return nil, 0, err
	}
	where, err := storyWhere(f, &a)
	if err != nil {
		return nil, 0, err
	}
	out, total, err := s.stories(ctx, from+where, a, f.Text != "", page)
	if err != nil {
		return nil, 0, fmt.Errorf("store/postgres: stories: %w", err)
	}
	return out, total, nil
}

// storyFrom is what a story query reads, aliased s with stories' columns id, day, seq,
// root and country: the stories, or with a text query the story_articles rows of the
// articles that match it (migration 0007), one for each of a story's matching
// articles, which stories tells apart by seq after the other filters. Those filters
// test the pairs, as SQLite's textStories does: with the stories told apart first
// (SELECT DISTINCT in the subquery) PostgreSQL joined the pairs left with an actor's
// stories by a nested loop, --q WORD --source A 56-88 ms at 20,000 events against
// 10-15 ms so.
func storyFrom(text string, a *args) (string, error) {
	if text == "" {
		return ` FROM stories s`, nil
	}
	tsq, err := filterQuery(text)
	if err != nil {
		return "", err
	}
	return ` FROM (SELECT story AS id, day, seq, root, country FROM story_articles
		WHERE article IN (SELECT seq FROM articles WHERE tsv @@ ` + a.add(tsq) + `::tsquery)) s`, nil
}

// stories runs the story query of source, what storyFrom and storyWhere give, of a
// text query if text (each planned for its arguments, args.planned).
func (s *Store) stories(ctx context.Context, source string, a args, text bool, page store.Page) ([]*story.Story, int, error) {
	limit, offset := window(page)
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback(ctx)
	count := `count(*)`
	if text {
		count = `count(DISTINCT s.seq)`
	}
	var total int
	if err := tx.QueryRow(ctx, `SELECT `+count+source, a.planned(text)...).Scan(&total); err != nil {
		return nil, 0, err
	}
	lim, off := a.add(limit), a.add(offset)
	q := `SELECT s.story_json` + source + ` ORDER BY s.day DESC, s.seq DESC LIMIT ` + lim + ` OFFSET ` + off
	if text {
		// story_articles' rows have no story_json, and a story has one for each
		// matching article (all with its day): the page's stories are read by seq.
		q = `SELECT st.story_json FROM stories st WHERE st.seq IN
			(SELECT s.seq` + source + ` GROUP BY s.seq, s.day ORDER BY s.day DESC, s.seq DESC LIMIT ` + lim + ` OFFSET ` + off + `)
			ORDER BY st.day DESC, st.seq DESC`
	}
	rows, err := tx.Query(ctx, q, a.planned(text)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := []*story.Story{}
	for rows.Next() {
		var js string
		if err := rows.Scan(&js); err != nil {
			return nil, 0, err
		}
		st := new(story.Story)
		if err := json.Unmarshal([]byte(js), st); err != nil {
			return nil, 0, fmt.Errorf("decode stored story: %w", err)
		}
		out = append(out, st.Public())
	}
	return out, total, rows.Err()
}

// storyWhere is the WHERE clause of f over stories aliased s, but for f.Text, which
// storyFrom applies.
func storyWhere(f store.StoryFilter, a *args) (string, error) {
	var conds []string
	// With a root or a country an actor is one range of story_actors' index (root,
	// actor, role) or (country, actor, role), as each row carries its story's
	// (migration 0006), and the story's own root and country are not tested again.
	onActors := false
	placed := func() string {
		c := ""
		if len(f.Roots) > 0 {
			c += `root IN (` + a.list(f.Roots) + `) AND `
		}
		if f.Country != "" {
			c += `country = ` + a.add(f.Country) + ` AND `
		}
		return c
	}
	actor := func(role, prefix string) {
		cond := `s.id IN (SELECT story FROM story_actors WHERE ` + placed() + `actor >= ` + a.add(prefix) + ` AND actor < ` + a.add(prefixEnd(prefix))
		if role != "" {
			cond += ` AND role = ` + a.add(role)
		}
		conds = append(conds, cond+`)`)
		onActors = true
	}
	if f.Source != "" {
		actor("source", f.Source)
	}
	if f.Target != "" {
		actor("target", f.Target)
	}
	if x, y := f.Dyad[0], f.Dyad[1]; x != "" && y != "" {
		// The stories of both actors, intersected from the (actor, role, story) index
		// alone, before any story row is read: testing the second actor story by story
		// read every story of the first (934 for a dyad of a 20,000-event store: 32 ->
		// 11 ms).
		conds = append(conds, `s.id IN (SELECT story FROM story_actors WHERE `+placed()+`actor >= `+a.add(x)+` AND actor < `+a.add(prefixEnd(x))+
			` INTERSECT SELECT story FROM story_actors WHERE `+placed()+`actor >= `+a.add(y)+` AND actor < `+a.add(prefixEnd(y))+`)`)
		onActors = true
	}
	if len(f.Roots) > 0 && !onActors {
		conds = append(conds, `s.root IN (`+a.list(f.Roots)+`)`)
	}
	if f.Country != "" && !onActors {
		conds = append(conds, `s.country = `+a.add(f.Country))
	}
	if f.Since != "" {
		conds = append(conds, `s.day >= `+a.add(f.Since))
	}
	if f.Until != "" {
		conds = append(conds, `s.day <> '' AND s.day <= `+a.add(f.Until))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), nil
}

// StoryUnits returns the units linked to story id, in ingest order, at most limit.
func (s *Store) StoryUnits(ctx context.Context, id string, limit int) ([]story.Unit, error) {
	rows, err := s.pool.Query(ctx, `SELECT unit_json FROM story_units WHERE story = $1
		ORDER BY article, idx LIMIT $2`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("store/postgres: units of story %q: %w", id, err)
	}
	defer rows.Close()
	var out []story.Unit
	for rows.Next() {
		var js string
		if err := rows.Scan(&js); err != nil {
			return nil, fmt.Errorf("store/postgres: units of story %q: %w", id, err)
		}
		var u story.Unit
		if err := json.Unmarshal([]byte(js), &u); err != nil {
			return nil, fmt.Errorf("store/postgres: units of story %q: decode: %w", id, err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// RebuildStories drops every story and links every stored article again from its
// stored units, in ingest order, in one transaction. It locks the story tables first,
// so that no Put links meanwhile (Puts wait, then link against the rebuilt stories).
func (s *Store) RebuildStories(ctx context.Context) (int, error) {
	n, err := s.rebuild(ctx)
	if err != nil {
		return 0, fmt.Errorf("store/postgres: rebuild stories: %w", err)
	}
	return n, nil
}

func (s *Store) rebuild(ctx context.Context) (int, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `LOCK TABLE stories, story_units, story_articles, story_keys, story_actors IN EXCLUSIVE MODE`); err != nil {
		return 0, err
	}
	type stored struct {
		article int64
		units   []story.Unit
	}
	var arts []stored
	rows, err := tx.Query(ctx, `SELECT article, unit_json FROM story_units ORDER BY article, idx`)
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
	for _, q := range []string{`DELETE FROM story_units`, `DELETE FROM story_articles`, `DELETE FROM story_keys`, `DELETE FROM story_actors`,
		`DELETE FROM stories`, `UPDATE events SET story = NULL WHERE story IS NOT NULL`,
		`UPDATE casualties SET story = NULL WHERE story IS NOT NULL`} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return 0, err
		}
	}
	for _, a := range arts {
		var js string
		if err := tx.QueryRow(ctx, `SELECT doc_json FROM articles WHERE seq = $1`, a.article).Scan(&js); err != nil {
			return 0, fmt.Errorf("article %d: %w", a.article, err)
		}
		d := new(doc.Document)
		if err := json.Unmarshal([]byte(js), d); err != nil {
			return 0, fmt.Errorf("article %d: decode stored document: %w", a.article, err)
		}
		if err := linkArticle(ctx, tx, s.link.linker, a.article, d, a.units); err != nil {
			return 0, fmt.Errorf("article %d: %w", a.article, err)
		}
	}
	if err := flushSeries(ctx, tx); err != nil { // the weekly sums of the rebuilt stories (migration 0004)
		return 0, err
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM stories`).Scan(&n); err != nil {
		return 0, err
	}
	return n, tx.Commit(ctx)
}
