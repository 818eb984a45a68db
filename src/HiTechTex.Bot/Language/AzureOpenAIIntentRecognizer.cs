using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using Azure.AI.OpenAI;
using HiTechTex.Bot.Language.Vocabulary;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace HiTechTex.Bot.Language;

/// <summary>
/// Asks an Azure OpenAI chat deployment for the intent as strict JSON-schema output. On any failure — 429, 5xx,
/// timeout, network error, an answer that is not the agreed JSON — the <see cref="LocalIntentRecognizer"/> answers
/// instead, so the bot never stalls on the model.
/// </summary>
public sealed class AzureOpenAIIntentRecognizer : IIntentRecognizer
{
    public const string SourceName = "azure-openai";

    private const string SchemaName = "intent_recognition";

    private static readonly string[] IntentNames = Enum.GetNames<Intent>();
    private static readonly string[] KindNames = [.. Gazetteer.OrganisationKinds.Select(k => k.Value)];
    private static readonly string[] CityNames = [.. Gazetteer.Cities.Select(c => c.Value)];
    private static readonly Dictionary<string, GazetteerEntry> CitiesByName = Gazetteer.Cities.ToDictionary(c => c.Value, StringComparer.OrdinalIgnoreCase);

    private static readonly string SystemPrompt = $"""
        You classify messages sent to the Hi-Tech-TEX Teams bot of a European textile-cluster partnership (Portugal, Spain,
        Italy, Turkey, Czechia). Users write in English, Portuguese, Spanish, Italian, Turkish or Czech, sometimes mixed.
        Intents:
        - FindPartners: find companies, labs, clusters, research centres or universities to work with.
        - ApplyForExchange: apply for a staff exchange / mobility visit to a partner organisation.
        - RegisterForCoaching: sign up for a coaching, training or mentoring session.
        - MyApplications: see the user's own exchange applications and their status.
        - MySessions: see the user's own coaching sessions/registrations.
        - Help: ask what the bot can do.
        - Cancel: stop the current conversation — a short command only ("cancel", "para!", "basta", "dur"); a word of it
          in another meaning is no Cancel ("vamos para Itália": "para" is "to"; "konec března": the end of March).
        - None: small talk or anything else — also a message that says the user does NOT want one of the above ("I don't
          want to apply", "não preciso de parceiros"): never start what the user refuses; for such a refusal set
          declined to true (otherwise false).
        Answer with the JSON schema only. score is your confidence from 0 to 1. language is the ISO 639-1 code of the
        message (en, pt, es, it, tr, cs). entities: keywords = search words left after removing intent words and stop
        words (restrictors such as "only", "só", "solo", "sadece", "pouze" and generic words for companies or
        organisations, by what they do too — "manufacturers", "suppliers", "providers", "fornecedores", "produttori", "üreticisi",
        "satıcılar", "výrobci" — and people such as "decision makers", "key players", "stakeholders", "contacts", "principais
        atores", "actores clave", "attori chiave", "kilit oyuncular", "paydaşlar", "klíčoví hráči", "agentes del sector", "players in the sector" are no keywords, nor is the word
        "sector", "setor", "settore", "sektör", "obor" alone ("textile sector" has ["textile"]): "only companies in Portugal" has none,
        country PT; "towel manufacturers in Portugal" has ["towel"]; "decision makers in Italy" has none; a place's name
        with a Turkish ending, with or without the apostrophe — "İzmir'de", "izmirde", "türkiyede", "egeden" — is that
        place, not a keyword); country = ISO 3166-1 alpha-2 code of the place asked for; otherCountries = the further countries named as
        alternatives, in order, as ISO codes ("in Italy or Spain": country IT, otherCountries ["ES"]; "em Portugal ou
        Espanha", "İtalya veya İspanya", "v Itálii nebo Španělsku" alike); excludedCountries = countries named to be left out,
        as ISO codes ("not in Italy", "except Italy", "outside Italy", "não em Itália", "no en Italia", "non in Italia",
        "İtalya dışında", "ne v Itálii", "mimo Itálii": excludedCountries ["IT"], never also country or otherCountries, and
        the words that exclude are no keywords); region = one of Norte, Catalonia, Valencia, Tuscany, Aegean,
        Severovýchod; excludedRegions = those regions named to be left out, by these names ("not in Tuscany", "fora do
        Norte", "no en Cataluña", "tranne la Toscana", "Ege dışında", "mimo Toskánsko": excludedRegions ["Tuscany"],
        never also region, and the words that exclude are no keywords); organisationKind = one of {string.Join(", ", KindNames)}; dates = ISO yyyy-MM-dd dates resolved
        against today's date given in the user message; sessionTopic = the coaching topic; month = a month named without
        a day ("in March", "em maio", "v březnu") as yyyy-MM: the next such month from today (this month included), or
        the year's when a year follows ("in May 2028" = 2028-05), null for a month-year already past; city = a city of
        the partnership countries named as a place, one of the listed names (Lisbon for "Lisboa"), else null; hosting =
        true when the user offers to host or receive a visitor ("we'd like to host a visitor from Spain", "acolher",
        "ospitare", "ağırlamak", "přijmout návštěvu") — a host does not apply, so the intent is then FindPartners, with
        country the one named (where visitors may come from) — otherwise false (a visitor's "host organisation" is no
        such offer). Use null or [] when absent.
        """;

    private static readonly BinaryData Schema = BinaryData.FromString(BuildSchema());

    private readonly ChatClient chatClient;
    private readonly LocalIntentRecognizer fallback;
    private readonly ILogger<AzureOpenAIIntentRecognizer> logger;
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan timeout;

    public AzureOpenAIIntentRecognizer(
        IOptions<AzureOpenAIOptions> options, LocalIntentRecognizer fallback, ILogger<AzureOpenAIIntentRecognizer> logger, TimeProvider timeProvider)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException("AzureOpenAI:Endpoint, AzureOpenAI:Deployment and AzureOpenAI:ApiKey must all be set.");
        }

        this.fallback = fallback;
        this.logger = logger;
        this.timeProvider = timeProvider;
        timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);

        // No client retries: a retry after a 429 waits for Retry-After, far past what a chat turn can wait, and the
        // local recognizer is an instant answer. The network timeout bounds a hung connection even if the token is ignored.
        var clientOptions = new AzureOpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = timeout,
        };
        var client = new AzureOpenAIClient(new Uri(settings.Endpoint!, UriKind.Absolute), new ApiKeyCredential(settings.ApiKey!), clientOptions);
        chatClient = client.GetChatClient(settings.Deployment);
    }

    public async Task<RecognizedIntent> RecognizeAsync(string text, string? locale, TimeZoneInfo? timeZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = IntentText.Bounded(text);   // a pasted page costs tokens and time, and its request is at its start
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            // The user's today: near midnight "tomorrow" in Istanbul is not the server's.
            var today = fallback.TodayIn(timeZone);
            ChatMessage[] messages =
            [
                new SystemChatMessage(SystemPrompt),
                new UserChatMessage($"Today: {today:yyyy-MM-dd}. Activity locale: {locale ?? "unknown"}.\nMessage:\n{text}"),
            ];
            var completionOptions = new ChatCompletionOptions
            {
                ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(SchemaName, Schema, jsonSchemaIsStrict: true),
                Temperature = 0,
            };

            var completion = (await chatClient.CompleteChatAsync(messages, completionOptions, linked.Token)).Value;
            var content = completion.Content.Count > 0 ? completion.Content[0].Text : null;
            if (completion.FinishReason != ChatFinishReason.Stop || string.IsNullOrWhiteSpace(content))
            {
                return await FallBackAsync($"answer not complete ({completion.FinishReason})", text, locale, timeZone, cancellationToken);
            }

            var parsed = Parse(content, today);
            if (parsed is null)
            {
                return await FallBackAsync("malformed answer", text, locale, timeZone, cancellationToken);
            }

            Log.Recognized(logger, parsed.Intent, parsed.Score, parsed.Language);
            return WithLocalReadings(parsed, text, locale, timeZone);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return await FallBackAsync($"no answer within {timeout.TotalSeconds:0.#} s", text, locale, timeZone, cancellationToken);
        }
        catch (ClientResultException exception)
        {
            // The status is enough; the exception message carries the service's error body.
            return await FallBackAsync(exception.Status == 0 ? "no response" : $"HTTP {exception.Status}", text, locale, timeZone, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.FallingBackAfterError(logger, exception.GetType().Name, exception);
            return await fallback.RecognizeAsync(text, locale, timeZone, cancellationToken);
        }
    }

    /// <summary>
    /// What the model left out, read by the local recognizer from the same text (CPU only, no call) as a fallback: a
    /// month named without a day ("in March"), a city as the place of a travel wish, the country, the dates when it gave
    /// none ("dentro de una semana", "za týden": a week from today); a stay's length ("for a week"), which the model's
    /// schema does not carry; and an offer to host a visitor ("we'd like to host a visitor from
    /// Spain") the model did not mark, which the local reading answers as a whole — an application, which a host does not
    /// make, would do the opposite; people at organisations somewhere ("Çorlu'daki paydaşlar") the model read as nothing,
    /// which the local reading answers as a whole too; the further countries of "in Italy or Spain" and the countries left
    /// out ("not in Italy") when the model gave none.
    /// </summary>
    private RecognizedIntent WithLocalReadings(RecognizedIntent parsed, string text, string? locale, TimeZoneInfo? timeZone)
    {
        if (parsed.Declined)
        {
            return parsed;
        }

        var local = fallback.Recognize(text, locale, timeZone);
        if (local.Entities.Hosting && !parsed.Entities.Hosting)
        {
            return local;
        }

        // Cancel is a short command the local reading knows in the six languages: a model that reads "vamos para Itália"
        // ("para" = stop, but here "to") as one would end what the user is doing — the local reading answers instead.
        if (parsed.Intent == Intent.Cancel && local.Intent != Intent.Cancel)
        {
            return local;
        }

        // "Çorlu'daki paydaşlar", "stakeholders in Portugal": people at organisations somewhere and nothing else said are a
        // partner search there by a rule of the local reading (the model may not know Çorlu); its None gives way to that
        // rule alone — a search the local reading found by any other (a verb, organisations, a textile term) leaves it.
        if (parsed.Intent == Intent.None && local is { Intent: Intent.FindPartners, PeopleSomewhere: true })
        {
            return local;
        }

        // "not in Tuscany", "Ege dışında": a region the model or the local reading saw left out is no place to search
        // either — nor its country, when the model took it from that region alone. The local reading's country is no
        // place either when it came from such a region: "egeden olmayan" (not from the Aegean) it reads as the Aegean.
        var excludedRegions = parsed.Entities.ExcludedRegions.Union(local.Entities.ExcludedRegions, StringComparer.Ordinal).ToList();
        var localCountry = local.Entities is { Country: { } fromRegion, Region: { } localPlace }
            && excludedRegions.Contains(localPlace, StringComparer.Ordinal) && !LocalIntentRecognizer.NamesCountry(text, fromRegion)
                ? null
                : local.Entities.Country;

        // "not in Italy", "İtalya dışında": a country the model or the local reading saw left out is searched nowhere —
        // a model that reads it as the place would search only there. "in Italy or Spain": the further countries are the
        // model's, else the local reading's when both read the same first country.
        var excluded = parsed.Entities.ExcludedCountries.Union(local.Entities.ExcludedCountries, StringComparer.Ordinal).ToList();
        var country = parsed.Entities.Country ?? localCountry;
        if (country is not null && excluded.Contains(country, StringComparer.Ordinal))
        {
            country = localCountry is { } other && !excluded.Contains(other, StringComparer.Ordinal) ? other : null;
        }

        var region = parsed.Entities.Region;
        if (region is not null && excludedRegions.Contains(region, StringComparer.Ordinal))
        {
            region = local.Entities.Region is { } localRegion && !excludedRegions.Contains(localRegion, StringComparer.Ordinal) ? localRegion : null;
            if (country is not null && country != localCountry && LocalIntentRecognizer.FindRegion(parsed.Entities.Region!)?.Country == country)
            {
                country = localCountry;
            }
        }

        return parsed with
        {
            Entities = parsed.Entities with
            {
                // A day on no calendar ("30/02/2027") is the local reading's to tell: a model may roll it over to
                // 2 March or keep only the month, which would put a day the user did not type into the form.
                Month = local.Entities.NoSuchDates.Count > 0 ? local.Entities.Month : parsed.Entities.Month ?? local.Entities.Month,
                Dates = parsed.Entities.Dates.Count > 0 && local.Entities.NoSuchDates.Count == 0 ? parsed.Entities.Dates : local.Entities.Dates,
                NoSuchDates = local.Entities.NoSuchDates,
                StayDays = parsed.Entities.StayDays ?? local.Entities.StayDays,
                StayMonths = parsed.Entities.StayMonths ?? local.Entities.StayMonths,
                City = parsed.Entities.City ?? local.Entities.City,
                Country = country,
                Region = region,
                ExcludedRegions = excludedRegions,
                OtherCountries = country is null
                    ? []
                    : [.. (parsed.Entities.OtherCountries.Count > 0 || country != local.Entities.Country ? parsed.Entities.OtherCountries : local.Entities.OtherCountries)
                        .Where(c => c != country && !excluded.Contains(c, StringComparer.Ordinal))],
                ExcludedCountries = excluded,
            },
        };
    }

    /// <summary>Reads the model's JSON; null when it is not exactly what the schema promised.</summary>
    internal static RecognizedIntent? Parse(string content, DateOnly today)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("intent", out var intentElement) || intentElement.ValueKind != JsonValueKind.String
                || !IntentNames.Contains(intentElement.GetString(), StringComparer.Ordinal)
                || !root.TryGetProperty("score", out var scoreElement) || scoreElement.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("entities", out var entitiesElement) || entitiesElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var intent = Enum.Parse<Intent>(intentElement.GetString()!);
            var score = scoreElement.GetDouble();
            if (double.IsNaN(score) || score is < 0 or > 1)
            {
                return null;
            }

            var language = OptionalString(root, "language")?.ToLowerInvariant();
            if (language is not null && !LocalIntentRecognizer.LanguageCodes.Contains(language))
            {
                language = null;
            }

            var country = OptionalString(entitiesElement, "country");
            var regionText = OptionalString(entitiesElement, "region");
            var region = regionText is null ? null : LocalIntentRecognizer.FindRegion(regionText);
            var kind = OptionalString(entitiesElement, "organisationKind");
            var city = OptionalString(entitiesElement, "city") is { } cityText && CitiesByName.TryGetValue(cityText, out var cityEntry) ? cityEntry : null;
            // "only companies in Portugal": the model may keep "only" (or "empresas", "pouze") among the keywords; and
            // "türkiyede", "egeden", "izmirde": a place's name with a Turkish ending, which the local reading reads as the place.
            var (keywords, places) = KeywordsAndPlaces(SearchRestrictors.Clean(StringArray(entitiesElement, "keywords")));
            var entities = new IntentEntities
            {
                Keywords = keywords,
                Country = (country is null ? null : LocalIntentRecognizer.FindCountry(country)) ?? region?.Country ?? places.Find(p => p.Country is not null).Country,
                Region = region?.Region ?? regionText ?? places.Find(p => p.Region is not null).Region,
                OrganisationKind = kind is not null && KindNames.Contains(kind, StringComparer.Ordinal) ? kind : null,
                Dates = [.. StringArray(entitiesElement, "dates").Select(d => LocalIntentRecognizer.ParseDate(d, today)).OfType<DateOnly>().Distinct()],
                // "coaching on Friday": a day of the week the model took for the topic is when, not what about.
                SessionTopic = OptionalString(entitiesElement, "sessionTopic") is { } topic && !LocalIntentRecognizer.IsOnlyWeekdays(topic) ? topic : null,
                Month = ParseMonth(OptionalString(entitiesElement, "month"), today),
                City = city?.Value ?? places.Find(p => p.City is not null).City,
                Hosting = entitiesElement.TryGetProperty("hosting", out var hosting) && hosting.ValueKind == JsonValueKind.True,
            };
            // "in Italy or Spain": the search looks in the first country and offers the others; "not in Italy": everywhere
            // else. Each a country the recognizer knows, once, never the searched one; an excluded one is searched nowhere.
            var excluded = Countries(entitiesElement, "excludedCountries").ToList();
            if (entities.Country is { } searched && excluded.Contains(searched, StringComparer.Ordinal))
            {
                entities = entities with { Country = null };
            }

            // "not in Tuscany": each a partner region the recognizer knows, by its canonical name, once; an excluded
            // region is no place to search, nor its country when the model named that region alone.
            var excludedRegions = StringArray(entitiesElement, "excludedRegions")
                .Select(LocalIntentRecognizer.FindRegion).OfType<(string Region, string? Country)>().Select(r => r.Region)
                .Distinct(StringComparer.Ordinal).ToList();
            if (entities.Region is { } searchedRegion && excludedRegions.Contains(searchedRegion, StringComparer.Ordinal))
            {
                // The country stays only where it was named as one — by the model, or by a keyword ("türkiyede") — not
                // where it came from that region ("egeden").
                var named = (country is null ? null : LocalIntentRecognizer.FindCountry(country)) ?? places.Find(p => p is { Country: not null, Region: null }).Country;
                entities = entities with { Region = null, Country = named };
            }

            entities = entities with { ExcludedRegions = excludedRegions };

            entities = entities with
            {
                ExcludedCountries = excluded,
                OtherCountries = entities.Country is null
                    ? []
                    : [.. Countries(entitiesElement, "otherCountries").Concat(places.Select(p => p.Country).OfType<string>()).Distinct(StringComparer.Ordinal)
                        .Where(c => c != entities.Country && !excluded.Contains(c, StringComparer.Ordinal))],
            };
            // A refusal ("I don't want to apply") starts nothing, whatever intent the model named with it.
            if (root.TryGetProperty("declined", out var declined) && declined.ValueKind == JsonValueKind.True)
            {
                return new RecognizedIntent(Intent.None, score, entities, language, SourceName) { Declined = true };
            }

            // An offer to host is no application: a partner search where the visitors may come from (as the local reading).
            if (entities.Hosting)
            {
                return new RecognizedIntent(Intent.FindPartners, score, WithCityCountry(entities) with { Keywords = [] }, language, SourceName);
            }

            return new RecognizedIntent(intent, score, intent == Intent.ApplyForExchange ? WithCityCountry(entities) : entities, language, SourceName);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // A property of the wrong JSON type (GetString on a number, …).
            return null;
        }
    }

    /// <summary>
    /// The model's "yyyy-MM" (or a date in it) as the month's first day; null when it is no month, or a month already
    /// past — never moved to another year (the local reading's rule: "May 2025" is no month).
    /// </summary>
    internal static DateOnly? ParseMonth(string? text, DateOnly today)
    {
        if (text is null || text.Length < 7 || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
            || month is < 1 or > 12 || year < 2000 || year > 9999)
        {
            return null;
        }

        var first = new DateOnly(year, month, 1);
        return first < new DateOnly(today.Year, today.Month, 1) ? null : first;
    }

    /// <summary>The country of the city named, when no country is.</summary>
    private static IntentEntities WithCityCountry(IntentEntities entities) =>
        entities is { Country: null, City: { } city } && CitiesByName.TryGetValue(city, out var entry)
            ? entities with { Country = entry.Country }
            : entities;

    private async Task<RecognizedIntent> FallBackAsync(string reason, string text, string? locale, TimeZoneInfo? timeZone, CancellationToken cancellationToken)
    {
        Log.FallingBack(logger, reason);
        return await fallback.RecognizeAsync(text, locale, timeZone, cancellationToken);
    }

    /// <summary>
    /// The model's keywords as the local reading would have them (<see cref="LocalIntentRecognizer.ReadPlaceKeyword"/>): a
    /// place's name with a Turkish case ending written on it ("türkiyede", "denizliden", "izmirde" — a model keeps them as
    /// words, and the search looked for "izmirde", which no description holds) is the place; a country or region leaves
    /// no keyword, a city its name. The places, in order, beside the words left.
    /// </summary>
    private static (List<string> Keywords, List<PlaceKeyword> Places) KeywordsAndPlaces(IReadOnlyList<string> keywords)
    {
        var kept = new List<string>(keywords.Count);
        var places = new List<PlaceKeyword>();
        foreach (var keyword in keywords)
        {
            var read = LocalIntentRecognizer.ReadPlaceKeyword(keyword);
            if (read.Keyword is { } word)
            {
                kept.Add(word);
            }

            if (read.NamesAPlace)
            {
                places.Add(read);
            }
        }

        return (kept, places);
    }

    /// <summary>The ISO codes of the countries an array names (codes or names the recognizer knows), each once, in order.</summary>
    private static IEnumerable<string> Countries(JsonElement element, string name) =>
        StringArray(element, name).Select(LocalIntentRecognizer.FindCountry).OfType<string>().Distinct(StringComparer.Ordinal);

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static string[] StringArray(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).Where(s => s.Length > 0)]
            : [];

    private static string BuildSchema()
    {
        static object NullableString() => new { type = new[] { "string", "null" } };
        var schema = new
        {
            type = "object",
            additionalProperties = false,
            required = new[] { "intent", "score", "language", "declined", "entities" },
            properties = new Dictionary<string, object>
            {
                ["intent"] = new { type = "string", @enum = IntentNames },
                ["score"] = new { type = "number" },
                ["declined"] = new { type = "boolean" },
                ["language"] = new { type = new[] { "string", "null" }, @enum = LocalIntentRecognizer.LanguageCodes.Cast<string?>().Append(null).ToArray() },
                ["entities"] = new
                {
                    type = "object",
                    additionalProperties = false,
                    required = new[] { "keywords", "country", "otherCountries", "excludedCountries", "region", "excludedRegions", "organisationKind", "dates", "sessionTopic", "month", "city", "hosting" },
                    properties = new Dictionary<string, object>
                    {
                        ["keywords"] = new { type = "array", items = new { type = "string" } },
                        ["country"] = NullableString(),
                        ["otherCountries"] = new { type = "array", items = new { type = "string" } },
                        ["excludedCountries"] = new { type = "array", items = new { type = "string" } },
                        ["region"] = NullableString(),
                        ["excludedRegions"] = new { type = "array", items = new { type = "string" } },
                        ["organisationKind"] = new { type = new[] { "string", "null" }, @enum = KindNames.Cast<string?>().Append(null).ToArray() },
                        ["dates"] = new { type = "array", items = new { type = "string" } },
                        ["sessionTopic"] = NullableString(),
                        ["month"] = new { type = new[] { "string", "null" } },
                        ["city"] = new { type = new[] { "string", "null" }, @enum = CityNames.Cast<string?>().Append(null).ToArray() },
                        ["hosting"] = new { type = "boolean" },
                    },
                },
            },
        };
        return JsonSerializer.Serialize(schema);
    }
}
