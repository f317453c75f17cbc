// Package event is the events stage: it codes who did what to whom — CAMEO actor codes,
// a CAMEO event code, the PLOVER type and mode, Goldstein score and quad class, place,
// date, modality — from the sentences of an English document, and writes them to
// Document.Events with the byte spans of the source, trigger and target and the rule that
// produced each one. It does the job of PETRARCH 2 with the dependency parse of the
// syntax stage in place of CoreNLP's constituency trees.
//
// # Building and wiring
//
//	kb := actorStage.KB()                       // *actor.KB: codes noun phrases
//	st, err := event.New(kb, userDicts...)      // embedded dictionaries, then the user's
//	st, err := event.NewOnly(kb, userDicts...)  // --dict-only: the user's alone
//
// userDicts come from cameo.LoadFile("verbs:my.txt") or cameo.LoadFile("my.txt") (the kind
// is recognised from the content); `--dict FILE` may be repeated. Verb dictionaries add
// verbs, patterns, synonym sets and transformations (later files win ties); discard lists
// add discards; actor and agent dictionaries code noun phrases before the knowledge base
// (the lead may also give them to the actors stage, actor.KB.LoadActors / LoadAgents, so
// that entities carry them too). The stage reads the layers of segment, syntax, dates,
// entities, resolve, places and actors, so it runs after them (and after casualties,
// which it does not read). Name is "events"; it is bound to English.
//
// Evaluate scores a pipeline on a JSON Lines file of sentences with the events they
// state; testdata/dev.jsonl is the development set (204 sentences written for it, every
// CAMEO root) and testdata/heldout.jsonl a smaller set written afterwards and not tuned
// on. `go test -run DevelopmentSet -v ./event/` prints both reports.
//
// # How a sentence is coded
//
// Verbs. For each verb, the entries of its lemma (or, when the lemmatiser failed, its
// form) in the verb dictionaries give the blocks whose patterns apply. The source is the
// subject's noun phrase, or the by-agent of a passive ("was assassinated in a drone
// strike by the United States"); a verb without a subject takes its controller's
// ("threatened to attack": Iran; "urged Iran to release": Iran) or, for a relative clause,
// the noun it modifies ("Soleimani, who was killed"). The target is the object, else a
// prepositional object after on, against, at, with, to, into, upon, toward ("fired
// missiles at US bases"), else the complement of an object that is no actor ("an attack
// on the US military", "anti-American slogans"); requests, demands and threats without
// an object take the subject of what they ask ("demanded that Turkey withdraw"); shows
// of force take the place they face ("massed troops near the Ukrainian border"). These
// are the target rules of target.go, tried in order, each named in the event's rule
// ("target IRN (object: entity Iran)"); which of them a CAMEO class uses is said in
// classes.txt. The tree read is the syntax stage's, with its repairs.
//
// Patterns. The words after the verb in its clause (objects, particles, prepositional
// phrases and gerunds without a subject, at most 16) and the words before it are matched
// against every pattern of the verb's blocks as TABARI and PETRARCH do: in order, gaps
// allowed, stems matching the words they begin, synonym sets, (PREP ...) words inside
// that prepositional phrase, {...} words inside one noun phrase, $ and + binding the
// source and target to the noun phrase where they stand. The most specific match wins
// (most words, then the earliest, then the dictionary given last, then file order); with
// none, the verb's code, else its block's. [---] means no event; [a:b] codes a from
// source to target and b back ("VISIT [042:043]").
//
// Nested events. A verb's complement clause is coded first. Transformations ("~" lines)
// recode the pair: "threatened to attack" is a threat of force (138), not an attack;
// "demanded that Belarus release" a demand for release (1053). The complement of a verb
// of intention or request (cues.txt) is not coded as a second event when the verb is; of
// a verb of denial or refusal, it is coded as negated.
//
// Nominal events. Event nouns (nouns.txt) code events stated by a noun: "Iran's attacks
// on US bases", "the US drone strike", "threats of revenge" (through THREATEN's patterns),
// with the possessor, a by-phrase or an actor modifier as source. A noun is not coded when
// a word above it has been ("condemned the attack", "threatened an attack") or is an
// absorbing noun or verb of intention ("fears of a war"); but a noun of words that names
// its own source stands under a verb that codes, denies or refuses it, aimed at that
// verb's subject ("Turkey rejected Greece's demands": GRC → TUR 100; nouns.txt standing).
//
// Actors are coded from entity actor codes, else the user's actor and agent
// dictionaries, else the knowledge base over the phrase's core words (see codeNP). An
// agent with no country ("mourners", CVL) takes the country of the event's place, else of
// the latest place named in the three sentences before ("country IRN from the place
// Tehran" in the rule); a target that is only such an agent is taken only when nothing
// better is found. A threat or attack that speaks of retaliation and has no target is
// aimed at the source of the latest earlier attack on the actor's country ("Iran
// threatened retaliation" after the US strike on an Iranian commander: IRN → USA; noted
// in the rule). Events whose source and target are the same actor are dropped.
//
// # Modality
//
// Events are coded with Modality asserted, negated ("did not attack", "never", "denied
// attacking", "refused to release", "nobody was arrested", "neither Cruz nor Christie
// acknowledged", "without mentioning"), future ("will attack", "is going to attack") or
// hypothetical ("could attack", "if Iran attacks", "whether Russian jets bombed", the
// consequence of a conditional, the complement of a verb of intention when the verb
// itself is not coded, a question, also one quoted in a longer sentence). A verb takes
// the modality of the one that governs it when its own words leave it asserted: the
// complement, subjectless participle or shared conjunct of a verb that did not or may only
// happen ("no one is eager to attack him", "would create a summer of agony, forcing her",
// "did not touch or harm"), and, as hypothetical, a clause of what is not said or known;
// never across a quotation's edge, nor from a future told by a verb of saying, which is
// coded as the event it tells. What a speaker says should happen ("says we should round
// up") is no such event. A non-asserted event's PLOVER mode
// carries the modality after the type's own mode ("violence; hypothetical"), so that
// nothing negated, threatened or hypothetical reads as a plain fact. Aid told in the
// future ("Japan will provide aid", "Russia announced it would infuse its markets with
// $19.7 billion") is the intent to give it (033), asserted, when a pattern or an event
// noun names the aid (classes.txt pledge=).
//
// # Place and date
//
// Place is a place of the places layer in a locative phrase of the trigger's clause
// ("in Iraq", "near Hebron") or inside its target ("US bases in Iraq"), written
// "Name, CCC"; places in other clauses, where a statement was made, are not taken. Date is
// the resolved date of the trigger's clause or sentence (dates.At), else the publication
// date, which the rule then notes ("date: publication date").
//
// # Rule
//
// Rule says what coded the event: the dictionary, block and pattern ("CAMEO.2.0.txt:
// BLAME — * ( OF TERRORISM ) [1124]"), the verb's default ("CAMEO.2.0.txt: KILL [190]
// (verb kill)"), the transformation with the nested event, or the event noun; then how
// each actor was coded, and any inference (passive, country, retaliation, publication
// date).
//
// # Discards
//
// A sentence holding a sentence-level discard phrase of the Phoenix list (sports,
// entertainment, history: "football", "years ago", years 1914–2013) is not coded, but
// for the arrest, charge or sentence (CAMEO 17) of a person it names ("Basilashvili, a
// Georgian tennis player, was arrested"); a story-level one ("+") stops the whole
// document, as in PETRARCH.
package event
