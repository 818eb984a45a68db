using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A stored draft's dates put into the form's date pickers, which offer a year back to three years ahead
/// (<see cref="ExchangeEligibility.EarliestAcceptedDate"/>): a day outside them would stand in its picker as a value the
/// client refuses to send. Turn by turn, today being <see cref="ExchangeDialogTestHost.Now"/> (26 November 2026).
/// </summary>
public sealed partial class ExchangeStaleDraftDatesTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Edit_DraftSavedOverAYearAgo_DatesLeftEmptyAndNamedAndTheFormSavesWithNewDates()
    {
        // Before: the form opened with 6–10 October 2025 in pickers starting on 26 November 2025 — Save and Submit did
        // nothing in Teams (an input outside its min is not sent), and nothing said why.
        await host.Conversation.SeedProfileAsync("en");
        var draft = await StoreDraftAsync(new DateOnly(2025, 10, 6), new DateOnly(2025, 10, 10));
        string? formId = null;

        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(new { action = ExchangeVerbs.Edit, exchangeId = draft.Id.ToString() }))
            .AssertReply(r =>
            {
                var card = CardOf(r);
                formId = FormIdPattern().Match(card.ToJsonString()).Groups[1].Value;
                Assert.Equal(("", "2025-11-26"), (Input(card, "startDate")["value"]!.GetValue<string>(), Input(card, "startDate")["min"]!.GetValue<string>()));
                Assert.Equal("", Input(card, "endDate")["value"]!.GetValue<string>());
                var first = new DateOnly(2025, 11, 26);
                var last = new DateOnly(2029, 11, 26);
                Assert.Contains(En.DateOutsideForm(En.StartDate, new DateOnly(2025, 10, 6), first, last) + " " + En.DateOutsideForm(En.EndDate, new DateOnly(2025, 10, 10), first, last),
                    card.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
                Assert.Contains("“First working day” was 6 Oct 2025, outside the days the form offers (26 Nov 2025 – 26 Nov 2029), so I left it empty: please choose the day again.",
                    card.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
            }, "the draft's form, its dates empty and named")
            .Send(() => host.Conversation.Adapter.MakeSubmit(Filled(formId!, "save", "2027-03-01", "2027-03-05")))
            .AssertReply(En.DraftSaved)
            .StartTestAsync();

        var stored = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal((ExchangeStatus.Draft, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 5)), (stored.Status, stored.StartDate, stored.EndDate));
    }

    [Fact]
    public async Task Edit_DraftWhoseStartPassedWeeksAgo_DatesKeptInThePickersAndNoDateNotice()
    {
        // Not outside the pickers (they start a year back): the days stay as saved, and the check says what is wrong with them.
        await host.Conversation.SeedProfileAsync("en");
        var draft = await StoreDraftAsync(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 6));

        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(new { action = ExchangeVerbs.Edit, exchangeId = draft.Id.ToString() }))
            .AssertReply(r =>
            {
                var card = CardOf(r);
                Assert.Equal(("2026-11-02", "2026-11-06"), (Input(card, "startDate")["value"]!.GetValue<string>(), Input(card, "endDate")["value"]!.GetValue<string>()));
                Assert.DoesNotContain("so I left it empty", card.ToJsonString(), StringComparison.Ordinal);
            }, "the draft's form, its dates as saved")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public void DateOutsideForm_EveryLanguage_NamesTheFieldTheDayAndTheRange(string language)
    {
        var texts = ExchangeTexts.Resolve(language);

        var notice = texts.DateOutsideForm(texts.StartDate, new DateOnly(2025, 10, 6), new DateOnly(2025, 11, 26), new DateOnly(2029, 11, 26));

        Assert.Contains(texts.StartDate, notice, StringComparison.Ordinal);
        Assert.Contains("2025", notice, StringComparison.Ordinal);
        Assert.Contains("2029", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("{", notice, StringComparison.Ordinal);
    }

    private static JsonObject CardOf(Activity reply) =>
        JsonNode.Parse(JsonSerializer.Serialize(Assert.Single(reply.Attachments!).Content))!.AsObject();

    /// <summary>The card's input with <paramref name="id"/>, wherever it is nested.</summary>
    private static JsonObject Input(JsonNode node, string id)
    {
        static IEnumerable<JsonObject> All(JsonNode? n) => n switch
        {
            JsonObject o => new[] { o }.Concat(o.SelectMany(p => All(p.Value))),
            JsonArray a => a.SelectMany(All),
            _ => [],
        };

        return Assert.Single(All(node), o => o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true && o["id"]?.GetValue<string>() == id);
    }

    private static JsonElement Filled(string formId, string op, string startDate, string endDate) => JsonSerializer.SerializeToElement(new
    {
        formId, op, visitingId = HiTechTexPartners.CiteveId, hostQuery = "clutex", hostId = HiTechTexPartners.ClutexId,
        startDate, endDate, activityType = "KnowledgeSharing",
        objectives = "Learn the nonwoven pilot line.", agenda = "Day 1: lab.", outcomes = "A joint proposal.",
    });

    /// <summary>A draft of the test user with the given days, as a form saved it then.</summary>
    private async Task<ExchangeApplication> StoreDraftAsync(DateOnly start, DateOnly end)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = ExchangeDialogTestHost.ApplicantId, ApplicantUserId = "29:user-1", ApplicantName = "Ana", TenantId = "tenant",
            ApplicantLanguage = "en", ApplicantConversationId = "a:conversation-1", StartDate = start, EndDate = end,
            ActivityType = ExchangeActivityType.KnowledgeSharing, Objectives = "Learn the nonwoven pilot line.", Agenda = "Day 1: lab.", ExpectedOutcomes = "A joint proposal.",
        };
        await store.CreateAsync(application, CancellationToken.None);
        return application;
    }

    [GeneratedRegex("\"formId\":\"([0-9a-f]{32})\"")]
    private static partial Regex FormIdPattern();
}
