// Package quote finds who said what: direct quotes, partial quotes and reported speech, each
// with its speaker, speech cue and date. It is the "quotes" stage of the pipeline (English
// only) and writes Document.Quotes; Extract gives the same findings grouped by cue, as
// attribution corpora annotate them, and EvaluatePolNeAR scores them against PolNeAR.
//
// The stage reads the token, sentence and paragraph layers, and the entity and date layers
// when earlier stages filled them. Its knowledge is vocabulary, not code: the files under
// vocab/ (lexicon format, matched with package lexicon) list speech cues, titles, nouns for
// people, gender cues, common first names and the function words that delimit speakers and
// clauses. New(extra...) adds a user's own files, with the same [label] headings (see the
// comments in each file); an unknown heading is an error.
//
// # Quote marks
//
// A quote mark's direction comes from where it stands, not from its glyph: after space, a
// bracket, dash or colon and before a word it opens; against the word before it and
// followed by space, punctuation or the end it closes; only when the position does not
// decide does a curly glyph (or, for straight marks, whether a quote is open). So `"…”` and
// `“…"` pair as written, and so do two apostrophes used as a double mark, as some papers
// write them. A paragraph that ends inside a quote
// continues it when the next paragraph opens with a quote mark (news convention); otherwise
// the quote ends with its paragraph. Single quotes pair within a sentence, outside double
// quotes; a lone closing apostrophe is a plural possessive.
//
// # Cues, speakers and content
//
// A cue is a [speech] phrase outside quotes, in lower case unless it opens the sentence or
// the sentence is a title-case headline. It is not a cue after "to" ("declined to say") or
// before "by" ("accused by"). Per sentence, a cue that ends it ("…, sources said.") is read
// first and owns everything before it; the other cues are read left to right, and a cue
// inside the content of an earlier one is part of that content, not a quote of its own.
// For each cue, in this order:
//
//   - ", adding that …" (a cue in -ing after a comma) and "… and said …": the speaker of
//     the sentence's previous cue, else the subject of the clause;
//   - `“…,” said Mr Trump` ([invert] cues): the speaker follows the cue, the quote or
//     clause before it is the content; "Said Ellis: “…”" takes the content after the colon;
//   - otherwise the speaker is the noun phrase before the cue (skipping auxiliaries,
//     adverbs and time words: "has also said", "on Tuesday said"), and the content is the
//     quote that closes just before the speaker (`“…,” she said`), or, when the cue ends its
//     clause, the clause before the speaker ("…, officials said on Monday."; with ", he
//     said, …" in mid-sentence both halves), or else what follows the cue: a quote
//     (`said: “…”`, also one opening the next paragraph), or the reported clause up to the
//     sentence end, ", adding …", ", according to …" or "and said …". After [tell] cues the
//     hearer is skipped when a clause follows ("told reporters that …", but "urged Congress
//     to act" keeps it); after [accuse] cues the content is what follows "of"; adjuncts
//     ("on Tuesday", "in a statement") are skipped when "that", a quote or a colon follows
//     them; a leading "that" is kept in Attribution.Content and dropped from Quote.Text.
//   - "according to X" takes the clause after "X," when it opens the clause, else the
//     clause before it.
//   - A passive cue ("it is said that …") gives a quote without a speaker when "that" or a
//     quote follows; otherwise a cue with no speaker is ignored.
//
// Two typographic conventions need no verb: a paragraph that opens with a short
// capitalised name and a colon ("Pat Caddell: Voters Worried …", "WALLACE: Let's start …")
// attributes the rest of the paragraph to the name (cue ":"), except [notspeaker] labels
// such as "Correction:"; and a quote followed by a dash and a name (`“…” ― Jane Doe`) is
// that person's (cue "―").
//
// # Direct, partial and loose quotes
//
// A quote is direct when its content is exactly one quoted passage; Quote.Text is then the
// words inside the marks (a comma before the closing mark dropped), else the reported
// clause as written. A partial quote governed by a cue ("vowed to take “severe revenge”",
// "said he was “confident” that …") is not a quote of its own: it stays inside the cue's
// reported clause, an indirect quote whose text keeps the marks and whose speaker is the
// cue's subject. A passage no cue claimed is speech when it opens a clause (sentence start,
// after punctuation or a line break) and ends its sentence or holds a sentence end, and is
// not a title-case title; then it joins the direct quote attributed in its paragraph
// (`“…,” she said. “…”`: one attribution, two quotes), or, opening a paragraph right after a
// paragraph that ends with a direct quote, keeps that quote's speaker with no cue of its
// own; otherwise it is a quote without speaker or cue. The stage does not guess a speaker
// from loose context ("strong signals from Tehran … - “If you attack us again …”"). Other
// passages (scare quotes, titles, one or two words with no cue) are not quotes.
//
// # Speakers
//
// Quote.Speaker is the speaker noun phrase reduced to its name when it ends in one after a
// description ("Clinton's campaign manager Robby Mook" gives "Robby Mook"; "Their
// spokeswoman, Ines Costa," gives "Ines Costa"), titles kept ("Maj Gen Hossein Salami"); a
// description with no name is the speaker as it stands ("the ministry", "officials", "a
// spokesman for the ministry"). Attribution.Source keeps the phrase as written, appositive
// and pronoun included. "he"/"him" and "she"/"her" are resolved, never to a person of the
// other gender: first to the latest speaker of this or the two previous paragraphs when it
// is a person of the same or unknown gender (news quotes one speaker after another), else
// to the nearest earlier person mention of the same gender in this or the previous
// paragraph, else to the nearest of the same or unknown gender within three paragraphs.
// A resolved pronoun teaches its gender to the person's surname for the rest of the
// article. Other pronouns ("they", "it", "I") stay as written.
//
// Without an entity layer, a person mention is a run of capitalised words (name particles
// such as "bin" allowed) outside quotes that starts with a [title] ("Maj Gen", "Secretary
// of State", "Mr"), starts with a known first name and has a surname, follows a noun for a
// person ("daughter Zeinab", "commander Qassem Soleimani", "secretary of state, Mike
// Pompeo"), is a capitalised person noun opening the sentence ("Farmer Ilse Mertens"), or
// repeats the surname of an earlier person. Its gender comes from the title, the first
// name, the person noun ([female], [male]) or an earlier mention of the same surname.
// Descriptions ("the fallen leader") are not antecedents.
//
// When Document.Entities is set, an entity covering the speaker replaces it (text, span,
// canonical name, actor); an entity inside it gives the speaker its canonical name and
// actor; and a pronoun the entity layer resolved takes the nearest earlier named mention of
// the same entity.
//
// # Cue and date
//
// Quote.Cue is the cue as written ("said", "told", "According to", ":"), empty for a quote
// with no cue of its own. Quote.Date is the value of the date the dates stage found nearest
// the cue in its sentence (dates.At), so "said on Tuesday" dates the quote to that Tuesday;
// it is empty when the sentence has no date, the date has no value, or the dates stage did
// not run before this one.
package quote
