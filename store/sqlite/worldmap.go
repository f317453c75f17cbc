package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tocsin-project/tocsin/worldmap"
)

var _ worldmap.Store = (*Store)(nil)

// MapStories implements worldmap.Store: the stories whose first event day is in
// since..until, one range of story_trend (migration 0009), which holds their place's
// coordinates.
func (s *Store) MapStories(ctx context.Context, since, until string, fn func(*worldmap.Story) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, label, day, country, code, articles, lat, lon
		FROM story_trend WHERE day BETWEEN ? AND ? ORDER BY day, seq`, since, until)
	if err != nil {
		return fmt.Errorf("store/sqlite: map stories: %w", err)
	}
	defer rows.Close()
	var st worldmap.Story
	for rows.Next() {
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&st.ID, &st.Label, &st.Day, &st.Country, &st.Code, &st.Articles, &lat, &lon); err != nil {
			return fmt.Errorf("store/sqlite: map stories: %w", err)
		}
		st.HasPlace = lat.Valid && lon.Valid
		st.Lat, st.Lon = lat.Float64, lon.Float64
		if err := fn(&st); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store/sqlite: map stories: %w", err)
	}
	return nil
}

// LastStoryDay implements worldmap.Store, from the day index.
func (s *Store) LastStoryDay(ctx context.Context) (string, error) {
	var d sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT max(day) FROM stories`).Scan(&d); err != nil {
		return "", fmt.Errorf("store/sqlite: last story day: %w", err)
	}
	return d.String, nil
}
