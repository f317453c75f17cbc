package segment

import "strings"

// Abbreviations that take a full stop in news text, written as they appear (case matters:
// "Miss." is a title, "miss." ends a sentence). Titles precede a name, so a full stop after
// them never ends a sentence; other abbreviations end one only when the next word is a
// typical sentence opener (see sentenceOpeners).
var (
	titleAbbrevs = set("Mr Mrs Ms Messrs Dr Prof Gen Lt Col Maj Capt Cmdr Cdr Sgt Cpl Pvt Adm Brig Gov Sen Sens Rep Reps Rev Pres Supt Insp Hon Fr Amb Atty Gens Lieut Sec St Ste Mt Ft")
	otherAbbrevs = set("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec " +
		"Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun " +
		"Inc Ltd Corp Co Bros Assn Dept Univ Ave Blvd Rd No Nos Vol Vols Jr Sr " +
		"Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo " +
		"vs etc approx est cf al ca fig figs govt dept pp")
	// sentenceOpeners are capitalised words that usually start a sentence rather than
	// continue a name, so "the U.S. The" splits and "the U.S. President" does not.
	sentenceOpeners = set("The A An He She It They We I You This That These Those There Here " +
		"But And Or So Yet Nor In On At For From To By With Without As After Before When While " +
		"If Although Though Because Since Until Unless During Despite However Meanwhile Still " +
		"His Her Their Its Our My Your Some Many Most Several Few All Both Each Every No Not " +
		"What Who Why How Where Which Whether Then Now Later Earlier Also Instead Yesterday Today " +
		"Tomorrow One Two Three Four Five Six Seven Eight Nine Ten Officials Police Authorities " +
		"According Asked Speaking Last Next Such Other Another Only Even Just More Less")
)

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// isAbbrev reports whether word (without its final dot) is an abbreviation that keeps the
// dot: a known abbreviation, a single capital initial ("J"), or a dotted form ("U.S", "e.g").
func isAbbrev(word string) bool {
	if titleAbbrevs[word] || otherAbbrevs[word] {
		return true
	}
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return true
	}
	return strings.Contains(word, ".") && !strings.Contains(word, "..")
}

// isTitleAbbrev reports whether tok ("Gen.") is a title that always precedes a name.
func isTitleAbbrev(tok string) bool {
	return strings.HasSuffix(tok, ".") && titleAbbrevs[tok[:len(tok)-1]]
}
