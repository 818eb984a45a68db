using HiTechTex.Bot.Language.Vocabulary;

namespace HiTechTex.Bot.Language;

/// <summary>
/// Understands free text without any service: keyword and typo-tolerant phrase matching in EN, PT, ES, IT, TR and CS,
/// language detection by stop-word and keyword votes, and entity extraction (keywords, country, region,
/// organisation kind, dates, session topic). The vocabulary lives in <see cref="Vocabulary"/>.
/// </summary>
public sealed class LocalIntentRecognizer(TimeProvider timeProvider) : IIntentRecognizer
{
    public const string SourceName = "local";

    /// <summary>The textile taxonomy's terms in the six languages (the partner search's own vocabulary).</summary>
    private static readonly Features.Partners.VocabularyMatcher TextileTerms = Features.Partners.VocabularyMatcher.ForTaxonomy();

    /// <summary>The organisation kind of facilities and labs (<see cref="IntentEntities.OrganisationKind"/>).</summary>
    public const string FacilityKind = "Facility";

    // When two intents score the same, the more specific one wins: "help me find a partner" finds partners. (A cancel
    // word with "my sessions" / "my applications" words gives those lists; see Recognize.)
    private static readonly Intent[] TiePriority =
        [Intent.Cancel, Intent.MyApplications, Intent.MySessions, Intent.ApplyForExchange, Intent.RegisterForCoaching, Intent.FindPartners, Intent.Help];

    // The longest message still read as "cancel" ("please just cancel it now").
    private const int MaxCancelTokens = 5;

    // Cancel words match with a typo only from six letters: "cancelr" cancels, "about" (abort) and "pasta" (basta) do not.
    private const int CancelMinTypoLength = 6;

    // Travel words match with a typo only from six letters (see CompiledLanguage.From).
    private const int TravelMinTypoLength = 6;

    private static readonly CompiledLanguage[] Compiled = [.. Languages.All.Select((l, i) => CompiledLanguage.From(l, i))];

    // Words around a cancel word that leave it a command ("stop it now", "quero sair já", "dur artık", "konec hned"), and
    // the bot's own messages it may stop ("stop the reminders": answered with where reminders go).
    private static readonly HashSet<string> CancelFillers =
    [
        "reminders", "reminder", "notifications", "messages", "lembretes", "notificacoes", "mensagens", "recordatorios", "notificaciones",
        "mensajes", "promemoria", "notifiche", "messaggi", "hatirlatmalar", "hatirlatma", "bildirimler", "mesajlar", "pripominky",
        "upozorneni", "zpravy",
        "now", "just", "it", "that", "already", "right", "ok", "okay", "isso", "isto", "ja", "agora", "ahora", "ya", "eso", "esto", "todo",
        "tutto", "cosi", "adesso", "ora", "subito", "simdi", "hemen", "artik", "tamam", "ted", "uz", "hned", "vse", "tady",
    ];
    /// <summary>Ordinary words (normalized) that are never a country's name written with a typo (declared before Countries).</summary>
    private static readonly HashSet<string> CountryLookalikes = new(["truco", "trucos", "truca", "trucas"], StringComparer.Ordinal);

    // A country's name with one letter replaced is a country only from 7 letters: "check" is no "checo", "stain" no
    // "spain", "italic" no "italia", "turno" no "turco" (a letter missing, one too many or two swapped still are). Words
    // of the six languages a typo away are words: "truco" (Spanish and Portuguese "trick") and "truca" are no "turco" /
    // "turca" with two letters swapped.
    private static readonly CompiledEntries Countries = new(Gazetteer.Countries, minSubstitutionLength: 7, notTypos: CountryLookalikes);
    private static readonly CompiledEntries Regions = new(Gazetteer.Regions);
    private static readonly CompiledEntries Kinds = new(Gazetteer.OrganisationKinds);
    private static readonly CompiledEntries Topics = new(Gazetteer.Topics);

    /// <summary>The days of the week of the six languages (exact words: "sabato" is no typo of "sabado" to undo).</summary>
    private static readonly Phrase[] WeekdayPhrases =
        [.. Languages.All.SelectMany(v => v.Weekdays ?? []).Distinct().Select(p => new Phrase(p, allowTypos: false))];

    /// <summary>The ids of the partner taxonomy's capabilities ("technical-textiles", "nonwovens"…): a partner search's subject on their own.</summary>
    private static readonly HashSet<string> CapabilityIds = [.. Features.Partners.TextileTaxonomy.Capabilities.Select(t => t.Id)];

    // A city is named exactly (accents aside): a typo of a word ("burs", "rima") is no city.
    private static readonly CompiledEntries Cities = new(Gazetteer.Cities, allowTypos: false);
    private static readonly Dictionary<string, GazetteerEntry> CitiesByValue = Gazetteer.Cities.ToDictionary(c => c.Value);
    private static readonly Dictionary<string, GazetteerEntry> RegionsByValue = Gazetteer.Regions.ToDictionary(r => r.Value);

    /// <summary>
    /// The words for a region (normalized), in the six languages and the Turkish forms a name puts them in ("Ege
    /// Bölgesi", "Ege bölgesinde", "Ege Bölgesi'nden"): beside a partner region's name, part of it.
    /// </summary>
    private static readonly HashSet<string> RegionNouns = new(
    [
        "region", "regions", "area", "regiao", "regioes", "regiones", "comunidad", "regione", "regioni",
        "bolge", "bolgesi", "bolgesinde", "bolgesinden", "bolgesindeki", "bolgesine", "bolgede", "bolgeden", "bolgedeki",
        "regionu", "regionem", "kraj", "kraji", "kraje", "oblast", "oblasti",
    ], StringComparer.Ordinal);

    /// <summary>
    /// The place prepositions of the six languages ("in", "em", "na", "en", "nel", "ve"): before a country, region or city
    /// named they are no search word, whatever the message's language (see <see cref="LanguageVocabulary.PlacePrepositions"/>).
    /// </summary>
    private static readonly HashSet<string> PlacePrepositions =
        [.. Languages.All.SelectMany(l => l.PlacePrepositions ?? []).Select(TextNormalizer.Normalize)];

    /// <summary>Words for the north a partner region is named by (Norte; "north" one letter from "norte").</summary>
    private static readonly HashSet<string> DirectionWords = new(["norte", "north"], StringComparer.Ordinal);

    /// <summary>What may stand between a region's word and its name: "region of Tuscany", "região do Norte", "región de Valencia".</summary>
    private static readonly HashSet<string> RegionConnectors = new(["of", "the", "de", "do", "da", "del", "della", "di"], StringComparer.Ordinal);

    /// <summary>The six language codes the recognizer knows.</summary>
    public static IReadOnlyList<string> LanguageCodes { get; } = [.. Languages.All.Select(l => l.Code)];

    public Task<RecognizedIntent> RecognizeAsync(string text, string? locale, TimeZoneInfo? timeZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Task.FromResult(Recognize(text, locale, timeZone));
    }

    /// <summary>Recognizes synchronously (the work is CPU only); relative dates are read in <paramref name="timeZone"/>, else the host's zone.</summary>
    public RecognizedIntent Recognize(string text, string? locale, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        // "denizliden", "izmirde", "türkiyede": a Turkish ending on a place's name is read as after an apostrophe.
        var tokens = TurkishSuffix.SplitPlaceEndings(TextNormalizer.Tokenize(IntentText.Bounded(text)));
        var localeLanguage = LanguageOf(locale);

        var matchesByIntent = new Dictionary<Intent, List<(PhraseMatch Match, CompiledLanguage Language)>>();
        foreach (var candidate in Compiled)
        {
            foreach (var (intent, phrase) in candidate.IntentPhrases)
            {
                foreach (var match in phrase.FindIn(tokens))
                {
                    if (!matchesByIntent.TryGetValue(intent, out var list))
                    {
                        matchesByIntent[intent] = list = [];
                    }

                    list.Add((match, candidate));
                }
            }
        }

        // A cancel word that is also another word ("sair para Itália", "stop in Prato", "konec března", "çıkış tarihi")
        // cancels only with nothing but fillers around it ("stop", "stop it now", "quero sair").
        if (matchesByIntent.TryGetValue(Intent.Cancel, out var cancels)
            && cancels.All(c => c.Match.Length == 1 && c.Language.CancelAlone.Contains(tokens[c.Match.Start].Norm))
            && Enumerable.Range(0, tokens.Count).Any(i => !cancels.Any(c => c.Match.Start == i) && !IsFiller(tokens[i].Norm)))
        {
            matchesByIntent.Remove(Intent.Cancel);
        }

        // "cancel", "stop", "never mind" are a whole short message; in a sentence ("a one-stop shop for dyeing",
        // "learn about exit strategies") those words are about something else, and "I've cancelled that" is no answer.
        var cancelNamed = matchesByIntent.ContainsKey(Intent.Cancel);
        // Italian "basta" is "stop!" alone but "is enough" before a noun ("basta una sessione?"): it cancels no booking.
        var cancelWords = cancelNamed
            ? NonOverlapping([.. matchesByIntent[Intent.Cancel].Where(c => tokens[c.Match.Start].Norm != "basta")])
            : [];
        if (tokens.Count > MaxCancelTokens)
        {
            matchesByIntent.Remove(Intent.Cancel);
        }

        var scored = matchesByIntent.ToDictionary(kv => kv.Key, kv => NonOverlapping(kv.Value));
        var ranked = scored
            .Select(kv => (Intent: kv.Key, Weight: kv.Value.Sum(m => m.Match.Weight), Matches: kv.Value))
            .OrderByDescending(s => s.Weight)
            .ThenBy(s => Array.IndexOf(TiePriority, s.Intent))
            .ToList();
        var best = ranked.FirstOrDefault();

        // "cancel my booking", "cancel my application": what is to be cancelled is the booking or the application, so
        // the answer is their list, where each has its Cancel or Withdraw button — not "OK, I've cancelled that" when
        // nothing was.
        if (best.Intent == Intent.Cancel
            && ranked.FirstOrDefault(s => s.Intent is Intent.MySessions or Intent.MyApplications && s.Weight > 0) is { Matches: not null } own)
        {
            best = own;
        }
        else if (cancelWords.Count > 0 && CancelledObject(tokens, ranked, cancelWords) is { } cancelled)
        {
            // "zruš mou rezervaci na čtvrtek", "cancel the booking on Thursday", "cancelar a inscrição na sessão de quinta":
            // a cancel word whose object is a booking (or an application) is no bare "cancel" of what is running, nor a
            // new registration: it asks for that list too.
            best = cancelled;
        }

        // Travel words ("gitmek", "andare") are a language's words too, whether or not they make the intent below.
        var travel = Compiled.SelectMany(c => c.Travel.SelectMany(t => t.FindIn(tokens)).Select(m => (Match: m, Language: c))).ToList();
        best = SureApplication(tokens, best, scored, travel);
        var language = DetectLanguage(tokens, matchesByIntent, travel, [], localeLanguage);
        var consumed = new bool[tokens.Count];
        if (best.Matches is not null)
        {
            foreach (var (match, _) in best.Matches)
            {
                Consume(consumed, match);
            }
        }

        // Going somewhere says where and when, not what to look for: "I'm going to Italy in March, are there partners
        // there?" searches Italy, not the words "going".
        foreach (var (match, _) in travel)
        {
            Consume(consumed, match);
        }

        // "we'd like to host a visitor from Spain": a host does not apply (the visitor does, and chooses its host), so
        // hosting words are no application — they make a partner search where the visitors may come from.
        var hosting = (best.Matches is null || best.Weight <= 0 || best.Intent == Intent.ApplyForExchange)
            ? Compiled.SelectMany(c => c.Hosting.SelectMany(h => h.FindIn(tokens)).Select(m => (Match: m, Language: c))).ToList()
            : [];
        foreach (var (match, _) in hosting)
        {
            Consume(consumed, match);
        }

        if (hosting.Count > 0)
        {
            language = DetectLanguage(tokens, matchesByIntent, travel, hosting, localeLanguage);
        }

        var entities = ExtractEntities(tokens, consumed, language, TodayIn(timeZone));
        if (hosting.Count > 0)
        {
            // The search is for organisations of that country (or of that kind), not for the words around "host".
            best = (Intent.FindPartners, 1, []);
            entities = WithCityCountry(entities) with { Keywords = [], Hosting = true };
        }

        if ((best.Matches is null || best.Weight <= 0) && travel.Count > 0 && (entities.StayDays ?? entities.StayMonths) is not null
            && (entities.Country ?? entities.Region ?? entities.City) is not null)
        {
            // "I'd like to spend two weeks at a lab in Italy", "passar duas semanas num laboratório em Espanha": a stay of
            // some length somewhere is a visit there — an exchange — even at a kind of organisation a search looks for.
            best = (Intent.ApplyForExchange, 1, []);
        }

        // The textile taxonomy's terms named (in any of the six languages), when no journey's words are there to decide.
        var textile = (best.Matches is null || best.Weight <= 0) && travel.Count == 0
            ? TextileTerms.Find(IntentText.Bounded(text), allowTypos: false)
            : [];
        if (hosting.Count == 0 && textile.Any(t => CapabilityIds.Contains(t.Key)))
        {
            // "netkané textilie v Česku", "nonwovens", "teknik tekstil türkiye": no verb of a journey, but a textile
            // capability is what a partner search looks for.
            best = (Intent.FindPartners, 1, []);
        }

        if ((best.Matches is null || best.Weight <= 0) && entities.OrganisationKind is not null)
        {
            // "are there technology centres in Spain?", "quero uma universidade em Itália": no verb of a journey, but an
            // organisation type is what only a partner search looks for.
            best = (Intent.FindPartners, 1, []);
        }

        if ((best.Matches is null || best.Weight <= 0) && travel.Count == 0 && tokens.Any(t => SearchRestrictors.IsOrganisationNoun(t.Norm))
            && (tokens.Any(t => SearchRestrictors.IsRestrictor(t.Norm)) || NamesSomewhere(entities)
                || TurkishSuffix.NamesAPlace(tokens)))
        {
            // "only companies in Portugal", "empresas en España", "sadece Türkiye'deki firmalar": organisations somewhere
            // (or only organisations) are what a partner search lists — no verb of a journey, and no kind to filter on.
            // "Çorlu'da tekstil firması": a Turkish place the gazetteer does not know is somewhere too (its name is searched).
            best = (Intent.FindPartners, 1, []);
        }

        var peopleSomewhere = false;
        if ((best.Matches is null || best.Weight <= 0) && travel.Count == 0
            && (NamesSomewhere(entities) || TurkishSuffix.NamesAPlace(tokens))
            && SearchRestrictors.NamesPeople(tokens) && IsOnlyThePlace(entities, tokens))
        {
            // "stakeholders in Portugal", "principais atores em Espanha", "Türkiye'deki paydaşlar", "klíčoví hráči v Česku":
            // people at organisations somewhere, and nothing else said, are whom a partner search there reaches (as
            // "decision makers in Italy" did). With other words ("people in Portugal are friendly") it is no request.
            // "Çorlu'daki paydaşlar": a Turkish place the gazetteer does not know is somewhere too, its name the search's
            // word (as for "Çorlu'da tekstil firması": organisations whose address or text names it). "players of the
            // textile sector in Italy": people of a sector named somewhere, the sector's name the search's word.
            best = (Intent.FindPartners, 1, []);
            peopleSomewhere = true;
        }

        if ((best.Matches is null || best.Weight <= 0) && textile.Count > 0 && NamesSomewhere(entities))
        {
            // "nonwovens in Turkey", "dyeing in Italy", "reciclagem de fibras em Portugal": what and where, as typed into
            // a search box — no verb of a journey, but a textile capability, stage or service somewhere (not a journey
            // there) is what a partner search looks for.
            best = (Intent.FindPartners, 1, []);
        }

        if (best is { Intent: Intent.FindPartners, Matches.Count: 0 } && hosting.Count == 0 && travel.Count == 0 && SaysWhatItIs(tokens, language))
        {
            // "the textile companies in Italy are struggling", "agentes do setor têxtil e do vestuário em Portugal são
            // simpáticos", "Türkiye'deki tekstil firmaları çok nazik": what is named (a textile term, organisations, people
            // somewhere) is said to be something — an opinion, not a search typed as into a search box.
            best = default;
            peopleSomewhere = false;
        }

        if ((best.Matches is null || best.Weight <= 0) && (entities.Country ?? entities.Region ?? entities.City) is not null && travel.Count > 0)
        {
            // "I want to go to Italy in March for a week", "vorrei andare in Spagna", "I want to travel to Lisbon": no
            // word of a journey, but going to a country (or one of its cities) is what an exchange is (a partner search
            // names what it looks for, and wins above).
            best = (Intent.ApplyForExchange, 1, []);
        }

        if (best.Intent == Intent.ApplyForExchange)
        {
            // An exchange in Lisbon is an exchange in Portugal.
            entities = WithCityCountry(entities);
        }

        if (best.Matches is null || best.Weight <= 0)
        {
            return new RecognizedIntent(Intent.None, 0, entities, language?.Code ?? localeLanguage, SourceName);
        }

        // "I don't want to apply": the journey is named to be refused — starting it would do the opposite of what was said.
        // ("I don't want to cancel my booking" refuses the cancelling, not the booking: its list is still the answer.)
        if (best.Intent is not (Intent.Help or Intent.Cancel) && !cancelNamed && Compiled.Any(c => c.Declines.Any(d => d.FindIn(tokens).Any())))
        {
            return new RecognizedIntent(Intent.None, 0, entities, language?.Code ?? localeLanguage, SourceName) { Declined = true };
        }

        var score = Math.Round(Math.Min(0.95, 0.4 + (0.2 * best.Weight)), 2);
        return new RecognizedIntent(best.Intent, score, entities, language?.Code ?? localeLanguage, SourceName) { PeopleSomewhere = peopleSomewhere };
    }

    /// <summary>
    /// With a cancel word in the message: the list its object names — one's sessions for a booking, a registration or a
    /// session ("rezervaci", "reserva", "prenotazione", "rezervasyonumu", "session"), one's applications for an
    /// application or an exchange ("candidatura", "žádost", "başvuru") — with the cancel and object words as its
    /// matches; null when it names neither (or already is that list).
    /// </summary>
    private static (Intent Intent, double Weight, List<(PhraseMatch Match, CompiledLanguage Language)> Matches)? CancelledObject(
        IReadOnlyList<Token> tokens, List<(Intent Intent, double Weight, List<(PhraseMatch Match, CompiledLanguage Language)> Matches)> ranked,
        List<(PhraseMatch Match, CompiledLanguage Language)> cancelWords)
    {
        if (ranked.Count > 0 && ranked[0].Intent is Intent.MySessions or Intent.MyApplications)
        {
            return null;
        }

        var bookings = Compiled.SelectMany(c => c.Bookings.SelectMany(b => b.FindIn(tokens)).Select(m => (Match: m, Language: c))).ToList();
        var applications = Compiled.SelectMany(c => c.Applications.SelectMany(a => a.FindIn(tokens)).Select(m => (Match: m, Language: c))).ToList();
        if (bookings.Count == 0 && applications.Count == 0)
        {
            return null;
        }

        // Both named ("cancel my registration for the exchange workshop"): the one named first is the object.
        var booking = bookings.Count > 0 && (applications.Count == 0 || bookings.Min(b => b.Match.Start) <= applications.Min(a => a.Match.Start));
        var matches = NonOverlapping([.. cancelWords, .. booking ? bookings : applications]);
        return (booking ? Intent.MySessions : Intent.MyApplications, matches.Sum(m => m.Match.Weight), matches);
    }

    /// <summary>
    /// Whether the keywords are no more than the place named: none, a city's name kept as a word ("stakeholders in
    /// Prato" looks for "Prato", as "partners in Prato" does), or the name of a place with a Turkish ending that the
    /// gazetteer does not know ("çorlu" of "Çorlu'daki paydaşlar") — and the name of the people's sector ("textile" of
    /// "players of the textile sector in Italy", "tessile" of "operatori del settore tessile in Italia", "tekstil" before
    /// the place's name in "tekstil çorlu'daki paydaşlar").
    /// </summary>
    private static bool IsOnlyThePlace(IntentEntities entities, IReadOnlyList<Token> tokens)
    {
        bool[]? sectorNames = null;
        foreach (var keyword in entities.Keywords)
        {
            var words = TextNormalizer.Tokenize(keyword);
            if ((entities.City is null || Cities.FirstIn(words) is not { } city || city.Match.Length != words.Count)
                && !NamesThePlaceOrItsSector(keyword) && !NamesTheSector(words))
            {
                return false;
            }
        }

        return true;

        bool NamesTheSector(IReadOnlyList<Token> words)
        {
            sectorNames ??= SearchRestrictors.SectorNameWords(tokens);
            foreach (var word in words)
            {
                var named = false;
                for (var i = 0; i < tokens.Count && !named; i++)
                {
                    named = sectorNames[i] && string.Equals(tokens[i].Norm, word.Norm, StringComparison.Ordinal);
                }

                if (!named)
                {
                    return false;
                }
            }

            return words.Count > 0;
        }

        bool NamesThePlaceOrItsSector(string keyword)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                // "tekstil" of "tekstil çorlu'daki paydaşlar" is the people's sector, before the place's name.
                if (string.Equals(tokens[i].Raw, keyword, StringComparison.Ordinal)
                    && (TurkishSuffix.IsInAPlacesName(tokens, i) || TurkishSuffix.NamesTheSectorBeforeAName(tokens, i)))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Whether the message says what the places, organisations, people or sector it names are (<see cref="Statement"/>):
    /// the places are the gazetteer's countries, regions and cities, the nouns those no search looks for but a restrictor.
    /// </summary>
    private static bool SaysWhatItIs(IReadOnlyList<Token> tokens, CompiledLanguage? language)
    {
        var places = new bool[tokens.Count];
        foreach (var (_, match) in Countries.FindAll(tokens).Concat(Regions.FindAll(tokens)).Concat(Cities.FindAll(tokens)))
        {
            Consume(places, match);
        }

        var nouns = SearchRestrictors.NoSearchWords(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            nouns[i] &= !SearchRestrictors.IsRestrictor(tokens[i].Norm);
        }

        return Statement.SaysWhatItIs(tokens, language?.Code, places, nouns);
    }

    /// <summary>
    /// Whether a place is named to search in — or to leave out: "companies not in Italy", "Ege Bölgesi dışında havlu
    /// üreticisi" are organisations everywhere else, as "companies in Italy" are organisations there.
    /// </summary>
    private static bool NamesSomewhere(IntentEntities entities) =>
        (entities.Country ?? entities.Region ?? entities.City) is not null || entities.ExcludedCountries.Count > 0 || entities.ExcludedRegions.Count > 0;

    /// <summary>A word that says nothing of its own next to a command: any language's stop word, "now", "it", "já"….</summary>
    private static bool IsFiller(string norm) => CancelFillers.Contains(norm) || Compiled.Any(c => c.StopWords.Contains(norm));

    /// <summary>The country of the city named, when no country or region is.</summary>
    private static IntentEntities WithCityCountry(IntentEntities entities) =>
        entities is { Country: null, City: { } city } && CitiesByValue.TryGetValue(city, out var entry)
            ? entities with { Country = entry.Country }
            : entities;

    /// <summary>Resolves a date written as text (ISO or words in the six languages) against today.</summary>
    public DateOnly? ParseDate(string text) => ParseDate(text, Today);

    /// <summary>Resolves a date written as text against <paramref name="today"/> (the user's).</summary>
    internal static DateOnly? ParseDate(string text, DateOnly today) => DateParser.ParseSingle(text, today);

    /// <summary>Canonical region name and its country for a region named in any of the six languages.</summary>
    internal static (string Region, string? Country)? FindRegion(string text)
    {
        var match = Regions.FirstIn(TextNormalizer.Tokenize(text));
        return match is { } m ? (m.Entry.Value, m.Entry.Country) : null;
    }

    /// <summary>
    /// Whether the whole of <paramref name="text"/> is the name of a country or partner region, in any of the six
    /// languages ("Portugal", "Czech Republic", "Toscana") — a place, not an organisation's name that has one in it.
    /// </summary>
    internal static bool IsOnlyAPlace(string text)
    {
        var tokens = TextNormalizer.Tokenize(text);
        return tokens.Count > 0 && (Whole(Countries.FirstIn(tokens)) || Whole(Regions.FirstIn(tokens)));

        bool Whole((GazetteerEntry Entry, PhraseMatch Match)? found) =>
            found is { } f && f.Match.Start == 0 && f.Match.Length == tokens.Count;
    }

    /// <summary>
    /// Whether <paramref name="text"/> names the country <paramref name="country"/> (an ISO code) itself, in any of the
    /// six languages and with a Turkish ending on it too ("türkiyede") — not only a region or city of it ("egeden").
    /// </summary>
    internal static bool NamesCountry(string text, string country)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = TurkishSuffix.SplitPlaceEndings(TextNormalizer.Tokenize(IntentText.Bounded(text)));
        return Countries.FindAll(tokens).Exists(c => string.Equals(c.Entry.Value, country, StringComparison.Ordinal));
    }

    /// <summary>ISO code of a country named in any of the six languages (or already an ISO code).</summary>
    internal static string? FindCountry(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 2 && Gazetteer.Countries.Any(c => string.Equals(c.Value, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            return trimmed.ToUpperInvariant();
        }

        return Countries.FirstIn(TextNormalizer.Tokenize(text))?.Entry.Value;
    }

    /// <summary>
    /// A keyword of the Azure OpenAI answer with a Turkish case ending on a place's name — written on it ("türkiyede",
    /// "egeden", "izmirde", "denizliden") or after an apostrophe ("İzmir'de") — read as this recognizer reads those words
    /// in the message: a country or partner region is the place and no word to look for, a city is the place and still
    /// looked for by its name ("izmir", as "partners in Prato" looks for "prato"), and the ending is no word. A keyword
    /// without such an ending comes back as it is ("model", "moda": ordinary words that end the same way).
    /// </summary>
    internal static PlaceKeyword ReadPlaceKeyword(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        var tokens = TurkishSuffix.SplitPlaceEndings(TextNormalizer.Tokenize(keyword));
        var endings = 0;
        for (var i = 1; i < tokens.Count; i++)
        {
            endings += TurkishSuffix.IsCaseEndingAfterApostrophe(tokens, i) ? 1 : 0;
        }

        if (endings == 0)
        {
            return new PlaceKeyword(keyword, null, null, null);
        }

        var dropped = new bool[tokens.Count];
        var countries = Countries.FindAll(tokens);
        var country = CompiledEntries.First(countries);
        var regions = Regions.FindAll(tokens);
        var region = CompiledEntries.First(regions);
        var city = CompiledEntries.First(Cities.FindAll(tokens));
        foreach (var (_, match) in countries.Concat(regions))
        {
            Consume(dropped, match);
        }

        ConsumeRegionNouns(tokens, regions, dropped);

        var kept = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!dropped[i] && !TurkishSuffix.IsCaseEndingAfterApostrophe(tokens, i))
            {
                kept.Add(tokens[i].Raw);
            }
        }

        return new PlaceKeyword(
            kept.Count > 0 ? string.Join(' ', kept) : null,
            country?.Entry.Value ?? (region is { } r ? RegionsByValue[r.Entry.Value].Country : null),
            region?.Entry.Value,
            city?.Entry.Value);
    }

    /// <summary>Today in the bot's time zone (the day months and dates are resolved against).</summary>
    internal DateOnly Today => TodayIn(null);

    /// <summary>Today in <paramref name="timeZone"/> (the user's), else in the bot's time zone.</summary>
    internal DateOnly TodayIn(TimeZoneInfo? timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), timeZone ?? timeProvider.LocalTimeZone).DateTime);

    private static IntentEntities ExtractEntities(IReadOnlyList<Token> tokens, bool[] consumed, CompiledLanguage? language, DateOnly today)
    {
        var dates = DateParser.Find(tokens, today);
        var dated = new bool[tokens.Count];
        foreach (var (_, span) in dates)
        {
            Consume(consumed, span);
            Consume(dated, span);
        }

        // "30/02/2027", "31 de fevereiro", "31. února": a day on no calendar is no date, and its month is no month either
        // (never the month's first Monday, nor the date after it moved up to the start).
        var noSuchDays = DateParser.FindNoSuchDays(tokens, today);
        foreach (var (_, span) in noSuchDays)
        {
            Consume(consumed, span);
            Consume(dated, span);
        }

        // "in March", "a marzo", "v březnu": a month named without a day (a day and a month are a date above). It is an
        // entity, not a keyword: "find partners in Italy in March" searches Italy, not the word "march".
        var free = Enumerable.Range(0, tokens.Count).Where(i => !consumed[i]).ToList();
        // "in May 2028" is May 2028; "in May 2025" (past) is no month, and its words are no keywords either.
        var monthMention = DateParser.FindMonthMention([.. free.Select(i => tokens[i])], today);
        var month = monthMention?.Month;
        if (monthMention is { } mentioned)
        {
            for (var k = mentioned.Span.Start; k < mentioned.Span.Start + mentioned.Span.Length; k++)
            {
                consumed[free[k]] = true;
            }
        }

        // "for a week", "por duas semanas", "na 5 dní": a stay's length, not words to search for.
        // "dentro de una semana", "za týden" are a date above: no stay.
        var stay = StayLength.Find(tokens, dated);
        if (stay is { } length)
        {
            Consume(consumed, length.Span);
        }

        // Any other count with a unit — "I need 2 weeks of coaching", "5 dias de formação", "3 dny školení" — is an
        // amount, neither a date nor words to search for ("weeks", "dias").
        for (var u = 1; u < tokens.Count; u++)
        {
            if (StayLength.UnitDays(tokens[u].Norm) is not null && StayLength.Count(tokens[u - 1].Norm) is not null)
            {
                consumed[u - 1] = consumed[u] = true;
            }
        }

        // Each gazetteer is scanned once: the first mention is the entity, every mention is consumed.
        var countryMentions = Countries.FindAll(tokens);
        var regions = Regions.FindAll(tokens);
        // "not in Italy", "fora de Itália", "İtalya dışında", "mimo Itálii" — a region too: "not in Tuscany", "Ege dışında":
        // a place to leave out is no place to search, and the words that say so are no search words.
        var (excludedStarts, excludingWords) = CountryExclusion.Find(tokens, countryMentions.Select(c => c.Match).Concat(regions.Select(r => r.Match)));
        var countries = countryMentions.Where(c => !excludedStarts.Contains(c.Match.Start)).ToList();
        var country = CompiledEntries.First(countries);
        var region = CompiledEntries.First([.. regions.Where(r => !excludedStarts.Contains(r.Match.Start))]);
        if (region is { } direction && country is { } named && RegionsByValue[direction.Entry.Value].Country != named.Entry.Value
            && IsDirectionWord(tokens, direction.Match))
        {
            // "the north of Italy", "el norte de España", "na severovýchodě Itálie": a word that names a partner region
            // (Portugal's Norte, Czechia's Severovýchod) is a direction in another country named — searched there, never
            // for that region (which no Italian organisation is in). The word is no search word either.
            region = null;
        }

        foreach (var (_, match) in countryMentions.Concat(regions))
        {
            Consume(consumed, match);
        }

        foreach (var word in excludingWords)
        {
            consumed[word] = true;
        }

        ConsumeRegionNouns(tokens, regions, consumed);

        // An organisation type is a filter, not a word to look for in descriptions ("SMEs in Italy" are SMEs, not
        // organisations whose text says "SME"); "lab" and "facility" stay words as well: they name a service an RTO
        // offers too.
        var kinds = Kinds.FindAll(tokens);
        var kind = CompiledEntries.First(kinds);
        foreach (var (entry, match) in kinds.Where(k => k.Entry.Value != FacilityKind))
        {
            Consume(consumed, match);
        }

        // A city is kept as a word too: "partners in Prato" still looks for the word; only a travel wish or an
        // application reads it as a place (see Recognize).
        var cityMatches = Cities.FindAll(tokens);
        var city = CompiledEntries.First(cityMatches)?.Entry.Value;

        var topic = Topics.FirstIn(tokens)?.Entry.Value ?? TopicAfterMarker(tokens, consumed, language);

        // "only companies in Portugal", "solo empresas en España", "pouze firmy v Česku": a restrictor and the generic
        // noun for organisations narrow the search (to the country, the kind named) and are nothing to look for.
        // "decision makers in Italy": people at organisations there, neither word a keyword; nor a greeting that opens a
        // message naming a place with a Turkish ending ("selam, çorlu'daki firmalar").
        var noSearchWords = SearchRestrictors.NoSearchWords(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            consumed[i] |= noSearchWords[i] || TurkishSuffix.GreetsBeforeAPlace(tokens, i);
        }

        // "partners in Česko", "find partners in denızlı": a place's letters can make the message Czech or Turkish, whose stop
        // words do not hold the English "in" before it — a place preposition of any of the six languages is no search word
        // right before a place named (elsewhere only the message's language's stop words are left out).
        foreach (var (_, match) in countryMentions.Concat(regions).Concat(cityMatches))
        {
            if (match.Start > 0 && PlacePrepositions.Contains(tokens[match.Start - 1].Norm))
            {
                consumed[match.Start - 1] = true;
            }
        }

        var stopWords = language?.StopWords ?? [];
        // A city in another form than its name ("v Burse", "do Pratu", "in Florence") is searched for by its name as well:
        // the directory writes "Bursa", "Prato", "Firenze".
        var cityNames = cityMatches
            .Where(c => !consumed[c.Match.Start]
                && string.Join(' ', tokens.Skip(c.Match.Start).Take(c.Match.Length).Select(t => t.Norm)) != TextNormalizer.Normalize(c.Entry.Value))
            .GroupBy(c => c.Match.Start)
            .ToDictionary(g => g.Key, g => g.First().Entry.Value);
        // Every word as typed, in order, a repeated one too: "tessuti non tessuti" is the Italian for nonwovens, and
        // "tessuti non" would look for fabrics. Only a city's name added above is not added twice.
        var keywords = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            // "İZMİR'de", "Türkiye'deki", "Bursa'dan": the Turkish case ending after the apostrophe is no word to look for,
            // even where the message reads as another language (whose stop words do not hold "deki" or "dan").
            if (consumed[i] || stopWords.Contains(t.Norm) || t.Norm.Length < 2 || t.Norm.All(char.IsDigit)
                || TurkishSuffix.IsCaseEndingAfterApostrophe(tokens, i))
            {
                continue;
            }

            keywords.Add(t.Raw);
            if (cityNames.TryGetValue(i, out var name) && !keywords.Contains(name, StringComparer.Ordinal))
            {
                keywords.Add(name);
            }
        }

        return new IntentEntities
        {
            Keywords = keywords,
            Country = country?.Entry.Value ?? (region is { } r ? RegionsByValue[r.Entry.Value].Country : null),
            // "in Italy or Spain", "em Portugal ou Espanha", "v Itálii nebo Španělsku": each further country once, in order.
            OtherCountries = country is { } firstCountry
                ? [.. countries.OrderBy(c => c.Match.Start).Select(c => c.Entry.Value).Distinct(StringComparer.Ordinal)
                    .Where(c => !string.Equals(c, firstCountry.Entry.Value, StringComparison.Ordinal))]
                : [],
            ExcludedCountries = [.. countryMentions.Where(c => excludedStarts.Contains(c.Match.Start)).OrderBy(c => c.Match.Start)
                .Select(c => c.Entry.Value).Distinct(StringComparer.Ordinal).Where(c => !string.Equals(c, country?.Entry.Value, StringComparison.Ordinal))],
            Region = region?.Entry.Value,
            ExcludedRegions = [.. regions.Where(r => excludedStarts.Contains(r.Match.Start)).OrderBy(r => r.Match.Start)
                .Select(r => r.Entry.Value).Distinct(StringComparer.Ordinal).Where(r => !string.Equals(r, region?.Entry.Value, StringComparison.Ordinal))],
            City = city,
            OrganisationKind = kind?.Entry.Value,
            Dates = [.. dates.Select(d => d.Date).Distinct()],
            NoSuchDates = [.. noSuchDays.Select(n => n.Day with { DatesBefore = dates.Where(d => d.Span.Start < n.Span.Start).Select(d => d.Date).Distinct().Count() })],
            Month = month,
            StayDays = stay is { Days: > 0 } ? stay.Value.Days : null,
            StayMonths = stay is { Months: > 0 } ? stay.Value.Months : null,
            SessionTopic = topic,
        };
    }

    /// <summary>"coaching about dyeing wastewater" → "dyeing wastewater": the free words next to a topic marker.</summary>
    private static string? TopicAfterMarker(IReadOnlyList<Token> tokens, bool[] consumed, CompiledLanguage? language)
    {
        if (language is null)
        {
            return null;
        }

        const int MaxWords = 4;
        // "coaching on Friday", "pazartesi boyama hakkında": a day of the week is when, never what the session is about.
        // Looked for only once a topic marker is found (most messages have none).
        bool[]? weekdays = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (consumed[i] || !language.TopicMarkers.Contains(tokens[i].Norm))
            {
                continue;
            }

            weekdays ??= Weekdays(tokens);
            var words = new List<string>();
            var step = language.Vocabulary.TopicMarkerFollowsTopic ? -1 : 1;
            for (var j = i + step; j >= 0 && j < tokens.Count && words.Count < MaxWords; j += step)
            {
                if (consumed[j] || weekdays[j] || language.StopWords.Contains(tokens[j].Norm) || language.TopicMarkers.Contains(tokens[j].Norm)
                    || tokens[j].Norm.All(char.IsDigit))
                {
                    break;
                }

                words.Add(tokens[j].Raw);
            }

            if (words.Count > 0)
            {
                if (step < 0)
                {
                    words.Reverse();
                }

                return string.Join(' ', words);
            }
        }

        return null;
    }

    /// <summary>Which of <paramref name="tokens"/> name a day of the week ("Friday", "sexta-feira", "pazar günü").</summary>
    private static bool[] Weekdays(IReadOnlyList<Token> tokens)
    {
        var weekdays = new bool[tokens.Count];
        foreach (var match in WeekdayPhrases.SelectMany(p => p.FindIn(tokens)))
        {
            Consume(weekdays, match);
        }

        return weekdays;
    }

    /// <summary>True when <paramref name="text"/> is only days of the week ("Friday", "pazar günü"): no session topic.</summary>
    internal static bool IsOnlyWeekdays(string text) =>
        Weekdays(TextNormalizer.Tokenize(text)) is { Length: > 0 } weekdays && weekdays.All(w => w);

    /// <summary>The message's language (<see cref="LanguageDetector"/>): its words, and the phrases of every language found in it.</summary>
    private static CompiledLanguage? DetectLanguage(
        IReadOnlyList<Token> tokens, Dictionary<Intent, List<(PhraseMatch Match, CompiledLanguage Language)>> intentMatches,
        List<(PhraseMatch Match, CompiledLanguage Language)> travel, List<(PhraseMatch Match, CompiledLanguage Language)> hosting, string? localeLanguage)
    {
        var matches = new List<(PhraseMatch Match, int Language)>();
        foreach (var list in intentMatches.Values)
        {
            foreach (var (match, language) in list)
            {
                matches.Add((match, language.Index));
            }
        }

        foreach (var (match, language) in travel)
        {
            matches.Add((match, language.Index));
        }

        foreach (var (match, language) in hosting)
        {
            matches.Add((match, language.Index));
        }

        var locale = -1;
        for (var l = 0; l < Compiled.Length; l++)
        {
            locale = Compiled[l].Code == localeLanguage ? l : locale;
        }

        var detected = LanguageDetector.Detect(tokens, matches, locale);
        return detected < 0 ? null : Compiled[detected];
    }

    /// <summary>
    /// An exchange word with a registration verb and no session's noun ("chci se přihlásit na výměnu", "I want to sign up
    /// for an exchange", "quiero inscribirme en un intercambio"), with a word of going ("chtěl bych jet na výměnu do
    /// Itálie", "I'd like to go on an exchange to Italy") or with an application's noun ("přihláška na výměnu",
    /// "application for an exchange") is as sure an application as "apply for an exchange" (weight 2): not a session
    /// booking, and not the single exchange word of an organisation's name ("Centrum výměny znalostí").
    /// </summary>
    private static (Intent Intent, double Weight, List<(PhraseMatch Match, CompiledLanguage Language)> Matches) SureApplication(
        IReadOnlyList<Token> tokens,
        (Intent Intent, double Weight, List<(PhraseMatch Match, CompiledLanguage Language)> Matches) best,
        Dictionary<Intent, List<(PhraseMatch Match, CompiledLanguage Language)>> scored,
        List<(PhraseMatch Match, CompiledLanguage Language)> travel)
    {
        if (best.Intent is not (Intent.ApplyForExchange or Intent.RegisterForCoaching) || best.Matches is null
            || !scored.TryGetValue(Intent.ApplyForExchange, out var applying) || applying.Count == 0)
        {
            return best;
        }

        bool Beside(PhraseMatch match) => !applying.Any(a => a.Match.Overlaps(match));
        // A session's noun written exactly ("kaydolmak" is no "kaydı" with a typo).
        var booking = Compiled.Any(c => c.Bookings.Any(b => b.FindIn(tokens).Any(m => m.Weight >= b.Weight)));
        var registering = scored.GetValueOrDefault(Intent.RegisterForCoaching) ?? [];
        List<(PhraseMatch Match, CompiledLanguage Language)> verbs = booking ? [] : [.. registering.Where(r => Beside(r.Match))];
        if (best.Intent == Intent.RegisterForCoaching && (verbs.Count == 0 || verbs.Count != registering.Count))
        {
            return best;
        }

        var going = travel.Any(t => Beside(t.Match));
        var application = Compiled.Any(c => c.Applications.Any(a => a.FindIn(tokens).Any(Beside)));
        var weight = applying.Sum(a => a.Match.Weight);
        return verbs.Count > 0 || going || application
            ? (Intent.ApplyForExchange, Math.Max(2, weight), [.. applying, .. verbs])
            : best;
    }

    private static List<(PhraseMatch Match, CompiledLanguage Language)> NonOverlapping(List<(PhraseMatch Match, CompiledLanguage Language)> matches)
    {
        var chosen = new List<(PhraseMatch Match, CompiledLanguage Language)>();
        foreach (var candidate in matches.OrderByDescending(m => m.Match.Weight).ThenByDescending(m => m.Match.Length))
        {
            if (!chosen.Any(c => c.Match.Overlaps(candidate.Match)))
            {
                chosen.Add(candidate);
            }
        }

        return chosen;
    }

    /// <summary>
    /// "Ege Bölgesi'nden", "the Aegean region", "regione Toscana", "región de Valencia": the word for a region beside a
    /// partner region's name belongs to the name — no word to look for.
    /// </summary>
    private static void ConsumeRegionNouns(IReadOnlyList<Token> tokens, List<(GazetteerEntry Entry, PhraseMatch Match)> regions, bool[] consumed)
    {
        foreach (var (_, match) in regions)
        {
            var after = match.Start + match.Length;
            if (after < tokens.Count && RegionNouns.Contains(tokens[after].Norm))
            {
                consumed[after] = true;
            }

            var before = match.Start > 1 && RegionConnectors.Contains(tokens[match.Start - 1].Norm) ? match.Start - 2 : match.Start - 1;
            if (before >= 0 && RegionNouns.Contains(tokens[before].Norm))
            {
                consumed[before] = true;
            }
        }
    }

    /// <summary>
    /// Whether a region's mention is a word for a direction ("norte", "north", "severovýchodě") rather than the region's
    /// proper name ("Norte de Portugal", "Toscana").
    /// </summary>
    private static bool IsDirectionWord(IReadOnlyList<Token> tokens, PhraseMatch match) =>
        match.Length == 1 && tokens[match.Start].Norm is var word
        && (DirectionWords.Contains(word) || word.StartsWith("severovychod", StringComparison.Ordinal));

    private static void Consume(bool[] consumed, PhraseMatch match) => consumed.AsSpan(match.Start, match.Length).Fill(true);

    private static string? LanguageOf(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var code = locale.Split('-', '_')[0].ToLowerInvariant();
        return LanguageCodes.Contains(code) ? code : null;
    }

    private sealed record CompiledLanguage(
        int Index, LanguageVocabulary Vocabulary, (Intent Intent, Phrase Phrase)[] IntentPhrases, HashSet<string> StopWords, HashSet<string> TopicMarkers, Phrase[] Declines,
        Phrase[] Travel, Phrase[] Hosting, HashSet<string> CancelAlone, Phrase[] Bookings, Phrase[] Applications)
    {
        public string Code => Vocabulary.Code;

        public static CompiledLanguage From(LanguageVocabulary vocabulary, int index) => new(
            index,
            vocabulary,
            [.. vocabulary.Intents.SelectMany(kv => kv.Value.Select(p =>
                (kv.Key, kv.Key == Intent.Cancel ? new Phrase(p, minTypoLength: CancelMinTypoLength) : new Phrase(p))))],
            [.. vocabulary.StopWords.Select(TextNormalizer.Normalize)],
            [.. vocabulary.TopicMarkers.Select(TextNormalizer.Normalize)],
            [.. (vocabulary.Declines ?? []).Select(d => new Phrase(d, allowTypos: false))],
            // A travel word of five letters matches only as written: "Praze" (Prague) is no typo of "praxe" (internship).
            [.. (vocabulary.Travel ?? []).Select(t => new Phrase(t, minTypoLength: TravelMinTypoLength))],
            [.. (vocabulary.Hosting ?? []).Select(h => new Phrase(h))],
            [.. (vocabulary.CancelAlone ?? []).Select(TextNormalizer.Normalize)],
            [.. (vocabulary.Bookings ?? []).Select(b => new Phrase(b))],
            [.. (vocabulary.Applications ?? []).Select(a => new Phrase(a))]);
    }

    private sealed class CompiledEntries(IReadOnlyList<GazetteerEntry> entries, bool allowTypos = true, int minSubstitutionLength = 5, IReadOnlySet<string>? notTypos = null)
    {
        private readonly (GazetteerEntry Entry, Phrase Phrase)[] phrases =
            [.. entries.SelectMany(e => e.Names.Select(n => (e, new Phrase(n, e.Value, allowTypos, minSubstitutionLength: minSubstitutionLength, notTypos: notTypos))))];

        /// <summary>Every mention of every entry, in vocabulary order.</summary>
        public List<(GazetteerEntry Entry, PhraseMatch Match)> FindAll(IReadOnlyList<Token> tokens)
        {
            var found = new List<(GazetteerEntry Entry, PhraseMatch Match)>();
            foreach (var (entry, phrase) in phrases)
            {
                foreach (var match in phrase.FindIn(tokens))
                {
                    found.Add((entry, match));
                }
            }

            return found;
        }

        /// <summary>The first entry mentioned; at the same place the longest and best-matching name wins.</summary>
        public (GazetteerEntry Entry, PhraseMatch Match)? FirstIn(IReadOnlyList<Token> tokens) => First(FindAll(tokens));

        /// <summary><see cref="FirstIn"/> over mentions already found (the sort is stable: vocabulary order breaks ties).</summary>
        public static (GazetteerEntry Entry, PhraseMatch Match)? First(List<(GazetteerEntry Entry, PhraseMatch Match)> found) =>
            found.Count == 0
                ? null
                : found.OrderBy(f => f.Match.Start).ThenByDescending(f => f.Match.Length).ThenByDescending(f => f.Match.Weight).First();
    }
}
