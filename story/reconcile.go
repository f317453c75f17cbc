package story

import "slices"

// Reconcile gives one kind's figure from its claims, which it sorts into publication
// order (a stable sort: claims published at the same time keep the order they came
// in). The rules follow UCDP GED, which records a best, a low and a high estimate, and
// ACLED, which takes the most conservative figure when reports disagree:
//
//   - Best is the latest exact figure ("exact" or "about"): a toll revised from 35 to
//     50 to 56 is 56, and an official revision downward is taken too;
//   - a floor ("at least 50", "more than 200") stands for its number, and replaces the
//     best figure only when it is higher: "56 killed" then "at least 56" stays 56 exact,
//     "213 hurt" then "more than 200" stays 213;
//   - a ceiling ("up to 30") is the best figure only when no claim gives another;
//   - Low is the smallest claimed figure and High the largest, ceilings included, so
//     the range shows how far the reports went apart.
//
// Vague claims ("dozens") never reach here: Units leaves them out.
func Reconcile(claims []Claim) Tally {
	cs := slices.Clone(claims)
	slices.SortStableFunc(cs, func(a, b Claim) int {
		switch {
		case a.Published < b.Published:
			return -1
		case a.Published > b.Published:
			return 1
		}
		return 0
	})
	t := Tally{Claims: cs}
	have := false
	for i, c := range cs {
		if i == 0 || c.Value < t.Low {
			t.Low = c.Value
		}
		if c.Value > t.High {
			t.High = c.Value
		}
		switch c.Qualifier {
		case "up_to":
			continue
		case "at_least", "more_than":
			if have && c.Value <= t.Best {
				continue
			}
		}
		t.Best, t.Qualifier, have = c.Value, qualifierOf(c), true
	}
	if !have {
		for _, c := range cs { // ceilings only: the lowest, as ACLED would
			if !have || c.Value < t.Best {
				t.Best, t.Qualifier, have = c.Value, qualifierOf(c), true
			}
		}
	}
	return t
}

func qualifierOf(c Claim) string {
	if c.Qualifier == "" {
		return "exact"
	}
	return c.Qualifier
}
