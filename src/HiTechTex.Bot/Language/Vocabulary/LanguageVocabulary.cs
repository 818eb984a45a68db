namespace HiTechTex.Bot.Language.Vocabulary;

/// <summary>
/// The words of one language the local recognizer knows. Phrases use the <see cref="Phrase"/> syntax
/// (<c>partner*</c> is a stem, <c>=2</c> a weight); case and accents do not matter.
/// </summary>
/// <param name="Code">ISO 639-1 code.</param>
/// <param name="Intents">Phrases that signal each intent.</param>
/// <param name="StopWords">Words that carry no search meaning (also the language-detection votes).</param>
/// <param name="Months">Twelve entries, January first; forms separated by <c>|</c>.</param>
/// <param name="Today">Words for today.</param>
/// <param name="Tomorrow">Words for tomorrow.</param>
/// <param name="DayAfterTomorrow">Phrases for the day after tomorrow.</param>
/// <param name="TopicMarkers">Words that introduce a session topic ("about …").</param>
/// <param name="TopicMarkerFollowsTopic">True where the marker is a postposition (Turkish "… hakkında").</param>
/// <param name="Declines">
/// Phrases that say the user does not want what the sentence names ("I don't want to apply"): matched exactly (no
/// typos), they turn a journey intent into none, with <see cref="RecognizedIntent.Declined"/>.
/// </param>
/// <param name="MonthPrepositions">
/// Words that make a following short month name of this language a month ("in may", "em mai", "v pro"), where alone it
/// may be another word ("may", "mar", "set").
/// </param>
/// <param name="PlacePrepositions">
/// Words that put a following country, region or city in place ("in", "em", "en", "nel", "ve"): before a place named,
/// the local recognizer keeps them out of a search's keywords whatever language the message reads as (see
/// <see cref="LocalIntentRecognizer"/>). Turkish has none: it marks the place with an ending.
/// </param>
/// <param name="Travel">
/// Going somewhere ("go to", "ir a", "andare", "jet do"): with a country or region and no other intent, the sentence
/// asks for an exchange there ("I want to go to Italy in March for a week"); alone, or next to a partner search, nothing.
/// </param>
/// <param name="Hosting">
/// Offering to host a visitor ("host a visitor", "acolher", "ospitare", "ağırlamak", "hostit"): a host does not apply, so
/// instead of an application the sentence gets that explained and a partner search (in the country named).
/// </param>
/// <param name="CancelAlone">
/// Cancel words that are also another word ("stop" a stop, "sair"/"salir" to leave for, "konec" the end of, "çıkış" a
/// departure, "dur"): they cancel only with nothing else than fillers around them ("stop", "stop it now"), never in a
/// sentence about something ("sair para Itália em março", "konec března").
/// </param>
/// <param name="Bookings">
/// What a cancel word may have as its object that is a session booking or registration ("booking", "reserva",
/// "prenotazione", "rezervasyon", "rezervaci"): "zruš mou rezervaci na čtvrtek", "cancel the booking on Thursday" ask
/// for the list of one's sessions (each with its Cancel button), not the bare "cancel" of what is running.
/// </param>
/// <param name="Applications">
/// The same for an exchange application ("application", "candidatura", "solicitud", "başvuru", "žádost"): with a cancel
/// word, the list of one's applications (each with its Withdraw button).
/// </param>
/// <param name="Weekdays">
/// The days of the week, as written after accents are removed ("pazartesi", "sexta feira"): never a session topic
/// ("coaching on Friday" is no sessions about Friday). A name that is another word too — the Portuguese "quinta" (a farm),
/// "segunda" (second), the Turkish "pazar" (a market), "salı" (the Italian "sali", salts) — is a day only with the word
/// that makes it one ("quinta feira", "pazar günü").
/// </param>
/// <param name="Detection">
/// Language detection only: words of this language with how much they say it is this one (<c>quiero=2</c>), beyond
/// the stop words (each worth 1, split between the languages sharing it). A word of two languages listed in both
/// ("queria" in PT and ES, "dos" in PT and ES) is split the same way: a low weight says "shared".
/// </param>
/// <param name="DetectionEndings">Language detection only: word endings (no accents) and their weight: "cion=1.5".</param>
/// <param name="DetectionLetters">Language detection only: letters as typed (with their accent) and their weight: "ñ=3".</param>
internal sealed record LanguageVocabulary(
    string Code,
    IReadOnlyDictionary<Intent, string[]> Intents,
    string[] StopWords,
    string[] Months,
    string[] Today,
    string[] Tomorrow,
    string[] DayAfterTomorrow,
    string[] TopicMarkers,
    bool TopicMarkerFollowsTopic = false,
    string[]? Declines = null,
    string[]? MonthPrepositions = null,
    string[]? PlacePrepositions = null,
    string[]? Travel = null,
    string[]? Hosting = null,
    string[]? CancelAlone = null,
    string[]? Bookings = null,
    string[]? Applications = null,
    string[]? Weekdays = null,
    string[]? Detection = null,
    string[]? DetectionEndings = null,
    string[]? DetectionLetters = null);
