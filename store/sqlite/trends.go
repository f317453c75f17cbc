package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/trend"
)

var _ trend.Store = (*Store)(nil)

// TrendItems implements trend.Store: the stories that match q (the story filters, on
// stories with a known first day), or with q.Mentions the event rows (the event
// filters, on rows with a known day), in day order.
func (s *Store) TrendItems(ctx context.Context, q trend.Query, fn func(*trend.Item) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("store/sqlite: trends: %w", err)
	}
	defer tx.Rollback()
	if q.Mentions {
		err = eventItems(ctx, tx, q, fn)
	} else {
		err = storyItems(ctx, tx, q, fn)
	}
	if err != nil {
		return fmt.Errorf("store/sqlite: trends: %w", err)
	}
	return nil
}

// storyItems walks the stories of q with their quad class and Goldstein score (of
// their code), reconciled casualties and their actors by role, from story_trend (migration 0009): a window of days is one
// range of it, where the stories table took a seek for each story and one for its
// actors. The story filters apply to it as to stories (the same columns, aliased s).
//
// A dyad of two countries' codes (three letters or more, different countries) is
// found in story_pairs (migration 0009), one range, and its codes' full prefixes are
// checked here, where the story filters intersect the stories of each actor.
func storyItems(ctx context.Context, tx *sql.Tx, q trend.Query, fn func(*trend.Item) error) error {
	f := store.StoryFilter{Source: q.Source, Target: q.Target, Dyad: q.Dyad, Country: q.Country, Since: q.Since, Until: q.Until}
	a, b := q.Dyad[0], q.Dyad[1]
	pairs := len(a) >= 3 && len(b) >= 3 && a[:3] != b[:3]
	if pairs {
		f.Dyad = [2]string{}
	}
	where, args, err := storyWhere(f)
	if err != nil {
		return err
	}
	if pairs {
		cond := `s.id IN (SELECT story FROM story_pairs WHERE x = ? AND y = ?)`
		if where == "" {
			where = " WHERE " + cond
		} else {
			where += " AND " + cond
		}
		args = append(args, a[:3], b[:3])
	}
	casualties := `s.killed, s.injured`
	if q.NoCasualties {
		casualties = `0, 0`
	}
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.day, s.country, s.code, `+casualties+`, s.actors
		FROM story_trend s`+where+` ORDER BY s.day, s.seq`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var it trend.Item
	for rows.Next() {
		var actors string
		var id, day, country, code string
		var killed, injured int
		if err := rows.Scan(&id, &day, &country, &code, &killed, &injured, &actors); err != nil {
			return err
		}
		trend.StoryItem(&it, id, day, code, country, actors)
		it.Killed, it.Injured = killed, injured
		hasA, hasB := !pairs, !pairs
		for _, side := range [2][]string{it.Sources, it.Targets} {
			for _, actor := range side {
				hasA = hasA || strings.HasPrefix(actor, a)
				hasB = hasB || strings.HasPrefix(actor, b)
			}
		}
		if !hasA || !hasB {
			continue // the dyad's countries, not its codes' full prefixes
		}
		if err := fn(&it); err != nil {
			return err
		}
	}
	return rows.Err()
}

// eventItems walks the event rows of q with their story's reconciled casualties.
func eventItems(ctx context.Context, tx *sql.Tx, q trend.Query, fn func(*trend.Item) error) error {
	where, args, err := eventWhere(store.EventFilter{Source: q.Source, Target: q.Target, Dyad: q.Dyad,
		Country: q.Country, Since: q.Since, Until: q.Until})
	if err != nil {
		return err
	}
	if where == "" {
		where = " WHERE e.day IS NOT NULL"
	} else {
		where += " AND e.day IS NOT NULL"
	}
	rows, err := tx.QueryContext(ctx, `SELECT e.id, coalesce(e.story, ''), e.day, coalesce(e.place_country, ''),
		e.quad_class, e.goldstein, e.source, e.target,
		coalesce(json_extract(st.story_json, '$.casualties.killed.best'), 0),
		coalesce(json_extract(st.story_json, '$.casualties.injured.best'), 0)
		FROM events e LEFT JOIN stories st ON st.id = e.story`+where+` ORDER BY e.day, e.id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var it trend.Item
	it.Sources, it.Targets = make([]string, 1), make([]string, 1)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id, &it.Story, &it.Day, &it.Country, &it.Quad, &it.Goldstein,
			&it.Sources[0], &it.Targets[0], &it.Killed, &it.Injured); err != nil {
			return err
		}
		it.ID = strconv.FormatInt(id, 10)
		if err := fn(&it); err != nil {
			return err
		}
	}
	return rows.Err()
}

// TrendTotals implements trend.Store: stories with a coded event (or event rows) per
// day. Stories are read from story_day_totals (migration 0007), which triggers keep as
// stories are written: one row a day, where counting the day index read every story
// (400,000 index entries for five years of the 1M-event synthetic store).
func (s *Store) TrendTotals(ctx context.Context, since, until string, mentions bool) (map[string]int, error) {
	out := map[string]int{}
	count := func(q string) error {
		rows, err := s.db.QueryContext(ctx, q, since, until)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d string
			var n int
			if err := rows.Scan(&d, &n); err != nil {
				return err
			}
			out[d] += n
		}
		return rows.Err()
	}
	var err error
	if mentions {
		err = count(`SELECT day, count(*) FROM events WHERE day BETWEEN ? AND ? GROUP BY day`)
	} else {
		err = count(`SELECT day, coded FROM story_day_totals WHERE day BETWEEN ? AND ? AND coded > 0`)
	}
	if err != nil {
		return nil, fmt.Errorf("store/sqlite: trend totals: %w", err)
	}
	return out, nil
}
