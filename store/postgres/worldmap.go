package postgres

import (
	"context"
	"fmt"

	"github.com/tocsin-project/tocsin/worldmap"
)

var _ worldmap.Store = (*Store)(nil)

// MapStories implements worldmap.Store: the stories whose first event day is in
// since..until, by the day index, with their place's coordinates (migration 0002).
func (s *Store) MapStories(ctx context.Context, since, until string, fn func(*worldmap.Story) error) error {
	rows, err := s.pool.Query(ctx, `SELECT id, label, day, country, code, articles, lat, lon
		FROM stories WHERE day BETWEEN $1 AND $2 ORDER BY day, seq`, since, until)
	if err != nil {
		return fmt.Errorf("store/postgres: map stories: %w", err)
	}
	defer rows.Close()
	var st worldmap.Story
	for rows.Next() {
		var lat, lon *float64
		if err := rows.Scan(&st.ID, &st.Label, &st.Day, &st.Country, &st.Code, &st.Articles, &lat, &lon); err != nil {
			return fmt.Errorf("store/postgres: map stories: %w", err)
		}
		st.HasPlace = lat != nil && lon != nil
		st.Lat, st.Lon = 0, 0
		if st.HasPlace {
			st.Lat, st.Lon = *lat, *lon
		}
		if err := fn(&st); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store/postgres: map stories: %w", err)
	}
	return nil
}

// LastStoryDay implements worldmap.Store, from the day index.
func (s *Store) LastStoryDay(ctx context.Context) (string, error) {
	var d *string
	if err := s.pool.QueryRow(ctx, `SELECT max(day) FROM stories`).Scan(&d); err != nil {
		return "", fmt.Errorf("store/postgres: last story day: %w", err)
	}
	if d == nil {
		return "", nil
	}
	return *d, nil
}
