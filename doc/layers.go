package doc

// Layer names: what a pipeline stage declares it reads and writes (pipeline.Declarer).
// Each names a part of Document that one stage fills; the stage that writes a layer has
// the layer's name as its own.
const (
	// LayerLanguage is Document.Language, as declared by the input or detected.
	LayerLanguage = "language"
	// LayerText is Tokens, Paragraphs and Sentences (and hashtags written in the text).
	LayerText = "text"
	// LayerTruecase is the Truecased form of the tokens of sentences written in title case
	// or in capitals.
	LayerTruecase = "truecase"
	// LayerSyntax is the syntax fields of every token: POS, Tag, Lemma, Head and Dep.
	LayerSyntax = "syntax"
	// LayerDates is Dates.
	LayerDates = "dates"
	// LayerEntities is Entities: their spans and types.
	LayerEntities = "entities"
	// LayerResolve is what resolution adds to Entities: Canonical, Role, Mention and the
	// nominal mentions.
	LayerResolve = "resolve"
	// LayerPlaces is Places.
	LayerPlaces = "places"
	// LayerActors is the actor codes of Entities: Actor and ActorRule.
	LayerActors = "actors"
	// LayerQuotes is Quotes.
	LayerQuotes = "quotes"
	// LayerCasualties is Casualties.
	LayerCasualties = "casualties"
	// LayerEvents is Events.
	LayerEvents = "events"
	// LayerIncidents is Incidents.
	LayerIncidents = "incidents"
)

// Layers lists every layer name, in the order the standard pipeline writes them.
var Layers = []string{
	LayerLanguage, LayerText, LayerTruecase, LayerSyntax, LayerDates, LayerEntities, LayerResolve,
	LayerPlaces, LayerActors, LayerQuotes, LayerCasualties, LayerEvents, LayerIncidents,
}
