package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tocsin-project/tocsin/store"
	"github.com/tocsin-project/tocsin/trend"
)

// story_day_totals, kept by triggers, says what counting the stories says: after
// ingest of the samples (stories created and grown, their day and root changing as
// reports join) and after a rebuild (every story deleted and linked again).
func TestStoryDayTotals(t *testing.T) {
	ctx := context.Background()
	s := sampleStore(t)
	check := func(when string) {
		t.Helper()
		want := map[string]int{}
		rows, err := s.db.QueryContext(ctx, `SELECT day, count(*) FROM stories WHERE root <> '' AND day <> '' GROUP BY day`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var d string
			var n int
			if err := rows.Scan(&d, &n); err != nil {
				t.Fatal(err)
			}
			want[d] = n
		}
		rows.Close()
		got, err := s.TrendTotals(ctx, "0000-01-01", "9999-12-31", false)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 || !maps.Equal(got, want) {
			t.Errorf("%s: totals %v, counted %v", when, got, want)
		}
	}
	check("after ingest")
	if _, err := s.RebuildStories(ctx); err != nil {
		t.Fatal(err)
	}
	check("after rebuild")
}

// story_trend, kept by triggers, holds what the stories and their actors say, after
// ingest (stories created and grown, actors added) and after a rebuild.
func TestStoryTrend(t *testing.T) {
	ctx := context.Background()
	s := sampleStore(t)
	read := func(q string) map[string]string {
		t.Helper()
		rows, err := s.db.QueryContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]string{}
		for rows.Next() {
			var id, day, country, code, label, actors string
			var seq, articles, killed, injured int
			var lat, lon sql.NullFloat64
			if err := rows.Scan(&id, &day, &seq, &country, &code, &label, &articles, &lat, &lon, &killed, &injured, &actors); err != nil {
				t.Fatal(err)
			}
			as := strings.Fields(actors)
			slices.Sort(as)
			out[id] = fmt.Sprint(day, seq, country, code, label, articles, lat, lon, killed, injured, as)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	check := func(when string) {
		t.Helper()
		want := read(`SELECT id, day, seq, country, code, label, articles,
			json_extract(story_json, '$.place.lat'), json_extract(story_json, '$.place.lon'),
			coalesce(json_extract(story_json, '$.casualties.killed.best'), 0),
			coalesce(json_extract(story_json, '$.casualties.injured.best'), 0),
			coalesce((SELECT group_concat(role || ':' || actor, ' ') FROM story_actors WHERE story = s.id), '')
			FROM stories s WHERE day <> ''`)
		got := read(`SELECT id, day, seq, country, code, label, articles, lat, lon, killed, injured, actors FROM story_trend`)
		if len(want) == 0 || !maps.Equal(got, want) {
			for id, w := range want {
				if got[id] != w {
					t.Errorf("%s: story %s: story_trend %q, stories %q", when, id, got[id], w)
				}
			}
			t.Errorf("%s: %d rows in story_trend, %d dated stories", when, len(got), len(want))
		}
		pairs := func(q string) []string {
			rows, err := s.db.QueryContext(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var out []string
			for rows.Next() {
				var x, y, id string
				if err := rows.Scan(&x, &y, &id); err != nil {
					t.Fatal(err)
				}
				out = append(out, x+">"+y+" "+id)
			}
			slices.Sort(out)
			return out
		}
		wantPairs := pairs(`SELECT DISTINCT substr(a.actor, 1, 3), substr(b.actor, 1, 3), a.story
			FROM story_actors a JOIN story_actors b ON b.story = a.story
			WHERE length(a.actor) >= 3 AND length(b.actor) >= 3 AND substr(a.actor, 1, 3) <> substr(b.actor, 1, 3)`)
		if got := pairs(`SELECT x, y, story FROM story_pairs`); len(wantPairs) == 0 || !slices.Equal(got, wantPairs) {
			t.Errorf("%s: story_pairs %d rows, the actors make %d", when, len(got), len(wantPairs))
		}
		// A dyad's series finds, through the pairs, the stories the dyad filter finds.
		for _, d := range [][2]string{{"USA", "IRN"}, {"IRN", "USAMIL"}, {"IRQ", "USA"}} {
			var items []string
			err := s.TrendItems(ctx, trend.Query{Dyad: d}, func(it *trend.Item) error {
				items = append(items, it.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			list, _, err := s.Stories(ctx, store.StoryFilter{Dyad: d}, store.Page{Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, st := range list {
				if st.Date != "" {
					ids = append(ids, st.ID)
				}
			}
			slices.Sort(items)
			slices.Sort(ids)
			if len(ids) == 0 || !slices.Equal(items, ids) {
				t.Errorf("%s: dyad %v: series stories %v, filter %v", when, d, items, ids)
			}
		}
		// The story filters, which read story_pairs for two countries and check an
		// actor on the stories of a root or country, find what the actors say.
		prefixed := func(p, role string) string {
			cond := `EXISTS (SELECT 1 FROM story_actors WHERE story = s.id AND substr(actor, 1, ` +
				strconv.Itoa(len(p)) + `) = '` + p + `'`
			if role != "" {
				cond += ` AND role = '` + role + `'`
			}
			return cond + `)`
		}
		for _, c := range []struct {
			f    store.StoryFilter
			want string
		}{
			{store.StoryFilter{Dyad: [2]string{"USA", "IRN"}}, prefixed("USA", "") + ` AND ` + prefixed("IRN", "")},
			{store.StoryFilter{Dyad: [2]string{"IRQ", "USA"}}, prefixed("IRQ", "") + ` AND ` + prefixed("USA", "")},
			{store.StoryFilter{Dyad: [2]string{"IRN", "USAMIL"}}, prefixed("IRN", "") + ` AND ` + prefixed("USAMIL", "")},
			{store.StoryFilter{Source: "USA", Roots: []string{"19", "18"}}, prefixed("USA", "source") + ` AND root IN ('19', '18')`},
			{store.StoryFilter{Target: "IRN", Country: "IRQ"}, prefixed("IRN", "target") + ` AND country = 'IRQ'`},
		} {
			want := pairs(`SELECT '', '', id FROM stories s WHERE ` + c.want)
			list, total, err := s.Stories(ctx, c.f, store.Page{Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, st := range list {
				got = append(got, "> "+st.ID)
			}
			slices.Sort(got)
			if !slices.Equal(got, want) || total != len(want) {
				t.Errorf("%s: stories %+v: %d (total %d), the actors give %d", when, c.f, len(got), total, len(want))
			}
			if c.f.Dyad[0] != "" && len(want) == 0 {
				t.Errorf("%s: stories %+v: none to compare", when, c.f)
			}
		}
	}
	check("after ingest")
	if _, err := s.RebuildStories(ctx); err != nil {
		t.Fatal(err)
	}
	check("after rebuild")
}
