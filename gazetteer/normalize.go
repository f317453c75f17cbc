package gazetteer

import "github.com/tocsin-project/tocsin/gazetteer/internal/fold"

// Normalize returns the key under which a name is looked up: diacritics dropped
// ("Córdoba" → "cordoba"), lower case, apostrophes, ayin and hamza signs and full stops
// deleted ("Ta'izz" → "taizz", "U.S." → "us"), a final possessive "'s" dropped ("Iran's" →
// "iran"), other punctuation and spaces made single spaces ("al-Asad" → "al asad"), and
// the abbreviations St, Ste, Mt, Ft and Pt written out ("St. Louis" → "saint louis").
func Normalize(name string) string { return fold.Key(name) }

// StripArticle drops a leading transliterated Arabic article from a key made by
// Normalize: "al mawsil" → "mawsil", "as sulaymaniyah" → "sulaymaniyah".
func StripArticle(key string) string { return fold.StripArticle(key) }

// Skeleton reduces a key made by Normalize to a rough transliteration frame shared by
// common spellings of the same name ("sulaymaniyah" and "sulaimaniya" → "sulaimania").
func Skeleton(key string) string { return fold.Skeleton(key) }
