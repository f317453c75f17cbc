// Package dates is the dates annotator: it finds temporal expressions in an English
// document's tokens and writes them to Document.Dates, resolved against the publication date
// when one is known.
//
// The knowledge is data: month and weekday names, relative-day words, units, number words,
// parts of the day, year contexts and tense cues are vocabulary files in the lexicon format,
// embedded in the binary (see vocab/) and extendable at run time with Stage.Load. The code
// holds only the grammar that combines them.
//
// # Values
//
// Values are ISO-8601, at the precision the text gives:
//
//   - a day: "2020-01-03" ("January 3, 2020", "3 Jan", "Jan. 3", "2020-01-03", "yesterday",
//     "Tuesday night", "the day before", "two days ago");
//   - a month: "2020-01" ("January 2020", "in January", "last month", "earlier this month");
//   - a year: "1989" ("in 1989", "last year"); a decade: "199" ("the 1990s");
//   - a week: the ISO week, "2020-W01" ("last week", "this week", "three weeks ago").
//     The week containing the publication date minus seven days, so "last week" is the
//     previous calendar week (Monday to Sunday), not the seven days before publication.
//
// Parts of the day and times ("Tuesday night", "at 2 a.m.") join no value: the value is the
// date. "tonight" and "this morning" are the publication date; "last night" is the day
// before it; "overnight" is the publication date (the night that ends on the morning the
// article reports).
//
// # Resolution
//
// Relative expressions are resolved against Document.Published, of which only the date part
// (the first ten characters, YYYY-MM-DD) is read. Without it they are kept with Resolved
// false, Value "" and Reason "no publication date"; a date without a year keeps its partial
// value ("--01-03", or "--01" for a month) with the same reason.
//
//   - A day and month without a year ("Jan. 3") take the year that puts the date nearest to
//     publication and not more than six months after it: published 2020-01-08, "Dec. 28" is
//     2019-12-28 and "June 1" is 2020-06-01. A month alone works the same way in months.
//   - A bare weekday ("on Tuesday", "Tuesday night") is, by news convention, the most recent
//     such day on or before publication; when the nearest tense cue before it in its
//     sentence (else the nearest after it) is future ("will meet on Tuesday", "On Friday,
//     the council will vote") it is the next such day strictly after publication. Cues are
//     the [past] and [future] phrases of vocab/tense.txt and any word ending in "-ed". "last Tuesday" is the most recent strictly before
//     publication, "next Tuesday" the first strictly after, "this Tuesday" the one in the
//     publication date's ISO week.
//   - "last/this/next week|month|year" shift the publication date's week, month or year.
//     Preceded by "the" ("in the last week") they are durations and are not dates.
//   - "the day before", "the previous day", "the next day", "two days later" count from the
//     last day-precise resolved date mentioned earlier in the article, else from the
//     publication date; "two days ago" counts from the publication date.
//
// # Absolute dates
//
// Numeric dates are ISO ("2020-01-03") or slashed in US order, month first ("01/03/2020" is
// 3 January 2020); a slashed date whose first part is over 12 is read day first. A bare
// four-digit number is a year only between 1800 and 2100 and only after a date context ("in",
// "since", "by", "the", a possessive, or a preceding year and "to"/"and"), and never before
// a counted noun or unit ("2000 troops", "1900 people", "2000 metres"): news style writes
// counts of a thousand or more with a comma ("1,200"), so a bare four-digit number in that
// range after such a word is almost always a year, while elsewhere it is as often a count,
// a model or a route number.
//
// # API
//
// New builds the stage from the embedded vocabularies and Stage.Load adds a user's own file;
// At gives other annotators the date a span refers to; Evaluate scores the stage on a
// development file (testdata/dev.tsv, testdata/heldout.tsv).
package dates
