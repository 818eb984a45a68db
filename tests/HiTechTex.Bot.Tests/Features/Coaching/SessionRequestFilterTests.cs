using System.Text.Json;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// A typed session request's language ("sessions in Italian") and relative month ("next month") filter the list, and
/// words that filter nothing are said, not silently dropped (it is Thursday 26 November 2026).
/// </summary>
public sealed class SessionRequestFilterTests : IDisposable
{
    private readonly CoachingTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("sessions in Italian", "en", "IT")]
    [InlineData("sessioni in italiano", "it", "IT")]
    [InlineData("sessões em inglês", "pt", "EN")]
    [InlineData("sesiones en español", "es", "ES")]
    [InlineData("sessões em português", "pt", "PT")]
    [InlineData("İtalyanca oturumlar", "tr", "IT")]
    [InlineData("Türkçe oturumlar", "tr", "TR")]
    [InlineData("setkání v češtině", "cs", "CS")]
    [InlineData("setkání anglicky", "cs", "EN")]
    [InlineData("sessions in Czech", "en", "CS")]
    [InlineData("sessioni in inglese", "it", "EN")]
    public async Task Sessions_LanguageNamed_ListFilteredToThatLanguage(string typed, string language, string code)
    {
        // Before: every session was listed, the language filter 'any', and nothing said.
        await host.Conversation.SeedProfileAsync(language);
        Recognize(typed);
        foreach (var each in new[] { "EN", "PT", "ES", "IT", "TR", "CS" })
        {
            await host.CreateSessionAsync(CoachingTestHost.Draft(title: $"Session in {each}", language: each));
        }

        var replies = await host.SayAsync(typed);

        Assert.DoesNotContain(replies, r => !string.IsNullOrEmpty(r.Text));
        var card = CoachingTestHost.CardOf(replies);
        Assert.Equal(code, InputValue(card, "language"));
        var text = CoachingTestHost.CardText(replies);
        Assert.Contains($"Session in {code}", text, StringComparison.Ordinal);
        Assert.Single(new[] { "EN", "PT", "ES", "IT", "TR", "CS" }, c => text.Contains($"Session in {c}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sessions_LanguageWithNoUpcomingSession_FilterShownAndListEmpty()
    {
        await host.Conversation.SeedProfileAsync("en");
        Recognize("sessions in Turkish");
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Only English", language: "EN"));

        var replies = await host.SayAsync("sessions in Turkish");

        var card = CoachingTestHost.CardOf(replies);
        Assert.Equal("TR", InputValue(card, "language"));
        Assert.Contains("\"TR\"", card.GetRawText(), StringComparison.Ordinal);   // a choice, so the filter shows it
        var text = CoachingTestHost.CardText(replies);
        Assert.DoesNotContain("Only English", text, StringComparison.Ordinal);
        Assert.Contains(CoachingTexts.Resolve("en").ListEmpty, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sessions next month", "en", "2026-12")]
    [InlineData("sessions this month", "en", "2026-11")]
    [InlineData("sessões no próximo mês", "pt", "2026-12")]
    [InlineData("sessões do mês que vem", "pt", "2026-12")]
    [InlineData("sesiones el mes que viene", "es", "2026-12")]
    [InlineData("sesiones del próximo mes", "es", "2026-12")]
    [InlineData("sessioni il mese prossimo", "it", "2026-12")]
    [InlineData("sessioni questo mese", "it", "2026-11")]
    [InlineData("gelecek ay oturumlar", "tr", "2026-12")]
    [InlineData("bu ay oturumlar", "tr", "2026-11")]
    [InlineData("setkání příští měsíc", "cs", "2026-12")]
    [InlineData("setkání tento měsíc", "cs", "2026-11")]
    public async Task Sessions_RelativeMonth_ListFilteredToThatMonth(string typed, string language, string month)
    {
        // Before: "next month" listed every session from December to January, the month filter 'any'.
        await host.Conversation.SeedProfileAsync(language);
        Recognize(typed);
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December", inDays: 7));
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In January", inDays: 45));

        var replies = await host.SayAsync(typed);

        Assert.DoesNotContain(replies, r => !string.IsNullOrEmpty(r.Text));
        var card = CoachingTestHost.CardOf(replies);
        Assert.Equal(month, InputValue(card, "month"));
        var text = CoachingTestHost.CardText(replies);
        Assert.Equal(month == "2026-12", text.Contains("In December", StringComparison.Ordinal));
        Assert.DoesNotContain("In January", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sessions next month", "2026-11-30T21:30:00Z", "Europe/Istanbul", "2027-01")]   // 00:30 on 1 December there; before: 2026-12
    [InlineData("sessions this month", "2026-12-01T03:00:00Z", "America/New_York", "2026-11")]  // 22:00 on 30 November there; before: 2026-12
    [InlineData("sessions next month", "2026-11-30T21:30:00Z", null, "2026-12")]               // no zone sent: the server's (UTC)
    public async Task Sessions_RelativeMonthNearMidnight_TheUsersMonth(string typed, string utcNow, string? userZone, string month)
    {
        await host.Conversation.SeedProfileAsync("en");
        Recognize(typed);
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December", inDays: 7));
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In January", inDays: 45));
        host.Time.SetUtcNow(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));
        host.Conversation.Adapter.LocalTimezone = userZone;

        var replies = await host.SayAsync(typed);

        Assert.Equal(month, InputValue(CoachingTestHost.CardOf(replies), "month"));
        Assert.Equal(month == "2027-01", CoachingTestHost.CardText(replies).Contains("In January", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sessions_LanguageAndRelativeMonth_BothFilter()
    {
        await host.Conversation.SeedProfileAsync("it");
        Recognize("sessioni in italiano il mese prossimo");
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Italiano dicembre", language: "IT", inDays: 7));
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Italiano gennaio", language: "IT", inDays: 45));
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "English December", language: "EN", inDays: 8));

        var replies = await host.SayAsync("sessioni in italiano il mese prossimo");

        var card = CoachingTestHost.CardOf(replies);
        Assert.Equal("IT", InputValue(card, "language"));
        Assert.Equal("2026-12", InputValue(card, "month"));
        var text = CoachingTestHost.CardText(replies);
        Assert.Contains("Italiano dicembre", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Italiano gennaio", text, StringComparison.Ordinal);
        Assert.DoesNotContain("English December", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sessions in German", "en", "I could not filter by “german”: here are all the upcoming sessions.")]
    [InlineData("sessões em alemão", "pt", "Não consegui filtrar por “alemão”: aqui estão todas as próximas sessões.")]
    [InlineData("sesiones en francés", "es", "No he podido filtrar por «francés»: estas son todas las próximas sesiones.")]
    [InlineData("sessioni in tedesco", "it", "Non ho potuto filtrare per «tedesco»: ecco tutte le prossime sessioni.")]
    [InlineData("Almanca oturumlar", "tr", "“almanca” ile filtreleyemedim: yaklaşan tüm oturumlar aşağıda.")]
    [InlineData("setkání v němčině", "cs", "Podle „němčině“ se filtrovat nedá: tady jsou všechna nadcházející setkání.")]
    [InlineData("sessions next week", "en", "I could not filter by “week”: here are all the upcoming sessions.")]
    public async Task Sessions_WordsThatFilterNothing_SaidThenEverySession(string typed, string language, string said)
    {
        // Before: the whole catalogue as if it matched, and no word about the part of the request left out.
        await host.Conversation.SeedProfileAsync(language);
        Recognize(typed);
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December"));

        var replies = await host.SayAsync(typed);

        Assert.Equal(said, replies[0].Text);
        var card = CoachingTestHost.CardOf(replies);
        Assert.Equal("any", InputValue(card, "language"));
        Assert.Equal("any", InputValue(card, "month"));
        Assert.Contains("In December", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("register for coaching on Friday", "friday")]
    [InlineData("coaching on Monday", "monday")]
    public async Task Sessions_AWeekdayAfterOn_IsNoTopicAndEverySessionIsListed(string typed, string word)
    {
        // Before: "Friday" was the topic: the list filtered by it showed no session, and the topic field said "Friday".
        // A day of the week filters nothing the list has (its filters are a topic, a language, a month): said, as "next week" is.
        await host.Conversation.SeedProfileAsync("en");
        host.Conversation.Recognizer.Recognized[typed] = new LocalIntentRecognizer(new FakeTimeProvider(CoachingTestHost.Now)).Recognize(typed, "en-GB");
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December"));

        var replies = await host.SayAsync(typed);

        Assert.Equal($"I could not filter by “{word}”: here are all the upcoming sessions.", replies[0].Text);
        var card = CoachingTestHost.CardOf(replies);
        Assert.Equal("any", InputValue(card, "topic"));
        Assert.Contains("In December", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_PartFiltersPartDoesNot_SaysWhichPartWasLeftOut()
    {
        await host.Conversation.SeedProfileAsync("en");
        Recognize("sessions in Italian for beginners");
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Italiano", language: "IT"));

        var replies = await host.SayAsync("sessions in Italian for beginners");

        Assert.Equal("I could not filter by “beginners”: the list below uses only the rest of your request.", replies[0].Text);
        Assert.Equal("IT", InputValue(CoachingTestHost.CardOf(replies), "language"));
    }

    [Fact]
    public async Task Sessions_WordsThatFilterNothing_OnlyTheWordsQuotedNotTheMarkup()
    {
        await host.Conversation.SeedProfileAsync("en");
        Recognize("sessions in <b>klingon</b>");

        var replies = await host.SayAsync("sessions in <b>klingon</b>");

        Assert.Equal("I could not filter by “klingon”: here are all the upcoming sessions.", replies[0].Text);
    }

    [Theory]
    [InlineData("sessions", "en")]
    [InlineData("show me the upcoming sessions please", "en")]
    [InlineData("which trainings are available?", "en")]
    [InlineData("I want to book a session", "en")]
    [InlineData("quais sessões há?", "pt")]
    [InlineData("quero ver as próximas sessões", "pt")]
    [InlineData("¿qué sesiones hay?", "es")]
    [InlineData("quiero reservar una sesión", "es")]
    [InlineData("quali sessioni ci sono?", "it")]
    [InlineData("vorrei prenotare una sessione", "it")]
    [InlineData("yaklaşan oturumlar", "tr")]
    [InlineData("hangi oturumlar var?", "tr")]
    [InlineData("jaká setkání jsou?", "cs")]
    [InlineData("nadcházející školení", "cs")]
    [InlineData("sesions", "en")]
    [InlineData("upcomming sessions", "en")]
    [InlineData("prossime sesioni", "it")]
    public async Task Sessions_OrdinaryRequest_NothingSaidAboutFilters(string typed, string language)
    {
        await host.Conversation.SeedProfileAsync(language);
        Recognize(typed);
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December"));

        var replies = await host.SayAsync(typed);

        Assert.DoesNotContain(replies, r => !string.IsNullOrEmpty(r.Text));
        Assert.Contains("In December", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public void FindLanguage_AWordOfTheTopic_IsNoLanguage()
    {
        // "sessions about Turkish market" is a topic, not Turkish-language sessions.
        var tokens = TextNormalizer.Tokenize("sessions about Turkish market");

        Assert.Null(SessionRequestWords.FindLanguage(tokens, new HashSet<string>(["turkish", "market"])));
        Assert.Equal("TR", SessionRequestWords.FindLanguage(tokens, new HashSet<string>())?.Code);
    }

    /// <summary>
    /// Teams sends a typed session request as HTML ("R&amp;amp;D", "fran&amp;ccedil;ais"): the coaching journey gets it
    /// decoded once, at the turn's start — the topic it filters by and the words it says it could not use are as typed.
    /// (Coaching has no free-text question of its own: its forms are cards, whose values are JSON, not HTML.)
    /// </summary>
    [Fact]
    public async Task Sessions_TopicTypedWithHtmlEntities_FilteredByTheDecodedTopic()
    {
        await host.Conversation.SeedProfileAsync("en");
        host.Conversation.Recognizer.Recognized["sessions about R&D"] =
            new RecognizedIntent(Intent.RegisterForCoaching, 0.9, IntentEntities.Empty with { SessionTopic = "R&D" });
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Funding R&D", topic: "R&D"));
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Closed loops", topic: "Circular economy"));

        var replies = await host.SayAsync("sessions about R&amp;D");

        Assert.Equal("sessions about R&D", host.Conversation.Recognizer.Texts[^1]);
        Assert.Equal("R&D", InputValue(CoachingTestHost.CardOf(replies), "topic"));
        var text = CoachingTestHost.CardText(replies);
        Assert.Contains("Funding R&D", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Closed loops", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_UnusedWordTypedWithHtmlEntities_SaidAsTyped()
    {
        await host.Conversation.SeedProfileAsync("en");
        Recognize("sessions in français");
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December"));

        var replies = await host.SayAsync("sessions in fran&ccedil;ais");

        Assert.Equal("I could not filter by “français”: here are all the upcoming sessions.", replies[0].Text);
    }

    private void Recognize(string typed) =>
        host.Conversation.Recognizer.Recognized[typed] = new RecognizedIntent(Intent.RegisterForCoaching, 0.9, IntentEntities.Empty);

    private static string? InputValue(JsonElement element, string id)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("id", out var found) && found.GetString() == id)
            {
                return element.GetProperty("value").GetString();
            }

            return element.EnumerateObject().Select(p => InputValue(p.Value, id)).FirstOrDefault(v => v is not null);
        }

        return element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray().Select(e => InputValue(e, id)).FirstOrDefault(v => v is not null)
            : null;
    }
}
