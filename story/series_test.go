package story

import (
	"testing"

	"github.com/tocsin-project/tocsin/article"
)

// Two primaries eleven days apart, told in the same words, stay two stories, while a
// second outlet's report of the first joins it. Neither tells of a casualty incident,
// so the NoIncident weight asks more of their text. The articles are the team's own,
// written for this test.
func TestPrimariesOfOneCampaign(t *testing.T) {
	arts := []*article.Article{
		{Title: "Sanders wins New Hampshire primary", Source: "Outlet A", URL: "a", Published: "2020-02-12",
			Body: "Senator Bernie Sanders won the Democratic presidential primary in New Hampshire on Tuesday, narrowly ahead of Pete Buttigieg, with Amy Klobuchar third, according to results from the state.\n\nSanders thanked voters in Manchester and said the win was the beginning of the end for Donald Trump."},
		{Title: "Sanders edges Buttigieg in New Hampshire", Source: "Outlet B", URL: "b", Published: "2020-02-12",
			Body: "Senator Bernie Sanders won New Hampshire's Democratic presidential primary on Tuesday, beating Pete Buttigieg by a narrow margin, while Amy Klobuchar finished third.\n\nSanders thanked the voters in Manchester and said the victory was the beginning of the end for Donald Trump."},
		{Title: "Sanders wins Nevada caucuses", Source: "Outlet A", URL: "c", Published: "2020-02-23",
			Body: "Senator Bernie Sanders won the Democratic presidential caucuses in Nevada on Saturday, well ahead of Joe Biden, with Pete Buttigieg third, according to results from the state party.\n\nSanders thanked voters in San Antonio and said the win showed his campaign could beat Donald Trump."},
	}
	leads := leadStories(t, arts)
	if leads[0] != leads[1] {
		t.Errorf("two reports of the New Hampshire primary are in stories %s and %s", leads[0].ID, leads[1].ID)
	}
	if leads[0] == leads[2] {
		t.Errorf("the New Hampshire primary and the Nevada caucuses share story %s", leads[0].ID)
	}
}

// The arrest of a suspect over a killing is a happening of its own, though its report
// names the victim, the place and the weapon as the killing's reports do; a second
// report of the killing joins the first. The articles are the team's own, written for
// this test.
func TestArrestOverAKilling(t *testing.T) {
	arts := []*article.Article{
		{Title: "Shop clerk stabbed to death in Fresno", Source: "Outlet A", URL: "a", Published: "2023-03-04",
			Body: "A shop clerk was stabbed to death at a liquor store on Blackstone Avenue in Fresno, California, on Friday night, police said.\n\nThe attacker fled on foot with cash from the till."},
		{Title: "Fresno police name clerk killed at Blackstone Avenue store", Source: "Outlet B", URL: "b", Published: "2023-03-05",
			Body: "The clerk stabbed to death at a Blackstone Avenue liquor store in Fresno on Friday was Ramon Ortega, 38, police said on Saturday.\n\nOrtega had worked at the store for six years. The attacker fled on foot with cash from the till."},
		{Title: "Man arrested over Blackstone Avenue store stabbing", Source: "Outlet A", URL: "c", Published: "2023-03-07",
			Body: "Fresno police arrested a 24-year-old man on Monday over the stabbing of clerk Ramon Ortega at a Blackstone Avenue liquor store.\n\nOfficers detained the man at a motel on Shaw Avenue and found cash from the till, police said."},
	}
	leads := leadStories(t, arts)
	if leads[0] != leads[1] {
		t.Errorf("two reports of the stabbing are in stories %s and %s", leads[0].ID, leads[1].ID)
	}
	if leads[0] == leads[2] {
		t.Errorf("the stabbing and the arrest share story %s", leads[0].ID)
	}
}
