using System.Globalization;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>The find-partners cards: the templates <c>cards/partner-*.json</c> bound with data and the texts of a language.</summary>
internal sealed class PartnerCards(ICardRenderer renderer)
{
    public const string FiltersTemplate = "partner-filters";
    public const string ResultsTemplate = "partner-results";
    public const string DetailTemplate = "partner-detail";
    public const string IntroductionTemplate = "partner-introduction";
    public const string SummaryTemplate = "partner-card";
    public const string ErrorTemplate = "error";
    public const string OtherCountriesTemplate = "partner-other-countries";

    public Attachment Filters(PartnerTexts texts, PartnerQuery query) => renderer.Render(FiltersTemplate, new JsonObject
    {
        ["title"] = texts.FiltersTitle,
        ["intro"] = texts.FiltersIntro,
        ["exceptNote"] = ExceptNote(texts, query),
        ["query"] = query.ToJson(),
        ["countries"] = Choices(texts.Countries.Select(c => (c.Value, c.Key))),
        ["kinds"] = Choices(texts.Kinds.Select(k => (k.Value, k.Key.ToString()))),
        ["capabilities"] = Choices(TextileTaxonomy.Capabilities.Select(t => (t.LabelIn(texts.Language), t.Id))),
        ["services"] = Choices(Enum.GetValues<PartnerService>().Select(s => (Label(TextileTaxonomy.IdOf(s), texts), s.ToString()))),
        ["stages"] = Choices(Enum.GetValues<ValueChainStage>().Select(s => (Label(TextileTaxonomy.IdOf(s), texts), s.ToString()))),
        ["labels"] = new JsonObject
        {
            ["query"] = texts.QueryLabel,
            ["queryPlaceholder"] = texts.QueryPlaceholder,
            ["country"] = texts.CountryLabel,
            ["kind"] = texts.KindLabel,
            ["capability"] = texts.CapabilityLabel,
            ["service"] = texts.ServiceLabel,
            ["stage"] = texts.StageLabel,
            ["any"] = texts.Any,
            ["search"] = texts.Search,
        },
    });

    public Attachment Results(PartnerTexts texts, PartnerQuery query, PartnerSearchResults results, int pageSize)
    {
        var first = results.Hits.Count == 0 ? 0 : query.Skip + 1;
        var last = query.Skip + results.Hits.Count;
        return renderer.Render(ResultsTemplate, new JsonObject
        {
            ["title"] = texts.ResultsTitle,
            ["summary"] = Summary(texts, query),
            ["range"] = PartnerTexts.Format(texts.ResultsRange, first, last, results.Total),
            ["hasPrevious"] = query.Skip > 0,
            ["hasMore"] = last < results.Total,
            ["previousSkip"] = Math.Max(0, query.Skip - pageSize),
            ["nextSkip"] = query.Skip + pageSize,
            ["query"] = query.ToJson(),
            ["results"] = new JsonArray([.. results.Hits.Select(h => (JsonNode)new JsonObject
            {
                ["id"] = h.OrganisationId,
                ["name"] = h.Name,
                ["kind"] = texts.Kinds[h.Kind],
                ["place"] = Place(texts, h.City, h.Country),
                ["explanation"] = h.ExplanationIn(texts.Language, texts.MatchesPrefix),
            })]),
            ["labels"] = new JsonObject
            {
                ["details"] = texts.Details,
                ["previous"] = texts.Previous,
                ["more"] = texts.More,
                ["refine"] = texts.Refine,
            },
        });
    }

    /// <summary>
    /// "The search looks in one country at a time, so these results are for Italy only." with a "Search Spain" button per
    /// other country the request named, which runs the same search there.
    /// </summary>
    public Attachment OtherCountries(PartnerTexts texts, PartnerQuery query, IReadOnlyList<string> others)
    {
        var searched = texts.Countries.TryGetValue(query.Country, out var name) ? name : query.Country;
        return renderer.Render(OtherCountriesTemplate, new JsonObject
        {
            ["note"] = PartnerTexts.Format(texts.OneCountryAtATimeFormat, searched),
            ["countries"] = new JsonArray([.. others.Select(other =>
            {
                var search = (query with { Country = other, Skip = 0 }).ToJson();
                search["action"] = "partners.search";
                return (JsonNode)new JsonObject
                {
                    ["title"] = PartnerTexts.Format(texts.SearchCountryFormat, texts.Countries[other]),
                    ["search"] = search,
                };
            })]),
        });
    }

    /// <param name="requested">The user asked this partner for an introduction: the card says so instead of offering the
    /// message box and the request button.</param>
    /// <param name="managed">The reader manages the entry (a cluster manager of its cluster): no introduction to ask
    /// for — the card says where its contacts are and opens the entry's form instead.</param>
    /// <param name="ownContact">The reader is one of the organisation's contacts (its introductions would come to them):
    /// nothing to ask for — the card says so.</param>
    /// <param name="message">Written in the message box (a request begun in a group and continued in the 1:1 chat).</param>
    /// <param name="reachable">Someone at the organisation can be reached through the bot (<see cref="IntroductionService.CanReach"/>):
    /// if not, the card says so instead of offering a message box and a request that could not be sent.</param>
    public Attachment Detail(PartnerTexts texts, Organisation organisation, bool requested = false, bool managed = false, string? message = null, bool ownContact = false, bool reachable = true)
    {
        var facts = new JsonArray();
        AddFact(facts, texts.CapabilityLabel, organisation.Capabilities.Select(c => Label(c, texts)));
        AddFact(facts, texts.ServiceLabel, organisation.Services.Select(s => Label(TextileTaxonomy.IdOf(s), texts)));
        AddFact(facts, texts.StageLabel, organisation.Stages.Select(s => Label(TextileTaxonomy.IdOf(s), texts)));
        AddFact(facts, texts.Languages, organisation.Languages.Select(LanguageName));
        return renderer.Render(DetailTemplate, new JsonObject
        {
            ["id"] = organisation.Id,
            ["name"] = organisation.Name,
            ["kind"] = texts.Kinds[organisation.Kind],
            ["place"] = $"{organisation.City}, {PartnerGeography.RegionNameIn(organisation.Region, texts.Language)}, {CountryName(texts, organisation.Country)}",
            ["isDemo"] = organisation.IsDemo,
            ["description"] = organisation.Description,
            ["website"] = SafeUrl(organisation.Website),
            ["isRequested"] = requested && !managed && !ownContact,
            ["isManaged"] = managed,
            ["isOwnContact"] = ownContact && !managed,
            ["message"] = message is null ? "" : Utf16Text.Cut(message.Trim(), IntroductionService.MaxMessageLength),
            ["canRequest"] = !requested && !managed && !ownContact && reachable,
            ["isUnreachable"] = !requested && !managed && !ownContact && !reachable,
            ["facts"] = facts,
            ["labels"] = new JsonObject
            {
                ["heading"] = texts.DetailsHeading,
                ["demo"] = texts.Demo,
                ["message"] = texts.MessageLabel,
                ["messagePlaceholder"] = texts.MessagePlaceholder,
                ["messageRequired"] = texts.MessageRequired,
                ["request"] = texts.RequestIntroduction,
                ["requested"] = texts.IntroductionRequestedNote,
                ["managed"] = PartnerTexts.Format(texts.ManagedMemberNote, texts.ManageMembersCommands[0]),
                ["ownContact"] = texts.OwnContactNote,
                ["unreachable"] = texts.IntroductionUnreachableNote,
                ["edit"] = texts.Edit,
                ["website"] = texts.Website,
            },
        });
    }

    /// <summary>
    /// The card the addressees get; <paramref name="canAnswer"/> shows Accept/Decline (pending, and the viewer may
    /// answer). People's names (the requester, who answered) and the requester's organisation are <c>TextRun</c>s, so
    /// Markdown in them shows as typed, and pass <see cref="NameRule.ForCard"/>: one stored before the name rules may
    /// hold a line break or a bidi override that would turn the rest of the line around.
    /// </summary>
    public Attachment Introduction(PartnerTexts texts, Introduction introduction, bool canAnswer, IReadOnlyList<string> addresseeUserIds) =>
        renderer.Render(IntroductionTemplate, new JsonObject
        {
            ["introductionId"] = introduction.Id,
            ["title"] = texts.IntroductionTitle,
            ["facts"] = new JsonArray(
                Fact(texts.From, NameRule.ForCard(introduction.RequesterName)),
                Fact(texts.Organisation, NameRule.ForCard(introduction.RequesterOrganisation)),
                Fact(texts.PartnerLabel, introduction.OrganisationName),
                Fact(texts.Status, introduction.Status switch
                {
                    IntroductionStatus.Accepted => PartnerTexts.Format(texts.StatusAccepted, NameRule.ForCard(introduction.DecidedBy)),
                    IntroductionStatus.Declined => PartnerTexts.Format(texts.StatusDeclined, NameRule.ForCard(introduction.DecidedBy)),
                    IntroductionStatus.Expired => introduction.DecidedAt is { } expiredAt
                        ? PartnerTexts.Format(texts.StatusExpiredOn, DayOf(texts, expiredAt))
                        : texts.StatusExpired,
                    _ => texts.StatusPending,
                })),
            ["message"] = introduction.Message,
            ["canAnswer"] = canAnswer && introduction.Status == IntroductionStatus.Pending,
            ["addresseeIds"] = new JsonArray([.. addresseeUserIds.Take(60).Select(id => (JsonNode)JsonValue.Create(id)!)]),
            ["labels"] = new JsonObject
            {
                ["refresh"] = texts.Refresh,
                ["message"] = texts.Message,
                ["accept"] = texts.Accept,
                ["decline"] = texts.Decline,
            },
        });

    /// <summary>
    /// What someone who is neither the requester nor an addressee gets for an introduction card: a refusal, without
    /// anything of the request (the exchange cards' <c>error</c> card).
    /// </summary>
    public Attachment NotShown(PartnerTexts texts, string backToMenu) => renderer.Render(ErrorTemplate, new JsonObject
    {
        ["title"] = texts.IntroductionNotShownTitle,
        ["message"] = texts.IntroductionNotShown,
        ["labels"] = new JsonObject { ["menu"] = backToMenu },
    });

    /// <summary>A result of the message extension: the card inserted into the message.</summary>
    public Attachment Summary(PartnerTexts texts, PartnerSearchHit hit, string description, string? website) => renderer.Render(SummaryTemplate, new JsonObject
    {
        ["name"] = hit.Name,
        ["kind"] = texts.Kinds[hit.Kind],
        ["place"] = Place(texts, hit.City, hit.Country),
        ["explanation"] = hit.ExplanationIn(texts.Language, texts.MatchesPrefix),
        ["description"] = Shorten(description, MaxSummaryDescription),
        ["website"] = SafeUrl(website),
        ["labels"] = new JsonObject { ["website"] = texts.Website },
    });

    /// <summary>The description shown on a message-extension card (the full one is on the detail card).</summary>
    public const int MaxSummaryDescription = 300;

    /// <summary>
    /// At most <paramref name="length"/> characters, cut at the last space before it with "…" (the card's text run
    /// cannot cut lines itself, as a text block's <c>maxLines</c> did).
    /// </summary>
    public static string Shorten(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length - 1);
        return cut > length / 2 ? string.Concat(text.AsSpan(0, cut).TrimEnd(), "…") : Utf16Text.Shorten(text, length);
    }

    public static string Place(PartnerTexts texts, string city, string country) => $"{city}, {CountryName(texts, country)}";

    /// <summary>A day as the reader's language writes it (short date), in UTC: a card is the same for all its readers.</summary>
    public static string DayOf(PartnerTexts texts, DateTimeOffset time) =>
        time.UtcDateTime.ToString("d", ConversationTexts.RegionalCulture(texts.Language));

    public static string CountryName(PartnerTexts texts, string country) => texts.Countries.GetValueOrDefault(country, country);

    /// <summary>The search as one line: the text, then the filters in the user's language.</summary>
    public static string Summary(PartnerTexts texts, PartnerQuery query)
    {
        var parts = new List<string>();
        if (query.Q.Length > 0)
        {
            parts.Add($"“{query.Q}”");
        }

        if (query.Country.Length > 0)
        {
            parts.Add(CountryName(texts, query.Country));
        }

        if (ExceptNote(texts, query) is { Length: > 0 } except)
        {
            parts.Add(except);
        }

        if (query.Kind.Length > 0)
        {
            parts.Add(texts.Kinds[Enum.Parse<OrganisationKind>(query.Kind)]);
        }

        if (query.Capability.Length > 0)
        {
            parts.Add(Label(query.Capability, texts));
        }

        if (query.Service.Length > 0)
        {
            parts.Add(Label(TextileTaxonomy.IdOf(Enum.Parse<PartnerService>(query.Service)), texts));
        }

        if (query.Stage.Length > 0)
        {
            parts.Add(Label(TextileTaxonomy.IdOf(Enum.Parse<ValueChainStage>(query.Stage)), texts));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>
    /// "all countries except Italy", "all regions except Tuscany" (both, "·" between) for a search that leaves places out;
    /// "" for none.
    /// </summary>
    public static string ExceptNote(PartnerTexts texts, PartnerQuery query)
    {
        var notes = new List<string>();
        if (query.ExceptCountries.Count > 0)
        {
            notes.Add(PartnerTexts.Format(texts.ExceptCountriesFormat, string.Join(", ", query.ExceptCountries.Select(c => CountryName(texts, c)))));
        }

        if (query.ExceptRegionNames.Count > 0)
        {
            notes.Add(PartnerTexts.Format(texts.ExceptRegionsFormat, string.Join(", ", query.ExceptRegionNames.Select(r => PartnerGeography.RegionNameIn(r, texts.Language)))));
        }

        return string.Join(" · ", notes);
    }

    private static string Label(string taxonomyId, PartnerTexts texts) => TextileTaxonomy.Find(taxonomyId)?.LabelIn(texts.Language) ?? taxonomyId;

    // Only http(s) links become buttons; anything else in an imported website is left out.
    private static string SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : "";

    private static JsonArray Choices(IEnumerable<(string Title, string Value)> items) =>
        new([.. items.Select(i => (JsonNode)new JsonObject { ["title"] = i.Title, ["value"] = i.Value })]);

    /// <summary>
    /// A language the organisation works in, by its own name as the bot's language question shows it ("Português",
    /// "English"), not its code ("pt, en" on the card); another language by its own name too ("français"), else the code.
    /// </summary>
    internal static string LanguageName(string code)
    {
        var folded = code.Trim().ToLowerInvariant();
        if (ConversationTexts.All.FirstOrDefault(t => t.Language == folded) is { } texts)
        {
            return texts.LanguageName;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(folded, predefinedOnly: true);
            return culture.IsNeutralCulture && culture.NativeName.Length > 0 ? culture.NativeName : code;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    private static void AddFact(JsonArray facts, string title, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count > 0)
        {
            facts.Add(Fact(title, string.Join(", ", list)));
        }
    }

    // A row of the title/value columns the cards show instead of a FactSet: Teams reads a fact's value as Markdown, and
    // these values hold directory and user text.
    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
