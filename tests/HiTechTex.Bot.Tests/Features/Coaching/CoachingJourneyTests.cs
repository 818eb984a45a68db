using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Tests.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Cards;
using Moq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>The coaching journey through the real main dialog: commands, card buttons, coordinator form.</summary>
public sealed class CoachingJourneyTests : IDisposable
{
    private const string Coordinator = CoachingTestHost.CoordinatorId;
    private readonly CoachingTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Sessions_TypedCommand_ListsUpcomingSessionsWithFilters()
    {
        await host.Conversation.SeedProfileAsync("en");
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Circular economy for SMEs"));

        var replies = await host.SayAsync("sessions");

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains("Upcoming sessions", card, StringComparison.Ordinal);
        Assert.Contains("Circular economy for SMEs", card, StringComparison.Ordinal);
        Assert.Contains("Thu 3 Dec 2026 09:00–11:00 (Europe/Lisbon)", card, StringComparison.Ordinal);
        Assert.Contains("coaching.details", card, StringComparison.Ordinal);
        Assert.DoesNotContain("coaching.new", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sessions in march", "en", "2027-03")]
    [InlineData("sessions in December", "en", "2026-12")]
    [InlineData("sessões em janeiro", "pt", "2027-01")]
    [InlineData("setkání v lednu", "cs", "2027-01")]
    [InlineData("školení v prosinci", "cs", "2026-12")]
    [InlineData("sessions in May", "en", "2027-05")]
    [InlineData("sessions may", "en", "2027-05")]
    [InlineData("sessões em mai", "pt", "2027-05")]
    [InlineData("sesiones en dic", "es", "2026-12")]
    [InlineData("sessioni a mag", "it", "2027-05")]
    [InlineData("oturumlar ara", "tr", "2026-12")]
    [InlineData("školení v pro", "cs", "2026-12")]
    [InlineData("sessions in March 2028", "en", "2028-03")]
    [InlineData("sessions may 2028", "en", "2028-05")]
    [InlineData("sessões em março de 2028", "pt", "2028-03")]
    [InlineData("sessions in March 2025", "en", "any")]
    [InlineData("oturumlar may'da", "tr", "2027-05")]
    [InlineData("haziran'da oturumlar", "tr", "2027-06")]
    [InlineData("ekim'de oturumlar", "tr", "2027-10")]
    [InlineData("mayısta oturumlar", "tr", "2027-05")]
    public async Task Sessions_InAMonthTyped_TheCatalogueFilteredToThatMonth(string typed, string language, string month)
    {
        await host.Conversation.SeedProfileAsync(language);
        host.Conversation.Recognizer.Recognized[typed] = new RecognizedIntent(Intent.RegisterForCoaching, 0.9, IntentEntities.Empty);
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December"));

        var card = CoachingTestHost.CardOf(await host.SayAsync(typed));

        Assert.Equal(month, InputValue(card, "month"));
        Assert.Equal(month is "2026-12" or "any", card.GetRawText().Contains("In December", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sessions in March 2025", "en", "March 2025 is already over: here are the upcoming sessions.")]
    [InlineData("sessões em março de 2025", "pt", "Março de 2025 já passou: aqui estão as próximas sessões.")]
    [InlineData("sesiones en marzo de 2025", "es", "Marzo de 2025 ya ha pasado: estas son las próximas sesiones.")]
    [InlineData("sessioni a marzo 2025", "it", "Marzo 2025 è già passato: ecco le prossime sessioni.")]
    [InlineData("oturumlar mart 2025", "tr", "Mart 2025 geçti: yaklaşan oturumlar aşağıda.")]
    [InlineData("setkání v březnu 2025", "cs", "Březen 2025 už uplynul: tady jsou nadcházející setkání.")]
    [InlineData("sessions in October 2026", "en", "October 2026 is already over: here are the upcoming sessions.")]
    public async Task Sessions_InAMonthYearAlreadyOver_SaysSoThenTheUpcomingSessions(string typed, string language, string said)
    {
        // It is 26 November 2026: the list was silently the whole catalogue, as if no month had been named.
        await host.Conversation.SeedProfileAsync(language);
        host.Conversation.Recognizer.Recognized[typed] = new RecognizedIntent(Intent.RegisterForCoaching, 0.9, IntentEntities.Empty);
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December"));

        var replies = await host.SayAsync(typed);

        Assert.Equal(said, replies[0].Text);
        var card = CoachingTestHost.CardOf(replies);
        Assert.Equal("any", InputValue(card, "month"));
        Assert.Contains("In December", card.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "November 2026")]
    [InlineData("pt", "Novembro de 2026")]
    [InlineData("es", "Noviembre de 2026")]
    [InlineData("it", "Novembre 2026")]
    [InlineData("tr", "Kasım 2026")]
    [InlineData("cs", "Listopad 2026")]
    public async Task List_MonthChoices_EachLanguagesMonthYear(string language, string november)
    {
        // Portuguese and Spanish say "novembro de 2026"; a choice starts with a capital in every language.
        await host.Conversation.SeedProfileAsync(language);

        var card = CoachingTestHost.CardOf(await host.SayAsync("sessions"));

        Assert.Contains($"\"{november}\"", System.Text.RegularExpressions.Regex.Unescape(card.GetRawText()), StringComparison.Ordinal);   // "Kas\u0131m"
    }

    [Theory]
    [InlineData("sessions in 2025", "en", "2025 is already over: here are the upcoming sessions.")]
    [InlineData("sessions last year", "en", "2025 is already over: here are the upcoming sessions.")]
    [InlineData("sessões em 2025", "pt", "O ano de 2025 já passou: aqui estão as próximas sessões.")]
    [InlineData("sesiones del año pasado", "es", "El año 2025 ya ha pasado: estas son las próximas sesiones.")]
    [InlineData("sessioni nel 2024", "it", "Il 2024 è già passato: ecco le prossime sessioni.")]
    [InlineData("2025 yılında oturumlar", "tr", "2025 yılı geçti: yaklaşan oturumlar aşağıda.")]
    [InlineData("setkání v roce 2025", "cs", "Rok 2025 už uplynul: tady jsou nadcházející setkání.")]
    public async Task Sessions_InAYearAlreadyOver_SaysSoThenTheUpcomingSessions(string typed, string language, string said)
    {
        // It is 26 November 2026: the list was silently the whole catalogue.
        await host.Conversation.SeedProfileAsync(language);
        host.Conversation.Recognizer.Recognized[typed] = new RecognizedIntent(Intent.RegisterForCoaching, 0.9, IntentEntities.Empty);
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December"));

        var replies = await host.SayAsync(typed);

        Assert.Equal(said, replies[0].Text);
        var card = CoachingTestHost.CardOf(replies);
        Assert.Equal("any", InputValue(card, "month"));
        Assert.Contains("In December", card.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sessions on 31 February", "en", "31 February does not exist on the calendar: here are the sessions in February 2027.")]
    [InlineData("sessões a 31 de fevereiro", "pt", "31 de fevereiro não existe no calendário: aqui estão as sessões de fevereiro de 2027.")]
    [InlineData("sesiones el 31 de febrero", "es", "El 31 de febrero no existe en el calendario: estas son las sesiones de febrero de 2027.")]
    [InlineData("sessioni il 31 febbraio", "it", "Il 31 febbraio non esiste nel calendario: ecco le sessioni di febbraio 2027.")]
    [InlineData("31 Şubat oturumları", "tr", "31 Şubat takvimde yok: Şubat 2027 ayındaki oturumlar aşağıda.")]
    [InlineData("setkání 31. února", "cs", "31. února v kalendáři neexistuje: tady jsou setkání v měsíci únor 2027.")]
    public async Task Sessions_OnADayNoCalendarHas_SaysSoThenThatMonthsSessions(string typed, string language, string expected)
    {
        // Before: the day was dropped without a word — "No upcoming session matches" under February's filter, as if
        // the bot had looked for sessions on 31 February.
        await host.Conversation.SeedProfileAsync(language);
        host.Conversation.Recognizer.Recognized[typed] = new RecognizedIntent(Intent.RegisterForCoaching, 0.9, IntentEntities.Empty with { NoSuchDates = [new NoSuchDate(31, 2, null)] });
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In February", inDays: 90));

        var replies = await host.SayAsync(typed);

        Assert.Equal(expected, replies[0].Text);
        Assert.Contains("In February", CoachingTestHost.CardOf(replies).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_OnADayNoCalendarHasInFigures_SaidOnce_NotAlsoAsWordsTheListCouldNotUse()
    {
        // Before: "I could not filter by “30/02/2027”: here are all the upcoming sessions." — the day taken for words.
        await host.Conversation.SeedProfileAsync("en");
        host.Conversation.Recognizer.Recognized["sessions on 30/02/2027"] = new RecognizedIntent(Intent.RegisterForCoaching, 0.9, IntentEntities.Empty with { NoSuchDates = [new NoSuchDate(30, 2, 2027)] });
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Next week"));

        var replies = await host.SayAsync("sessions on 30/02/2027");

        Assert.Equal(["30 February 2027 does not exist on the calendar."], replies.Where(r => r.Text is not null).Select(r => r.Text));
        Assert.Contains("Next week", CoachingTestHost.CardOf(replies).GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sessions last month", "en")]
    [InlineData("sessões do mês passado", "pt")]
    [InlineData("sesiones del mes pasado", "es")]
    [InlineData("sessioni del mese scorso", "it")]
    [InlineData("geçen ay oturumlar", "tr")]
    [InlineData("setkání minulý měsíc", "cs")]
    public async Task Sessions_LastMonth_SaysThatMonthIsOverThenTheUpcomingSessions(string typed, string language)
    {
        await host.Conversation.SeedProfileAsync(language);
        host.Conversation.Recognizer.Recognized[typed] = new RecognizedIntent(Intent.RegisterForCoaching, 0.9, IntentEntities.Empty);
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December"));
        var texts = CoachingTexts.Resolve(language);

        var replies = await host.SayAsync(typed);

        // October 2026, named as "sessions in October 2026" names it.
        Assert.Equal(texts.Format(texts.MonthPastFormat, CoachingCards.MonthTitle(new DateOnly(2026, 10, 1), SessionTime.CultureOf(texts))), replies[0].Text);
        if (language == "en")
        {
            Assert.Equal("October 2026 is already over: here are the upcoming sessions.", replies[0].Text);
        }

        Assert.Contains("In December", CoachingTestHost.CardOf(replies).GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sessions about Horizon 2020")]
    [InlineData("sessions in 2026")]
    [InlineData("sessions in 2027")]
    public async Task Sessions_AYearInANameOrNotOver_NoPastNotice(string typed)
    {
        await host.Conversation.SeedProfileAsync("en");
        host.Conversation.Recognizer.Recognized[typed] = new RecognizedIntent(Intent.RegisterForCoaching, 0.9, IntentEntities.Empty);

        var replies = await host.SayAsync(typed);

        Assert.DoesNotContain(replies, r => r.Text?.Contains("already over", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Sessions_OnADayOfAMonthAlreadyOver_SaysSoThenTheUpcomingSessions()
    {
        const string Typed = "sessions on 3 March 2025";
        await host.Conversation.SeedProfileAsync("en");
        host.Conversation.Recognizer.Recognized[Typed] = new RecognizedIntent(Intent.RegisterForCoaching, 0.9,
            IntentEntities.Empty with { Dates = [new DateOnly(2025, 3, 3)] });
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December"));

        var replies = await host.SayAsync(Typed);

        Assert.Equal("March 2025 is already over: here are the upcoming sessions.", replies[0].Text);
        Assert.Contains("In December", CoachingTestHost.CardOf(replies).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_OlderCardsMonthNowOver_SaysSoThenTheUpcomingSessions()
    {
        // A card sent in October with its month filter, used in November.
        await host.Conversation.SeedProfileAsync("en");
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December"));

        var replies = await host.SubmitAsync(new { action = "coaching.list", month = "2026-10", topic = "any", language = "any" });

        Assert.Equal("October 2026 is already over: here are the upcoming sessions.", replies[0].Text);
        var card = CoachingTestHost.CardOf(replies);
        Assert.Equal("any", InputValue(card, "month"));
        Assert.Contains("In December", card.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_ThisMonthOrLater_NoPastMonthNotice()
    {
        await host.Conversation.SeedProfileAsync("en");
        host.Conversation.Recognizer.Recognized["sessions in November 2026"] = new RecognizedIntent(Intent.RegisterForCoaching, 0.9, IntentEntities.Empty);

        var replies = await host.SayAsync("sessions in November 2026");

        Assert.DoesNotContain(replies, r => r.Text?.Contains("already over", StringComparison.Ordinal) == true);
        Assert.Equal("2026-11", InputValue(CoachingTestHost.CardOf(replies), "month"));
    }

    [Theory]
    [InlineData("9999-12")]
    [InlineData("0001-01")]
    [InlineData("2099-01")]
    [InlineData("1900-06")]
    public async Task List_ForgedMonthFarFromToday_ListedForAnyMonthWithoutFailing(string month)
    {
        // "9999-12" threw in the month's bounds (AddMonths past year 9999), "0001-01" before year 1: "Sorry, something
        // went wrong". A month no session can be in is no filter.
        await host.Conversation.SeedProfileAsync("en");
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December"));

        var replies = await host.SubmitAsync(new { action = "coaching.list", month, topic = "any", language = "any" });

        var card = CoachingTestHost.CardOf(replies);
        Assert.Equal("any", InputValue(card, "month"));
        Assert.Contains("In December", card.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => r.Text?.Contains("went wrong", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Theory]
    [InlineData("9999-12")]
    [InlineData("0001-01")]
    public async Task List_ForgedMonthAtTheCalendarsEndsWithPaging_NothingThrown(string month)
    {
        await host.Conversation.SeedProfileAsync("en");

        var replies = await host.SubmitAsync(new { action = "coaching.list", month, topic = "Circular economy", language = "EN", page = "10000" });

        Assert.Equal("any", InputValue(CoachingTestHost.CardOf(replies), "month"));
    }

    [Fact]
    public async Task List_ForgedTopicOver100WithAnEmojiAtTheCut_ListedWithTheTopicCutBeforeTheEmoji()
    {
        // The topic was cut at 100 UTF-16 units inside the emoji; the half left made the topic's comparison throw
        // (string.Normalize: "String contains invalid Unicode code points"): "Sorry, something went wrong".
        await host.Conversation.SeedProfileAsync("en");
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Circular economy"));
        var topic = new string('t', 99) + "\U0001F9F5 more";

        var replies = await host.SubmitAsync(new { action = "coaching.list", month = "any", topic, language = "any" });

        Assert.Equal(new string('t', 99), InputValue(CoachingTestHost.CardOf(replies), "topic"));
        Assert.DoesNotContain(replies, r => r.Text?.Contains("went wrong", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Theory]
    [InlineData(9999, 12)]
    [InlineData(1, 1)]
    public async Task UpcomingPageAsync_MonthAtTheCalendarsEnds_EmptyPageWithoutThrowing(int year, int month)
    {
        await host.CreateSessionAsync();

        var (sessions, total) = await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>()
            .UpcomingPageAsync(new SessionFilter(Month: new DateOnly(year, month, 1)), 0, CancellationToken.None));

        Assert.Empty(sessions);
        Assert.Equal(0, total);
    }

    [Fact]
    public async Task Sessions_DateTypedInAFarYear_ListedForAnyMonth()
    {
        const string Typed = "sessions on 3 December 9999";
        await host.Conversation.SeedProfileAsync("en");
        host.Conversation.Recognizer.Recognized[Typed] = new RecognizedIntent(Intent.RegisterForCoaching, 0.9,
            IntentEntities.Empty with { Dates = [new DateOnly(9999, 12, 3)] });
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December"));

        var card = CoachingTestHost.CardOf(await host.SayAsync(Typed));

        Assert.Equal("any", InputValue(card, "month"));
        Assert.Contains("In December", card.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_MayAsAVerb_NoMonthFilter()
    {
        const string Typed = "may I see the sessions";
        await host.Conversation.SeedProfileAsync("en");
        host.Conversation.Recognizer.Recognized[Typed] = new RecognizedIntent(Intent.RegisterForCoaching, 0.9, IntentEntities.Empty);
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "In December"));

        var card = CoachingTestHost.CardOf(await host.SayAsync(Typed));

        Assert.NotEqual("2027-05", InputValue(card, "month"));
        Assert.Contains("In December", card.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_InAMonthBeyondTheOfferedOnes_TheMonthFilterOffersAndShowsIt()
    {
        await host.Conversation.SeedProfileAsync("en");
        host.Conversation.Recognizer.Recognized["sessions in october"] = new RecognizedIntent(Intent.RegisterForCoaching, 0.9, IntentEntities.Empty);

        var card = CoachingTestHost.CardOf(await host.SayAsync("sessions in october"));

        var month = HiTechTex.Bot.Testing.Cards.CardJson.Elements(card).Single(e => e.TryGetProperty("id", out var id) && id.GetString() == "month");
        Assert.Equal("2027-10", month.GetProperty("value").GetString());
        Assert.Contains(month.GetProperty("choices").EnumerateArray(), c => c.GetProperty("value").GetString() == "2027-10" && c.GetProperty("title").GetString() == "October 2027");
    }

    [Theory]
    [InlineData("en", "December 2026")]
    [InlineData("it", "Dicembre 2026")]
    [InlineData("cs", "Prosinec 2026")]
    [InlineData("tr", "Aralık 2026")]
    public async Task Sessions_MonthFilter_NamesTheMonthsInTheReadersLanguage(string language, string december)
    {
        await host.Conversation.SeedProfileAsync(language);

        var card = CoachingTestHost.CardOf(await host.SayAsync(CoachingTexts.Resolve(language).ListCommands[0]));

        var month = HiTechTex.Bot.Testing.Cards.CardJson.Elements(card).Single(e => e.TryGetProperty("id", out var id) && id.GetString() == "month");
        var choice = month.GetProperty("choices").EnumerateArray().Single(c => c.GetProperty("value").GetString() == "2026-12");
        Assert.Equal(december, choice.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Sessions_MoreThanAPage_SaysWhichAreShownAndPagesWithNextAndPrevious()
    {
        await host.Conversation.SeedProfileAsync("en");
        for (var i = 1; i <= 12; i++)
        {
            await host.CreateSessionAsync(CoachingTestHost.Draft(title: $"Session #{i:00}", inDays: 2 + i));
        }

        var first = CoachingTestHost.CardText(await host.SayAsync("sessions"));
        var second = CoachingTestHost.CardText(await host.SubmitAsync(new { action = "coaching.list", page = "1", topic = "any", language = "any", month = "any" }));
        var forged = CoachingTestHost.CardText(await host.SubmitAsync(new { action = "coaching.list", page = "99999999999" }));

        Assert.Contains("Sessions 1–10 of 12", first, StringComparison.Ordinal);
        Assert.Contains("Session #10", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Session #11", first, StringComparison.Ordinal);
        Assert.Contains("Next", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Previous", first, StringComparison.Ordinal);
        Assert.Contains("Sessions 11–12 of 12", second, StringComparison.Ordinal);
        Assert.Contains("Session #12", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Session #10", second, StringComparison.Ordinal);
        Assert.Contains("Previous", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Next", second, StringComparison.Ordinal);
        Assert.Contains("Sessions 1–10 of 12", forged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_OnePageOnly_NoPagingLine()
    {
        await host.Conversation.SeedProfileAsync("en");
        await host.CreateSessionAsync();

        var card = CoachingTestHost.CardText(await host.SayAsync("sessions"));

        Assert.DoesNotContain("Sessions 1–", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Next", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "America/New_York", "Thu 3 Dec 2026 04:00–06:00 (America/New_York) · Thu 3 Dec 2026 09:00–11:00 (Europe/Lisbon)")]
    [InlineData("en", "Europe/Lisbon", "Thu 3 Dec 2026 09:00–11:00 (Europe/Lisbon)")]
    [InlineData("en", "Europe/London", "Thu 3 Dec 2026 09:00–11:00 (Europe/Lisbon)")]
    [InlineData("en", "Not/AZone", "Thu 3 Dec 2026 09:00–11:00 (Europe/Lisbon)")]
    [InlineData("pt", "Asia/Tokyo", "qui. 3 dez. 2026 18:00–20:00 (Asia/Tokyo) · qui. 3 dez. 2026 09:00–11:00 (Europe/Lisbon)")]
    [InlineData("cs", "Europe/Prague", "čt 3. pro 2026 10:00–12:00 (Europe/Prague) · čt 3. pro 2026 09:00–11:00 (Europe/Lisbon)")]
    public async Task Details_ReadersTimeZoneAndLanguage_TimesInTheirZoneWithTheSessionsOwnAndAnUnambiguousDate(string language, string zone, string expected)
    {
        await host.Conversation.SeedProfileAsync(language);
        var session = await host.CreateSessionAsync();
        var click = host.Conversation.Submit(new { action = "coaching.details", sessionId = session.Id.ToString() });
        click.LocalTimezone = zone;

        var card = CoachingTestHost.CardText(await host.SendAsync(click));

        Assert.Contains(expected, card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_InAGroupChat_TheCatalogueIsShownThereWithoutTheCoordinatorsButtons()
    {
        await host.Conversation.SeedProfileAsync("en");
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Circular economy for SMEs"));

        var inPersonalChat = CoachingTestHost.CardText(await host.SayAsync("sessions", Coordinator));
        var inGroup = CoachingTestHost.CardText(await host.SendAsync(InGroup(host.Conversation.Adapter.MakeMessage("sessions")), Coordinator));

        Assert.Contains("coaching.new", inPersonalChat, StringComparison.Ordinal);
        Assert.Contains("Circular economy for SMEs", inGroup, StringComparison.Ordinal);
        Assert.Contains("coaching.details", inGroup, StringComparison.Ordinal);
        Assert.DoesNotContain("coaching.new", inGroup, StringComparison.Ordinal);
        Assert.DoesNotContain("coaching.import", inGroup, StringComparison.Ordinal);
        host.Messenger.Verify(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("bookSession")]
    [InlineData("coaching.list")]
    public async Task CatalogueButtonsInAGroupChat_AreAnsweredInTheGroup(string action)
    {
        await host.Conversation.SeedProfileAsync("en");
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Circular economy for SMEs"));

        var replies = await host.SendAsync(InGroup(host.Conversation.Submit(new { action })));

        Assert.Contains("Circular economy for SMEs", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        host.Messenger.Verify(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("my sessions", null)]
    [InlineData("new session", null)]
    [InlineData(null, "coaching.details")]
    [InlineData(null, "coaching.register")]
    [InlineData(null, "coaching.new")]
    public async Task PersonalCoachingRequestInAGroupChat_GoesToTheOneToOneChat(string? typed, string? action)
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        var sent = new List<Activity>();
        host.Messenger.Setup(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, Activity, CancellationToken>((_, _, activity, _) => sent.Add(activity))
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
        var request = typed is null
            ? host.Conversation.Submit(new { action, sessionId = session.Id.ToString() })
            : host.Conversation.Adapter.MakeMessage(typed);

        var replies = await host.SendAsync(InGroup(request), Coordinator);

        Assert.StartsWith("<at>Ana</at> I've sent you a private message", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Single(sent);
        Assert.Empty(await host.RegistrationsAsync(session.Id));
    }

    [Fact]
    public async Task RegisterClickedInAGroupChat_TheOneToOneCardNamesTheSessionAndContinueShowsItWithoutRegistering()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        var sent = new List<Activity>();
        host.Messenger.Setup(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, Activity, CancellationToken>((_, _, activity, _) => sent.Add(activity))
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));

        await host.SendAsync(InGroup(host.Conversation.Submit(new { action = "coaching.register", sessionId = session.Id.ToString() })));
        var card = CoachingTestHost.CardOf([Assert.Single(sent)]);
        var replay = card.GetProperty("actions")[0].GetProperty("data");
        var continued = await host.SendAsync(host.Conversation.Adapter.MakeSubmit(replay));

        Assert.Contains("Register for Circular economy on Thu 3 Dec 2026 09:00–11:00 (Europe/Lisbon)", CoachingTestHost.CardText(sent), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\([^()]*\(", CoachingTestHost.CardText(sent));
        Assert.Equal("coaching.details", replay.GetProperty("action").GetString());
        Assert.Contains("coaching.register", CoachingTestHost.CardText(continued), StringComparison.Ordinal);
        Assert.Empty(await host.RegistrationsAsync(session.Id));
    }

    [Fact]
    public async Task RegisterClickedInAGroupChat_FromAnotherTimeZone_TheOneToOneCardGivesTheTimeInTheirZoneToo()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        var sent = new List<Activity>();
        host.Messenger.Setup(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, Activity, CancellationToken>((_, _, activity, _) => sent.Add(activity))
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
        var click = InGroup(host.Conversation.Submit(new { action = "coaching.register", sessionId = session.Id.ToString() }));
        click.LocalTimezone = "America/New_York";

        await host.SendAsync(click);

        Assert.Contains("Thu 3 Dec 2026 04:00–06:00 (America/New_York) · Thu 3 Dec 2026 09:00–11:00 (Europe/Lisbon)", CoachingTestHost.CardText(sent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ProfileNameDiffersFromTeams_TheCoordinatorSeesTheProfileName()
    {
        await host.Conversation.SeedProfileAsync("en", name: "Ana Sousa");
        var session = await host.CreateSessionAsync();
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });

        var details = CoachingTestHost.CardText(await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }, Coordinator));

        Assert.Contains("1. Ana Sousa (Registered)", details, StringComparison.Ordinal);
    }

    /// <summary>Before: "Inscrito", masculine only; now a form that fits everybody.</summary>
    [Fact]
    public async Task MySessions_Spanish_RegisteredStatusIsGenderNeutral()
    {
        await host.Conversation.SeedProfileAsync("es");
        var session = await host.CreateSessionAsync();
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });

        var replies = await host.SayAsync(CoachingTexts.Spanish.MineCommands[0]);

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains("Inscripción confirmada", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Inscrito", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MySessions_PortugueseCommand_ShowsMySessionsInPortuguese()
    {
        await host.Conversation.SeedProfileAsync("pt");
        var session = await host.CreateSessionAsync();
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });

        var replies = await host.SayAsync("As minhas sessões");

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains("As minhas sessões", card, StringComparison.Ordinal);
        Assert.Contains("Inscrição confirmada", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("Closed loops", true)]
    public async Task Details_SessionWithoutDescription_NoEmptyBlockUnderTheTitle(string description, bool shown)
    {
        // Before: a session saved without a description had an empty text block under its title on every card.
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft() with { Description = description });

        var card = CoachingTestHost.CardOf(await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() })).GetRawText();

        Assert.Equal(shown, card.Contains("RichTextBlock", StringComparison.Ordinal));
        Assert.DoesNotContain("\"text\":\"\"", card, StringComparison.Ordinal);
    }

    /// <summary>
    /// Before: "Inscrito" / "Está inscrito em…" (PT), "Iscritto" / "Sei iscritto a…" (IT), "Přihlášen" / "Jste přihlášeni
    /// na…" (CS), "Está inscrito en…" (ES): masculine forms for everybody; now the registration is what is confirmed.
    /// </summary>
    [Theory]
    [InlineData("pt", "Inscrição confirmada", "A sua inscrição em Circular economy está confirmada.", @"\binscritos?\b")]
    [InlineData("es", "Inscripción confirmada", "Su inscripción en Circular economy está confirmada.", @"(?<!ha )\binscritos?\b")]   // "se ha inscrito": a verb, the same for all
    [InlineData("it", "Iscrizione confermata", "La tua iscrizione a Circular economy è confermata.", @"\biscritt[oi]\b")]
    [InlineData("cs", "Registrace potvrzena", "Vaše registrace na Circular economy je potvrzena.", @"\bpřihlášen[i]?\b")]
    public async Task Register_ThenMySessionsAndDetails_StatusesGenderNeutral(string language, string status, string confirmed, string masculine)
    {
        await host.Conversation.SeedProfileAsync(language);
        var texts = CoachingTexts.Resolve(language);
        var session = await host.CreateSessionAsync();
        var said = new List<string>();

        var registered = await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        var again = await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        var mine = await host.SayAsync(texts.MineCommands[0]);
        var details = await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() });

        // Followed by what comes to the calendar in this deployment (no Graph here: the calendar file of the card's button).
        Assert.Contains(confirmed + " " + texts.Format(texts.ConfirmedCalendarFileFormat, texts.AddToCalendar), CoachingTestHost.CardText(registered).Split('\n'));
        Assert.Contains(texts.AlreadyConfirmed, CoachingTestHost.CardText(again).Split('\n'));
        Assert.Contains(status, CoachingTestHost.CardText(mine).Split('\n'));
        Assert.Contains(texts.StatusLabel, CoachingTestHost.CardText(mine).Split('\n'));
        Assert.DoesNotContain(status, texts.StatusLabel, StringComparison.OrdinalIgnoreCase);   // not "Your registration: Registration confirmed"
        Assert.DoesNotContain(texts.StatusLabel.Split(' ')[^1], status, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(status, CoachingTestHost.CardText(details).Split('\n'));
        foreach (var replies in new[] { registered, again, mine, details })
        {
            said.AddRange(replies.Select(r => r.Text ?? ""));
            said.Add(CoachingTestHost.CardText(replies));
        }

        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex(masculine, System.Text.RegularExpressions.RegexOptions.IgnoreCase), string.Join("\n", said));
        Assert.DoesNotMatch(
            new System.Text.RegularExpressions.Regex(masculine, System.Text.RegularExpressions.RegexOptions.IgnoreCase),
            string.Join("\n", texts.StatusConfirmed, texts.ConfirmedFormat, texts.AlreadyConfirmed, texts.NotRegistered, texts.PromotedFormat, texts.NotTheRegistrationAskedFormat, texts.CancelSessionConfirmFormat, texts.SessionCancelledDone));
    }

    [Fact]
    public async Task Register_ButtonWithoutGraph_ConfirmedCardWithCalendarFileLink()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();

        var replies = await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains("You're registered for Circular economy.", card, StringComparison.Ordinal);
        Assert.Contains($"https://bot.example.org/coaching/calendar/{session.Id:D}.ics", card, StringComparison.Ordinal);
        Assert.Contains("coaching.unregister", card, StringComparison.Ordinal);
        var row = Assert.Single(await host.RegistrationsAsync(session.Id));
        Assert.Equal("00000000-0000-0000-0000-000000000001", row.UserAadObjectId);
        Assert.Equal("Ana", row.UserName);
    }

    [Fact]
    public async Task Register_DoubleClick_OneRegistrationAndAlreadyRegistered()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();

        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        var second = await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });

        Assert.Contains("already registered", CoachingTestHost.CardText(second), StringComparison.Ordinal);
        Assert.Single(await host.RegistrationsAsync(session.Id));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("7d1c2b0e-0000-4000-8000-000000000000")]
    public async Task Register_TamperedSessionId_PoliteNotFoundAndNothingStored(string sessionId)
    {
        await host.Conversation.SeedProfileAsync("en");

        var replies = await host.SubmitAsync(new { action = "coaching.register", sessionId });

        Assert.Equal("This session no longer exists.", Assert.Single(replies).Text);
        var count = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Registrations().CountAsync());
        Assert.Equal(0, count);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("[\"7d1c2b0e-0000-4000-8000-000000000000\"]")]
    [InlineData("{\"id\":\"7d1c2b0e-0000-4000-8000-000000000000\"}")]
    public async Task Register_SessionIdOfAnotherJsonType_PoliteNotFoundInTheirLanguageAndNothingStored(string sessionId)
    {
        await host.Conversation.SeedProfileAsync("pt");
        await host.CreateSessionAsync();
        var data = System.Text.Json.Nodes.JsonNode.Parse("{\"action\":\"coaching.register\"}")!.AsObject();
        data["sessionId"] = System.Text.Json.Nodes.JsonNode.Parse(sessionId);

        var replies = await host.SubmitAsync(data);

        Assert.Equal(CoachingTexts.Resolve("pt").NotFound, Assert.Single(replies).Text);
        Assert.Equal(0, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Registrations().CountAsync()));
    }

    [Fact]
    public async Task Register_DeadlineOnADayWhoseEndTheClocksSkip_OpenUntilTheLastSecondOfThatDay()
    {
        // Saturday 27 March 2027, America/Nuuk: the clocks go from 23:00 to 00:00, so 23:59:59 does not exist that day.
        // Before: the deadline was saved as 1 January of year 1, and everyone was told "Registration for this session is closed."
        await host.Conversation.SeedProfileAsync("en");
        var form = ValidForm();
        (form["timeZone"], form["date"], form["start"], form["end"], form["closesOn"]) = ("America/Nuuk", "2027-03-30", "10:00", "12:00", "2027-03-27");
        await host.SubmitAsync(form, Coordinator);
        var session = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().AsNoTracking().SingleAsync());

        var replies = await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });

        Assert.Contains("You're registered for Smart textiles lab.", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Confirmed, Assert.Single(await host.RegistrationsAsync(session.Id)).Status);
        var details = await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }, "22222222-2222-2222-2222-222222222222");
        Assert.Contains("Sat 27 Mar 2027 22:59 (America/Nuuk)", CoachingTestHost.CardText(details), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unregister_FullSession_CancelledAndFirstWaitlistedPromoted()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        var waitlisted = await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() }, "22222222-2222-2222-2222-222222222222");
        Assert.Contains("waitlist at position 1", CoachingTestHost.CardText(waitlisted), StringComparison.Ordinal);

        var replies = await host.SubmitAsync(new { action = "coaching.unregister", sessionId = session.Id.ToString(), confirm = "yes" });

        Assert.Equal("Your registration for Circular economy is cancelled.", Assert.Single(replies).Text);
        var rows = await host.RegistrationsAsync(session.Id);
        Assert.Equal(RegistrationStatus.Confirmed, rows.Single(r => r.UserAadObjectId == "22222222-2222-2222-2222-222222222222").Status);
    }

    [Theory]
    [InlineData("en", "Cancel your registration for Circular economy on Thu 3 Dec 2026 04:00–06:00 (America/New_York) · Thu 3 Dec 2026 09:00–11:00 (Europe/Lisbon)?", "Yes, cancel my registration", "No, keep it")]
    [InlineData("pt", "Cancelar a sua inscrição em Circular economy — qui. 3 dez. 2026 04:00–06:00 (America/New_York) · qui. 3 dez. 2026 09:00–11:00 (Europe/Lisbon)?", "Sim, cancelar a minha inscrição", "Não, manter")]
    [InlineData("es", "¿Cancelar su inscripción en Circular economy — ", "Sí, cancelar mi inscripción", "No, mantenerla")]
    [InlineData("it", "Vuoi annullare la tua iscrizione a Circular economy — ", "Sì, annulla la mia iscrizione", "No, tienila")]
    [InlineData("tr", "(Europe/Lisbon) tarihindeki Circular economy oturumu için kaydınız iptal edilsin mi?", "Evet, kaydımı iptal et", "Hayır, kalsın")]
    [InlineData("cs", "Zrušit vaši registraci na Circular economy — čt 3. pro 2026 04:00–06:00 (America/New_York)", "Ano, zrušit moji registraci", "Ne, ponechat")]
    public async Task Unregister_WithoutConfirmation_AsksOnTheSessionCardWithItsTimeInTheReadersZoneNothingChanged(
        string language, string question, string yes, string no)
    {
        await host.Conversation.SeedProfileAsync(language);
        var session = await host.CreateSessionAsync();
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        var outbox = (await host.OutboxAsync()).Count;
        var click = host.Conversation.Submit(new { action = "coaching.unregister", sessionId = session.Id.ToString() });
        click.LocalTimezone = "America/New_York";

        var replies = await host.SendAsync(click);

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains(question, card, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\([^()]*\(", card);
        var buttons = ActionTitles(CoachingTestHost.CardOf(replies));
        Assert.Contains(yes, buttons);
        Assert.Contains(no, buttons);
        var yesData = Assert.Single(CancelButtons(CoachingTestHost.CardOf(replies))).Data;
        Assert.Equal("yes", yesData.GetProperty("confirm").GetString());
        Assert.Equal(RegistrationStatus.Confirmed, Assert.Single(await host.RegistrationsAsync(session.Id)).Status);
        Assert.Equal(outbox, (await host.OutboxAsync()).Count);
    }

    [Fact]
    public async Task Unregister_AnsweredNo_NothingChangesAndTheCardSaysSo()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        var question = CoachingTestHost.CardOf(await host.SubmitAsync(new { action = "coaching.unregister", sessionId = session.Id.ToString() }));
        var noData = HiTechTex.Bot.Testing.Cards.CardJson.Elements(question)
            .Single(e => e.TryGetProperty("title", out var t) && t.GetString() == "No, keep it").GetProperty("data").Clone();
        var outbox = (await host.OutboxAsync()).Count;

        var replies = await host.SendAsync(host.Conversation.Submit(noData));

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains("Nothing changed: your registration for Circular economy stays.", card, StringComparison.Ordinal);
        Assert.Equal("Cancel my registration", Assert.Single(CancelButtons(CoachingTestHost.CardOf(replies))).Title);
        Assert.DoesNotContain("No, keep it", card, StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Confirmed, Assert.Single(await host.RegistrationsAsync(session.Id)).Status);
        Assert.Equal(outbox, (await host.OutboxAsync()).Count);
    }

    [Fact]
    public async Task Unregister_OldQuestionsYesAfterRegisteringAgain_TheNewRegistrationStays()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 5));
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        var question = CoachingTestHost.CardOf(await host.SubmitAsync(new { action = "coaching.unregister", sessionId = session.Id.ToString() }));
        var oldYes = Assert.Single(CancelButtons(question)).Data;
        await host.SendAsync(host.Conversation.Submit(oldYes));
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });

        var replies = await host.SendAsync(host.Conversation.Submit(oldYes));

        Assert.StartsWith("That question was about an earlier registration for Circular economy", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Confirmed, Assert.Single(await host.RegistrationsAsync(session.Id)).Status);
    }

    [Theory]
    [InlineData("en", "1")]
    [InlineData("pt", "[]")]
    [InlineData("es", "true")]
    [InlineData("it", "{}")]
    [InlineData("tr", "\"abc\"")]
    [InlineData("cs", "\"-1\"")]
    public async Task Unregister_YesWithARegistrationThatCannotBeRead_RefusedPolitelyAndTheRegistrationStays(string language, string forged)
    {
        // A registration of another JSON type (or text that is no registration) was read as absent, as on an older card:
        // the check against a newer registration was skipped and the current one cancelled.
        await host.Conversation.SeedProfileAsync(language);
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 5));
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        var question = CoachingTestHost.CardOf(await host.SubmitAsync(new { action = "coaching.unregister", sessionId = session.Id.ToString() }));
        var yes = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(CancelButtons(question)).Data.GetRawText())!.AsObject();
        yes["registration"] = System.Text.Json.Nodes.JsonNode.Parse(forged);
        var outbox = (await host.OutboxAsync()).Count;

        var replies = await host.SendAsync(host.Conversation.Submit(yes));

        Assert.Equal(CoachingTexts.Resolve(language).UnregisterUnreadable, Assert.Single(replies).Text);
        Assert.Equal(RegistrationStatus.Confirmed, Assert.Single(await host.RegistrationsAsync(session.Id)).Status);
        Assert.Equal(outbox, (await host.OutboxAsync()).Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Unregister_YesWithoutARegistration_AnOlderCardCancelsTheCurrentOne(string? registration)
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 5));
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });

        var replies = await host.SubmitAsync(new { action = "coaching.unregister", sessionId = session.Id.ToString(), confirm = "yes", registration });

        Assert.Equal("Your registration for Circular economy is cancelled.", Assert.Single(replies).Text);
        Assert.Equal(RegistrationStatus.Cancelled, Assert.Single(await host.RegistrationsAsync(session.Id)).Status);
    }

    [Fact]
    public async Task Unregister_YesClickedTwice_CancelledAndPromotedOnceTheSecondSaysAlreadyCancelled()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() }, "22222222-2222-2222-2222-222222222222");
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() }, "33333333-3333-3333-3333-333333333333");
        var question = CoachingTestHost.CardOf(await host.SubmitAsync(new { action = "coaching.unregister", sessionId = session.Id.ToString() }));
        var yes = Assert.Single(CancelButtons(question)).Data;

        var first = await host.SendAsync(host.Conversation.Submit(yes));
        var afterFirst = await host.RegistrationsAsync(session.Id);
        var outbox = (await host.OutboxAsync()).Count;
        var second = await host.SendAsync(host.Conversation.Submit(yes));

        Assert.Equal("Your registration for Circular economy is cancelled.", Assert.Single(first).Text);
        Assert.Equal("Your registration for Circular economy is already cancelled: nothing else changed.", Assert.Single(second).Text);
        var rows = await host.RegistrationsAsync(session.Id);
        Assert.Equal(
            [RegistrationStatus.Cancelled, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted],
            rows.Select(r => r.Status));
        Assert.Equal(afterFirst.Select(r => (r.Status, r.UpdatedAt)), rows.Select(r => (r.Status, r.UpdatedAt)));
        Assert.Equal(outbox, (await host.OutboxAsync()).Count);

        // Asked again from an older card: no question for a registration already cancelled.
        var again = await host.SubmitAsync(new { action = "coaching.unregister", sessionId = session.Id.ToString() });
        Assert.Equal("Your registration for Circular economy is already cancelled: nothing else changed.", Assert.Single(again).Text);
    }

    /// <summary>The titles of the card's buttons.</summary>
    private static List<string> ActionTitles(System.Text.Json.JsonElement card) =>
        [.. HiTechTex.Bot.Testing.Cards.CardJson.Elements(card)
            .Where(e => e.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Action.", StringComparison.Ordinal))
            .Select(e => e.GetProperty("title").GetString()!)];

    [Theory]
    [InlineData("en", "Cancel my registration")]
    [InlineData("pt", "Cancelar a minha inscrição")]
    [InlineData("es", "Cancelar mi inscripción")]
    [InlineData("it", "Annulla la mia iscrizione")]
    [InlineData("tr", "Kaydımı iptal et")]
    [InlineData("cs", "Zrušit moji registraci")]
    public async Task MySessions_RegisteredAndWaitlisted_EachOffersCancelForItsSession(string language, string cancel)
    {
        // The help card and "cancel my registration" send people here to cancel, and the list had no Cancel.
        await host.Conversation.SeedProfileAsync(language);
        var confirmed = await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Confirmed one"));
        var full = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1, title: "Full one", inDays: 8));
        await host.SubmitAsync(new { action = "coaching.register", sessionId = full.Id.ToString() }, "22222222-2222-2222-2222-222222222222");
        await host.SubmitAsync(new { action = "coaching.register", sessionId = confirmed.Id.ToString() });
        await host.SubmitAsync(new { action = "coaching.register", sessionId = full.Id.ToString() });

        var card = CoachingTestHost.CardOf(await host.SayAsync("my sessions"));

        var cancels = CancelButtons(card);
        Assert.Equal([confirmed.Id.ToString(), full.Id.ToString()], cancels.Select(c => c.SessionId));
        Assert.All(cancels, c => Assert.Equal(cancel, c.Title));
    }

    [Fact]
    public async Task MySessions_CancelOnTheList_CancelsTheRegistrationLikeTheDetailsCard()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        var card = CoachingTestHost.CardOf(await host.SayAsync("my sessions"));
        var data = Assert.Single(CancelButtons(card)).Data;

        // The list's Cancel asks on the session's card; its "Yes" cancels.
        var question = await host.SendAsync(host.Conversation.Submit(data));
        Assert.Equal(RegistrationStatus.Confirmed, Assert.Single(await host.RegistrationsAsync(session.Id)).Status);
        var replies = await host.SendAsync(host.Conversation.Submit(Assert.Single(CancelButtons(CoachingTestHost.CardOf(question))).Data));

        Assert.Equal("Your registration for Circular economy is cancelled.", Assert.Single(replies).Text);
        Assert.Equal(RegistrationStatus.Cancelled, Assert.Single(await host.RegistrationsAsync(session.Id)).Status);
        Assert.Contains("You have no upcoming sessions", CoachingTestHost.CardText(await host.SayAsync("my sessions")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MySessions_SessionStartedOrCancelled_NoCancelForIt()
    {
        await host.Conversation.SeedProfileAsync("en");
        var started = await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Started one", inDays: 1));
        var cancelled = await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Cancelled one", inDays: 3));
        var later = await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Later one", inDays: 5));
        foreach (var session in new[] { started, cancelled, later })
        {
            await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        }

        await host.SubmitAsync(new { action = "coaching.cancelSession", sessionId = cancelled.Id.ToString(), confirm = "yes" }, Coordinator);
        host.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(30));

        var card = CoachingTestHost.CardOf(await host.SayAsync("my sessions"));

        Assert.Contains("Started one", card.GetRawText(), StringComparison.Ordinal);
        Assert.Equal([later.Id.ToString()], CancelButtons(card).Select(c => c.SessionId));
    }

    [Fact]
    public async Task Unregister_ForgedForSomeoneElsesRegistration_RefusedAndTheirSeatKept()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() }, "22222222-2222-2222-2222-222222222222");

        // The same data as the owner's Cancel, clicked (or forged) by someone who holds no registration.
        var replies = await host.SubmitAsync(new { action = "coaching.unregister", sessionId = session.Id.ToString() });

        Assert.Equal("You are not registered for this session.", Assert.Single(replies).Text);
        Assert.Equal(RegistrationStatus.Confirmed, Assert.Single(await host.RegistrationsAsync(session.Id)).Status);
        Assert.Empty(await host.OutboxAsync());
    }

    [Theory]
    [InlineData("new session", "en", "New session")]
    [InlineData("Nova sessão", "pt", "Nova sessão")]
    [InlineData("/create a session", "en", "New session")]
    [InlineData("nové setkání", "cs", "Nové setkání")]
    public async Task NewSession_TypedByACoordinator_OpensTheForm(string typed, string language, string title)
    {
        await host.Conversation.SeedProfileAsync(language);

        var replies = await host.SayAsync(typed, Coordinator);

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains(title, card, StringComparison.Ordinal);
        Assert.Contains("coaching.save", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import sessions")]
    [InlineData("importar sesiones")]
    public async Task ImportSessions_TypedByACoordinator_OpensTheImportForm(string typed)
    {
        await host.Conversation.SeedProfileAsync("en");

        var replies = await host.SayAsync(typed, Coordinator);

        Assert.Contains("coaching.importSave", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> CoordinatorCommands()
    {
        var data = new TheoryData<string, string>();
        foreach (var texts in CoachingTexts.All)
        {
            data.Add(texts.Language, texts.NewSessionCommands[0]);
            data.Add(texts.Language, texts.ImportCommands[0]);
        }

        data.Add("en", " /Import Sessions ");
        data.Add("pt", "CRIAR SESSAO");
        return data;
    }

    /// <summary>
    /// Before: only "Only programme coordinators can do that.", unlike the other role commands typed as the menu has them.
    /// Now, as they do: whom it is for, where roles come from and what to type instead, then the help card — and no form.
    /// </summary>
    [Theory]
    [MemberData(nameof(CoordinatorCommands))]
    public async Task CoordinatorCommands_TypedByAParticipant_WhomTheyAreForWhatToTypeInsteadAndTheHelpCard(string language, string typed)
    {
        var texts = ConversationTexts.For(language);
        await host.Conversation.SeedProfileAsync(language);

        var replies = await host.SayAsync(typed);

        Assert.Equal(2, replies.Count);
        Assert.Equal(texts.OnlySessionCoordinators, replies[0].Text);
        Assert.Contains(texts.HelpTitle, CardJson.Texts(Assert.Single(replies[1].Attachments!).Content!.Value));
        Assert.DoesNotContain("coaching.save", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        Assert.DoesNotContain("coaching.importSave", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
    }

    /// <summary>The refusal's words to type instead are the coaching journey's own commands, in the same language.</summary>
    [Theory]
    [MemberData(nameof(ConversationCardsTests.Languages), MemberType = typeof(ConversationCardsTests))]
    public void SessionCoordinatorsRefusal_QuotesTheParticipantsOwnCommands(string language)
    {
        var refusal = ConversationTexts.For(language).OnlySessionCoordinators;
        var coaching = CoachingTexts.Resolve(language);

        var quoted = System.Text.RegularExpressions.Regex.Matches(refusal, "\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal([coaching.ListCommands[0], coaching.MineCommands[0]], quoted);
        Assert.DoesNotContain("(", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParticipantsCommands_QuotedByTheRefusal_ListTheSessionsAndTheirOwn()
    {
        await host.Conversation.SeedProfileAsync("cs");
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Circular economy for SMEs"));
        var coaching = CoachingTexts.Resolve("cs");

        var list = await host.SayAsync(coaching.ListCommands[0]);
        var mine = await host.SayAsync(coaching.MineCommands[0]);

        Assert.Contains("Circular economy for SMEs", CoachingTestHost.CardText(list), StringComparison.Ordinal);
        Assert.Contains(coaching.MySessionsTitle, CoachingTestHost.CardText(mine), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("coaching.new")]
    [InlineData("coaching.save")]
    [InlineData("coaching.cancelSession")]
    [InlineData("coaching.importSave")]
    public async Task CoordinatorAction_ByParticipant_RefusedAndNothingChanged(string action)
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();

        var replies = await host.SubmitAsync(new { action, sessionId = session.Id.ToString(), title = "Hacked", capacity = "999" });

        Assert.Equal("Only programme coordinators can do that.", Assert.Single(replies).Text);
        var stored = await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().GetAsync(session.Id, CancellationToken.None));
        Assert.Equal(SessionStatus.Scheduled, stored!.Session.Status);
        Assert.Equal(10, stored.Session.Capacity);
    }

    [Fact]
    public async Task Save_CoordinatorValidForm_CreatesSessionInItsTimeZone()
    {
        await host.Conversation.SeedProfileAsync("en");

        var replies = await host.SubmitAsync(ValidForm(), Coordinator);

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains("Session saved: Smart textiles lab.", card, StringComparison.Ordinal);
        var created = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().AsNoTracking().SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 13, 0, 0, TimeSpan.Zero), created.StartsAt);   // 14:00 in Madrid (CET)
        Assert.Equal(CalendarSyncState.NotConfigured, created.SyncState);
        Assert.Equal(Coordinator, created.CreatedBy);
    }

    [Fact]
    public async Task Save_OverlapsOrganizersOtherSession_SavedWithConflictWarning()
    {
        await host.Conversation.SeedProfileAsync("en");
        var start = new DateTimeOffset(2026, 12, 10, 12, 30, 0, TimeSpan.Zero);
        await host.CreateSessionAsync(CoachingTestHost.Draft() with { StartsAt = start, EndsAt = start.AddHours(1), OrganizerMailbox = "coaching@hitechtex.example" });

        var replies = await host.SubmitAsync(ValidForm(), Coordinator);

        Assert.Contains("Heads-up: the organizer's calendar is busy at that time (Thu 10 Dec 2026 13:30–14:30, Europe/Madrid time).", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public async Task Save_OverlapsTwoOfTheOrganizersSessions_WarningNamesTheZoneOnceWithoutNestedBrackets(string language)
    {
        await host.Conversation.SeedProfileAsync(language);
        var start = new DateTimeOffset(2026, 12, 10, 12, 30, 0, TimeSpan.Zero);
        await host.CreateSessionAsync(CoachingTestHost.Draft() with { StartsAt = start, EndsAt = start.AddHours(1), OrganizerMailbox = "coaching@hitechtex.example" });
        await host.CreateSessionAsync(CoachingTestHost.Draft() with { StartsAt = start.AddHours(2), EndsAt = start.AddHours(3), OrganizerMailbox = "coaching@hitechtex.example" });
        var format = CoachingTexts.Resolve(language).ConflictWarningFormat;

        var replies = await host.SubmitAsync(ValidForm(), Coordinator);

        var warning = Assert.Single(CoachingTestHost.CardText(replies).Split('\n'), l => l.StartsWith(format[..format.IndexOf('(', StringComparison.Ordinal)], StringComparison.Ordinal));
        Assert.Equal(1, warning.Count(c => c == '('));
        Assert.Equal(1, warning.Count(c => c == ')'));
        Assert.EndsWith(").", warning, StringComparison.Ordinal);
        Assert.Single(warning.Split("Europe/Madrid").Skip(1));
        Assert.Contains("13:30–14:30; ", warning, StringComparison.Ordinal);
        Assert.Contains("15:30–16:30", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_InvalidFields_FormAgainNamingThem()
    {
        await host.Conversation.SeedProfileAsync("en");
        var form = ValidForm();
        form["end"] = "13:00";
        form["timeZone"] = "Mars/Olympus";
        form["capacity"] = "-3";

        var replies = await host.SubmitAsync(form, Coordinator);

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains("Please check: Time zone (e.g. Europe/Lisbon): not a time zone name I know; End time: must be after the start time; an end earlier than the start counts as the next day only for a session of at most 12 hours; Capacity: a whole number from 1 to 1000.", card, StringComparison.Ordinal);
        Assert.Equal(0, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task Save_CapacityLoweredBelowTheRegistered_SavedWithAWarningAndNobodyUnregistered()
    {
        await host.Conversation.SeedProfileAsync("en");
        await host.SubmitAsync(ValidForm(), Coordinator);
        var session = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().AsNoTracking().SingleAsync());
        foreach (var user in new[] { "u1", "u2", "u3" })
        {
            await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() }, user);
        }

        var form = ValidForm();
        form["sessionId"] = session.Id.ToString();
        form["capacity"] = "1";
        var replies = await host.SubmitAsync(form, Coordinator);

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains("Session saved: Smart textiles lab.", card, StringComparison.Ordinal);
        Assert.Contains("Heads-up: 3 people are already registered, more than the new capacity of 1. Nobody was unregistered", card, StringComparison.Ordinal);
        Assert.All(await host.RegistrationsAsync(session.Id), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
    }

    [Fact]
    public async Task CancelSession_Coordinator_CancelledAndEveryoneQueuedForNotice()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });

        var replies = await host.SubmitAsync(new { action = "coaching.cancelSession", sessionId = session.Id.ToString(), confirm = "yes" }, Coordinator);

        Assert.Equal("The session is cancelled; registered people are being told.", Assert.Single(replies).Text);
        Assert.Single(await host.OutboxAsync(), o => o.Kind == OutboxKind.NotifySessionCancelled);
    }

    [Fact]
    public async Task CancelSession_ButtonOnTheCard_AsksFirstAndOnlyTheAnswerCancels()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });

        var card = CoachingTestHost.CardOf(await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }, Coordinator));
        var button = card.GetProperty("body").EnumerateArray().Last(e => e.GetProperty("type").GetString() == "ActionSet").GetProperty("actions")[1];
        var unconfirmed = await host.SubmitAsync(new { action = "coaching.cancelSession", sessionId = session.Id.ToString() }, Coordinator);

        Assert.Equal("Action.ShowCard", button.GetProperty("type").GetString());
        var question = button.GetProperty("card");
        Assert.Equal("Cancel Circular economy? This cannot be undone: everyone registered or on the waitlist (1) will be told.", question.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal("yes", question.GetProperty("actions")[0].GetProperty("data").GetProperty("confirm").GetString());
        Assert.Contains("Cancel Circular economy? This cannot be undone", CoachingTestHost.CardText(unconfirmed), StringComparison.Ordinal);
        var stored = await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().GetAsync(session.Id, CancellationToken.None));
        Assert.Equal(SessionStatus.Scheduled, stored!.Session.Status);
        Assert.Empty(await host.OutboxAsync());
    }

    [Fact]
    public async Task EditClicked_OnASessionCancelledSince_SaysItWasCancelled()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        await host.SubmitAsync(new { action = "coaching.cancelSession", sessionId = session.Id.ToString(), confirm = "yes" }, Coordinator);

        var edit = await host.SubmitAsync(new { action = CoachingDialog.EditAction, sessionId = session.Id.ToString() }, Coordinator);

        Assert.Equal(CoachingTexts.Resolve("en").SessionCancelled, Assert.Single(edit).Text);
    }

    [Fact]
    public async Task CancelledSession_RegisteredPerson_MySessionsDetailsAndRegisterSayItIsCancelled()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        await host.SubmitAsync(new { action = "coaching.cancelSession", sessionId = session.Id.ToString(), confirm = "yes" }, Coordinator);

        var mine = CoachingTestHost.CardText(await host.SayAsync("my sessions"));
        var details = CoachingTestHost.CardText(await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }));
        var register = CoachingTestHost.CardText(await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() }));

        Assert.Contains("This session was cancelled.", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Registered", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("free", mine, StringComparison.Ordinal);
        Assert.Contains("This session was cancelled.", details, StringComparison.Ordinal);
        Assert.DoesNotContain("Registered", details, StringComparison.Ordinal);
        Assert.DoesNotContain("already registered", register, StringComparison.Ordinal);
        Assert.Contains("This session was cancelled.", register, StringComparison.Ordinal);
        Assert.DoesNotContain("coaching.register", register, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelSession_AfterTheSessionEnded_RefusedPolitelyAndNobodyTold()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        host.Time.Advance(TimeSpan.FromDays(8));

        var replies = await host.SubmitAsync(new { action = "coaching.cancelSession", sessionId = session.Id.ToString(), confirm = "yes" }, Coordinator);
        var unregister = await host.SubmitAsync(new { action = "coaching.unregister", sessionId = session.Id.ToString() });

        Assert.Equal("This session is already over: nothing was changed.", Assert.Single(replies).Text);
        Assert.Equal("This session is already over: nothing was changed.", Assert.Single(unregister).Text);
        var stored = await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().GetAsync(session.Id, CancellationToken.None));
        Assert.Equal(SessionStatus.Scheduled, stored!.Session.Status);
        Assert.DoesNotContain(await host.OutboxAsync(), o => o.Kind == OutboxKind.NotifySessionCancelled);
        Assert.Equal(RegistrationStatus.Confirmed, Assert.Single(await host.RegistrationsAsync(session.Id)).Status);
    }

    [Theory]
    [InlineData("9999-12-31", "23:00", "23:30", "America/Los_Angeles", "9999-12-30")]
    [InlineData("0001-01-01", "00:00", "00:30", "Asia/Tokyo", "0001-01-01")]
    [InlineData("2032-12-10", "14:00", "16:00", "Europe/Madrid", "2032-12-09")]
    public async Task Save_DateAtTheCalendarsEndsOrYearsAhead_FormAgainNamingTheDateAndNothingSaved(string date, string start, string end, string zone, string closesOn)
    {
        // 9999-12-31 23:00 in Los Angeles is in year 10000 in UTC, 0001-01-01 00:00 in Tokyo before year 1: converting
        // them threw. A date more than five years ahead is no session of the programme.
        await host.Conversation.SeedProfileAsync("en");
        var form = ValidForm();
        (form["date"], form["start"], form["end"], form["timeZone"], form["closesOn"]) = (date, start, end, zone, closesOn);

        var replies = await host.SubmitAsync(form, Coordinator);

        Assert.Contains("Please check: Date", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        Assert.Equal(0, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Theory]
    [InlineData("en", "closesOn", "2026-12-11", "Please check: Registration closes on: must be on or before the session's date.")]
    [InlineData("en", "capacity", "0", "Please check: Capacity: a whole number from 1 to 1000.")]
    [InlineData("en", "capacity", "2.5", "Please check: Capacity: a whole number from 1 to 1000.")]
    [InlineData("en", "capacity", "1e11", "Please check: Capacity: a whole number from 1 to 1000.")]
    [InlineData("en", "closesOn", "9 Dec", "Please check: Registration closes on: a date as yyyy-mm-dd.")]
    [InlineData("pt", "closesOn", "2026-12-11", "Verifique: Inscrições fecham a: tem de ser no dia da sessão ou antes.")]
    [InlineData("it", "capacity", "0", "Controlla: Capienza: un numero intero da 1 a 1000.")]
    [InlineData("cs", "closesOn", "2026-11-25", "Zkontrolujte prosím: Registrace končí: nemůže být před dneškem.")]
    [InlineData("en", "date", "2026-02-30", "Please check: Date: that day does not exist on the calendar")]
    [InlineData("en", "date", "2026-11-20", "Please check: Date: the session cannot start in the past")]
    [InlineData("tr", "date", "2026-11-20", "Lütfen kontrol edin: Tarih: oturum geçmişte başlayamaz")]
    [InlineData("es", "start", "25:70", "Revise: Hora de inicio (zona de la sesión): 25:70 no es una hora del día: use hh:mm, por ejemplo 14:30")]
    [InlineData("en", "end", "26:00", "Please check: End time: 26:00 is not a time of day: use hh:mm, like 14:30")]
    public async Task Save_FieldRefused_FormSaysWhy(string language, string field, string value, string expected)
    {
        await host.Conversation.SeedProfileAsync(language);
        var form = ValidForm();
        form[field] = value;

        var replies = await host.SubmitAsync(form, Coordinator);

        Assert.Contains(expected, CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        Assert.Equal(0, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task Save_EditMovingTheSessionBeforeItsDeadline_FormSaysTheDeadlineMustBeOnOrBeforeTheDate()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft());   // 3 Dec, registration closing then
        var form = ValidForm();
        form["sessionId"] = session.Id.ToString();
        var values = SessionFormValues.From(session);
        (form["date"], form["closesOn"], form["timeZone"]) = ("2026-11-30", values.ClosesOn, values.TimeZone);

        var replies = await host.SubmitAsync(form, Coordinator);

        Assert.Contains("Please check: Registration closes on: must be on or before the session's date.", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_DeadlineBeforeToday_FormAgainNamingItAndNothingSaved()
    {
        await host.Conversation.SeedProfileAsync("en");
        var form = ValidForm();
        form["closesOn"] = "2026-11-25";

        var replies = await host.SubmitAsync(form, Coordinator);

        Assert.Contains("Please check: Registration closes on: cannot be before today.", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        Assert.Equal(0, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task Save_EditOfASessionWhoseDeadlinePassed_KeepsTheDeadlineAndSaves()
    {
        await host.Conversation.SeedProfileAsync("en");
        await host.SubmitAsync(ValidForm(), Coordinator);
        var session = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().AsNoTracking().SingleAsync());
        host.Time.Advance(TimeSpan.FromDays(13) + TimeSpan.FromHours(16));   // 2026-12-10 01:00: the deadline (12-09) has passed
        var form = ValidForm();
        form["sessionId"] = session.Id.ToString();
        form["title"] = "Smart textiles lab (corrected)";

        var replies = await host.SubmitAsync(form, Coordinator);

        Assert.Contains("Session saved: Smart textiles lab (corrected).", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_RegistrationOpen_ShowsTheDeadline_OnceClosed_NoRegisterAndNoSeats()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        var details = new { action = "coaching.details", sessionId = session.Id.ToString() };

        var open = CoachingTestHost.CardText(await host.SubmitAsync(details));
        host.Time.Advance(TimeSpan.FromDays(6) + TimeSpan.FromMinutes(1));
        var closed = CoachingTestHost.CardText(await host.SubmitAsync(details));
        var list = CoachingTestHost.CardText(await host.SayAsync("sessions"));

        Assert.Contains("Registration closes on\nWed 2 Dec 2026 09:00 (Europe/Lisbon)", open, StringComparison.Ordinal);
        Assert.Contains("coaching.register", open, StringComparison.Ordinal);
        Assert.Contains("Registration for this session is closed.", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("coaching.register", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("free", closed, StringComparison.Ordinal);
        Assert.Contains("Registration for this session is closed.", list, StringComparison.Ordinal);
        Assert.DoesNotContain("free", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditAndSave_AfterTheSessionEnded_RefusedPolitelyAndNothingChanged()
    {
        await host.Conversation.SeedProfileAsync("en");
        await host.SubmitAsync(ValidForm(), Coordinator);
        var session = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().AsNoTracking().SingleAsync());
        await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        host.Time.Advance(TimeSpan.FromDays(15));
        var form = ValidForm();
        form["sessionId"] = session.Id.ToString();
        form["date"] = "2026-12-20";
        form["closesOn"] = "2026-12-19";

        var edit = await host.SubmitAsync(new { action = "coaching.edit", sessionId = session.Id.ToString() }, Coordinator);
        var save = await host.SubmitAsync(form, Coordinator);

        Assert.Equal("This session is already over: nothing was changed.", Assert.Single(edit).Text);
        Assert.Equal("This session is already over: nothing was changed.", Assert.Single(save).Text);
        var stored = await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().GetAsync(session.Id, CancellationToken.None));
        Assert.Equal(session.StartsAt, stored!.Session.StartsAt);
        Assert.DoesNotContain(await host.OutboxAsync(), o => o.Kind == OutboxKind.NotifySessionMoved);
    }

    [Fact]
    public async Task ImportSave_CoordinatorWithOneBadLine_ImportsTheGoodOnesAndKeepsTheBadOne()
    {
        await host.Conversation.SeedProfileAsync("en");
        var rows = string.Join("\n",
            "title;topic;trainer;language;date;start;end;timeZone;capacity;mode;location;closesOn;organizer;description",
            "Smart textiles lab;Smart textiles;Lucía;ES;2026-12-10;14:00;16:00;Europe/Madrid;20;Online;;2026-12-09;coaching@hitechtex.example;Sensors; and prototypes",
            "Dyeing without water;Sustainable finishing;Rui;PT;2026-12-11;09:00;12:00;Mars/Olympus;15;OnSite;CITEVE;2026-12-10;coaching@hitechtex.example;",
            "Klastr;Cluster excellence;Petr;CS;2026-12-12;13:00;15:00;Europe/Prague;12;OnSite;CLUTEX, Liberec;2026-12-11;coaching@hitechtex.example;Praxe");

        var replies = await host.SubmitAsync(new { action = "coaching.importSave", rows }, Coordinator);

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains("2 sessions imported. Lines with errors: 3 (Time zone (e.g. Europe/Lisbon): not a time zone name I know)", card, StringComparison.Ordinal);
        Assert.Contains("Dyeing without water;Sustainable finishing", card, StringComparison.Ordinal);
        var sessions = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().AsNoTracking().OrderBy(s => s.StartsAt).ToListAsync());
        Assert.Equal(["Smart textiles lab", "Klastr"], sessions.Select(s => s.Title));
        Assert.Equal("Sensors; and prototypes", sessions[0].Description);
        Assert.Equal((SessionMode.OnSite, "CLUTEX, Liberec"), (sessions[1].Mode, sessions[1].Location));
    }

    [Theory]
    [InlineData("en", "\u000b", "Nothing was imported: the pasted text holds an invisible control character")]
    [InlineData("cs", "\f", "Nic se neimportovalo: vložený text obsahuje neviditelný řídicí znak")]
    [InlineData("tr", "\u0000", "Hiçbir şey içe aktarılmadı: yapıştırılan metin görünmez bir kontrol karakteri içeriyor")]
    public async Task ImportSave_PasteHoldingAControlCharacter_SaysNothingWasImportedAndWhyWithTheBoxAgain(string language, string control, string said)
    {
        // A soft line break copied from a slide (U+000B) in one description made the whole paste unreadable: it was read as
        // nothing, "0 sessions imported. Lines with errors: none".
        await host.Conversation.SeedProfileAsync(language);
        var rows = string.Join("\n",
            "Smart textiles lab;Smart textiles;Lucía;ES;2026-12-10;14:00;16:00;Europe/Madrid;20;Online;;2026-12-09;coaching@hitechtex.example;Sensors",
            $"Dyeing;Finishing;Rui;PT;2026-12-11;09:00;12:00;Europe/Lisbon;15;Online;;2026-12-10;coaching@hitechtex.example;Day one{control}day two");
        var importId = Guid.NewGuid().ToString();

        var replies = await host.SubmitAsync(new { action = "coaching.importSave", rows, importId }, Coordinator);

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains(said, card, StringComparison.Ordinal);
        Assert.Contains("coaching.importSave", card, StringComparison.Ordinal);
        Assert.Contains(importId, card, StringComparison.Ordinal);
        Assert.Equal(0, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Theory]
    [InlineData("en", "   ", "There was nothing to import: the box holds no session lines.")]
    [InlineData("pt", "\n \t\n", "Não havia nada para importar: a caixa não tem linhas de sessões.")]
    [InlineData("cs", "\r\n\r\n", "Nebylo co importovat: pole neobsahuje žádné řádky se setkáními.")]
    [InlineData("en", "", "There was nothing to import: the box holds no session lines.")]
    public async Task ImportSave_BoxHoldingOnlyWhitespace_SaysThereWasNothingToImportWithTheBoxAgain(string language, string rows, string said)
    {
        // Before: "0 sessions imported. Lines with errors: none", and no box to paste into.
        await host.Conversation.SeedProfileAsync(language);
        var importId = Guid.NewGuid().ToString();

        var replies = await host.SubmitAsync(new { action = "coaching.importSave", rows, importId }, Coordinator);

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains(said, card, StringComparison.Ordinal);
        var texts = CoachingTexts.Resolve(language);
        Assert.DoesNotContain(texts.Format(texts.ImportResultFormat, 0, texts.ImportNoErrors), card, StringComparison.Ordinal);
        Assert.Contains("coaching.importSave", card, StringComparison.Ordinal);
        Assert.Contains(importId, card, StringComparison.Ordinal);
        Assert.Equal(0, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Theory]
    [InlineData("en", "42")]
    [InlineData("pt", "[\"Smart textiles lab;Smart textiles;Lucía;ES;2026-12-10;14:00;16:00;Europe/Madrid;20;Online;;2026-12-09;coaching@hitechtex.example;Sensors\"]")]
    [InlineData("es", "{}")]
    [InlineData("it", "true")]
    [InlineData("tr", "false")]
    [InlineData("cs", "0")]
    public async Task ImportSave_RowsOfAnotherJsonType_NamesTheBoxWithTheBoxAgainAndNothingStored(string language, string forged)
    {
        // A value no text box sends (a forged card) was read as an empty box: "There was nothing to import".
        await host.Conversation.SeedProfileAsync(language);
        var importId = Guid.NewGuid().ToString();
        var form = new System.Text.Json.Nodes.JsonObject { ["action"] = "coaching.importSave", ["importId"] = importId, ["rows"] = System.Text.Json.Nodes.JsonNode.Parse(forged) };

        var replies = await host.SubmitAsync(form, Coordinator);

        var card = CoachingTestHost.CardText(replies);
        var texts = CoachingTexts.Resolve(language);
        Assert.Contains(texts.Format(texts.FormInvalidFormat, CoachingCards.ImportRowsLabel(texts)), card, StringComparison.Ordinal);
        Assert.DoesNotContain(texts.ImportEmpty, card, StringComparison.Ordinal);
        Assert.Contains("coaching.importSave", card, StringComparison.Ordinal);
        Assert.Contains(importId, card, StringComparison.Ordinal);
        Assert.Equal(0, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task Save_SameNewSessionCardTwice_OneSessionAndAlreadySaved()
    {
        await host.Conversation.SeedProfileAsync("en");
        var form = ValidForm();
        form["formId"] = SubmitData(await host.SayAsync("new session", Coordinator)).GetProperty("formId").GetString()!;

        await host.SubmitAsync(form, Coordinator);
        var second = await host.SubmitAsync(form, Coordinator);

        Assert.Contains("This session was already saved: Smart textiles lab.", CoachingTestHost.CardText(second), StringComparison.Ordinal);
        Assert.Equal(1, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task Save_OldCardWithoutFormIdClickedTwice_OneSessionAndAlreadySaved()
    {
        await host.Conversation.SeedProfileAsync("en");
        var form = ValidForm();   // no formId: a card sent before form ids existed

        var first = await host.SendAsync(FromCard(host.Conversation.Submit(form), "1:old-card"), Coordinator);
        var second = await host.SendAsync(FromCard(host.Conversation.Submit(form), "1:old-card"), Coordinator);

        Assert.Contains("Session saved: Smart textiles lab.", CoachingTestHost.CardText(first), StringComparison.Ordinal);
        Assert.Contains("This session was already saved: Smart textiles lab.", CoachingTestHost.CardText(second), StringComparison.Ordinal);
        Assert.Equal(1, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task Save_OldCardWithoutFormIdCorrectedOnTheSameCard_TheCorrectionIsTheOneSession()
    {
        await host.Conversation.SeedProfileAsync("en");
        var form = ValidForm();
        form["capacity"] = "-1";
        await host.SendAsync(FromCard(host.Conversation.Submit(form), "1:old-card"), Coordinator);
        form["capacity"] = "12";

        await host.SendAsync(FromCard(host.Conversation.Submit(form), "1:old-card"), Coordinator);
        var again = await host.SendAsync(FromCard(host.Conversation.Submit(form), "1:old-card"), Coordinator);

        Assert.Contains("This session was already saved", CoachingTestHost.CardText(again), StringComparison.Ordinal);
        Assert.Equal(12, (await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().AsNoTracking().SingleAsync())).Capacity);
    }

    [Fact]
    public async Task Save_TwoOldCardsWithoutFormId_TwoSessions()
    {
        await host.Conversation.SeedProfileAsync("en");

        await host.SendAsync(FromCard(host.Conversation.Submit(ValidForm()), "1:old-card"), Coordinator);
        await host.SendAsync(FromCard(host.Conversation.Submit(ValidForm()), "1:another-old-card"), Coordinator);

        Assert.Equal(2, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task Save_FormWithoutFormIdOrCardMessageIdSentTwice_OneSession()
    {
        await host.Conversation.SeedProfileAsync("en");

        await host.SubmitAsync(ValidForm(), Coordinator);
        var second = await host.SubmitAsync(ValidForm(), Coordinator);

        Assert.Contains("This session was already saved: Smart textiles lab.", CoachingTestHost.CardText(second), StringComparison.Ordinal);
        Assert.Equal(1, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task CreateOnceAsync_SameIdConcurrently_OneSession()
    {
        var id = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => host.WithScopeAsync(sp =>
            sp.GetRequiredService<CatalogService>().CreateOnceAsync(id, CoachingTestHost.Draft(), Coordinator, CancellationToken.None)))));

        Assert.Single(results, r => r.Created);
        Assert.Equal(1, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task ImportSave_SameCardTwice_ImportedOnceAndAlreadyImported()
    {
        await host.Conversation.SeedProfileAsync("en");
        var importId = SubmitData(await host.SayAsync("import sessions", Coordinator)).GetProperty("importId").GetString();
        var rows = "Smart textiles lab;Smart textiles;Lucía;ES;2026-12-10;14:00;16:00;Europe/Madrid;20;Online;;2026-12-09;coaching@hitechtex.example;Sensors";

        var first = await host.SubmitAsync(new { action = "coaching.importSave", importId, rows }, Coordinator);
        var second = await host.SubmitAsync(new { action = "coaching.importSave", importId, rows }, Coordinator);

        Assert.StartsWith("1 session imported.", Assert.Single(first).Text, StringComparison.Ordinal);
        Assert.Equal("These sessions were already imported: nothing was added.", Assert.Single(second).Text);
        Assert.Equal(1, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task ImportSave_PasteCutAtTheCardsLimit_CutLineNotSavedAndNamedAsNotRead()
    {
        // Teams stops the input at its maxLength (20,001, one more than the limit): the bot receives 20,001 characters,
        // the last line cut — in its description, so that what arrived of it is a valid line.
        await host.Conversation.SeedProfileAsync("en");
        var rows = string.Join("\n", Enumerable.Range(0, 6).Select(i => ImportLine("Imported " + i, new string('x', 3_800))))[..SessionImport.InputMaxLength];

        var replies = await host.SubmitAsync(new { action = "coaching.importSave", rows }, Coordinator);

        var card = CoachingTestHost.CardOf(replies);
        Assert.Contains("5 sessions imported. Lines with errors: none Only the first 20,000 characters were read: lines 6 onwards were not imported. Paste them again.",
            CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        Assert.Equal("", InputValue(card, "rows"));
        var titles = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().Select(s => s.Title).ToListAsync());
        Assert.DoesNotContain("Imported 5", titles);
        Assert.Equal(5, titles.Count);
    }

    [Fact]
    public async Task ImportSave_LongerThanTheCharacterLimit_LinesAfterItInTheCorrectionBox()
    {
        await host.Conversation.SeedProfileAsync("en");
        var rows = string.Join("\n", Enumerable.Range(0, 6).Select(i => ImportLine("Imported " + i, new string('x', 3_800))));

        var replies = await host.SubmitAsync(new { action = "coaching.importSave", rows }, Coordinator);

        Assert.Contains("5 sessions imported. Lines with errors: none Only the first 20,000 characters were read: lines 6 onwards were not imported. They are in the box below: send them again.",
            CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        Assert.Equal(ImportLine("Imported 5", new string('x', 3_800)), InputValue(CoachingTestHost.CardOf(replies), "rows"));
        Assert.Equal(5, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task ImportSave_MoreLinesThanTheLimit_LinesAfterItNamedAndInTheCorrectionBox()
    {
        await host.Conversation.SeedProfileAsync("en");
        var rows = ImportLine("Imported A") + new string('\n', SessionImport.MaxLines) + ImportLine("Imported B") + "\n" + ImportLine("Imported C");

        var replies = await host.SubmitAsync(new { action = "coaching.importSave", rows }, Coordinator);

        Assert.Contains("1 session imported. Lines with errors: none Only the first 200 lines were read: lines 201 onwards were not imported. They are in the box below: send them again.",
            CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        Assert.Equal(ImportLine("Imported B") + "\n" + ImportLine("Imported C"), InputValue(CoachingTestHost.CardOf(replies), "rows"));
        Assert.Equal(1, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Theory]
    [InlineData("en", "Bad")]
    [InlineData("cs", "Řízení jakosti – žádná")]
    public async Task ImportSave_20000CharactersAllRefused_TheCorrectionCardStaysUnder28KbAndSaysHowManyLinesItKept(string language, string title)
    {
        // 100 refused lines (a time zone that does not exist), exactly 20,000 characters: the box cannot carry them all.
        await host.Conversation.SeedProfileAsync(language);
        var texts = CoachingTexts.Resolve(language);
        string Line(int i, int length)
        {
            var line = ImportLine($"{title} {i:000}").Replace("Europe/Madrid", "Mars/Olympus", StringComparison.Ordinal);
            return line + new string('x', length - line.Length);
        }

        var lines = Enumerable.Range(1, 100).Select(i => Line(i, i == 100 ? 200 : 199)).ToList();
        var rows = string.Join("\n", lines);
        Assert.Equal(SessionImport.MaxCharacters, rows.Length);

        var replies = await host.SubmitAsync(new { action = "coaching.importSave", rows }, Coordinator);

        var card = CoachingTestHost.CardOf(replies);
        Assert.True(System.Text.Json.Nodes.JsonNode.Parse(card.GetRawText())!.ToJsonString().Length * 2 <= HiTechTex.Bot.Cards.CardRenderer.MaxCardBytes);
        var box = InputValue(card, "rows")!;
        var kept = box.Split('\n');
        Assert.InRange(kept.Length, 1, 99);
        Assert.Equal(lines.Take(kept.Length), kept);
        var text = CoachingTestHost.CardText(replies);
        Assert.Contains(texts.Format(texts.ImportBoxKeptFormat, kept.Length, 100, kept.Length + 1), text, StringComparison.Ordinal);
        // The list of errors is cut short too, saying how many more.
        Assert.Matches(System.Text.RegularExpressions.Regex.Escape(texts.ImportMoreErrorsFormat).Replace(@"\{0}", @"\d+", StringComparison.Ordinal), text);
        Assert.Equal(0, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task ImportSave_FewRefusedLines_AllInTheBoxAndNothingSaidOfALimit()
    {
        await host.Conversation.SeedProfileAsync("en");
        var lines = Enumerable.Range(1, 3).Select(i => ImportLine($"Bad {i}").Replace("Europe/Madrid", "Mars/Olympus", StringComparison.Ordinal)).ToList();

        var replies = await host.SubmitAsync(new { action = "coaching.importSave", rows = string.Join("\n", lines) }, Coordinator);

        Assert.Equal(string.Join("\n", lines), InputValue(CoachingTestHost.CardOf(replies), "rows"));
        Assert.DoesNotContain("The box below holds", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportSessions_Card_StatesTheLimits()
    {
        await host.Conversation.SeedProfileAsync("pt");

        var replies = await host.SayAsync("importar sessões", Coordinator);

        Assert.Contains("Sessões (no máximo 200 linhas e 20", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        // One more than the limit read: a paste of exactly 20,000 characters is then known to have arrived whole.
        Assert.Contains("\"maxLength\":20001", CoachingTestHost.CardOf(replies).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportSave_SameCardResentWithOneLineCorrected_OnlyTheCorrectedSessionAdded()
    {
        // The session ids were the lines' places among the valid ones: the corrected line B, now valid, took C's place
        // (C "already imported", B lost) and C took a new one (C twice).
        await host.Conversation.SeedProfileAsync("en");
        var importId = SubmitData(await host.SayAsync("import sessions", Coordinator)).GetProperty("importId").GetString();
        var bad = string.Join("\n", ImportLine("Imported A"), ImportLine("Imported B").Replace("Europe/Madrid", "Mars/Olympus", StringComparison.Ordinal), ImportLine("Imported C"));
        var corrected = string.Join("\n", ImportLine("Imported A"), ImportLine("Imported B"), ImportLine("Imported C"));

        var first = await host.SubmitAsync(new { action = "coaching.importSave", importId, rows = bad }, Coordinator);
        var second = await host.SubmitAsync(new { action = "coaching.importSave", importId, rows = corrected }, Coordinator);
        var third = await host.SubmitAsync(new { action = "coaching.importSave", importId, rows = corrected }, Coordinator);

        Assert.Equal(importId, SubmitData(first).GetProperty("importId").GetString());
        Assert.StartsWith("1 ", Assert.Single(second).Text, StringComparison.Ordinal);
        Assert.Contains("Lines with errors: none", second[0].Text, StringComparison.Ordinal);
        Assert.Equal("These sessions were already imported: nothing was added.", Assert.Single(third).Text);
        var titles = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().Select(s => s.Title).ToListAsync());
        Assert.Equal(["Imported A", "Imported B", "Imported C"], titles.Order());
    }

    [Fact]
    public async Task ImportSave_CorrectionCardSentAfterTheFirstCardCorrected_OneSession()
    {
        await host.Conversation.SeedProfileAsync("en");
        var importId = SubmitData(await host.SayAsync("import sessions", Coordinator)).GetProperty("importId").GetString();
        var bad = string.Join("\n", ImportLine("Imported A"), ImportLine("Imported B").Replace("Europe/Madrid", "Mars/Olympus", StringComparison.Ordinal));
        var correction = SubmitData(await host.SubmitAsync(new { action = "coaching.importSave", importId, rows = bad }, Coordinator)).GetProperty("importId").GetString();

        await host.SubmitAsync(new { action = "coaching.importSave", importId, rows = ImportLine("Imported A") + "\n" + ImportLine("Imported B") }, Coordinator);
        var fromCorrectionCard = await host.SubmitAsync(new { action = "coaching.importSave", importId = correction, rows = ImportLine("Imported B") }, Coordinator);

        Assert.Equal("These sessions were already imported: nothing was added.", Assert.Single(fromCorrectionCard).Text);
        Assert.Equal(2, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task ImportSave_TwoIdenticalLines_OneSessionAndTheRepeatNamed()
    {
        await host.Conversation.SeedProfileAsync("en");
        var rows = string.Join("\n", ImportLine("Imported A"), ImportLine("Imported B"), " " + ImportLine("Imported A").Replace(";", " ; ", StringComparison.Ordinal));

        var replies = await host.SubmitAsync(new { action = "coaching.importSave", rows }, Coordinator);

        Assert.Contains("Line 3 repeats line 1: imported once.", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Equal(2, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task ImportSave_SpreadsheetQuotedFieldsAndLowerCaseFormat_ReadAsMeant()
    {
        await host.Conversation.SeedProfileAsync("en");
        var rows = string.Join("\n",
            "\"Imported \"\"E\"\"\";\"Smart; textiles\";Lucía;ES;2026-12-10;14:00;16:00;Europe/Madrid;20;online;;2026-12-09;coaching@hitechtex.example;\"Sensors; and prototypes\"",
            "Imported F;Smart textiles;Lucía;ES;2026-12-11;14:00;16:00;Europe/Madrid;20;ONSITE;CITEVE;2026-12-09;coaching@hitechtex.example;");

        var replies = await host.SubmitAsync(new { action = "coaching.importSave", rows }, Coordinator);

        Assert.Contains("Lines with errors: none", Assert.Single(replies).Text, StringComparison.Ordinal);
        var sessions = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().AsNoTracking().OrderBy(s => s.StartsAt).ToListAsync());
        Assert.Equal(("Imported \"E\"", "Smart; textiles", "Sensors; and prototypes", SessionMode.Online), (sessions[0].Title, sessions[0].Topic, sessions[0].Description, sessions[0].Mode));
        Assert.Equal(SessionMode.OnSite, sessions[1].Mode);
    }

    [Theory]
    [InlineData("OnSite", true, "Calendar event", "Teams meeting")]
    [InlineData("Online", true, "Teams meeting", "Calendar event")]
    [InlineData("Online", false, "Calendar event", "Teams meeting")]     // no Graph: no Teams meeting is made
    public async Task Details_CoordinatorSeesTheCalendarState_LabelSaysTeamsMeetingOnlyForOnlineSessionsWithGraph(string mode, bool graph, string shown, string notShown)
    {
        using var graphHost = graph
            ? new CoachingTestHost(new Dictionary<string, string?> { ["Graph:TenantId"] = "t", ["Graph:ClientId"] = "c", ["Graph:ClientSecret"] = "s" })
            : null;
        var host = graphHost ?? this.host;
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft() with { Mode = Enum.Parse<SessionMode>(mode), Location = "CITEVE" });

        var card = CoachingTestHost.CardText(await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }, Coordinator));

        Assert.Contains(shown, card, StringComparison.Ordinal);
        Assert.DoesNotContain(notShown, card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelSession_ConfirmedASecondTime_SaysItWasAlreadyCancelledAndTellsNobodyAgain()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        await host.SubmitAsync(new { action = "coaching.cancelSession", sessionId = session.Id.ToString(), confirm = "yes" }, Coordinator);
        var notices = (await host.OutboxAsync()).Count;

        var again = await host.SubmitAsync(new { action = "coaching.cancelSession", sessionId = session.Id.ToString(), confirm = "yes" }, Coordinator);

        Assert.Equal("This session was already cancelled: nothing changed, and nobody is told again.", Assert.Single(again).Text);
        Assert.Equal(notices, (await host.OutboxAsync()).Count);

        // The button of an older card (no confirmation yet): the card, without a question nobody needs to answer.
        var oldButton = await host.SubmitAsync(new { action = "coaching.cancelSession", sessionId = session.Id.ToString() }, Coordinator);
        var card = CoachingTestHost.CardText(oldButton);
        Assert.DoesNotContain("This cannot be undone", card, StringComparison.Ordinal);
        Assert.Equal(notices, (await host.OutboxAsync()).Count);
    }

    [Fact]
    public async Task Save_EditCardOfACancelledSession_SaysItWasCancelledNotThatItNoLongerExists()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        await host.SubmitAsync(new { action = "coaching.cancelSession", sessionId = session.Id.ToString(), confirm = "yes" }, Coordinator);
        var form = ValidForm();
        form["sessionId"] = session.Id.ToString();

        var replies = await host.SubmitAsync(form, Coordinator);

        Assert.Equal("This session was cancelled.", Assert.Single(replies).Text);
    }

    [Theory]
    [InlineData("en", "1 session imported.")]
    [InlineData("pt", "1 sessão importada.")]
    [InlineData("es", "1 sesión importada.")]
    [InlineData("it", "1 sessione importata.")]
    [InlineData("tr", "1 oturum içe aktarıldı.")]
    [InlineData("cs", "Importováno setkání: 1.")]
    public async Task ImportSave_OneSession_SingularInEachLanguage(string language, string expected)
    {
        await host.Conversation.SeedProfileAsync(language);

        var replies = await host.SubmitAsync(new { action = "coaching.importSave", rows = ImportLine("Imported A") }, Coordinator);

        Assert.StartsWith(expected, Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    private static string ImportLine(string title, string description = "Sensors") =>
        $"{title};Smart textiles;Lucía;ES;2026-12-10;14:00;16:00;Europe/Madrid;20;Online;;2026-12-09;coaching@hitechtex.example;{description}";

    /// <summary>The card's Cancel buttons (coaching.unregister): their titles, session ids and data, in card order.</summary>
    private static List<(string Title, string SessionId, System.Text.Json.JsonElement Data)> CancelButtons(System.Text.Json.JsonElement card) =>
        [.. HiTechTex.Bot.Testing.Cards.CardJson.Elements(card)
            .Where(e => e.TryGetProperty("data", out var data) && data.ValueKind == System.Text.Json.JsonValueKind.Object
                && data.TryGetProperty("action", out var action) && action.GetString() == "coaching.unregister")
            .Select(e => (e.GetProperty("title").GetString()!, e.GetProperty("data").GetProperty("sessionId").GetString()!, e.GetProperty("data").Clone()))];

    /// <summary>The value of the card's input with that id.</summary>
    private static string? InputValue(System.Text.Json.JsonElement element, string id)
    {
        if (element.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            if (element.TryGetProperty("id", out var found) && found.GetString() == id)
            {
                return element.GetProperty("value").GetString();
            }

            return element.EnumerateObject().Select(p => InputValue(p.Value, id)).FirstOrDefault(v => v is not null);
        }

        return element.ValueKind == System.Text.Json.JsonValueKind.Array
            ? element.EnumerateArray().Select(e => InputValue(e, id)).FirstOrDefault(v => v is not null)
            : null;
    }

    private static System.Text.Json.JsonElement SubmitData(IReadOnlyList<Activity> replies) =>
        CoachingTestHost.CardOf(replies).GetProperty("actions")[0].GetProperty("data");

    private static System.Text.Json.Nodes.JsonObject ValidForm() => CoachingTestHost.SessionForm();

    /// <summary>A submit of the card in Teams' message <paramref name="cardMessageId"/> (Teams sends it as <c>replyToId</c>).</summary>
    private static Activity FromCard(Activity submit, string cardMessageId)
    {
        submit.ReplyToId = cardMessageId;
        return submit;
    }

    private static Activity InGroup(Activity activity)
    {
        activity.Conversation = new ConversationAccount { Id = "19:coaching-group@thread.v2", ConversationType = "groupChat", IsGroup = true, TenantId = "tenant-1" };
        return activity;
    }
}
