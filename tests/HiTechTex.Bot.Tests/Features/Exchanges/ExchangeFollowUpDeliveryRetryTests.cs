using System.Globalization;
using System.Net;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The follow-up's other messages whose delivery failed — an approver's reminder, the applicant's closing-report request,
/// the "it reached an approver" notice — are tried again at its next passes (bounded as the approval cards), delivered
/// once; and an approver the bot cannot reach is a warning once, not at every pass.
/// </summary>
public sealed class ExchangeFollowUpDeliveryRetryTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private static readonly ProactiveSendResult Delivered = new(ProactiveSendStatus.Sent, "a:chat", "activity-9");
    private readonly ExchangeDialogTestHost host = new();
    private Func<Activity, ProactiveSendResult> managerSend = _ => Delivered;
    private Func<Activity, ProactiveSendResult> applicantSend = _ => Delivered;

    public ExchangeFollowUpDeliveryRetryTests()
    {
        host.Messenger.Setup(m => m.SendToUserAsync(ExchangeDialogTestHost.VisitingManagerId, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string _, Activity activity, CancellationToken _) => managerSend(activity));
        host.Messenger.Setup(m => m.SendToUserAsync(ExchangeDialogTestHost.ApplicantId, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string _, Activity activity, CancellationToken _) => applicantSend(activity));
    }

    public void Dispose() => host.Dispose();

    public static TheoryData<string> TransientFailures => ["500", "timeout", "network"];

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task Reminder_DeliveryFailsThenSucceeds_NextPassDeliversItOnce(string failure)
    {
        // Arrange: the card reached the manager at the submission; the reminder is due, and the connector fails.
        var id = await SubmitAsync();
        var reference = await ReferenceAsync(id);
        host.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        managerSend = _ => throw Transient(failure);

        // Act
        var failed = await RunFollowUpAsync();
        managerSend = _ => Delivered;
        var delivered = await RunFollowUpAsync();
        var again = await RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromDays(4));
        var later = await RunFollowUpAsync();

        // Assert: one reminder delivered, at the pass after the failure; never a second one.
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), failed);
        Assert.Equal(new ExchangeFollowUpResult(0, 1, 0), delivered);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), again);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), later);
        var reminder = string.Format(CultureInfo.InvariantCulture, En.ReminderFormat, reference);
        Assert.Equal([reminder, reminder], TextsTo(ExchangeDialogTestHost.VisitingManagerId));
        // The submission's card and the one after the delivered reminder.
        Assert.Equal(2, CardsTo(ExchangeDialogTestHost.VisitingManagerId));
    }

    [Fact]
    public async Task Reminder_DeliveryKeepsFailing_TriedABoundedNumberOfTimesWithinADay()
    {
        var id = await SubmitAsync();
        host.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        managerSend = _ => throw Transient("500");

        for (var pass = 0; pass < 30; pass++)
        {
            Assert.Equal(0, (await RunFollowUpAsync()).Reminders);
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(ExchangeDeliveryClaim.Attempts, TextsTo(ExchangeDialogTestHost.VisitingManagerId).Count);
        var reference = await ReferenceAsync(id);
        Assert.Single(host.Logs.Entries, e => e.EventId == 2322 && e.Level == LogLevel.Warning && e.Message.Contains(reference, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("blocked")]
    [InlineData("403")]
    public async Task Reminder_ApproverCannotBeReached_TriedAtEveryPassWarnedOnceAndDeliveredOnceWhenReachable(string failure)
    {
        await SubmitAsync();
        host.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        managerSend = _ => Permanent(failure);

        for (var pass = 0; pass < 3; pass++)
        {
            Assert.Equal(0, (await RunFollowUpAsync()).Reminders);
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        managerSend = _ => Delivered;
        var delivered = await RunFollowUpAsync();
        var again = await RunFollowUpAsync();

        Assert.Equal(1, delivered.Reminders);
        Assert.Equal(0, again.Reminders);
        Assert.Equal(4, TextsTo(ExchangeDialogTestHost.VisitingManagerId).Count);
        var notDelivered = host.Logs.Entries.Where(e => e.EventId == 2322).ToList();
        Assert.Equal(3, notDelivered.Count);
        Assert.Equal([LogLevel.Warning, LogLevel.Information, LogLevel.Information], notDelivered.Select(e => e.Level));
    }

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task ReportRequest_DeliveryFailsThenSucceeds_NextPassAsksOnce(string failure)
    {
        // Arrange: approved, and the exchange's last day is past.
        var id = await ApprovedAsync();
        var reference = await ReferenceAsync(id);
        host.Time.Advance(TimeSpan.FromDays(110));
        applicantSend = _ => throw Transient(failure);

        // Act
        var failed = await RunFollowUpAsync();
        var afterFailure = await FindAsync(id);
        applicantSend = _ => Delivered;
        var delivered = await RunFollowUpAsync();
        var again = await RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromDays(2));
        var later = await RunFollowUpAsync();

        // Assert
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), failed);
        Assert.Null(afterFailure.ReportRequestedAt);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 1), delivered);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), again);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), later);
        Assert.NotNull((await FindAsync(id)).ReportRequestedAt);
        var request = string.Format(CultureInfo.InvariantCulture, En.ReportRequestFormat, reference);
        Assert.Equal([request, request], TextsTo(ExchangeDialogTestHost.ApplicantId).Where(t => t == request));
        Assert.Equal(1, CardsTo(ExchangeDialogTestHost.ApplicantId));
    }

    /// <summary>
    /// Before: a closing-report request delivered by a pass that stopped before <c>MarkReportRequested</c> (a crash, a
    /// deploy) left its claim held and the application unmarked: every later pass found the claim taken and gave up, so
    /// the application was never marked "report requested" and the report card never sent. Now a later pass — once the
    /// claim is older than any send — marks it and sends the card, and never the request a second time.
    /// </summary>
    [Fact]
    public async Task ReportRequest_ProcessStoppedBetweenDeliveryAndMark_LaterPassMarksItAndSendsTheCardNotTheRequestAgain()
    {
        // Arrange: the state such a crash leaves — the request claimed (delivered), the application not marked.
        var id = await ApprovedAsync();
        var request = string.Format(CultureInfo.InvariantCulture, En.ReportRequestFormat, await ReferenceAsync(id));
        host.Time.Advance(TimeSpan.FromDays(110));
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExchangeStore>().TryClaimReminderAsync(
                id, ExchangeDeliveryClaim.ReportRequest.Kind, ExchangeDialogTestHost.ApplicantId, CancellationToken.None));
        }

        // Act / Assert: a claim this young may be another instance's send in progress: left to it.
        Assert.Equal(0, (await RunFollowUpAsync()).ReportRequests);
        Assert.Null((await FindAsync(id)).ReportRequestedAt);

        // Older than any send: the pass completes it — marked, the card sent — without asking again.
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await RunFollowUpAsync()).ReportRequests);
        Assert.Equal(0, (await RunFollowUpAsync()).ReportRequests);
        Assert.NotNull((await FindAsync(id)).ReportRequestedAt);
        Assert.DoesNotContain(request, TextsTo(ExchangeDialogTestHost.ApplicantId));
        Assert.Equal(1, CardsTo(ExchangeDialogTestHost.ApplicantId));
        Assert.Single(host.Logs.Entries, e => e.EventId == 2329);
    }

    /// <summary>
    /// Before: the host stopping (a deploy) just after the request was delivered cancelled <c>MarkReportRequested</c>, so
    /// the delivered request was never recorded; now it is recorded even then, and never sent again.
    /// </summary>
    [Fact]
    public async Task ReportRequest_HostStopsRightAfterTheDelivery_RecordedAnywayAndNeverAskedTwice()
    {
        var id = await ApprovedAsync();
        var request = string.Format(CultureInfo.InvariantCulture, En.ReportRequestFormat, await ReferenceAsync(id));
        host.Time.Advance(TimeSpan.FromDays(110));
        using var stopping = new CancellationTokenSource();
        applicantSend = activity =>
        {
            if (activity.Text == request)
            {
                stopping.Cancel();
            }

            return Delivered;
        };

        try
        {
            await using var scope = host.Conversation.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ExchangeFollowUp>().RunOnceAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // The pass stops with the host.
        }

        Assert.NotNull((await FindAsync(id)).ReportRequestedAt);
        applicantSend = _ => Delivered;
        host.Time.Advance(TimeSpan.FromHours(2));
        await RunFollowUpAsync();
        Assert.Single(TextsTo(ExchangeDialogTestHost.ApplicantId), t => t == request);
    }

    [Fact]
    public async Task ReportRequest_ApplicantBlockedTheBot_TriedAtEveryPassAndAskedOnceWhenReachable()
    {
        var id = await ApprovedAsync();
        var request = string.Format(CultureInfo.InvariantCulture, En.ReportRequestFormat, await ReferenceAsync(id));
        host.Time.Advance(TimeSpan.FromDays(110));
        applicantSend = _ => Permanent("blocked");

        for (var pass = 0; pass < 10; pass++)
        {
            Assert.Equal(0, (await RunFollowUpAsync()).ReportRequests);
            host.Time.Advance(TimeSpan.FromHours(3));
        }

        applicantSend = _ => Delivered;
        Assert.Equal(1, (await RunFollowUpAsync()).ReportRequests);
        Assert.Equal(0, (await RunFollowUpAsync()).ReportRequests);
        Assert.Equal(11, TextsTo(ExchangeDialogTestHost.ApplicantId).Count(t => t == request));
        Assert.Single(host.Logs.Entries, e => e.EventId == 2322 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task LateCard_ApproverNeverInstalledTheBot_WarnedOnceNotAtEveryPass()
    {
        // The manager has no conversation with the bot: the card fails at the submission and at every pass.
        managerSend = _ => new ProactiveSendResult(ProactiveSendStatus.NoReference);
        await SubmitAsync();
        for (var pass = 0; pass < 5; pass++)
        {
            await RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        var notDelivered = host.Logs.Entries.Where(e => e.EventId == 2320).ToList();
        Assert.Equal(6, notDelivered.Count);
        Assert.Single(notDelivered, e => e.Level == LogLevel.Warning);
        Assert.Single(host.Logs.Entries, e => e.EventId == 2303 && e.Level == LogLevel.Warning);
        Assert.Equal(6, CardsTo(ExchangeDialogTestHost.VisitingManagerId));
    }

    [Fact]
    public async Task ReachedNotice_DeliveryFailsThenSucceeds_ApplicantToldOnceAtTheNextPass()
    {
        // Arrange: the manager cannot be reached, so the applicant was told whom to contact.
        managerSend = _ => new ProactiveSendResult(ProactiveSendStatus.NoReference);
        var id = await SubmitAsync();
        var reached = string.Format(CultureInfo.InvariantCulture, En.ReachedApproverFormat, await ReferenceAsync(id));
        Assert.Single(TextsTo(ExchangeDialogTestHost.ApplicantId));

        // Act: the manager installs the bot while the connector fails for the applicant.
        managerSend = _ => Delivered;
        applicantSend = _ => throw Transient("500");
        var cardDelivered = await RunFollowUpAsync();
        applicantSend = _ => Delivered;
        await RunFollowUpAsync();
        await RunFollowUpAsync();

        // Assert
        Assert.Equal(1, cardDelivered.LateCards);
        Assert.Equal([reached, reached], TextsTo(ExchangeDialogTestHost.ApplicantId).Where(t => t == reached));
        Assert.Single(host.Logs.Entries, e => e.EventId == 2314);
    }

    [Fact]
    public async Task DecisionNotice_DeliveryFailsInTheManagersTurn_NextPassTellsTheApplicantOnceWithTheComment()
    {
        // Arrange: the connector fails for the applicant when the manager sends the application back.
        var id = await SubmitAsync();
        var reference = await ReferenceAsync(id);
        applicantSend = _ => throw Transient("500");
        var manager = new ExchangeActor(ExchangeDialogTestHost.VisitingManagerId, "Vasco Almeida", "29:manager", "tenant-1");
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            var data = System.Text.Json.JsonSerializer.SerializeToElement(new { exchangeId = id.ToString("D"), v = 2, comment = "Please add the agenda." });
            await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().HandleAsync(manager, ExchangeVerbs.RequestChanges, data, En, CancellationToken.None);
        }

        Assert.Equal(ExchangeStatus.ChangesRequested, (await FindAsync(id)).Status);
        var notice = string.Format(CultureInfo.InvariantCulture, En.StatusChangedWithCommentFormat, reference, En.Statuses[ExchangeStatus.ChangesRequested],
            "Vasco Almeida", "Please add the agenda.");
        Assert.Equal([notice], TextsTo(ExchangeDialogTestHost.ApplicantId));

        // Act
        applicantSend = _ => Delivered;
        await RunFollowUpAsync();
        await RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        await RunFollowUpAsync();

        // Assert: told once more — the delivered one.
        Assert.Equal([notice, notice], TextsTo(ExchangeDialogTestHost.ApplicantId));
    }

    [Fact]
    public async Task DecisionNotice_DeliveredInTheManagersTurn_FollowUpSendsNothingMore()
    {
        var id = await SubmitAsync();
        var manager = new ExchangeActor(ExchangeDialogTestHost.VisitingManagerId, "Vasco Almeida", "29:manager", "tenant-1");
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            var data = System.Text.Json.JsonSerializer.SerializeToElement(new { exchangeId = id.ToString("D"), v = 2 });
            await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().HandleAsync(manager, ExchangeVerbs.Approve, data, En, CancellationToken.None);
        }

        var notice = string.Format(CultureInfo.InvariantCulture, En.StatusChangedFormat, await ReferenceAsync(id), En.Statuses[ExchangeStatus.Stage2]);
        var told = TextsTo(ExchangeDialogTestHost.ApplicantId);
        await RunFollowUpAsync();
        await RunFollowUpAsync();

        Assert.Equal(ExchangeStatus.Stage2, (await FindAsync(id)).Status);
        Assert.Single(told, t => t == notice);
        Assert.Equal(told, TextsTo(ExchangeDialogTestHost.ApplicantId));
    }

    private static Exception Transient(string failure) => failure switch
    {
        "500" => new ConnectorException(HttpStatusCode.InternalServerError, null, "Service unavailable"),
        "timeout" => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout."),
        _ => new HttpRequestException("Connection refused"),
    };

    private static ProactiveSendResult Permanent(string failure) => failure switch
    {
        "blocked" => new ProactiveSendResult(ProactiveSendStatus.Blocked),
        _ => throw new ConnectorException(HttpStatusCode.Forbidden, null, "Forbidden"),
    };

    private async Task<Guid> SubmitAsync()
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = ExchangeDialogTestHost.ApplicantId, ApplicantUserId = "29:user-1", ApplicantName = "Ana", TenantId = "tenant-1",
            ApplicantLanguage = "en", StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5), ActivityType = ExchangeActivityType.KnowledgeSharing,
            Objectives = "Learn the nanofibre lab methods.", Agenda = "Day 1 lab tour, days 2-5 trials.", ExpectedOutcomes = "A joint project proposal.",
        };
        await scope.ServiceProvider.GetRequiredService<ExchangeStore>().CreateAsync(application, CancellationToken.None);
        var actor = new ExchangeActor(ExchangeDialogTestHost.ApplicantId, "Ana", "29:user-1", "tenant-1");
        var (result, submitted) = await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().SubmitAsync(actor, application.Id, 1, CancellationToken.None);
        Assert.True(result.IsEligible, string.Join(", ", result.Problems));
        Assert.Equal(ExchangeStatus.Stage1, submitted?.Status);
        return application.Id;
    }

    /// <summary>Submitted, then both stages approved in the store (the decisions' own messages are not what these tests are about).</summary>
    private async Task<Guid> ApprovedAsync()
    {
        var id = await SubmitAsync();
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var manager = new ExchangeActor(ExchangeDialogTestHost.VisitingManagerId, "Manager", "29:manager", "tenant-1");
        Assert.True(await store.TransitionAsync(id, 2, ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeAction.Approved, manager, null, null, CancellationToken.None));
        Assert.True(await store.TransitionAsync(id, 3, ExchangeStatus.Stage2, ExchangeStatus.Approved, ExchangeAction.Approved, manager, null, null, CancellationToken.None));

        // As the decisions' turns do once they have sent their notices: nothing owed (ExchangeDeliveryClaim.NoticesDue).
        await store.ForgetRemindersAsync(id, [ExchangeDeliveryClaim.NoticesDuePrefix], null, CancellationToken.None);
        return id;
    }

    private async Task<ExchangeApplication> FindAsync(Guid id)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ExchangeStore>().FindAsync(id, CancellationToken.None))!;
    }

    private async Task<string> ReferenceAsync(Guid id) => (await FindAsync(id)).Reference;

    private async Task<ExchangeFollowUpResult> RunFollowUpAsync()
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeFollowUp>().RunOnceAsync(CancellationToken.None);
    }

    private IEnumerable<Activity> SentTo(string aadObjectId) => host.Messenger.Invocations
        .Where(i => i.Method.Name == nameof(IProactiveMessenger.SendToUserAsync) && Equals(i.Arguments[0], aadObjectId))
        .Select(i => i.Arguments[2]).OfType<Activity>();

    /// <summary>Every attempt (delivered or not) of a plain-text message.</summary>
    private IReadOnlyList<string> TextsTo(string aadObjectId) => [.. SentTo(aadObjectId).Select(a => a.Text).OfType<string>()];

    private int CardsTo(string aadObjectId) => SentTo(aadObjectId).Count(a => a.Attachments is { Count: > 0 });
}
