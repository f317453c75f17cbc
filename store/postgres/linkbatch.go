package postgres

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/story"
)

// Linking a batch under its key locks in a few round trips. The story-key locks are
// held from linking to commit, so the time between is what two workers storing
// reports of the same stories wait for. Asking for each unit's candidates in a
// statement of its own made that time some 80 round trips for a batch of 16
// articles, and each round trip of a worker running on one core (GOMAXPROCS 1) may
// wait for the next batch's analysis to give the core back. So a batch reads what its
// linking needs in two statements, links in memory and writes in one: the keys'
// latest stories in each unit's window (linkDepth of them, more than the
// PerKeyCandidates a unit compares, for the stories the batch itself moves), then the
// stories those rows rank as each unit's candidates, read and locked together (FOR
// UPDATE, in ID order). A later unit of the batch sees the stories the earlier ones
// made or changed through batchIndex's own view of them, exactly as it would see them
// written; a unit whose candidates the rows read cannot settle (the batch moved more
// stories above the key's last row read than the margin) reads its key again, deeper.

// linkDepth is how many of a key's latest stories in a unit's window a batch reads
// first: the PerKeyCandidates a unit compares and a margin for the stories the batch
// itself adds or moves into the key's range.
const linkDepth = story.PerKeyCandidates + 16

// keyWindow is one key's range of last days: the unit's day, give or take the
// linker's window.
type keyWindow struct{ key, from, to string }

// keyRow is one row of story_keys in a keyWindow: a story and its last day.
type keyRow struct{ hi, story string }

// before reports whether a ranks before b among a key's stories: latest last day
// first, then greatest ID, as the store's index range is read.
func (a keyRow) before(b keyRow) bool {
	return a.hi > b.hi || a.hi == b.hi && a.story > b.story
}

// keyList is what the batch read of one keyWindow: the stored rows, latest first, and
// whether there may be more than were asked for.
type keyList struct {
	rows []keyRow
	full bool
}

// keySet is a story's keys and last day, as story_keys holds them.
type keySet struct {
	hi   string
	keys []string
}

// linkedArticle is one stored article of a batch to link: its seq and units.
type linkedArticle struct {
	seq   int64
	doc   *doc.Document
	units []story.Unit
}

// batchIndex is the story.Index of a batch's linking: the stored stories as read at
// the start, under the batch's key locks, with the stories the batch has linked so
// far in place of their stored versions.
type batchIndex struct {
	ctx     context.Context
	tx      pgx.Tx
	lists   map[keyWindow]*keyList
	raw     map[string]string       // stories read, as stored, until first used
	stories map[string]*story.Story // stories decoded, or linked by this batch
	changed map[string]string       // JSON of the stories this batch linked
	written map[string]keySet       // their keys and last day, as written
	made    map[string]bool         // of those, the ones it started
	order   []string                // the stories of changed, first linked first
}

// linkBatch links arts, in order, in tx, as linkArticle would one after the other,
// and writes their stories and links. With lock it first takes the story-key locks
// (linkLocks), in the round trip that reads the keys' stories.
func linkBatch(ctx context.Context, tx pgx.Tx, l *story.Linker, arts []linkedArticle, lock bool) error {
	x := &batchIndex{ctx: ctx, tx: tx, lists: map[keyWindow]*keyList{}, raw: map[string]string{},
		stories: map[string]*story.Story{}, changed: map[string]string{}, written: map[string]keySet{},
		made: map[string]bool{}}
	if err := x.prefetch(l, arts, lock); err != nil {
		return err
	}
	links := &pgx.Batch{} // written after the stories they name
	for _, a := range arts {
		of, touched, err := l.Link(a.units, x)
		if err != nil {
			return err
		}
		for _, s := range touched {
			if err := x.linked(s); err != nil {
				return err
			}
		}
		if err := queueLinks(links, a.seq, a.doc, a.units, of); err != nil {
			return err
		}
	}
	b := &pgx.Batch{}
	for _, id := range x.order {
		saveStoryJSON(b, x.stories[id], x.changed[id], x.made[id])
	}
	b.QueuedQueries = append(b.QueuedQueries, links.QueuedQueries...)
	if b.Len() == 0 {
		return nil
	}
	return tx.SendBatch(ctx, b).Close()
}

// linked records s, just linked, as the next article will read it: its keys bounded
// as they are stored, and decoded again from the JSON that is stored.
func (x *batchIndex) linked(s *story.Story) error {
	if len(s.State.Keys) > maxStoryKeys {
		s.State.Keys = s.State.Keys[:maxStoryKeys]
	}
	js, err := json.Marshal(s)
	if err != nil {
		return err
	}
	if _, ok := x.changed[s.ID]; !ok {
		x.order = append(x.order, s.ID)
		_, read := x.raw[s.ID]
		x.made[s.ID] = !read && x.stories[s.ID] == nil
	}
	x.changed[s.ID] = string(js)
	_, hi := s.Span()
	x.written[s.ID] = keySet{hi, slices.Clone(s.State.Keys)} // a later unit's Add changes s
	c, err := decodeStory(s.ID, string(js))
	if err != nil {
		return err
	}
	x.stories[s.ID] = c
	return nil
}

// prefetch reads, in two round trips, the key rows of every unit of arts (after their
// key locks, with lock) and the stories they rank as the units' candidates.
func (x *batchIndex) prefetch(l *story.Linker, arts []linkedArticle, lock bool) error {
	type query struct {
		keys     []string
		from, to string
	}
	var qs []query
	var ws []keyWindow
	var all []string // every unit's keys, to lock
	seen := map[keyWindow]bool{}
	for _, a := range arts {
		for i := range a.units {
			keys := a.units[i].Keys()
			all = append(all, keys...)
			from, to := shiftDay(a.units[i].Day, -l.Window), shiftDay(a.units[i].Day, l.Window)
			if from == "" {
				continue
			}
			qs = append(qs, query{keys, from, to})
			for _, k := range keys {
				if w := (keyWindow{k, from, to}); !seen[w] {
					seen[w] = true
					ws = append(ws, w)
				}
			}
		}
	}
	b := &pgx.Batch{}
	if lock {
		linkLocks(b, all)
	}
	locks := b.Len()
	if len(ws) > 0 {
		x.queueRead(b, ws, linkDepth)
	}
	if b.Len() > 0 {
		br := x.tx.SendBatch(x.ctx, b)
		for range locks {
			if _, err := br.Exec(); err != nil {
				br.Close()
				return fmt.Errorf("lock story keys: %w", err)
			}
		}
		if len(ws) > 0 {
			rows, err := br.Query()
			if err == nil {
				err = x.scanRead(rows, ws, linkDepth)
			}
			if err != nil {
				br.Close()
				return err
			}
		}
		if err := br.Close(); err != nil {
			return err
		}
	}
	var ids []string
	for _, q := range qs {
		r, err := x.rank(q.keys, q.from, q.to, l.MaxCandidates)
		if err != nil {
			return err
		}
		ids = append(ids, r...)
	}
	return x.load(ids)
}

// read reads the latest depth rows of story_keys in each of ws, in one statement.
func (x *batchIndex) read(ws []keyWindow, depth int) error {
	b := &pgx.Batch{}
	x.queueRead(b, ws, depth)
	br := x.tx.SendBatch(x.ctx, b)
	rows, err := br.Query()
	if err == nil {
		err = x.scanRead(rows, ws, depth)
	}
	return errors.Join(err, br.Close())
}

// queueRead queues on b the statement that reads the latest depth rows of story_keys
// in each of ws; scanRead reads its rows.
func (x *batchIndex) queueRead(b *pgx.Batch, ws []keyWindow, depth int) {
	keys, froms, tos := make([]string, len(ws)), make([]string, len(ws)), make([]string, len(ws))
	for i, w := range ws {
		keys[i], froms[i], tos[i] = w.key, w.from, w.to
	}
	b.Queue(`SELECT w.i, s.hi, s.story
		FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS w(key, lo, hi, i)
		CROSS JOIN LATERAL (SELECT hi, story FROM story_keys WHERE key = w.key AND hi BETWEEN w.lo AND w.hi
			ORDER BY hi DESC, story DESC LIMIT $4) s
		ORDER BY w.i, s.hi DESC, s.story DESC`, keys, froms, tos, depth)
}

func (x *batchIndex) scanRead(rows pgx.Rows, ws []keyWindow, depth int) error {
	defer rows.Close()
	lists := make([]*keyList, len(ws))
	for i := range ws {
		lists[i] = &keyList{}
	}
	for rows.Next() {
		var i int64
		var r keyRow
		if err := rows.Scan(&i, &r.hi, &r.story); err != nil {
			return fmt.Errorf("story keys: %w", err)
		}
		lists[i-1].rows = append(lists[i-1].rows, r)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("story keys: %w", err)
	}
	for i, w := range ws {
		lists[i].full = len(lists[i].rows) == depth
		x.lists[w] = lists[i]
	}
	return nil
}

// load reads and locks the stories of ids not read yet, in ID order, in one statement.
func (x *batchIndex) load(ids []string) error {
	var want []string
	for _, id := range ids {
		if _, ok := x.raw[id]; !ok && x.stories[id] == nil && !slices.Contains(want, id) {
			want = append(want, id)
		}
	}
	if len(want) == 0 {
		return nil
	}
	rows, err := x.tx.Query(x.ctx, `SELECT id, story_json FROM stories WHERE id = ANY($1)
		ORDER BY id COLLATE "C" FOR UPDATE`, want)
	if err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, js string
		if err := rows.Scan(&id, &js); err != nil {
			return fmt.Errorf("stories: %w", err)
		}
		x.raw[id] = js
	}
	return rows.Err()
}

// top is the PerKeyCandidates latest stories of w as the batch's linking has left
// them: the rows read, but for the stories the batch linked, which are where they are
// now. When more rows than were read may belong among them, w is read again, deep
// enough to hold them (each story the batch linked hides at most one).
func (x *batchIndex) top(w keyWindow) ([]keyRow, error) {
	for {
		kl := x.lists[w]
		if kl == nil {
			if err := x.read([]keyWindow{w}, linkDepth); err != nil {
				return nil, err
			}
			continue
		}
		var rows []keyRow
		for _, r := range kl.rows {
			if _, ok := x.changed[r.story]; !ok {
				rows = append(rows, r)
			}
		}
		for _, id := range x.order {
			if ks := x.written[id]; ks.hi != "" && ks.hi >= w.from && ks.hi <= w.to && slices.Contains(ks.keys, w.key) {
				rows = append(rows, keyRow{ks.hi, id})
			}
		}
		slices.SortFunc(rows, func(a, b keyRow) int {
			return cmp.Or(cmp.Compare(b.hi, a.hi), cmp.Compare(b.story, a.story))
		})
		n := story.PerKeyCandidates
		settled := !kl.full || len(rows) >= n && !kl.rows[len(kl.rows)-1].before(rows[n-1])
		if settled || len(kl.rows) >= n+len(x.order) {
			return rows[:min(n, len(rows))], nil
		}
		if err := x.read([]keyWindow{w}, n+len(x.order)); err != nil {
			return nil, err
		}
	}
}

// rank is the IDs of the candidates of a unit with keys in [from, to], as
// txIndex.Candidates ranks them: the stories among most keys' latest first, then by
// ID, at most limit.
func (x *batchIndex) rank(keys []string, from, to string, limit int) ([]string, error) {
	shared := map[string]int{}
	var ids []string
	for _, k := range keys {
		top, err := x.top(keyWindow{k, from, to})
		if err != nil {
			return nil, err
		}
		for _, r := range top {
			if shared[r.story] == 0 {
				ids = append(ids, r.story)
			}
			shared[r.story]++
		}
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(shared[b], shared[a]), cmp.Compare(a, b)) })
	return ids[:min(len(ids), limit)], nil
}

// Candidates implements story.Index.
func (x *batchIndex) Candidates(keys []string, from, to string, limit int) ([]*story.Story, error) {
	ids, err := x.rank(keys, from, to, limit)
	if err != nil {
		return nil, err
	}
	if err := x.load(ids); err != nil {
		return nil, err
	}
	out := make([]*story.Story, len(ids))
	for i, id := range ids {
		if x.stories[id] == nil {
			js, ok := x.raw[id]
			if !ok {
				return nil, fmt.Errorf("story %q: %w", id, store.ErrNoStory)
			}
			s, err := decodeStory(id, js)
			if err != nil {
				return nil, err
			}
			x.stories[id] = s
		}
		out[i] = x.stories[id]
	}
	return out, nil
}

// shiftDay moves day (YYYY-MM-DD) by n days; "" for a day that does not parse, as the
// linker's own shift.
func shiftDay(day string, n int) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}
