package place

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/tocsin-project/tocsin/doc"
	"github.com/tocsin-project/tocsin/gazetteer"
)

// mention is one place name in the text.
type mention struct {
	doc.Span
	text  string // as written
	group int
	// wantAdmin is set by a division word after the name ("Kerman province"), wantCity
	// by "city of" before it or "city" after it.
	wantAdmin, wantRegion, wantCity bool
	why                             string // what made it a mention
}

// group is every mention of one name: they are resolved together.
type group struct {
	key      string
	cands    []cand
	best     int // index in cands, -1 when there are none
	mentions int
}

// cand is one place a group may mean.
type cand struct {
	*gazetteer.Place
	level gazetteer.Level
	main  bool    // matched the place's main name, not an alternate
	prior float64 // from the place alone and how its name matched
	local float64 // from explicit context around the group's mentions
	score float64
	near  int      // other resolved cities within nearKm, in the last round
	why   []string // the explicit context behind local, for the place's rule
}

// note records a piece of explicit context for the rule, once.
func (c *cand) note(why string) {
	if !slices.Contains(c.why, why) {
		c.why = append(c.why, why)
	}
}

// Weights of the evidence. A country outranks any city by prior; explicit context
// outweighs population; article-wide votes are capped so that a long article about one
// country cannot drown a phrase such as "Paris, Texas".
const (
	priorCountry = 9.0
	priorRegion  = 8.5
	priorAdmin   = 4.5
	// subdivisionBonus is what a subdivision below the first level (feature ADMD) gains
	// over a town of its population.
	subdivisionBonus = 0.5

	pairComma     = 8.0 // "Tripoli, Libya"
	pairIn        = 5.0 // "Alexandria in Virginia"
	localAdjacent = 6.0 // "the Iranian city of Kerman", "Libya's Tripoli"
	localAdmin    = 4.0 // "Kerman province"
	localRegion   = 2.0 // "Kurdistan region"
	localCity     = 1.0 // "the city of Kerman"
	localListed   = 1.0 // "Cantilan, Madrid, Carmen, Lanuza, and Cortes", towns of one division
	localPersonOf = 4.0 // "Doug Collins of Georgia": the state rather than the country
	localSentence = 2.0 // "Saudi Arabia extended curfews in the holy cities of Mecca and Medina"

	voteCountry = 1.5 // per vote for the candidate's country, at most maxVotes
	voteAdmin   = 2.0 // per vote for the candidate's division, at most maxVotes/2
	maxVotes    = 4.0
	nearBonus   = 1.0 // per other resolved city within nearKm, at most two
	nearKm      = 250.0
	regionBonus = 1.0    // for a city or division near the centre of a region the article names
	regionKm    = 2500.0 // about the reach of a continent or a large region from its centre
)

// featureSubdivision is the gazetteer's feature of a division below the first level.
const featureSubdivision = "ADMD"

// Resolve returns the places of d's mentions, in text order.
func (s *Stage) Resolve(d *doc.Document) []doc.Place {
	r := resolver{s: s, d: d}
	r.collect()
	if len(r.mentions) == 0 {
		return []doc.Place{}
	}
	r.explicit()
	r.choose(nil, nil)
	for range 2 {
		r.cv, r.av = r.votes()
		r.choose(r.cv, r.av)
	}
	r.cv, r.av = r.votes()
	return r.output()
}

type resolver struct {
	s        *Stage
	d        *doc.Document
	mentions []mention
	groups   []group
	byKey    map[string]int
	norp     map[string]float64           // country alpha-3 → votes from demonyms
	cues     []cue                        // demonyms and country possessives, by end
	cv, av   map[string]float64           // the last votes by country and division
	ents     []doc.Entity                 // d.Entities in text order
	headline bool                         // the title is written in headline case
	surnames map[string]bool              // keys of the last words of people's full names
	people   map[string]bool              // keys of the last and first words of PERSON entities' full names
	looked   map[string][]gazetteer.Match // lookup's cache
}

// prior scores a place before any context. A city named only by one of its alternate
// names loses as much as a tenfold smaller population would.
func prior(p *gazetteer.Place, level gazetteer.Level, main bool) float64 {
	var x float64
	switch p.Kind {
	case gazetteer.Country:
		x = priorCountry + 0.1*math.Log10(float64(p.Population)+1)
	case gazetteer.Region:
		x = priorRegion
	case gazetteer.Admin1:
		x = priorAdmin + 0.2*math.Log10(float64(p.Population)+1)
		if p.Feature == featureSubdivision {
			// A county or department weighs as a town of its people a little over:
			// "Cork" may be either, but no parish outranks Saint John, New Brunswick.
			x = math.Log10(float64(p.Population)+1) + subdivisionBonus
		}
	default:
		x = math.Log10(float64(p.Population) + 1)
		switch p.Feature {
		case "PPLC":
			x += 2
		case "PPLA":
			x += 1
		case "PPLA2":
			x += 0.3
		}
		if !main {
			x--
		}
	}
	switch level {
	case gazetteer.Article:
		x -= 0.5
	case gazetteer.Skeletal:
		x -= 1.5
	}
	return x
}

// votes counts, for each country and division, the groups that resolved into it and the
// demonyms naming it. A group's weight grows a little with its mentions.
func (r *resolver) votes() (country, admin map[string]float64) {
	country, admin = map[string]float64{}, map[string]float64{}
	for k, v := range r.norp {
		country[k] += v
	}
	for gi := range r.groups {
		p, w := r.contribution(gi)
		if p == nil {
			continue
		}
		if p.Country != "" {
			country[p.Country] += w
		}
		if p.Admin1 != "" {
			admin[p.Admin1] += w * 0.7
		}
	}
	return country, admin
}

// contribution is the place group gi resolved to and the weight of its vote.
func (r *resolver) contribution(gi int) (*gazetteer.Place, float64) {
	g := &r.groups[gi]
	if g.best < 0 {
		return nil, 0
	}
	p := g.cands[g.best].Place
	w := 1.0
	switch p.Kind {
	case gazetteer.City, gazetteer.Admin1:
		w = 0.7
	case gazetteer.Region:
		w = 0.5
	}
	return p, w * (1 + 0.25*float64(min(g.mentions-1, 4)))
}

// choose scores every candidate with the votes of the other groups (none in the first
// round) and keeps the best of each group.
func (r *resolver) choose(cv, av map[string]float64) {
	for gi := range r.groups {
		g := &r.groups[gi]
		own, ownW := r.contribution(gi)
		for ci := range g.cands {
			c := &g.cands[ci]
			c.score = c.prior + c.local
			if cv == nil || c.local == 0 && outranked(g, c) {
				continue
			}
			if c.Country != "" {
				v := cv[c.Country]
				if own != nil && own.Country == c.Country {
					v -= ownW
				}
				c.score += voteCountry * math.Min(v, maxVotes)
			}
			if c.Admin1 != "" && (c.Kind == gazetteer.City || c.Kind == gazetteer.Admin1) {
				v := av[c.Admin1]
				if own != nil && own.Admin1 == c.Admin1 {
					v -= ownW * 0.7
				}
				c.score += voteAdmin * math.Min(v, maxVotes/2)
			}
			if c.Kind == gazetteer.City || c.Kind == gazetteer.Admin1 {
				c.near = r.near(gi, c.Place)
				c.score += nearBonus*float64(c.near) + regionBonus*float64(r.inRegion(gi, c.Place))
			}
		}
		g.best = -1
		for ci := range g.cands {
			if g.best < 0 || better(&g.cands[ci], &g.cands[g.best]) {
				g.best = ci
			}
		}
	}
}

// outranked reports whether a town has a namesake that outranks it whatever the article
// says elsewhere: a country or a region ("Mexico" the country, not Mexico, Missouri), a
// first-level division of another country ten times as populous ("England", not England,
// Arkansas) or of its own country a hundred times as populous ("California", not
// California, Missouri, in an article about the United States), or a city a hundred
// times as populous, or a capital ten times ("London's FTSE 100", not London, Kentucky),
// or, for a town named by one of its other names, a city of that main name ten times as
// populous ("Pittsburgh", not Pittsburg, California).
// Only evidence next to the name ("Mexico, Missouri") can make such a town win; the
// article's other places do not.
func outranked(g *group, c *cand) bool {
	if c.Kind != gazetteer.City {
		return false
	}
	return slices.ContainsFunc(g.cands, func(o cand) bool {
		switch o.Kind {
		case gazetteer.Country, gazetteer.Region:
			return true
		case gazetteer.Admin1:
			if o.Feature == featureSubdivision {
				return false
			}
			if o.Country != c.Country {
				return o.Population > 10*c.Population
			}
			return o.Population > 100*c.Population
		case gazetteer.City:
			if !c.main && o.main && o.Population > 10*c.Population {
				return true // "Pittsburgh" is no other name of Pittsburg, California
			}
			return o.Population > 100*c.Population || o.Feature == "PPLC" && o.Country != c.Country && o.Population > 10*c.Population
		}
		return false
	})
}

// inRegion is 1 when a region the article names, other than group gi, lies within
// regionKm of p ("Europe" for Frankfurt), else 0.
func (r *resolver) inRegion(gi int, p *gazetteer.Place) int {
	for gj := range r.groups {
		g := &r.groups[gj]
		if gj == gi || g.best < 0 {
			continue
		}
		if q := g.cands[g.best].Place; q.Kind == gazetteer.Region && q.Country == "" && Distance(p.Lat, p.Lon, q.Lat, q.Lon) < regionKm {
			return 1
		}
	}
	return 0
}

// outlier reports whether group gi resolved to a town or division of under 100,000
// people with nothing for it but its name, in a country that nothing else in the article
// points to while the article points elsewhere: most often a name the entities stage cut
// out of a longer one ("Shohada" of a Tehran cemetery, "Paula" of a Nigerian forest), or
// a place the gazetteer lacks that sounds like a town's alternate name.
func (r *resolver) outlier(gi int) bool {
	g := &r.groups[gi]
	c := &g.cands[g.best]
	if c.Kind != gazetteer.City && c.Kind != gazetteer.Admin1 || c.local > 0 || c.Population >= 100000 {
		return false
	}
	own, w := r.contribution(gi)
	elsewhere := 0.0
	for country, v := range r.cv {
		if country == c.Country {
			if own != nil && own.Country == country {
				v -= w
			}
			if v > 0.01 {
				return false
			}
			continue
		}
		elsewhere += v
	}
	// A town matched only through the transliteration skeleton of an alternate name
	// ("Ghouta" as "Guta", a Slovak town's other name) is weaker still: one mention of
	// another country is enough against it.
	need := 2.0
	if c.level == gazetteer.Skeletal && !c.main {
		need = 1
	}
	return elsewhere >= need
}

// hamletPop is the population under which a town needs some sign of a place.
const hamletPop = 10000

// bareHamlet reports whether group gi resolved to a town of under hamletPop people by a
// one-word name that nothing marks as a place: no explicit context, no locative word
// before any of its mentions, nothing nearby, in a country the article hardly names. Such names are most often words the entities
// stage took for places ("orbit around Earth" aside, "Earth" is Earth, Texas; "Born in
// Vietnam", "the Medal of Freedom", "sisters Anna and Mariya").
func (r *resolver) bareHamlet(gi int) bool {
	g := &r.groups[gi]
	c := &g.cands[g.best]
	if c.Kind != gazetteer.City || c.Population >= hamletPop || c.local > 0 || c.near > 0 || strings.ContainsRune(g.key, ' ') {
		return false
	}
	for _, m := range r.mentions {
		if m.group == gi && r.locative(m.Start) {
			return false
		}
	}
	// A town of a country the article is about ("tourist attractions such as Boracay
	// and Coron" in the Philippines) stands.
	own, w := r.contribution(gi)
	v := r.cv[c.Country]
	if own != nil && own.Country == c.Country {
		v -= w
	}
	return v < hamletVotes
}

// hamletVotes is how often the article must name or imply a town's country for the town
// to stand without a sign of a place.
const hamletVotes = 2.0

// better orders candidates by score, then population, then geonameid, so that the choice
// never depends on the order of the data.
func better(a, b *cand) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.Population != b.Population {
		return a.Population > b.Population
	}
	return a.GeonameID < b.GeonameID
}

// near counts the other groups' resolved cities within nearKm of p, at most two.
func (r *resolver) near(gi int, p *gazetteer.Place) int {
	n := 0
	for gj := range r.groups {
		g := &r.groups[gj]
		if gj == gi || g.best < 0 {
			continue
		}
		q := g.cands[g.best].Place
		if q.Kind != gazetteer.City {
			continue
		}
		if Distance(p.Lat, p.Lon, q.Lat, q.Lon) < nearKm {
			if n++; n == 2 {
				break
			}
		}
	}
	return n
}

// output writes one doc.Place per resolved mention.
func (r *resolver) output() []doc.Place {
	out := make([]doc.Place, 0, len(r.mentions))
	for _, m := range r.mentions {
		g := &r.groups[m.group]
		if g.best < 0 {
			continue
		}
		c := &g.cands[g.best]
		if c.Kind == gazetteer.City && c.level == gazetteer.Skeletal && c.score-c.prior < 0.5 && c.Population < 5000 {
			continue // a small place that won on a loose spelling alone
		}
		if r.outlier(m.group) || r.bareHamlet(m.group) {
			continue
		}
		out = append(out, doc.Place{
			Name: m.text, Country: c.Country, Admin1: c.Admin1, Admin1Name: r.s.g.AdminName(c.Admin1), Lat: c.Lat, Lon: c.Lon,
			GeonameID: c.GeonameID, Rule: r.rule(&m, g, c), Span: m.Span,
		})
	}
	slices.SortStableFunc(out, func(a, b doc.Place) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

// rule explains a place: what made the name a mention, what the place is, and what made it
// win over its namesakes: explicit context next to a mention, the article's geography
// (the countries and divisions it names, places near the others), or prominence alone.
func (r *resolver) rule(m *mention, g *group, c *cand) string {
	var b strings.Builder
	b.WriteString(m.why)
	fmt.Fprintf(&b, "; %s %s", c.Kind, c.Feature)
	switch c.level {
	case gazetteer.Article:
		b.WriteString(" (named without its article)")
	case gazetteer.Skeletal:
		b.WriteString(" (a spelling variant of its name)")
	}
	if !c.main && c.Kind == gazetteer.City {
		b.WriteString(" (by an alternate name)")
	}
	if len(g.cands) == 1 {
		b.WriteString("; the only place of that name")
		return b.String()
	}
	if n := len(g.cands) - 1; n == 1 {
		b.WriteString("; over 1 namesake")
	} else {
		fmt.Fprintf(&b, "; over %d namesakes", n)
	}
	for _, w := range c.why {
		b.WriteString("; ")
		b.WriteString(w)
	}
	if geo := c.score - c.prior - c.local; geo > 0.01 {
		b.WriteString("; the article's geography")
		if v := r.cv[c.Country]; c.Country != "" && v > 0 {
			fmt.Fprintf(&b, " (%s named or implied %.1f times", c.Country, v)
			if c.near > 0 {
				fmt.Fprintf(&b, ", %d other places nearby", c.near)
			}
			b.WriteString(")")
		}
	}
	if len(c.why) == 0 && c.score-c.prior < 0.01 {
		b.WriteString("; prominence: country > region > division > capital > city by population")
	}
	return b.String()
}

// Distance is the great-circle distance in kilometres between two points given in degrees.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 6371 * 2 * math.Asin(math.Min(1, math.Sqrt(a)))
}

// trimThe drops a leading "the" ("the Gulf", "the West Bank").
func trimThe(s string) string {
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		return s[4:]
	}
	return s
}
