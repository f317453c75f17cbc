package postgres

import (
	"context"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/trend"
)

var _ trend.Store = (*Store)(nil)

// TrendItems implements trend.Store: the stories that match q (the story filters, on
// stories with a known first day), or with q.Mentions the event rows (the event
// filters, on rows with a known day), in day order, from one snapshot.
func (s *Store) TrendItems(ctx context.Context, q trend.Query, fn func(*trend.Item) error) error {
	tx, err := s.readTx(ctx)
	if err != nil {
		return fmt.Errorf("store/postgres: trends: %w", err)
	}
	defer tx.Rollback(ctx)
	if q.Mentions {
		err = eventItems(ctx, tx, q, fn)
	} else {
		err = storyItems(ctx, tx, q, fn)
	}
	if err != nil {
		return fmt.Errorf("store/postgres: trends: %w", err)
	}
	return nil
}

// storyItems walks the stories of q with their quad class and Goldstein score (of
// their code), reconciled killed and injured (unless q.NoCasualties) and their actors
// by role.
func storyItems(ctx context.Context, tx pgx.Tx, q trend.Query, fn func(*trend.Item) error) error {
	var a args
	where, err := storyWhere(store.StoryFilter{Source: q.Source, Target: q.Target, Dyad: q.Dyad,
		Country: q.Country, Since: q.Since, Until: q.Until}, &a)
	if err != nil {
		return err
	}
	if where == "" {
		where = " WHERE s.day <> ''"
	} else {
		where += " AND s.day <> ''"
	}
	casualties := `s.killed, s.injured`
	if q.NoCasualties {
		casualties = `0, 0`
	}
	rows, err := tx.Query(ctx, `SELECT s.id, s.day, s.country, s.code, `+casualties+`,
		coalesce((SELECT string_agg(role || ':' || actor, ' ') FROM story_actors WHERE story = s.id), '')
		FROM stories s`+where+` ORDER BY s.day, s.seq`, a...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var it trend.Item
	var id, day, country, code, actors string
	var killed, injured int
	for rows.Next() {
		if err := rows.Scan(&id, &day, &country, &code, &killed, &injured, &actors); err != nil {
			return err
		}
		trend.StoryItem(&it, id, day, code, country, actors)
		it.Killed, it.Injured = killed, injured
		if err := fn(&it); err != nil {
			return err
		}
	}
	return rows.Err()
}

// eventItems walks the event rows of q with their story's reconciled casualties.
func eventItems(ctx context.Context, tx pgx.Tx, q trend.Query, fn func(*trend.Item) error) error {
	var a args
	where, err := eventWhere(store.EventFilter{Source: q.Source, Target: q.Target, Dyad: q.Dyad,
		Country: q.Country, Since: q.Since, Until: q.Until}, &a)
	if err != nil {
		return err
	}
	if where == "" {
		where = " WHERE e.day IS NOT NULL"
	} else {
		where += " AND e.day IS NOT NULL"
	}
	rows, err := tx.Query(ctx, `SELECT e.id, coalesce(e.story, ''), e.day, coalesce(e.place_country, ''),
		e.quad_class, e.goldstein, e.source, e.target, coalesce(st.killed, 0), coalesce(st.injured, 0)
		FROM events e LEFT JOIN stories st ON st.id = e.story`+where+` ORDER BY e.day, e.id`, a...)
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

// TrendTotals implements trend.Store: stories with a coded event (a root), or event
// rows, per day from since to until.
func (s *Store) TrendTotals(ctx context.Context, since, until string, mentions bool) (map[string]int, error) {
	q := `SELECT day, count(*) FROM stories WHERE root <> '' AND day BETWEEN $1 AND $2 GROUP BY day`
	if mentions {
		q = `SELECT day, count(*) FROM events WHERE day BETWEEN $1 AND $2 GROUP BY day`
	}
	rows, err := s.pool.Query(ctx, q, since, until)
	if err != nil {
		return nil, fmt.Errorf("store/postgres: trend totals: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var d string
		var n int
		if err := rows.Scan(&d, &n); err != nil {
			return nil, fmt.Errorf("store/postgres: trend totals: %w", err)
		}
		out[d] += n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store/postgres: trend totals: %w", err)
	}
	return out, nil
}
