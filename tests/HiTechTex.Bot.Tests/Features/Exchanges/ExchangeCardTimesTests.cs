using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The times in an application's history, as each reader reads them: in their own zone (the turn's
/// <c>localTimezone</c>, else the zone last seen from them) unnamed, else in <c>Exchanges:TimeZone</c> named. The
/// history's entries were all written at 09:00 UTC on 26 November 2026 (09:00 in Lisbon, 10:00 in Rome, 12:00 in Istanbul).
/// </summary>
public sealed class ExchangeCardTimesTests : IDisposable
{
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task ApplicationAsync_ReaderZoneReportedInTheTurn_HistoryInThatZoneWithoutNamingIt()
    {
        var application = await StoreSubmittedAsync();

        var history = await HistoryAsync(application, ExchangeDialogTestHost.VisitingManagerId, "Europe/Rome");

        Assert.StartsWith("Thu 26 Nov 2026 10:00 · ", history[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Europe/", history[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_ApproverWritesFromRome_CardTheyGetShowsRomeTime()
    {
        // Through the turn: Teams' localTimezone of the invoke is the reader's zone (ExchangeActors.From).
        var application = await StoreSubmittedAsync();
        host.Conversation.Adapter.User = new() { Id = "29:manager", Name = "Vasco", AadObjectId = ExchangeDialogTestHost.VisitingManagerId };
        var refresh = host.Conversation.Adapter.MakeExecute(ExchangeVerbs.Refresh,
            JsonSerializer.SerializeToElement(new { exchangeId = application.Id.ToString(), v = application.Version }));
        refresh.LocalTimezone = "Europe/Rome";

        await host.Conversation.Flow()
            .Send(() => refresh)
            .AssertInvokeResponse(response =>
            {
                var card = JsonSerializer.Serialize(response?.Body, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                Assert.Contains("Thu 26 Nov 2026 10:00 · ", card, StringComparison.Ordinal);
                Assert.DoesNotContain("(Europe/Lisbon)", card, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ApplicationAsync_NoZoneKnownForTheReader_HistoryInTheExchangesZoneNamed()
    {
        var application = await StoreSubmittedAsync();

        var history = await HistoryAsync(application, ExchangeDialogTestHost.VisitingManagerId, null);

        Assert.StartsWith("Thu 26 Nov 2026 09:00 (Europe/Lisbon) · ", history[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplicationAsync_UnknownZoneInTheTurn_TheExchangesZoneNamed()
    {
        var application = await StoreSubmittedAsync();

        var history = await HistoryAsync(application, ExchangeDialogTestHost.VisitingManagerId, "Mars/Olympus");

        Assert.StartsWith("Thu 26 Nov 2026 09:00 (Europe/Lisbon) · ", history[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplicationAsync_CardForTheApplicantOutsideTheirTurn_TheirLastSeenZone()
    {
        // A card sent or updated for the applicant after somebody else's decision: no turn of theirs, their kept zone.
        var application = await StoreSubmittedAsync();
        await host.Conversation.Storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            ["msteams/users/29:user-1"] = new(JsonSerializer.SerializeToElement(new { timeZone = "Europe/Istanbul" }), "*"),
        });

        var history = await HistoryAsync(application, ExchangeDialogTestHost.ApplicantId, null);

        Assert.StartsWith("Thu 26 Nov 2026 12:00 · ", history[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pt", "qui. 26 nov. 2026 10:00")]
    [InlineData("it", "gio 26 nov 2026 10:00")]
    [InlineData("cs", "čt 26. lis 2026 10:00")]
    [InlineData("tr", "Per 26 Kas 2026 10:00")]
    public void Moment_ReadersLanguage_DayAndMonthNamesOfIt(string language, string expected) =>
        Assert.Equal(expected, ExchangeTime.Moment(ExchangeDialogTestHost.Now, "Europe/Rome", "Europe/Lisbon", ExchangeTime.CultureOf(language)));

    [Theory]
    [InlineData("en", "1 Mar 2027 – 5 Mar 2027")]
    [InlineData("pt", "1 mar. 2027 – 5 mar. 2027")]
    [InlineData("es", "1 mar 2027 – 5 mar 2027")]
    [InlineData("it", "1 mar 2027 – 5 mar 2027")]
    [InlineData("tr", "1 Mar 2027 – 5 Mar 2027")]
    [InlineData("cs", "1. bře 2027 – 5. bře 2027")]
    public async Task ApplicationAndListAsync_Period_MonthByItsNameInTheReadersLanguage(string language, string expected)
    {
        // "01/03/2027 – 05/03/2027" read as 3 to 5 January in the US.
        var application = await StoreSubmittedAsync();
        var texts = ExchangeTexts.Resolve(language);
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var cards = scope.ServiceProvider.GetRequiredService<ExchangeCards>();

        var card = (await cards.ApplicationAsync(application, ExchangeDialogTestHost.ApplicantId, texts, null, [], null, CancellationToken.None)).ToJsonString();
        var list = (await cards.ListAsync("t", "e", [application], texts, CancellationToken.None)).Content!.Value.GetRawText();

        foreach (var json in new[] { card, list })
        {
            var shown = HiTechTex.Bot.Testing.Cards.CardJson.Elements(JsonDocument.Parse(json).RootElement)
                .Where(e => e.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String).Select(e => e.GetProperty("text").GetString()!).ToList();
            Assert.Contains(shown, t => t.Contains(expected, StringComparison.Ordinal));
            Assert.DoesNotContain(shown, t => t.Contains("/2027", StringComparison.Ordinal) || t.Contains("01.03.2027", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task FindTimeZoneAsync_ApproverWithAOneToOneChat_TheirKeptZone()
    {
        var references = new Mock<IConversationReferenceStore>();
        references.Setup(r => r.FindPersonalAsync("aad-approver", "tenant", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredConversationReference(new HiTechTex.Bot.Protocol.Schema.ConversationReference
            {
                ChannelId = "msteams", User = new() { Id = "29:approver" }, Conversation = new() { Id = "a:approver" },
            }, true, DateTimeOffset.UnixEpoch));
        await host.Conversation.Storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            ["msteams/users/29:approver"] = new(JsonSerializer.SerializeToElement(new { timeZone = "Europe/Rome" }), "*"),
        });
        var people = new RecipientLanguages(references.Object, host.Conversation.Storage);

        Assert.Equal("Europe/Rome", await people.FindTimeZoneAsync("aad-approver", "tenant", CancellationToken.None));
        Assert.Null(await people.FindTimeZoneAsync("aad-stranger", "tenant", CancellationToken.None));
    }

    private async Task<IReadOnlyList<string>> HistoryAsync(ExchangeApplication application, string viewer, string? readerZone)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var card = await scope.ServiceProvider.GetRequiredService<ExchangeCards>()
            .ApplicationAsync(application, viewer, ExchangeTexts.English, null, [], readerZone, CancellationToken.None);
        var json = card.ToJsonString();
        var texts = new List<string>();
        foreach (var element in HiTechTex.Bot.Testing.Cards.CardJson.Elements(JsonDocument.Parse(json).RootElement))
        {
            if (element.TryGetProperty("type", out var type) && type.GetString() == "TextRun"
                && element.GetProperty("text").GetString() is { } text && text.Contains(" · ", StringComparison.Ordinal) && text.Contains(':', StringComparison.Ordinal))
            {
                texts.Add(text);
            }
        }

        Assert.NotEmpty(texts);
        return texts;
    }

    private async Task<ExchangeApplication> StoreSubmittedAsync()
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = ExchangeDialogTestHost.ApplicantId, ApplicantUserId = "29:user-1", ApplicantName = "Ana", TenantId = "tenant",
            ApplicantLanguage = "en", ApplicantConversationId = "a:conversation-1", StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5),
            ActivityType = ExchangeActivityType.Networking, Objectives = "o", Agenda = "a", ExpectedOutcomes = "x",
        };
        await store.CreateAsync(application, CancellationToken.None);
        var actor = new ExchangeActor(ExchangeDialogTestHost.ApplicantId, "Ana", "29:user-1", "tenant");
        Assert.True(await store.TransitionAsync(application.Id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, actor, null, null, CancellationToken.None));
        return (await store.FindAsync(application.Id, CancellationToken.None))!;
    }
}
