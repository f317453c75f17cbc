package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/tocsin-project/tocsin/trend"
)

var _ trend.Summer = (*Store)(nil)

// WeekSums implements trend.Summer from series_weeks (migration 0010), with what
// series_dirty still holds added, in one snapshot.
func (s *Store) WeekSums(ctx context.Context, series []string, since, until string, fn func(*trend.WeekSum) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("store/sqlite: week sums: %w", err)
	}
	defer tx.Rollback()
	if err := weekSums(ctx, tx, series, since, until, fn); err != nil {
		return fmt.Errorf("store/sqlite: week sums: %w", err)
	}
	return nil
}

func weekSums(ctx context.Context, tx *sql.Tx, series []string, since, until string, fn func(*trend.WeekSum) error) error {
	pending, err := pendingSums(ctx, tx)
	if err != nil {
		return err
	}
	// One statement for every series: a query each cost more than their rows.
	names, err := json.Marshal(series)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT series, week, stories, conflict, goldstein, goldstein_sq
		FROM series_weeks WHERE series IN (SELECT value FROM json_each(?)) AND week BETWEEN ? AND ?
		ORDER BY series, week`, string(names), since, until)
	if err != nil {
		return err
	}
	defer rows.Close()
	got := map[string][]*trend.WeekSum{}
	for rows.Next() {
		ws := new(trend.WeekSum)
		if err := rows.Scan(&ws.Series, &ws.Week, &ws.Stories, &ws.Conflict, &ws.Goldstein, &ws.GoldsteinSq); err != nil {
			return err
		}
		got[ws.Series] = append(got[ws.Series], ws)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, name := range series {
		weeks := got[name]
		if len(pending) > 0 {
			weeks = addPending(weeks, pending, name, since, until)
		}
		for _, ws := range weeks {
			if ws.Stories != 0 {
				if err := fn(ws); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// addPending adds to weeks, series name's from since to until in week order, what
// pending changes of them.
func addPending(weeks []*trend.WeekSum, pending trend.Sums, name, since, until string) []*trend.WeekSum {
	for k, d := range pending {
		if k[0] != name || k[1] < since || k[1] > until {
			continue
		}
		i, found := slices.BinarySearchFunc(weeks, k[1], func(ws *trend.WeekSum, w string) int { return cmp.Compare(ws.Week, w) })
		if !found {
			weeks = slices.Insert(weeks, i, &trend.WeekSum{Series: name, Week: k[1]})
		}
		ws := weeks[i]
		ws.Stories += d.Stories
		ws.Conflict += d.Conflict
		ws.Goldstein += d.Goldstein
		ws.GoldsteinSq += d.GoldsteinSq
	}
	return weeks
}

// FirstDay implements trend.Summer: the first day of story_trend (migration 0009)
// from since to until.
func (s *Store) FirstDay(ctx context.Context, since, until string) (string, error) {
	var day sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT min(day) FROM story_trend WHERE day BETWEEN ? AND ?`, since, until).Scan(&day)
	if err != nil {
		return "", fmt.Errorf("store/sqlite: first day: %w", err)
	}
	return day.String, nil
}

// pendingSums are the changes to series_weeks that series_dirty holds: for each story
// in it, its state as the sums count it taken off and its row in story_trend now, if
// any, added.
func pendingSums(ctx context.Context, tx *sql.Tx) (trend.Sums, error) {
	rows, err := tx.QueryContext(ctx, `SELECT d.id, d.had, d.day, d.code, d.country, d.actors,
		t.day, t.code, t.country, t.actors
		FROM series_dirty d LEFT JOIN story_trend t ON t.id = d.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var sums trend.Sums
	var it trend.Item
	for rows.Next() {
		var id, day, code, country, actors string
		var had bool
		var nday, ncode, ncountry, nactors sql.NullString
		if err := rows.Scan(&id, &had, &day, &code, &country, &actors, &nday, &ncode, &ncountry, &nactors); err != nil {
			return nil, err
		}
		if sums == nil {
			sums = trend.Sums{}
		}
		if had {
			trend.StoryItem(&it, id, day, code, country, actors)
			sums.Add(&it, -1)
		}
		if nday.Valid {
			trend.StoryItem(&it, id, nday.String, ncode.String, ncountry.String, nactors.String)
			sums.Add(&it, 1)
		}
	}
	return sums, rows.Err()
}

// flushSeries applies what series_dirty holds to series_weeks and empties it, in tx,
// the transaction that wrote the stories.
func flushSeries(ctx context.Context, tx *sql.Tx) error {
	pending, err := pendingSums(ctx, tx)
	if err != nil || pending == nil {
		return err
	}
	if err := writeSums(ctx, tx, pending.Sorted()); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM series_dirty`)
	return err
}

// writeSums adds sums to series_weeks, dropping the weeks left without stories.
func writeSums(ctx context.Context, tx *sql.Tx, sums []*trend.WeekSum) error {
	if len(sums) == 0 {
		return nil
	}
	add, err := tx.PrepareContext(ctx, `INSERT INTO series_weeks (series, week, stories, conflict, goldstein, goldstein_sq)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (series, week) DO UPDATE SET stories = stories + excluded.stories,
		conflict = conflict + excluded.conflict, goldstein = goldstein + excluded.goldstein,
		goldstein_sq = goldstein_sq + excluded.goldstein_sq`)
	if err != nil {
		return err
	}
	defer add.Close()
	for _, ws := range sums {
		if _, err := add.ExecContext(ctx, ws.Series, ws.Week, ws.Stories, ws.Conflict, ws.Goldstein, ws.GoldsteinSq); err != nil {
			return err
		}
		if ws.Stories < 0 { // the week may be left empty
			if _, err := tx.ExecContext(ctx, `DELETE FROM series_weeks WHERE series = ? AND week = ? AND stories <= 0`,
				ws.Series, ws.Week); err != nil {
				return err
			}
		}
	}
	return nil
}

// backfillSeries sums the stories of story_trend into series_weeks (migration 0010),
// a week at a time in day order, so that only one week's sums are held.
func backfillSeries(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, day, code, country, actors FROM story_trend ORDER BY day, seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	sums, week := trend.Sums{}, ""
	var it trend.Item
	for rows.Next() {
		var id, day, code, country, actors string
		if err := rows.Scan(&id, &day, &code, &country, &actors); err != nil {
			return err
		}
		d, err := time.Parse(time.DateOnly, day)
		if err != nil {
			continue // no week: trend.Sums adds nothing for it either
		}
		if w := trend.Start(d, trend.Week).Format(time.DateOnly); w != week {
			if err := writeSums(ctx, tx, sums.Sorted()); err != nil {
				return err
			}
			sums, week = trend.Sums{}, w
		}
		trend.StoryItem(&it, id, day, code, country, actors)
		sums.Add(&it, 1)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return writeSums(ctx, tx, sums.Sorted())
}
