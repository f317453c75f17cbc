// Package syntax is tocsin's part-of-speech tagger, lemmatiser and dependency parser: the
// "syntax" stage, which fills each token's POS (Universal POS), Tag (Penn Treebank),
// Lemma, Head and Dep (Universal Dependencies relation). The event coder reads verbs'
// subjects and objects, and their lemmas ("killed", "kills" → "kill"), from it.
//
// Everything is trained by this package's own code (cmd/train-syntax) on Universal
// Dependencies English EWT, and greedy: one left-to-right pass per tagger, one linear-time
// pass of the parser, no beam. PETRARCH needs a Stanford CoreNLP constituency parse at a
// few sentences a second; this stage runs at some 300,000 words a second on one core.
//
// # Tagger
//
// An averaged perceptron (Collins 2002) predicts joint labels "XPOS UPOS" (93 classes: NN
// NOUN, DT PRON, VBZ AUX ...), so that context, not a table, chooses between DT DET and
// DT PRON ("that") or VBP AUX and VBP VERB ("have"); a pair seen once in training becomes
// its XPOS's commonest pair. Tagging is two greedy passes. The first, light pass (nine
// features: word, two suffixes, shape, cluster, next word, previous tag) exists to give
// the second pass the tags of the next two words, which a left-to-right tagger otherwise
// lacks: it is what tells "Police arrested/VBD 12 protesters" from "the men arrested/VBN
// yesterday". The second pass's features: the word and its lower-case form; suffixes of
// one to four letters and prefixes of one and three; shape ("Xxx", "d,dd", "X.X."); the
// words two either side, the suffixes and shapes of the neighbours, the bigram with the
// next word; word clusters of the word and its neighbours and the word's capitalisation
// class (see below); the first pass's next two tags, alone, together and with the word;
// the previous one and two tags, the previous tag with the word, with the next first-pass
// tag and with the next tag and the word's last two letters; and the tag of the nearest
// verb to the left, which coordinated verbs share ("went to Baghdad and met leaders").
// Frequent words that have one tag 99.5% of the time in training (487 words: "the",
// "of", ",") take it without scoring. On a sentence without a finite verb, the first past
// participle between a noun and the start of a noun phrase becomes a past tense verb
// ("Unidentified gunmen kidnapped/VBN four aid workers"): the treebank's web text, rich
// in participles, teaches the tagger that mistake on news; headlines such as "Man
// arrested in Paris" keep their participle. In a sentence with a finite verb elsewhere,
// only a participle between a noun and a determiner, possessive or number becomes a past
// tense ("suggests Aleppo contained/VBN 35,000 structures"), not one of the naming
// participles of participles.txt ("a group called the Islamic State"), one before a time
// phrase ("a report issued this month") or one after an inverted auxiliary
// (finiteBeforeObject). A sentence still without a finite verb gets
// the one the tagger most nearly read: the noun or adjective right after a noun whose
// best finite verb tag scored within 10,000 of its own ("Judge blocks/NNS Mississippi's
// law" → VBZ), the sentence then tagged again around it (finiteByMargin).
//
// Word clusters come from unlabelled text: PPMI context vectors, a randomised SVD and
// spherical k-means (the ner package's method, in clusters.go) over the lower-cased words
// of the shared Wikinews text and the training sentences, 800 fine and 100 coarse
// clusters for 23,500 words; with them comes each word's capitalisation class (how often
// it is capitalised away from a sentence start), which tells a name from a common noun
// at the start of a sentence.
//
// # Lemmatiser
//
// Suffix rules learnt from the treebank's word types per Penn tag ("ied" VBD → strip 3,
// add "y"; the longest known suffix wins; kept when seen on two types and not implied by
// a shorter suffix), and a table of the training words whose lemma the rules miss ("went"
// → "go", "us" → "we", "mice" → "mouse"). Proper nouns keep their capitals. A regular
// past or -ing form is then respelt where English spelling decides and the rules, learnt
// from few words per ending, miss: a one-syllable stem of one vowel and one consonant
// takes a silent e ("ruled" → "rule", not "rul"), a short word's own ll, ss or ff stays
// ("shelled" → "shell"), and a lemma the model's lexicon does not know takes the
// spelling with or without e, or with one consonant less, that it knows ("declined" →
// "decline", "controlled" → "control"). 96.9% of the test set's lemmas are the
// treebank's.
//
// # Parser
//
// A greedy arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) with
// the root at the end of the buffer (Ballesteros and Nivre 2013); see parser.go. Words
// are attached bottom-up, only when complete, and only the last word on the stack may
// attach to the root, so every sentence gets one tree with one root. The transition
// classifier is an averaged perceptron over 72 features in the style of Zhang and Nivre
// (2011): words, tags and clusters of the top three stack words and the first three
// buffer words, of the stack top's and the first buffer word's leftmost and rightmost
// dependents (two deep) and of the second stack word's rightmost; their relations;
// distances; valencies; the sets of relations already attached; and pairs and triples
// of these. It is trained with the dynamic oracle of Goldberg and Nivre (2013), following
// its own mistakes nine times in ten after the first epoch, on training sentences made
// projective by lifting (288 of EWT's 12,544 training sentences are not projective; 357
// of 204,577 arcs are lifted).
//
// Relations are chosen by a separate averaged perceptron, the labeller, at each
// attachment, from 24 features of the dependent (whose subtree is complete), the head,
// the direction and distance, the dependent's leftmost dependent (its preposition: "by"
// → obl:agent), and the relations the head already has (a second nominal after an nsubj
// is an obj). Keeping labels out of the transition classifier keeps it at three classes,
// so its weight rows are one word. Relations are EWT's basic ones with their subtypes
// (nsubj:pass, obl:agent, nmod:poss, acl:relcl, compound:prt, obl:unmarked ...): 51 in
// all; the universal part is what precedes the colon.
//
// The parser reads predicted tags. It is trained on the tags of five-fold jackknifed
// taggers, so that it meets in training the tagging mistakes it will meet at run time.
//
// # The stage
//
// Each sentence of Document.Sentences is analysed on its own (a document without
// sentences is one sentence). The tokenizer keeps hyphenated words whole ("anti-American",
// "Saudi-led"); EWT splits them, so the stage splits them too, parses the parts, and gives
// the word the analysis of its part nearest the root ("Saudi-led" is VBN, amod of its
// noun, lemma "Saudi-lead"). A hashtag reads as its word ("#Iran" as "Iran") and keeps
// itself as lemma, as does a web address. A sentence longer than 200 words is parsed in
// pieces cut after punctuation, each with its own root. Analysing a sentence allocates
// nothing but lemmas that differ from their word.
//
// # Tree repairs
//
// After parsing, the stage mends the trees of misparses common in news, which EWT's web
// text rarely teaches (repair.go): a table of nine named repairs, run in order on every
// sentence, each narrow and documented with its example. "verbless" gives a sentence
// parsed as a noun phrase its verb ("Three soldiers killed in attack", "A gunman shot/NN
// three people"; a word it makes a verb is retagged VERB, with a lemma, and the verb forms
// it may take from a noun or adjective are verbs.txt, the CAMEO 2.0 dictionary's);
// "loose-subject", "relative-verb", "two-subjects" and "name-subject" mend subjects;
// "report-before-verb" the report placed before its verb ("Russia never invaded Georgia,
// the Kremlin said"); "count-object" and "gerund-complement" the objects of headlines
// ("Bombs kill at least 20", "Iran admits downing Ukrainian jet"); "oblique-root" a
// sentence rooted in its opening phrase ("According to al-Eryani, the rebels are backed
// by Iran": al-Eryani, not backed, was the root). The first eight ran inside the
// event coder until issue 9; now every stage reads the same repaired tree, and each
// sentence records the repairs that changed it (doc.Sentence.Repairs). On EWT they change
// 15 of 2,077 test sentences, and LAS is the parser's own to two decimals (Evaluate
// reports both); on news they change about one sentence in 45 (693 of the 29,974 of
// news-bench before verbless was narrowed to past participles: loose-subject 297,
// verbless 156, name-subject 75, relative-verb 74, gerund-complement 48, count-object 26,
// two-subjects 19, report-before-verb 5; oblique-root, added since, changes 16, none on
// EWT).
//
// # Model file
//
// model.bin (rebuilt by `go run ./syntax/cmd/train-syntax -ud
// ../shared/data/ud-ewt -out syntax/model.bin`, about a minute on one core, identical on
// every run) starts with the text lines "tocsin syntax model" and "version 1", then a
// gzip stream: notes on the training, tag classes, relations, vocabulary, clusters, tag
// dictionary, lemma rules and exceptions, and the weights. Averaged weights below half an
// update (one for the labeller) are dropped and the rest quantised to int16. The tagger's
// and the labeller's features are keyed (64-bit hashes) in open-addressing tables whose
// slots name runs of packed (class, weight) pairs; the transition classifier's features
// are hashed without keys into 2^20 rows of three weights, stored as one-byte μ-law codes
// at run time (4 MB, and dev LAS within 0.1 of int16). The file is 7 MB.
//
// What is embedded is model.tables, generated from model.bin by `go generate ./syntax/`
// (`go test ./syntax -run TestTablesFresh -update`): the same model with its tables
// already built and stored fixed-width, so that a process copies them instead of
// decompressing, decoding and building them (Default: about 35 ms instead of 0.3–1 s of
// CPU). TestTablesFresh fails while model.tables is stale.
//
// # Accuracy (UD English EWT test; gold tokenisation, predicted tags)
//
//	UPOS 95.54%  XPOS 94.99%  lemma 96.91%
//	with punctuation     UAS 84.63%  LAS 80.70%  (universal part of the relation: LAS 80.89%)
//	without punctuation  UAS 85.24%  LAS 80.80%
//
// On dev: UPOS 95.36%, XPOS 94.72%, UAS 84.29%, LAS 80.24% (with punctuation); with gold
// tags the parser reaches LAS 83.7% on dev, so tagging costs it three and a half points.
// Evaluate computes these; `tocsin eval syntax` reports them.
//
// # Weak points
//
// EWT is 250,000 words of web text (reviews, e-mail, forums, blogs), not news: past
// participles and lower-case names abound, and news constructions are rarer than in the
// text tocsin reads. A greedy parser without embeddings is some eight LAS points behind
// neural parsers on this treebank (UDPipe 2, Stanza: about 88–90 LAS with gold
// tokenisation). On dev, 15% of its wrong heads are punctuation's, then conjuncts (8%),
// obliques and nominal modifiers (prepositional attachment, 8% and 7%) and roots (6%);
// its commonest wrong relations with the right head are amod for compound and back, obl
// for nmod, obj for iobj, conj for parataxis and nsubj for nsubj:pass and back. Short news
// sentences fare well: 30 of the 30 subject-verb-object sentences of
// testdata/news-svo.txt.
package syntax
