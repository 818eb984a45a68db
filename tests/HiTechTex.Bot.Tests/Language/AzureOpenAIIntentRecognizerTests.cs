using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>The real Azure OpenAI client against a local server speaking the chat-completions REST shape.</summary>
public sealed class AzureOpenAIIntentRecognizerTests : IAsyncDisposable
{
    private const string Deployment = "intent-model";
    private const string ApiKey = "test-key-123";
    private const string UserText = "Procuro um laboratório de acabamento em Itália";

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Now);
    private readonly ListLogger<AzureOpenAIIntentRecognizer> logger = new();
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource requestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LocalHttpServer? server;

    public async ValueTask DisposeAsync()
    {
        // Let a handler that is holding a request open finish, so the server stops at once.
        release.TrySetResult();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task RecognizeAsync_ModelAnswers_ReturnsItsIntentAndSendsKeyDeploymentSchemaAndText()
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"FindPartners","score":0.92,"language":"pt",
             "entities":{"keywords":["acabamento"],"country":"IT","region":"Toscana","organisationKind":"Facility",
                         "dates":["2026-12-03","amanhã"],"sessionTopic":null}}
            """));

        var result = await recognizer.RecognizeAsync(UserText, "pt-PT", null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(0.92, result.Score);
        Assert.Equal("pt", result.Language);
        Assert.Equal(["acabamento"], result.Entities.Keywords);
        Assert.Equal("IT", result.Entities.Country);
        Assert.Equal("Tuscany", result.Entities.Region);
        Assert.Equal("Facility", result.Entities.OrganisationKind);
        Assert.Equal([new DateOnly(2026, 12, 3), new DateOnly(2026, 11, 27)], result.Entities.Dates);

        var request = Assert.Single(server!.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/openai/deployments/{Deployment}/chat/completions", request.Path);
        Assert.Contains("api-version=", request.Query, StringComparison.Ordinal);
        Assert.Equal(ApiKey, request.Headers["api-key"]);
        var body = JsonNode.Parse(request.Body)!;
        var format = body["response_format"]!;
        Assert.Equal("json_schema", (string?)format["type"]);
        Assert.True((bool?)format["json_schema"]!["strict"]);
        var intents = format["json_schema"]!["schema"]!["properties"]!["intent"]!["enum"]!.AsArray().Select(n => (string?)n).ToArray();
        Assert.Equal(Enum.GetNames<Intent>(), intents);
        Assert.Contains("declined", format["json_schema"]!["schema"]!["required"]!.AsArray().Select(n => (string?)n));
        Assert.False(result.Declined);
        var messages = body["messages"]!.AsArray();
        Assert.Equal("system", (string?)messages[0]!["role"]);
        Assert.Contains(UserText, MessageText(messages[1]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecognizeAsync_APastedMegabyte_SendsOnlyItsStart()
    {
        // Tokens cost money and time: the request is at the start of a message, not in its millionth character.
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"FindPartners","score":0.9,"language":"en","declined":false,
             "entities":{"keywords":[],"country":null,"region":null,"organisationKind":null,"dates":[],"sessionTopic":null}}
            """));
        var pasted = "find partners for nonwovens " + new string('x', 1_000_000);

        await recognizer.RecognizeAsync(pasted, "en-US", null, CancellationToken.None);

        var sent = MessageText(JsonNode.Parse(Assert.Single(server!.Requests).Body)!["messages"]![1]!);
        Assert.Contains("find partners for nonwovens", sent, StringComparison.Ordinal);
        Assert.InRange(sent.Length, IntentText.MaxLength, IntentText.MaxLength + 200);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("ApplyForExchange")]
    public async Task RecognizeAsync_ModelMarksARefusal_NothingIsStartedAndItIsDeclined(string intent)
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, $$$"""
            {"intent":"{{{intent}}}","score":0.9,"language":"pt","declined":true,
             "entities":{"keywords":[],"country":null,"region":null,"organisationKind":null,"dates":[],"sessionTopic":null}}
            """));

        var result = await recognizer.RecognizeAsync("não quero candidatar-me", "pt-PT", null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal(Intent.None, result.Intent);
        Assert.True(result.Declined);
    }

    [Fact]
    public async Task RecognizeAsync_ModelAnswersAnApplication_MonthStayAndCityReadLocallyAreAdded()
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"ApplyForExchange","score":0.9,"language":"en",
             "entities":{"keywords":[],"country":null,"region":null,"organisationKind":null,"dates":[],"sessionTopic":null}}
            """));

        var result = await recognizer.RecognizeAsync("I want to travel to Lisbon in June for two weeks", "en-GB", null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal(new DateOnly(2027, 6, 1), result.Entities.Month);
        Assert.Equal(14, result.Entities.StayDays);
        Assert.Equal("Lisbon", result.Entities.City);
        Assert.Equal("PT", result.Entities.Country);
    }

    [Fact]
    public async Task RecognizeAsync_Request_SchemaAndPromptAskForMonthCityAndHosting()
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"FindPartners","score":0.9,"language":"en","declined":false,
             "entities":{"keywords":[],"country":null,"region":null,"organisationKind":null,"dates":[],"sessionTopic":null,
                         "month":null,"city":null,"hosting":false}}
            """));

        await recognizer.RecognizeAsync("find partners", "en-US", null, CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(server!.Requests).Body)!;
        var entities = body["response_format"]!["json_schema"]!["schema"]!["properties"]!["entities"]!;
        var required = entities["required"]!.AsArray().Select(n => (string?)n).ToArray();
        Assert.Contains("month", required);
        Assert.Contains("city", required);
        Assert.Contains("hosting", required);
        var properties = entities["properties"]!.AsObject();
        Assert.Equal(properties.Select(p => p.Key).Order(), required.Order());   // strict: every property is required
        Assert.Equal("boolean", (string?)properties["hosting"]!["type"]);
        var cities = properties["city"]!["enum"]!.AsArray().Select(n => (string?)n).ToArray();
        Assert.Contains("Lisbon", cities);
        Assert.Contains("Prato", cities);
        Assert.Contains(cities, c => c is null);
        var system = MessageText(body["messages"]![0]!);
        Assert.Contains("month =", system, StringComparison.Ordinal);
        Assert.Contains("city =", system, StringComparison.Ordinal);
        Assert.Contains("hosting =", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecognizeAsync_Request_SchemaAndPromptAskForOtherAndExcludedCountries()
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"FindPartners","score":0.9,"language":"en","declined":false,
             "entities":{"keywords":[],"country":null,"otherCountries":[],"excludedCountries":[],"region":null,"organisationKind":null,
                         "dates":[],"sessionTopic":null,"month":null,"city":null,"hosting":false}}
            """));

        await recognizer.RecognizeAsync("find partners", "en-US", null, CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(server!.Requests).Body)!;
        var entities = body["response_format"]!["json_schema"]!["schema"]!["properties"]!["entities"]!;
        var required = entities["required"]!.AsArray().Select(n => (string?)n).ToArray();
        Assert.Contains("otherCountries", required);
        Assert.Contains("excludedCountries", required);
        Assert.Equal("array", (string?)entities["properties"]!["otherCountries"]!["type"]);
        Assert.Equal("array", (string?)entities["properties"]!["excludedCountries"]!["type"]);
        var system = MessageText(body["messages"]![0]!);
        Assert.Contains("otherCountries =", system, StringComparison.Ordinal);
        Assert.Contains("excludedCountries =", system, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "find partners where the boot meets the sea, or on the Iberian side", "[\"ES\"]")]
    [InlineData("pt", "parceiros na bota ou então do lado ibérico", "[\"Spain\"]")]        // a name: read as its code
    [InlineData("cs", "partneři v botě, případně na Pyrenejích", "[\"ES\",\"IT\",\"ES\",\"Atlantis\"]")]   // once each, never the searched one, none unknown
    public async Task RecognizeAsync_ModelNamesFurtherCountries_TheyAreTheOtherCountries(string language, string text, string others)
    {
        // Words the local reading finds no country in: the model's countries are the answer.
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, $$$"""
            {"intent":"FindPartners","score":0.9,"language":"{{{language}}}","declined":false,
             "entities":{"keywords":[],"country":"IT","otherCountries":{{{others}}},"excludedCountries":[],"region":null,"organisationKind":null,
                         "dates":[],"sessionTopic":null,"month":null,"city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync(text, language, null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal("IT", result.Entities.Country);
        Assert.Equal(["ES"], result.Entities.OtherCountries);
    }

    [Theory]
    [InlineData("en", "find partners in Italy or Spain")]
    [InlineData("pt", "procuro parceiros em Itália ou Espanha")]
    [InlineData("es", "busco socios en Italia o España")]
    [InlineData("it", "cerco partner in Italia o Spagna")]
    [InlineData("tr", "İtalya veya İspanya'da partner arıyorum")]
    [InlineData("cs", "hledám partnery v Itálii nebo Španělsku")]
    public async Task RecognizeAsync_ModelGivesTheFirstCountryOnly_TheLocalReadingsOtherCountriesAreAdded(string language, string text)
    {
        // A model (or a deployment on the schema before otherCountries) that names Italy alone: Spain is not lost.
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, $$$"""
            {"intent":"FindPartners","score":0.9,"language":"{{{language}}}","declined":false,
             "entities":{"keywords":[],"country":"IT","region":null,"organisationKind":null,"dates":[],"sessionTopic":null,
                         "month":null,"city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync(text, language, null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal("IT", result.Entities.Country);
        Assert.Equal(["ES"], result.Entities.OtherCountries);
    }

    [Theory]
    [InlineData("\"IT\"", "[]")]       // the model reads the country left out as the place
    [InlineData("null", "[\"IT\"]")]    // the model reads it right
    [InlineData("\"IT\"", "[\"Italy\"]")] // both: the exclusion wins
    public async Task RecognizeAsync_NotInItaly_ItalyIsLeftOutNotSearched(string country, string excluded)
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, $$$"""
            {"intent":"FindPartners","score":0.9,"language":"en","declined":false,
             "entities":{"keywords":[],"country":{{{country}}},"otherCountries":[],"excludedCountries":{{{excluded}}},"region":null,
                         "organisationKind":null,"dates":[],"sessionTopic":null,"month":null,"city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync("find partners not in Italy", "en-US", null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Null(result.Entities.Country);
        Assert.Equal(["IT"], result.Entities.ExcludedCountries);
        Assert.Empty(result.Entities.OtherCountries);
    }

    /// <summary>"solo empresas en España": a model that keeps the restrictor among the keywords searched for "solo" in Spain.</summary>
    [Theory]
    [InlineData("es", "solo empresas en España", "[\"solo\",\"empresas\"]", "ES")]
    [InlineData("en", "only companies in Portugal", "[\"only companies\"]", "PT")]
    [InlineData("cs", "pouze firmy v Česku", "[\"pouze\",\"firmy\"]", "CZ")]
    [InlineData("en", "decision makers in Italy", "[\"decision makers\"]", "IT")]
    [InlineData("en", "only providers in Portugal", "[\"providers\"]", "PT")]
    [InlineData("tr", "sadece Türkiye'deki satıcılar", "[\"satıcılar\"]", "TR")]
    [InlineData("en", "key players in Portugal", "[\"key players\"]", "PT")]
    [InlineData("pt", "principais atores em Portugal", "[\"principais\",\"atores\"]", "PT")]
    [InlineData("es", "actores clave en España", "[\"actores clave\"]", "ES")]
    [InlineData("it", "attori chiave in Italia", "[\"attori chiave\"]", "IT")]
    [InlineData("tr", "Türkiye'deki kilit oyuncular", "[\"kilit oyuncular\"]", "TR")]
    [InlineData("cs", "klíčoví hráči v Česku", "[\"klíčoví\",\"hráči\"]", "CZ")]
    public async Task RecognizeAsync_ModelKeepsARestrictorAsAKeyword_ItIsLeftOutAndTheCountryStays(string language, string text, string keywords, string country)
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, $$$"""
            {"intent":"FindPartners","score":0.9,"language":"{{{language}}}","declined":false,
             "entities":{"keywords":{{{keywords}}},"country":"{{{country}}}","otherCountries":[],"excludedCountries":[],"region":null,
                         "organisationKind":null,"dates":[],"sessionTopic":null,"month":null,"city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync(text, language, null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(country, result.Entities.Country);
        Assert.Empty(result.Entities.Keywords);
    }

    /// <summary>
    /// A model that keeps a place's name with a Turkish ending written on it ("izmirde", "denizliden", "türkiyede") as a
    /// keyword searched for that word, which no description holds: it is read as the local reading reads it — a country
    /// or region is the place and no keyword, a city is the place and its name the keyword ("izmir", as locally).
    /// </summary>
    [Theory]
    [InlineData("izmirde tekstil firması", "[\"izmirde\",\"tekstil\"]", "null", "izmir tekstil", null, null, "İzmir")]
    [InlineData("İZMİRDE TEKSTİL FİRMASI", "[\"İZMİRDE\",\"TEKSTİL\"]", "null", "izmir TEKSTİL", null, null, "İzmir")]
    [InlineData("denizliden havlu üreticisi", "[\"denizliden havlu\"]", "null", "denizli havlu", null, null, "Denizli")]
    [InlineData("İzmir'de boyama firması", "[\"İzmir'de\",\"boyama\"]", "null", "izmir boyama", null, null, "İzmir")]
    [InlineData("türkiyede tekstil firması", "[\"türkiyede\",\"tekstil\"]", "null", "tekstil", "TR", null, null)]
    [InlineData("türkiyedeki dokuma firmaları", "[\"türkiyedeki\",\"dokuma\"]", "\"TR\"", "dokuma", "TR", null, null)]
    [InlineData("ispanyada tekstil firmaları", "[\"ispanyada\",\"tekstil\"]", "null", "tekstil", "ES", null, null)]
    [InlineData("egeden kumaş tedarikçisi", "[\"egeden\",\"kumaş\"]", "null", "kumaş", "TR", "Aegean", null)]
    [InlineData("Ege Bölgesi'nden kumaş", "[\"Ege Bölgesi'nden\",\"kumaş\"]", "null", "kumaş", "TR", "Aegean", null)]
    // A place the gazetteer does not know, with the people after it: its name, neither the ending nor the people ("çorlu daki").
    [InlineData("Çorlu'daki paydaşlar", "[\"Çorlu'daki paydaşlar\"]", "null", "çorlu", null, null, null)]
    [InlineData("Çorlu'daki kilit oyuncular", "[\"Çorlu'daki\",\"kilit oyuncular\"]", "null", "çorlu", null, null, null)]
    // The stakeholders of a place (genitive) are those in it: the place's name, not "çorlu'nun".
    [InlineData("Çorlu'nun paydaşları", "[\"Çorlu'nun paydaşları\"]", "null", "çorlu", null, null, null)]
    [InlineData("Çorlu'nun paydaşları", "[\"Çorlu'nun\"]", "null", "çorlu", null, null, null)]
    [InlineData("Bursa'nın kilit oyuncuları", "[\"Bursa'nın\",\"kilit oyuncuları\"]", "null", "bursa", null, null, "Bursa")]
    public async Task RecognizeAsync_ModelKeepsAPlaceWithATurkishEndingAsAKeyword_ItIsThePlace(
        string text, string keywords, string country, string words, string? expectedCountry, string? region, string? city)
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, $$$"""
            {"intent":"FindPartners","score":0.9,"language":"tr","declined":false,
             "entities":{"keywords":{{{keywords}}},"country":{{{country}}},"otherCountries":[],"excludedCountries":[],"region":null,
                         "organisationKind":null,"dates":[],"sessionTopic":null,"month":null,"city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync(text, "tr-TR", null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(words.Split(' '), result.Entities.Keywords.SelectMany(k => k.Split(' ')));
        Assert.Equal(expectedCountry, result.Entities.Country);
        Assert.Equal(region, result.Entities.Region);
        Assert.Equal(city, result.Entities.City);
        Assert.Empty(result.Entities.OtherCountries);
    }

    /// <summary>The model's keywords read alone: the place comes from the keyword even where nothing else names it.</summary>
    [Theory]
    [InlineData("Friday", null)]                          // "register for coaching on Friday": before, the list filtered by "Friday"
    [InlineData("pazar günü", null)]
    [InlineData("quinta biológica", "quinta biológica")]  // a farm
    [InlineData("pazar araştırması", "pazar araştırması")] // market research
    public void Parse_ASessionTopicThatIsADayOfTheWeek_IsNoTopic(string topic, string? expected)
    {
        var parsed = AzureOpenAIIntentRecognizer.Parse($$$"""
            {"intent":"RegisterForCoaching","score":0.9,"language":"en","declined":false,
             "entities":{"keywords":[],"country":null,"otherCountries":[],"excludedCountries":[],"region":null,
                         "organisationKind":null,"dates":[],"sessionTopic":"{{{topic}}}","month":null,"city":null,"hosting":false}}
            """, new LocalIntentRecognizer(time).Today);

        Assert.NotNull(parsed);
        Assert.Equal(expected, parsed.Entities.SessionTopic);
    }

    [Theory]
    [InlineData("[\"türkiyede\",\"tekstil\"]", "TR", null, null, "tekstil")]
    [InlineData("[\"egede\"]", "TR", "Aegean", null, "")]
    [InlineData("[\"denizliden\",\"havlu\"]", null, null, "Denizli", "denizli havlu")]
    public void Parse_KeywordsWithAPlacesEnding_ThePlaceFromTheKeyword(string keywords, string? country, string? region, string? city, string words)
    {
        var parsed = AzureOpenAIIntentRecognizer.Parse($$$"""
            {"intent":"FindPartners","score":0.9,"language":"tr","declined":false,
             "entities":{"keywords":{{{keywords}}},"country":null,"otherCountries":[],"excludedCountries":[],"region":null,
                         "organisationKind":null,"dates":[],"sessionTopic":null,"month":null,"city":null,"hosting":false}}
            """, new LocalIntentRecognizer(time).Today);

        Assert.NotNull(parsed);
        Assert.Equal((country, region, city), (parsed.Entities.Country, parsed.Entities.Region, parsed.Entities.City));
        Assert.Equal(words, string.Join(' ', parsed.Entities.Keywords));
    }

    /// <summary>
    /// Words that only end like a place with a Turkish ending ("model", "moda", "portata", "vende") stay the model's
    /// keywords, in every language, and name no place; so does a place the gazetteer does not know ("çorluda").
    /// </summary>
    [Theory]
    [InlineData("en", "textile model makers", "[\"textile\",\"model\"]")]
    [InlineData("pt", "empresas de moda em Portugal", "[\"moda\"]")]
    [InlineData("es", "quien vende tejidos de moda", "[\"vende\",\"moda\"]")]
    [InlineData("it", "tessuti ad alta portata", "[\"tessuti\",\"portata\"]")]
    [InlineData("tr", "çorluda moda firmaları", "[\"çorluda\",\"moda\"]")]
    [InlineData("cs", "modely tkanin", "[\"modely\",\"tkanin\"]")]
    public async Task RecognizeAsync_ModelKeywordsThatOnlyEndLikeAPlace_StayKeywords(string language, string text, string keywords)
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, $$$"""
            {"intent":"FindPartners","score":0.9,"language":"{{{language}}}","declined":false,
             "entities":{"keywords":{{{keywords}}},"country":null,"otherCountries":[],"excludedCountries":[],"region":null,
                         "organisationKind":null,"dates":[],"sessionTopic":null,"month":null,"city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync(text, language, null, CancellationToken.None);

        Assert.Equal(JsonSerializer.Deserialize<string[]>(keywords), result.Entities.Keywords);
        Assert.Null(result.Entities.City);
        Assert.Null(result.Entities.Region);
    }

    [Fact]
    public async Task RecognizeAsync_Request_SchemaAndPromptAskForExcludedRegions()
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"FindPartners","score":0.9,"language":"en","declined":false,
             "entities":{"keywords":[],"country":null,"otherCountries":[],"excludedCountries":[],"region":null,"excludedRegions":[],
                         "organisationKind":null,"dates":[],"sessionTopic":null,"month":null,"city":null,"hosting":false}}
            """));

        await recognizer.RecognizeAsync("find partners", "en-US", null, CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(server!.Requests).Body)!;
        var entities = body["response_format"]!["json_schema"]!["schema"]!["properties"]!["entities"]!;
        Assert.Contains("excludedRegions", entities["required"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("array", (string?)entities["properties"]!["excludedRegions"]!["type"]);
        Assert.Contains("excludedRegions =", MessageText(body["messages"]![0]!), StringComparison.Ordinal);
    }

    /// <summary>
    /// Words the local reading finds no region left out in ("leave out the leaning-tower region"): only the model's
    /// excludedRegions say it — before, the schema had no such field and the search looked in Tuscany too.
    /// </summary>
    [Theory]
    [InlineData("en", "find partners, but skip the leaning-tower region", "[\"Tuscany\"]", "null", "null")]
    [InlineData("pt", "parceiros, mas sem a região da torre inclinada", "[\"Toscana\"]", "\"Tuscany\"", "\"IT\"")]   // an alias; the model also named it as the place
    [InlineData("cs", "partneři, ale bez kraje šikmé věže", "[\"Tuscany\",\"Tuscany\",\"Atlantis\"]", "null", "null")]   // once, none unknown
    public async Task RecognizeAsync_ModelNamesARegionLeftOut_ItIsExcludedAndNotSearched(string language, string text, string excludedRegions, string region, string country)
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, $$$"""
            {"intent":"FindPartners","score":0.9,"language":"{{{language}}}","declined":false,
             "entities":{"keywords":[],"country":{{{country}}},"otherCountries":[],"excludedCountries":[],"region":{{{region}}},
                         "excludedRegions":{{{excludedRegions}}},"organisationKind":null,"dates":[],"sessionTopic":null,"month":null,
                         "city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync(text, language, null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal(["Tuscany"], result.Entities.ExcludedRegions);
        Assert.Null(result.Entities.Region);
    }

    /// <summary>
    /// A region left out that the model also kept as a keyword with a Turkish ending ("egeden": from the Aegean) is no
    /// place to search, nor is Turkey, whose only mention was that region — whether the local reading sees the region
    /// left out ("Ege Bölgesi dışında") or reads it as the place ("egeden olmayan": not from the Aegean, a wording it does
    /// not know). A country named as such ("türkiyede") stays the place.
    /// </summary>
    [Theory]
    [InlineData("Ege Bölgesi dışında havlu üreticisi", "[\"egeden\",\"havlu\"]", null)]
    [InlineData("egeden olmayan havlu üreticisi", "[\"egeden\",\"havlu\"]", null)]
    [InlineData("egeden olmayan havlu üreticisi", "[\"Ege Bölgesi'nden\",\"havlu\"]", null)]
    [InlineData("türkiyede havlu üreticisi, egeden olmayan", "[\"türkiyede\",\"havlu\"]", "TR")]
    [InlineData("türkiyede havlu üreticisi, egeden olmayan", "[\"türkiyede\",\"egeden\",\"havlu\"]", "TR")]
    public async Task RecognizeAsync_ModelLeavesOutARegionItsKeywordNamed_NeitherTheRegionNorItsCountryIsSearched(string text, string keywords, string? country)
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, $$$"""
            {"intent":"FindPartners","score":0.9,"language":"tr","declined":false,
             "entities":{"keywords":{{{keywords}}},"country":null,"otherCountries":[],"excludedCountries":[],"region":null,
                         "excludedRegions":["Aegean"],"organisationKind":null,"dates":[],"sessionTopic":null,"month":null,
                         "city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync(text, "tr-TR", null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal(["Aegean"], result.Entities.ExcludedRegions);
        Assert.Null(result.Entities.Region);
        Assert.Equal(country, result.Entities.Country);
        Assert.Equal(["havlu"], result.Entities.Keywords);
        Assert.Empty(result.Entities.OtherCountries);
    }

    /// <summary>The model's answer read alone: the country of a region left out stays only where a keyword named it as a country.</summary>
    [Theory]
    [InlineData("[\"egeden\",\"havlu\"]", null)]
    [InlineData("[\"türkiyede\",\"egeden\",\"havlu\"]", "TR")]
    [InlineData("[\"egeden\",\"türkiyede\",\"havlu\"]", "TR")]
    public void Parse_ARegionLeftOutThatAKeywordNamed_ItsCountryOnlyWhereAKeywordNamedTheCountry(string keywords, string? country)
    {
        var parsed = AzureOpenAIIntentRecognizer.Parse($$$"""
            {"intent":"FindPartners","score":0.9,"language":"tr","declined":false,
             "entities":{"keywords":{{{keywords}}},"country":null,"otherCountries":[],"excludedCountries":[],"region":null,
                         "excludedRegions":["Aegean"],"organisationKind":null,"dates":[],"sessionTopic":null,"month":null,
                         "city":null,"hosting":false}}
            """, new LocalIntentRecognizer(time).Today);

        Assert.NotNull(parsed);
        Assert.Equal((country, (string?)null), (parsed.Entities.Country, parsed.Entities.Region));
        Assert.Equal(["havlu"], parsed.Entities.Keywords);
    }

    [Fact]
    public async Task RecognizeAsync_ModelWithoutExcludedRegions_TheLocalReadingsAreKept()
    {
        // A deployment on the schema before excludedRegions (or a model that missed it): "not in Tuscany" still leaves it out.
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"FindPartners","score":0.9,"language":"en","declined":false,
             "entities":{"keywords":[],"country":"IT","otherCountries":[],"excludedCountries":[],"region":"Tuscany","organisationKind":null,
                         "dates":[],"sessionTopic":null,"month":null,"city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync("find partners not in Tuscany", "en-US", null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal(["Tuscany"], result.Entities.ExcludedRegions);
        Assert.Null(result.Entities.Region);
    }

    [Fact]
    public async Task RecognizeAsync_ServerErrorOnNotInTuscany_TheFallbackLeavesTuscanyOut()
    {
        var recognizer = await StartAsync(ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        });

        var result = await recognizer.RecognizeAsync("find partners not in Tuscany", "en-US", null, CancellationToken.None);

        Assert.Equal(LocalIntentRecognizer.SourceName, result.Source);
        Assert.Equal(["Tuscany"], result.Entities.ExcludedRegions);
        Assert.Null(result.Entities.Region);
    }

    [Fact]
    public async Task RecognizeAsync_ModelReturnsMonthAndCity_TheyAreUsedWhereTheLocalReadingFindsNone()
    {
        // "depois do Carnaval" (after Carnival) is no month the local reading knows: the model's March is the answer.
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"ApplyForExchange","score":0.9,"language":"pt","declined":false,
             "entities":{"keywords":[],"country":null,"region":null,"organisationKind":null,"dates":[],"sessionTopic":null,
                         "month":"2027-03","city":"Porto","hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync("depois do Carnaval gostava de conhecer uma fábrica na Invicta", "pt-PT", null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal(new DateOnly(2027, 3, 1), result.Entities.Month);
        Assert.Equal("Porto", result.Entities.City);
        Assert.Equal("PT", result.Entities.Country);
    }

    [Fact]
    public async Task RecognizeAsync_ModelMarksAnOfferToHost_APartnerSearchInTheCountryNamed()
    {
        // No hosting phrase the local reading knows: the model's flag alone makes it no application.
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"ApplyForExchange","score":0.9,"language":"en","declined":false,
             "entities":{"keywords":["room","visitor"],"country":"ES","region":null,"organisationKind":null,"dates":[],"sessionTopic":null,
                         "month":"2027-05","city":null,"hosting":true}}
            """));

        var result = await recognizer.RecognizeAsync("our lab has room for a visitor from Spain in May", "en-GB", null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.True(result.Entities.Hosting);
        Assert.Equal("ES", result.Entities.Country);
        Assert.Empty(result.Entities.Keywords);
        Assert.Equal(new DateOnly(2027, 5, 1), result.Entities.Month);
    }

    [Theory]
    [InlineData("\"2025-05\"", "\"Paris\"")]      // a month already past; a city outside the list
    [InlineData("\"May\"", "null")]
    [InlineData("\"2027-13\"", "\"\"")]
    public async Task RecognizeAsync_ModelMonthOrCityUnusable_TheLocalReadingCompletesThem(string month, string city)
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, $$$"""
            {"intent":"ApplyForExchange","score":0.9,"language":"en","declined":false,
             "entities":{"keywords":[],"country":null,"region":null,"organisationKind":null,"dates":[],"sessionTopic":null,
                         "month":{{{month}}},"city":{{{city}}},"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync("I want to travel to Lisbon in June", "en-GB", null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal(new DateOnly(2027, 6, 1), result.Entities.Month);
        Assert.Equal("Lisbon", result.Entities.City);
        Assert.Equal("PT", result.Entities.Country);
    }

    [Theory]
    [InlineData("vamos para Itália em março", Intent.ApplyForExchange)]
    [InlineData("konec března v Praze", Intent.None)]
    public async Task RecognizeAsync_ModelReadsAWordOfCancelInAnotherMeaningAsCancel_TheLocalReadingAnswers(string text, Intent expected)
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"Cancel","score":0.8,"language":"pt","declined":false,
             "entities":{"keywords":[],"country":null,"region":null,"organisationKind":null,"dates":[],"sessionTopic":null,
                         "month":null,"city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync(text, "pt-PT", null, CancellationToken.None);

        Assert.Equal(expected, result.Intent);
        Assert.NotEqual(Intent.Cancel, result.Intent);
    }

    [Theory]
    [InlineData("zruš mou rezervaci na čtvrtek", "cs-CZ")]
    [InlineData("cancelar la reserva del jueves", "es-ES")]
    public async Task RecognizeAsync_ModelReadsCancelMyBookingAsCancel_TheLocalReadingsListAnswers(string text, string locale)
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"Cancel","score":0.9,"language":"cs","declined":false,
             "entities":{"keywords":[],"country":null,"region":null,"organisationKind":null,"dates":[],"sessionTopic":null,
                         "month":null,"city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync(text, locale, null, CancellationToken.None);

        Assert.Equal(Intent.MySessions, result.Intent);
    }

    /// <summary>The model's None with nothing read: no intent, no entities.</summary>
    private const string NoneAnswer = """
        {"intent":"None","score":0.7,"language":null,"declined":false,
         "entities":{"keywords":[],"country":null,"otherCountries":[],"excludedCountries":[],"region":null,"excludedRegions":[],
                     "organisationKind":null,"dates":[],"sessionTopic":null,"month":null,"city":null,"hosting":false}}
        """;

    /// <summary>
    /// People at organisations somewhere and nothing else said ("Çorlu'daki paydaşlar": the stakeholders in Çorlu, a place
    /// the model may not know) are a partner search there by the local reading's rule: a model that answers None for them
    /// gives way to it — before, "I didn't understand" where the local recognizer alone searched Çorlu.
    /// </summary>
    [Theory]
    [InlineData("Çorlu'daki paydaşlar", "tr-TR", null, "çorlu")]
    [InlineData("Çorlu'nun paydaşları", "tr-TR", null, "çorlu")]
    [InlineData("Kahramanmaraş'taki kilit oyuncular", "tr-TR", null, "kahramanmaraş")]
    [InlineData("stakeholders in Portugal", "en-GB", "PT", "")]
    [InlineData("players of the textile sector in Italy", "en-GB", "IT", "textile")]
    public async Task RecognizeAsync_ModelAnswersNoneForPeopleSomewhere_TheLocalPartnerSearchAnswers(string text, string locale, string? country, string words)
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, NoneAnswer));

        var result = await recognizer.RecognizeAsync(text, locale, null, CancellationToken.None);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(LocalIntentRecognizer.SourceName, result.Source);
        Assert.Equal(country, result.Entities.Country);
        Assert.Equal(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), result.Entities.Keywords);
    }

    /// <summary>
    /// The model's None stands everywhere else — where the local reading is None too, and where it finds a partner search
    /// by any other rule (a verb, organisations somewhere, a textile term): the model read the whole sentence.
    /// </summary>
    [Theory]
    [InlineData("people in Portugal are friendly", "en-GB")]
    [InlineData("Çorlu'nun paydaşları çok önemli", "tr-TR")]
    [InlineData("Çorlu'da tekstil firması", "tr-TR")]
    [InlineData("only companies in Portugal", "en-GB")]
    [InlineData("find partners in Italy", "en-GB")]
    [InlineData("nonwovens in Turkey", "en-GB")]
    public async Task RecognizeAsync_ModelAnswersNoneAndNoPeopleSomewhereAlone_TheModelsNoneStands(string text, string locale)
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, NoneAnswer));

        var result = await recognizer.RecognizeAsync(text, locale, null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal(Intent.None, result.Intent);
    }

    [Fact]
    public async Task RecognizeAsync_ModelRollsADayOnNoCalendarOver_TheLocalReadingsDatesAndTheDayAreKept()
    {
        // A model may read 30/02/2027 as 2 March (or as February): a day the user did not type would reach the form.
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"ApplyForExchange","score":0.9,"language":"en","declined":false,
             "entities":{"keywords":[],"country":"IT","region":null,"organisationKind":null,"dates":["2027-03-02","2027-03-05"],"sessionTopic":null,
                         "month":"2027-02-01","city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync("I want to do an exchange in Italy from 30/02/2027 to 05/03/2027", "en-GB", null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal([new DateOnly(2027, 3, 5)], result.Entities.Dates);
        Assert.Null(result.Entities.Month);
        Assert.Equal(new NoSuchDate(30, 2, 2027), Assert.Single(result.Entities.NoSuchDates));
    }

    [Fact]
    public async Task RecognizeAsync_ModelGivesNoDateForInAWeek_TheLocalReadingsStartDateIsAdded()
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"ApplyForExchange","score":0.9,"language":"es","declined":false,
             "entities":{"keywords":[],"country":"IT","region":null,"organisationKind":null,"dates":[],"sessionTopic":null,
                         "month":null,"city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync("quiero ir a Italia dentro de una semana", "es-ES", null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal([new DateOnly(2026, 12, 3)], result.Entities.Dates);
        Assert.Null(result.Entities.StayDays);
    }

    [Fact]
    public async Task RecognizeAsync_JustAfterTheUsersMidnight_TodayAndItsRelativeDatesAreTheUsers()
    {
        // 22:30 UTC on Thursday 26 November (the server's today) is 01:30 on Friday 27 November in Istanbul.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 22, 30, 0, TimeSpan.Zero));
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"ApplyForExchange","score":0.9,"language":"en","declined":false,
             "entities":{"keywords":[],"country":"IT","region":null,"organisationKind":null,"dates":["tomorrow"],"sessionTopic":null,
                         "month":null,"city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync(
            "I want to go to Italy tomorrow", "en-GB", TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul"), CancellationToken.None);

        var sent = MessageText(JsonNode.Parse(Assert.Single(server!.Requests).Body)!["messages"]![1]!);
        Assert.StartsWith("Today: 2026-11-27.", sent, StringComparison.Ordinal);
        Assert.Equal([new DateOnly(2026, 11, 28)], result.Entities.Dates);
    }

    [Fact]
    public async Task RecognizeAsync_ModelReadsAShortCancelAsCancel_ItStands()
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"Cancel","score":0.9,"language":"it","declined":false,
             "entities":{"keywords":[],"country":null,"region":null,"organisationKind":null,"dates":[],"sessionTopic":null,
                         "month":null,"city":null,"hosting":false}}
            """));

        var result = await recognizer.RecognizeAsync("basta così", "it-IT", null, CancellationToken.None);

        Assert.Equal(AzureOpenAIIntentRecognizer.SourceName, result.Source);
        Assert.Equal(Intent.Cancel, result.Intent);
    }

    [Theory]
    [InlineData("2026-11", 2026, 11)]
    [InlineData("2027-03", 2027, 3)]
    [InlineData("2027-03-15", 2027, 3)]
    [InlineData("2026-10", 0, 0)]
    [InlineData("2027-00", 0, 0)]
    [InlineData("27-03", 0, 0)]
    [InlineData("March", 0, 0)]
    [InlineData(null, 0, 0)]
    public void ParseMonth_ModelsMonth_FirstDayOrNullWhenPastOrNotAMonth(string? text, int year, int month)
    {
        var expected = year == 0 ? (DateOnly?)null : new DateOnly(year, month, 1);

        Assert.Equal(expected, AzureOpenAIIntentRecognizer.ParseMonth(text, new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public async Task RecognizeAsync_ModelTakesAnOfferToHostForAnApplication_TheLocalReadingOfTheOfferWins()
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, """
            {"intent":"ApplyForExchange","score":0.9,"language":"en",
             "entities":{"keywords":[],"country":"ES","region":null,"organisationKind":null,"dates":[],"sessionTopic":null}}
            """));

        var result = await recognizer.RecognizeAsync("we'd like to host a visitor from Spain in May", "en-GB", null, CancellationToken.None);

        Assert.True(result.Entities.Hosting);
        Assert.NotEqual(Intent.ApplyForExchange, result.Intent);
        Assert.Equal("ES", result.Entities.Country);
    }

    [Fact]
    public async Task RecognizeAsync_TooManyRequestsWithRetryAfter_FallsBackAtOnceWithoutRetrying()
    {
        var recognizer = await StartAsync(ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ctx.Response.Headers.RetryAfter = "30";
            return ctx.Response.WriteAsync("""{"error":{"code":"429","message":"Rate limit"}}""");
        });
        var stopwatch = Stopwatch.StartNew();

        var result = await recognizer.RecognizeAsync(UserText, "pt-PT", null, CancellationToken.None);

        // Retry-After asks for 30 s and the timeout is 30 s: only an immediate fallback gets here this fast.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.Single(server!.Requests);
        AssertLocalAnswer(result);
        AssertFallbackLogged("HTTP 429");
    }

    [Fact]
    public async Task RecognizeAsync_ServerError_FallsBackToLocal()
    {
        var recognizer = await StartAsync(ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return ctx.Response.WriteAsync("""{"error":{"code":"500","message":"boom"}}""");
        });

        var result = await recognizer.RecognizeAsync(UserText, "pt-PT", null, CancellationToken.None);

        AssertLocalAnswer(result);
        AssertFallbackLogged("HTTP 500");
    }

    [Fact]
    public async Task RecognizeAsync_NoAnswerWithinTimeout_FallsBackToLocal()
    {
        var recognizer = await StartAsync(async ctx =>
        {
            requestArrived.TrySetResult();
            await release.Task;
        }, timeoutSeconds: 1);

        var recognition = recognizer.RecognizeAsync(UserText, "pt-PT", null, CancellationToken.None);
        await requestArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await recognition.WaitAsync(TimeSpan.FromSeconds(10));

        AssertLocalAnswer(result);
        AssertFallbackLogged("no answer within 1 s");
    }

    [Theory]
    [InlineData("this is not JSON")]
    [InlineData("""{"intent":"BookFlight","score":0.9,"language":"en","entities":{"keywords":[],"country":null,"region":null,"organisationKind":null,"dates":[],"sessionTopic":null}}""")]
    [InlineData("""{"intent":"FindPartners","score":1.7,"language":"en","entities":{"keywords":[],"country":null,"region":null,"organisationKind":null,"dates":[],"sessionTopic":null}}""")]
    [InlineData("""{"intent":"FindPartners","score":0.9,"language":"en"}""")]
    [InlineData("""{"intent":3,"score":0.9,"language":"en","entities":{}}""")]
    public async Task RecognizeAsync_MalformedAnswer_FallsBackToLocal(string content)
    {
        var recognizer = await StartAsync(ctx => AnswerAsync(ctx, content));

        var result = await recognizer.RecognizeAsync(UserText, "pt-PT", null, CancellationToken.None);

        AssertLocalAnswer(result);
        AssertFallbackLogged("malformed answer");
    }

    [Fact]
    public async Task RecognizeAsync_CallerCancels_Throws()
    {
        var recognizer = await StartAsync(async ctx =>
        {
            requestArrived.TrySetResult();
            await release.Task;
        });
        using var cancellation = new CancellationTokenSource();

        var recognition = recognizer.RecognizeAsync(UserText, "pt-PT", null, cancellation.Token);
        await requestArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recognition.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    // The client's network timeout runs on the real clock, so tests that do not test the timeout use a long one:
    // a cold first call on a busy machine must not turn into a timeout fallback.
    private async Task<AzureOpenAIIntentRecognizer> StartAsync(Func<HttpContext, Task> handler, int timeoutSeconds = 30)
    {
        server = await LocalHttpServer.StartAsync((ctx, _) => handler(ctx));
        var options = Options.Create(new AzureOpenAIOptions
        {
            Endpoint = server.BaseUrl + "/",
            Deployment = Deployment,
            ApiKey = ApiKey,
            TimeoutSeconds = timeoutSeconds,
        });
        return new AzureOpenAIIntentRecognizer(options, new LocalIntentRecognizer(time), logger, time);
    }

    private static Task AnswerAsync(HttpContext context, string content)
    {
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["created"] = Now.ToUnixTimeSeconds(),
            ["model"] = "gpt-4o-mini",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 30, ["total_tokens"] = 130 },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(completion.ToJsonString());
    }

    private static string MessageText(JsonNode message) =>
        message["content"] is JsonArray parts
            ? string.Concat(parts.Select(p => (string?)p!["text"]))
            : (string?)message["content"] ?? "";

    private static void AssertLocalAnswer(RecognizedIntent result)
    {
        Assert.Equal(LocalIntentRecognizer.SourceName, result.Source);
        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal("pt", result.Language);
        Assert.Equal("IT", result.Entities.Country);
    }

    private void AssertFallbackLogged(string reason)
    {
        var entry = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(1601, entry.EventId.Id);
        Assert.Contains(reason, entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("laboratório", entry.Message, StringComparison.Ordinal);
    }
}
