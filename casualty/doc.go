// Package casualty is the casualties annotator: it finds counts of people killed, injured,
// missing, arrested, kidnapped or displaced in an English document and writes them to
// Document.Casualties, each with the byte span of the phrase that states it ("At least 50
// people have been killed"), so that every number a user cites shows its evidence.
//
// Precision comes first: a count is reported only when the sentence asserts it. The
// knowledge is data (the vocabulary files in vocab/, embedded in the binary, in the lexicon
// format); the code holds the grammar that combines them. Build the stage with New; it
// needs the text layer (tokens and sentences) and, for dates, should run after the dates
// stage.
//
// # Readings
//
// Each sentence is read into items (a word, or a vocabulary phrase such as "at least" or
// "hundreds of thousands", or a whole number such as "two hundred and fifty"). A count is
// [qualifier] number [of the] [modifiers] [noun], and is read three ways, a number being
// claimed by the first reading that accepts it:
//
//   - subject of a predicate, after optional auxiliaries ("have been", "were reportedly")
//     and an aside between commas: "At least 50 people have been killed", "56 dead",
//     "left 3 dead and 20 wounded", "two of the victims died", "a policeman was killed"
//     (value 1), "two policemen and a soldier were killed" (two records), "56 deaths";
//   - object of a verb: "killed 12 soldiers", "the attack killed at least 7", "killing
//     176 people on board", "killed 12 soldiers and 3 civilians" (two records), also
//     over a short phrase of place ("killed five children in a church bus and two truck
//     drivers");
//   - after a toll noun: "the death toll rose to 56" (not "from 40"), "the number of
//     injured stood at 412";
//   - one person without a number, for killed and injured: a name, a pronoun or "the"
//     and a noun for a person before a predicate ("Thompson was pronounced dead at the
//     scene", "He died today", "the driver died in hospital"), a pronoun or a name after
//     a verb ("police shot him dead"). Shot or stabbed with no word of death is injured
//     ("a boy shot in the head"); "was shot ... and died" is killed.
//   - more people after a count's predicate: "Jimenez was killed along with Adela Luna"
//     (one more), "died together with two friends" (two more);
//   - people listed after a verb of finding and then "dead": "found a 29-year-old man, a
//     27-year-old woman and two children ... dead" (three records, four people);
//   - the rest of a group: "All but one of the sixteen on-board died" (fifteen).
//
// A verb followed by an object ("three gunmen killed 12 soldiers") is active, so the
// count before it is not its victims. Base verb forms ("Troops kill 12") count only in
// the headline, where the present tense reports news.
//
// # Numbers and qualifiers
//
// Numbers are digits ("56", "1,200", "1.5 million"), words ("fifty", "twenty-three", "two
// hundred and fifty", "a dozen", "two dozen") and ranges ("between 30 and 40" reports 30,
// at_least). Vague quantities set Vague and report a lower bound, the least the phrase
// can honestly mean, with qualifier at_least unless the text gives one: a few 2, a couple
// 2, several 3, a handful 3, numerous 3, tens 20, dozens 24, scores 40, hundreds 200,
// thousands 2,000, tens of thousands 20,000, hundreds of thousands 200,000, millions
// 2,000,000; "several hundred" is 300. Qualifiers are exact, at_least ("at least", "no
// fewer than", "50 or more"), more_than ("more than", "over", "upwards of"), about
// ("about", "nearly", "some", "an estimated") and up_to ("up to", "as many as", "fewer
// than").
//
// # What is not a count
//
//   - hypothetical, future, threatened or hedged: "could kill thousands", "threatened to
//     kill", "may have died", "will evacuate", "are feared dead", "deaths could be
//     prevented" (cues in vocab/cues.vocab, [hypothetical]);
//   - negated: "no one was killed", "none of the 200 passengers was hurt";
//   - other quantities: "200 miles", "56 years old", "$5 million", "a man aged 56",
//     "Daniel Montalvo, 19, was arrested", "the 1989 funeral", "2,000 troops were
//     deployed" (no casualty word), counts of families, homes or animals ([unit]);
//   - crowds: "a crowd of hundreds of thousands";
//   - rates: "four deaths per 100,000", "100,000 deaths annually";
//   - mixed kinds: "killed or injured", "casualties" (no kind can be chosen);
//   - background history, skipped rather than marked (doc.Casualty has no field for it):
//     a cue such as "ago", "previous", "similar" or "an earlier toll" in the clause, or a
//     year naming an earlier event: "the 1988 attack, which killed 290 people", "in 2015,
//     when 130 people were killed", "In 1989, ...", or any earlier year in the clause when
//     the publication date is known ("Since 2011, 300,000 have been killed" is skipped
//     too: a cumulative toll, not the news of the day), or a count whose own date (from the
//     dates layer) lies more than a year before publication ("the 1989 funeral of
//     Khomeini, ..., where a crush also killed several people").
//
// # Victims, place, date
//
// Victims is the noun of the count as written, lower-cased ("mourners", "police
// officers"): a noun from vocab/victims.vocab, or an unlisted plural right before the
// predicate or after an object count ("miners", "Palestinians"). It is empty when the
// text names none ("more than 200 injured"); it is not copied from a neighbouring count.
//
// Place is taken from d.Places when that layer is filled: the place in the same sentence,
// the first after the count's start, else the last before it. Until then a heuristic
// stands in: the capitalised phrase after "in", "at", "near" or "outside" in the same
// sentence, within 24 items of the count, stepping over "the", modifiers, possessives
// and "city of" ("in the southeastern Iranian city of Kerman" gives Kerman); a capitalised
// phrase followed by another lower-case noun ("at Soleimani burial") is skipped.
//
// Date is the resolved value of dates.At for the count's span (empty when the date is
// unresolved or the sentence has none).
//
// # Headline and body
//
// The headline and standfirst state the same incident as the body, so their counts are
// merged into it. A headline count is the same figure as a body count of the same kind
// when their ranges overlap (exact: the value; at_least, more_than and vague: the value
// or more; about: within 20%; up_to: the value or less): "50 mourners dead" and "At least
// 50 people have been killed" are one count. The body's record is kept, since it carries
// the fuller evidence, unless the headline's is more precise (the body's is vague and the
// headline's is not), when the headline's replaces it and takes the body's victims and
// place if it has none. A headline count that matches no body count ("two dead" over a
// body that only says "one was pronounced dead") is kept. Counts in the body are never
// merged with each other: two body counts may be two reports or two incidents.
//
// # Article totals
//
// Stage.Totals reconciles an article's counts into its count of each kind for the
// incident: the lead's toll rather than the largest numeral, the same victim once, people
// counted one by one ("Thompson was pronounced dead at the scene"), others and attackers
// added, parts and restatements not (see Totals for the rules). `tocsin eval casualties`
// scores it on whole Wikinews articles labelled by testdata/wikinews/GUIDELINES.md.
//
// # Vocabulary
//
// Vocabulary files have phrases under [heading] lines. The headings are:
//
//	[KIND]               predicate after a count (KIND: killed, injured, missing,
//	                     arrested, kidnapped, displaced)
//	[KIND object]        verb before its count        [KIND toll]   toll noun
//	[KIND noun]          noun counted directly        [ambiguous]   mixed kinds
//	[at_least] [more_than] [about] [up_to] [exact]    qualifiers before a count
//	[at_least after] ...                              qualifiers after it ("or more")
//	[number N] [scale N] [vague N]                    number words and lower bounds
//	[victim]  [plural]  [unit]  [crowd]  [not count]  [rate]  [year cue]
//	[passive] [aux]  [hypothetical]  [negation]  [relative]  [background]
//	[object start]  [partitive]  [headline verb]
//	[place prep]  [place noun]  [place follow]  [not place]
//	[with]                                            "along with": more people of a count
//
// Users extend the vocabulary at run time with New(extra...): each extra file is read
// after the embedded ones, and its phrases join the classes of their headings (a new
// casualty verb, noun for people, unit or hypothetical cue). An unknown heading is an
// error naming the file and line.
package casualty
