using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// What a security test sent the exchange feature: far-future and impossible dates, lone surrogates and control
/// characters in text, malformed button data, an unbounded report comment. Each is refused politely, naming the field,
/// and stores nothing; rows stored before these checks never break a list, a card or the export.
/// </summary>
public sealed partial class ExchangeInputTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private readonly ExchangeDialogTestHost host = new();
    private string? formId;
    private Activity? lastForm;

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("save")]
    [InlineData("submit")]
    [InlineData("check")]
    public async Task Form_FarFutureDates_RefusedNamingBothFieldsAndNothingStored(string op)
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit(op, startDate: "9999-12-27", endDate: "9999-12-31"))
            .AssertReply(r =>
            {
                lastForm = r;
                Assert.Contains(JsonEncoded(En.InvalidFields([En.StartDate, En.EndDate])), Describe(r), StringComparison.Ordinal);
            }, "the form again, naming the dates")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
        Assert.Equal("Learn the nonwoven pilot line.", InputValue("objectives"));
    }

    [Fact]
    public async Task Form_ImpossibleDate_NamesTheFieldAndKeepsTheValidAnswers()
    {
        await host.Conversation.SeedProfileAsync("pt");
        var pt = ExchangeTexts.Resolve("pt");

        await OpenForm()
            .Send(() => FormSubmit("check", startDate: "2027-02-31", endDate: "2027-03-05"))
            .AssertReply(r =>
            {
                lastForm = r;
                Assert.Contains(JsonEncoded(pt.InvalidFields([pt.StartDate])), Describe(r), StringComparison.Ordinal);
            }, "the form again, naming the first day")
            .StartTestAsync();

        Assert.Equal("", InputValue("startDate"));
        Assert.Equal("2027-03-05", InputValue("endDate"));
        Assert.Equal("hitechtex-clutex", InputValue("hostId"));
        Assert.Equal("A joint proposal.", InputValue("outcomes"));
    }

    [Theory]
    [InlineData("submit", "2027-02-30", "2027-03-05", true)]
    [InlineData("submit", "2027-02-29", "2027-03-05", true)]
    [InlineData("submit", "2027-04-01", "2027-04-31", false)]
    [InlineData("save", "2027-02-31", "2027-03-05", true)]
    public async Task Form_ForgedDayOnNoCalendar_RefusedNamingTheFieldAndNothingStored(string op, string startDate, string endDate, bool startRefused)
    {
        // A forged submission (Teams' date picker offers no such day) is refused by the server, never read as another day.
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit(op, startDate, endDate))
            .AssertReply(r => Assert.Contains(JsonEncoded(En.InvalidFields([startRefused ? En.StartDate : En.EndDate])), Describe(r), StringComparison.Ordinal),
                "the form again, naming the field")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [InlineData("startDate", "20270301")]
    [InlineData("endDate", "{ \"date\": \"2027-03-05\" }")]
    [InlineData("hostId", "[\"hitechtex-clutex\"]")]
    [InlineData("activityType", "1")]
    [InlineData("objectives", "true")]
    [InlineData("outcomes", "5")]
    public async Task Form_ValueOfTheWrongType_RefusedNamingTheFieldAndNothingStored(string field, string json)
    {
        // No card input sends a number, true, an array or an object: a forged one was read as "not given", and Save
        // stored the draft with that answer cleared.
        await host.Conversation.SeedProfileAsync("en");
        var label = field switch
        {
            "startDate" => En.StartDate,
            "endDate" => En.EndDate,
            "hostId" => En.HostOrganisation,
            "activityType" => En.ActivityType,
            "objectives" => En.Objectives,
            _ => En.ExpectedOutcomes,
        };

        await OpenForm()
            .Send(() =>
            {
                var data = JsonSerializer.SerializeToNode(FormSubmit("save").Value)!.AsObject();
                data[field] = System.Text.Json.Nodes.JsonNode.Parse(json);
                return host.Conversation.Adapter.MakeSubmit(JsonSerializer.SerializeToElement(data));
            })
            .AssertReply(r => Assert.Contains(JsonEncoded(En.InvalidFields([label])), Describe(r), StringComparison.Ordinal), "the form again, naming the field")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [InlineData("2027-03-01; drop", "2027-03-05", true)]
    [InlineData("2027-03-01", "2027-03-05T00:00:00", false)]
    public async Task Form_DateWithMoreAfterIt_RefusedNamingTheFieldNotCutIntoADay(string startDate, string endDate, bool startRefused)
    {
        // The date was cut to its first ten characters, so "2027-03-01; drop" was stored as 1 March.
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit("save", startDate, endDate))
            .AssertReply(r => Assert.Contains(JsonEncoded(En.InvalidFields([startRefused ? En.StartDate : En.EndDate])), Describe(r), StringComparison.Ordinal),
                "the form again, naming the field")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [InlineData("""\ud800x""")]
    [InlineData("""nul\u0000bell\u0007 esc\u001b[31m""")]
    public async Task Form_TextThatCannotBeAccepted_RefusedNamingTheFieldAndNothingStored(string escaped)
    {
        await host.Conversation.SeedProfileAsync("it");

        await OpenForm()
            .Send(() => host.Conversation.Adapter.MakeSubmit(JsonDocument.Parse($$"""
                {
                  "formId": "{{formId}}", "op": "save", "visitingId": "hitechtex-citeve", "hostId": "hitechtex-clutex",
                  "startDate": "2027-03-01", "endDate": "2027-03-05", "activityType": "Networking",
                  "objectives": "o", "agenda": "a", "outcomes": "{{escaped}}"
                }
                """).RootElement.Clone()))
            .AssertReply(ConversationTexts.Resolve("it", null).FormInvalid([ExchangeTexts.Resolve("it").ExpectedOutcomes]))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Fact]
    public async Task StoredFarFutureDates_ListsCardsExportAndWithdrawStillWork()
    {
        // A row stored before dates were checked (or imported): 9999-12-27 to 9999-12-31 overflowed the working-day
        // count and the one-month rule, so every list, card and the export failed, and a withdrawal was committed but
        // answered with an error.
        await host.Conversation.SeedProfileAsync("en");
        var application = await StoreSubmittedAsync(new DateOnly(9999, 12, 27), DateOnly.MaxValue);

        await host.Conversation.Flow()
            .Send("my applications")
            .AssertReply(r => Assert.Contains(application.Reference, Describe(r), StringComparison.Ordinal), "the list")
            .Send(() => host.Conversation.Adapter.MakeExecute(ExchangeVerbs.Withdraw,
                JsonSerializer.SerializeToElement(new { exchangeId = application.Id.ToString(), v = application.Version, confirmed = "yes" })))
            .AssertInvokeResponse(response =>
            {
                Assert.Equal(200, response?.Status);
                var body = JsonSerializer.Serialize(response?.Body);
                Assert.Contains(En.Statuses[ExchangeStatus.Withdrawn], body, StringComparison.Ordinal);
                Assert.DoesNotContain(En.ErrorTitle, body, StringComparison.Ordinal);
            })
            .StartTestAsync();

        Assert.Equal(ExchangeStatus.Withdrawn, Assert.Single(await host.ApplicationsAsync()).Status);
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var csv = await scope.ServiceProvider.GetRequiredService<ExchangeReports>().CsvAsync(ExchangeTexts.English, CancellationToken.None);
        Assert.Contains(";9999-12-27;9999-12-31;5;", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "exchangeId": "{id}" }""")]
    [InlineData("""{ "exchangeId": ["{id}"], "v": 2 }""")]
    [InlineData("""{ "exchangeId": "\ud800", "v": 2 }""")]
    [InlineData("""{ "exchangeId": "{id}", "v": "\ud800" }""")]
    public async Task Execute_MalformedButtonData_SaysTheButtonCouldNotBeReadAndChangesNothing(string json)
    {
        await host.Conversation.SeedProfileAsync("cs");
        var application = await StoreSubmittedAsync(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 5));

        await host.Conversation.Flow()
            .Send(() => Execute(ExchangeVerbs.Withdraw, json.Replace("{id}", application.Id.ToString(), StringComparison.Ordinal)))
            .AssertInvokeResponse(response => Assert.Contains(JsonEncoded(ExchangeTexts.Resolve("cs").ButtonUnreadable), JsonSerializer.Serialize(response?.Body), StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(ExchangeStatus.Stage1, Assert.Single(await host.ApplicationsAsync()).Status);
    }

    [Theory]
    [InlineData("""\ud800x""")]
    [InlineData("""nul\u0000bell\u0007 esc\u001b[31m""")]
    public async Task Execute_CommentThatCannotBeAccepted_NamesTheCommentAndChangesNothing(string escaped)
    {
        var application = await StoreSubmittedAsync(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 5));
        host.Conversation.Adapter.User = new() { Id = "29:manager", Name = "Vasco", AadObjectId = ExchangeDialogTestHost.VisitingManagerId };

        await host.Conversation.Flow()
            .Send(() => Execute(ExchangeVerbs.Reject, $$"""{ "exchangeId": "{{application.Id}}", "v": {{application.Version}}, "comment": "{{escaped}}" }"""))
            .AssertInvokeResponse(response => Assert.Contains(JsonEncoded(En.InvalidFields([En.Comment])), JsonSerializer.Serialize(response?.Body), StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(ExchangeStatus.Stage1, Assert.Single(await host.ApplicationsAsync()).Status);
        Assert.DoesNotContain(await host.AuditAsync(application.Id), a => a.Action == ExchangeAction.Rejected);
    }

    [Theory]
    [InlineData(ExchangeVerbs.Approve, "42")]
    [InlineData(ExchangeVerbs.Approve, "[\"Fine\"]")]
    [InlineData(ExchangeVerbs.RequestChanges, "{ \"text\": \"Add the agenda.\" }")]
    public async Task Execute_CommentOfTheWrongType_NamesTheCommentAndChangesNothing(string verb, string comment)
    {
        // No card input sends a number, an array or an object: a forged one was read as no comment, and the approval
        // went through without it.
        var application = await StoreSubmittedAsync(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 5));
        host.Conversation.Adapter.User = new() { Id = "29:manager", Name = "Vasco", AadObjectId = ExchangeDialogTestHost.VisitingManagerId };

        await host.Conversation.Flow()
            .Send(() => Execute(verb, $$"""{ "exchangeId": "{{application.Id}}", "v": {{application.Version}}, "comment": {{comment}} }"""))
            .AssertInvokeResponse(response => Assert.Contains(JsonEncoded(En.InvalidFields([En.Comment])), JsonSerializer.Serialize(response?.Body), StringComparison.Ordinal))
            .StartTestAsync();

        var stored = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal((ExchangeStatus.Stage1, application.Version), (stored.Status, stored.Version));
    }

    [Fact]
    public async Task ValidateReport_CommentLongerThanAllowed_RefusedAndNotStored()
    {
        // The length was checked on "comment" while "validationComment" was stored, unbounded.
        var application = await StoreSubmittedAsync(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 11));
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
            var manager = new ExchangeActor(ExchangeDialogTestHost.VisitingManagerId, "Vasco", "29:manager", "tenant");
            Assert.True(await store.TransitionAsync(application.Id, 2, ExchangeStatus.Stage1, ExchangeStatus.ReportSubmitted, ExchangeAction.ReportSubmitted, manager, null, null, CancellationToken.None));
        }

        host.Conversation.Adapter.User = new() { Id = "29:manager", Name = "Vasco", AadObjectId = ExchangeDialogTestHost.VisitingManagerId };
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Adapter.MakeExecute(ExchangeVerbs.ValidateReport, JsonSerializer.SerializeToElement(
                new { exchangeId = application.Id.ToString(), v = 3, comment = "ok", validationComment = new string('x', ExchangeLimits.Comment + 1) })))
            .AssertInvokeResponse(response => Assert.Contains(JsonEncoded(En.InvalidFields([En.Comment])), JsonSerializer.Serialize(response?.Body), StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(ExchangeStatus.ReportSubmitted, Assert.Single(await host.ApplicationsAsync()).Status);
        Assert.DoesNotContain(await host.AuditAsync(application.Id), a => a.Comment is { Length: > ExchangeLimits.Comment });
    }

    [Theory]
    [InlineData("2027-03-01", "2027-03-05", 5)]
    [InlineData("2027-03-06", "2027-03-07", 0)]
    [InlineData("2027-03-05", "2027-03-01", 0)]
    [InlineData("2026-12-24", "2027-01-15", 16)]
    [InlineData("9999-12-27", "9999-12-31", 4)]
    [InlineData("0001-01-01", "0001-01-07", 5)]
    public void WorkingDays_Count_AgreesWithCountingDayByDayWithoutOverflow(string start, string end, int expected)
    {
        // 2027-01-01 is a holiday (listed twice), 2027-03-06 a Saturday holiday, 9999-12-29 a holiday at the end of the calendar.
        DateOnly[] holidays = [new(2027, 1, 1), new(2027, 1, 1), new(2027, 3, 6), new(9999, 12, 29)];

        Assert.Equal(expected, WorkingDays.Count(DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture), holidays));
    }

    [Fact]
    public void WorkingDays_Count_WholeCalendar_AnswersAtOnce() =>
        Assert.Equal(2_608_615, WorkingDays.Count(DateOnly.MinValue, DateOnly.MaxValue, []));

    [Fact]
    public void LastDayOfOneMonth_December9999_EndOfTheCalendarInsteadOfThrowing() =>
        Assert.Equal(DateOnly.MaxValue, ExchangeEligibility.LastDayOfOneMonth(new DateOnly(9999, 12, 27)));

    [Fact]
    public void Check_StoredDatesAtTheEndOfTheCalendar_ReasonsInsteadOfThrowing()
    {
        var eligibility = new ExchangeEligibility(ExchangeTestData.Monitor(ExchangeTestData.Options()));

        var result = eligibility.Check(ExchangeTestData.Citeve, ExchangeTestData.Clutex, new DateOnly(9999, 12, 27), DateOnly.MaxValue, new DateOnly(2026, 11, 26), false);

        Assert.Contains(EligibilityProblem.StartTooFarAhead, result.Problems);
        Assert.Equal(5, result.WorkingDays);
    }

    [Theory]
    [InlineData("2025-11-26", true)]
    [InlineData("2025-11-25", false)]
    [InlineData("2029-11-26", true)]
    [InlineData("2029-11-27", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("0001-01-01", false)]
    public void IsAcceptedDate_AYearBackToAYearBeyondTheRule(string date, bool expected) =>
        Assert.Equal(expected, ExchangeEligibility.IsAcceptedDate(DateOnly.Parse(date, CultureInfo.InvariantCulture), new DateOnly(2026, 11, 26)));

    [Fact]
    public async Task Form_DatePickers_OfferOnlyTheDaysTheServerAccepts()
    {
        // Today is 2026-11-26: a year back to three years ahead (IsAcceptedDate), so the Teams date picker offers no other day.
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit("check"))
            .AssertReply(r => lastForm = r, "the checked form")
            .StartTestAsync();

        foreach (var id in new[] { "startDate", "endDate" })
        {
            Assert.Equal("2025-11-26", InputProperty(id, "min"));
            Assert.Equal("2029-11-26", InputProperty(id, "max"));
        }

        var today = new DateOnly(2026, 11, 26);
        Assert.True(ExchangeEligibility.IsAcceptedDate(ExchangeEligibility.EarliestAcceptedDate(today), today));
        Assert.False(ExchangeEligibility.IsAcceptedDate(ExchangeEligibility.EarliestAcceptedDate(today).AddDays(-1), today));
        Assert.True(ExchangeEligibility.IsAcceptedDate(ExchangeEligibility.LatestAcceptedDate(today), today));
        Assert.False(ExchangeEligibility.IsAcceptedDate(ExchangeEligibility.LatestAcceptedDate(today).AddDays(1), today));
    }

    /// <summary>An application of the test user stored directly, submitted (stage 1, version 2).</summary>
    private async Task<ExchangeApplication> StoreSubmittedAsync(DateOnly start, DateOnly end)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = ExchangeDialogTestHost.ApplicantId, ApplicantUserId = "29:user-1", ApplicantName = "Ana", TenantId = "tenant",
            ApplicantLanguage = "en", ApplicantConversationId = "a:conversation-1", StartDate = start, EndDate = end,
            ActivityType = ExchangeActivityType.Networking, Objectives = "o", Agenda = "a", ExpectedOutcomes = "x",
        };
        await store.CreateAsync(application, CancellationToken.None);
        var actor = new ExchangeActor(ExchangeDialogTestHost.ApplicantId, "Ana", "29:user-1", "tenant");
        Assert.True(await store.TransitionAsync(application.Id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, actor, null, null, CancellationToken.None));
        return (await store.FindAsync(application.Id, CancellationToken.None))!;
    }

    /// <summary>An Action.Execute whose data is the raw JSON given (a lone surrogate cannot go through the serializer).</summary>
    private static Activity Execute(string verb, string dataJson) => new()
    {
        Type = ActivityTypes.Invoke,
        Name = "adaptiveCard/action",
        Value = JsonDocument.Parse($$"""{ "action": { "type": "Action.Execute", "verb": "{{verb}}", "data": {{dataJson}} }, "trigger": "manual" }""").RootElement.Clone(),
    };

    private TestFlow OpenForm() => host.Conversation.Flow()
        .Send("apply for an exchange")
        .AssertReply(r => formId = FormIdPattern().Match(Describe(r)).Groups[1].Value, "the form");

    private Activity FormSubmit(string op, string startDate = "2027-03-01", string endDate = "2027-03-05") => host.Conversation.Submit(new
    {
        formId, op, visitingId = "hitechtex-citeve", hostQuery = "clutex", hostId = "hitechtex-clutex", startDate, endDate,
        activityType = "KnowledgeSharing", objectives = "Learn the nonwoven pilot line.", agenda = "Day 1: lab.", outcomes = "A joint proposal.",
    });

    /// <summary>The value an input of the last form card shows.</summary>
    private string InputValue(string id) => InputProperty(id, "value");

    /// <summary>A property of an input of the last form card ("" when it has none).</summary>
    private string InputProperty(string id, string property)
    {
        string? found = null;
        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("id", out var inputId) && inputId.ValueKind == JsonValueKind.String && inputId.GetString() == id
                    && element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
                {
                    found = element.TryGetProperty(property, out var value) ? value.GetString() : "";
                }

                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(JsonSerializer.SerializeToElement(Assert.Single(lastForm!.Attachments ?? []).Content));
        return found ?? throw new InvalidOperationException($"no input {id}");
    }

    private static string JsonEncoded(string text) => JsonSerializer.Serialize(text)[1..^1];

    private static string Describe(Activity reply) =>
        reply.Text + string.Concat((reply.Attachments ?? []).Select(a => JsonSerializer.Serialize(a.Content)));

    [GeneratedRegex("\"formId\":\"([0-9a-f]{32})\"")]
    private static partial Regex FormIdPattern();
}
