package postgres

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/tocsin-project/tocsin/trend"
)

var _ trend.Summer = (*Store)(nil)

// WeekSums implements trend.Summer from series_weeks (migration 0004), with what
// series_dirty still holds added, from one snapshot.
func (s *Store) WeekSums(ctx context.Context, series []string, since, until string, fn func(*trend.WeekSum) error) error {
	tx, err := s.readTx(ctx)
	if err != nil {
		return fmt.Errorf("store/postgres: week sums: %w", err)
	}
	defer tx.Rollback(ctx)
	if err := weekSums(ctx, tx, series, since, until, fn); err != nil {
		return fmt.Errorf("store/postgres: week sums: %w", err)
	}
	return nil
}

func weekSums(ctx context.Context, tx pgx.Tx, series []string, since, until string, fn func(*trend.WeekSum) error) error {
	p, err := pendingSums(ctx, tx)
	if err != nil {
		return err
	}
	rows, err := tx.Query(ctx, `SELECT series, week, stories, conflict, goldstein, goldstein_sq
		FROM series_weeks WHERE series = ANY($1) AND week BETWEEN $2 AND $3`, series, since, until)
	if err != nil {
		return err
	}
	got := map[string][]*trend.WeekSum{}
	for rows.Next() {
		ws := new(trend.WeekSum)
		if err := rows.Scan(&ws.Series, &ws.Week, &ws.Stories, &ws.Conflict, &ws.Goldstein, &ws.GoldsteinSq); err != nil {
			rows.Close()
			return err
		}
		got[ws.Series] = append(got[ws.Series], ws)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for k, d := range p.sums {
		if k[1] < since || k[1] > until || !slices.Contains(series, k[0]) {
			continue
		}
		c := *d
		got[k[0]] = append(got[k[0]], &c)
	}
	byWeek := func(a, b *trend.WeekSum) int { return cmp.Compare(a.Week, b.Week) }
	for _, name := range series {
		weeks := got[name]
		slices.SortStableFunc(weeks, byWeek)
		for i := 0; i < len(weeks); {
			ws := *weeks[i]
			for i++; i < len(weeks) && weeks[i].Week == ws.Week; i++ {
				ws.Stories += weeks[i].Stories
				ws.Conflict += weeks[i].Conflict
				ws.Goldstein += weeks[i].Goldstein
				ws.GoldsteinSq += weeks[i].GoldsteinSq
			}
			if ws.Stories != 0 {
				if err := fn(&ws); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// FirstDay implements trend.Summer: the first day of a story from since to until.
func (s *Store) FirstDay(ctx context.Context, since, until string) (string, error) {
	var day *string
	err := s.pool.QueryRow(ctx, `SELECT min(day) FROM stories WHERE day BETWEEN $1 AND $2`, since, until).Scan(&day)
	if err != nil {
		return "", fmt.Errorf("store/postgres: first day: %w", err)
	}
	if day == nil {
		return "", nil
	}
	return *day, nil
}

// storyState is a story as its series' sums count it: the columns of series_counted.
type storyState struct{ id, day, code, country, actors string }

// pending is what series_dirty holds: the changes to series_weeks (each story's state
// in series_counted taken off, its state now added) and the states now (exists false
// for a story no longer stored).
type pending struct {
	ids    []string
	sums   trend.Sums
	states []storyState
	exists []bool
}

// pendingSums reads what series_dirty holds.
func pendingSums(ctx context.Context, tx pgx.Tx) (*pending, error) {
	rows, err := tx.Query(ctx, `SELECT d.id, c.id IS NOT NULL, coalesce(c.day, ''), coalesce(c.code, ''),
		coalesce(c.country, ''), coalesce(c.actors, ''),
		s.id IS NOT NULL, coalesce(s.day, ''), coalesce(s.code, ''), coalesce(s.country, ''),
		coalesce((SELECT string_agg(role || ':' || actor, ' ' ORDER BY role, actor) FROM story_actors WHERE story = d.id), '')
		FROM series_dirty d LEFT JOIN series_counted c ON c.id = d.id LEFT JOIN stories s ON s.id = d.id
		ORDER BY d.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	p := &pending{sums: trend.Sums{}}
	var it trend.Item
	for rows.Next() {
		var old, now storyState
		var had, has bool
		if err := rows.Scan(&old.id, &had, &old.day, &old.code, &old.country, &old.actors,
			&has, &now.day, &now.code, &now.country, &now.actors); err != nil {
			return nil, err
		}
		now.id = old.id
		if had {
			trend.StoryItem(&it, old.id, old.day, old.code, old.country, old.actors)
			p.sums.Add(&it, -1)
		}
		if has {
			trend.StoryItem(&it, now.id, now.day, now.code, now.country, now.actors)
			p.sums.Add(&it, 1)
		}
		p.ids = append(p.ids, old.id)
		p.states = append(p.states, now)
		p.exists = append(p.exists, has)
	}
	return p, rows.Err()
}

// flushSeries applies what series_dirty holds to series_weeks and series_counted and
// empties it, in tx, the transaction that wrote the stories (rows in series and week
// order, so that two writers lock them in one order).
func flushSeries(ctx context.Context, tx pgx.Tx) error {
	p, err := pendingSums(ctx, tx)
	if err != nil || len(p.ids) == 0 {
		return err
	}
	b := &pgx.Batch{}
	for _, ws := range p.sums.Sorted() {
		b.Queue(`INSERT INTO series_weeks (series, week, stories, conflict, goldstein, goldstein_sq)
			VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (series, week) DO UPDATE SET stories = series_weeks.stories + excluded.stories,
			conflict = series_weeks.conflict + excluded.conflict,
			goldstein = series_weeks.goldstein + excluded.goldstein,
			goldstein_sq = series_weeks.goldstein_sq + excluded.goldstein_sq`,
			ws.Series, ws.Week, ws.Stories, ws.Conflict, ws.Goldstein, ws.GoldsteinSq)
		if ws.Stories < 0 {
			b.Queue(`DELETE FROM series_weeks WHERE series = $1 AND week = $2 AND stories <= 0`, ws.Series, ws.Week)
		}
	}
	for i, st := range p.states {
		if !p.exists[i] {
			b.Queue(`DELETE FROM series_counted WHERE id = $1`, st.id)
			continue
		}
		b.Queue(`INSERT INTO series_counted (id, day, code, country, actors) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (id) DO UPDATE SET day = excluded.day, code = excluded.code,
			country = excluded.country, actors = excluded.actors`, st.id, st.day, st.code, st.country, st.actors)
	}
	b.Queue(`DELETE FROM series_dirty WHERE id = ANY($1)`, p.ids)
	return tx.SendBatch(ctx, b).Close()
}
