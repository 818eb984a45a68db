using System.Globalization;
using System.Net;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The follow-up's other messages whose delivery failed — an approver's reminder, the applicant's closing-report request,
/// the "it reached an approver" notice — are tried again at its next passes (bounded as the approval cards), delivered
/// once; and an approver the bot cannot reach is a warning once, not at every pass.
/// </summary>
public sealed class ExchangeFollowUpDeliveryRetryTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private static readonly ProactiveSendResult Delivered = ExchangeRetryTestHost.Delivered;
    private readonly ExchangeRetryTestHost fixture = new();
    private readonly ExchangeDialogTestHost host;

    public ExchangeFollowUpDeliveryRetryTests() => host = fixture.Host;

    public void Dispose() => fixture.Dispose();

    public static TheoryData<string> TransientFailures => ["500", "timeout", "network"];

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task Reminder_DeliveryFailsThenSucceeds_NextPassDeliversItOnce(string failure)
    {
        // Arrange: the card reached the manager at the submission; the reminder is due, and the connector fails.
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        host.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        fixture.ManagerSend = _ => throw ExchangeRetryTestHost.Transient(failure);

        // Act
        var failed = await fixture.RunFollowUpAsync();
        fixture.ManagerSend = _ => Delivered;
        var delivered = await fixture.RunFollowUpAsync();
        var again = await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromDays(4));
        var later = await fixture.RunFollowUpAsync();

        // Assert: one reminder delivered, at the pass after the failure; never a second one.
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), failed);
        Assert.Equal(new ExchangeFollowUpResult(0, 1, 0), delivered);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), again);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), later);
        var reminder = string.Format(CultureInfo.InvariantCulture, En.ReminderFormat, reference);
        Assert.Equal([reminder, reminder], fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId));
        // The submission's card and the one after the delivered reminder.
        Assert.Equal(2, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
    }

    [Fact]
    public async Task Reminder_DeliveryKeepsFailing_TriedABoundedNumberOfTimesWithinADay()
    {
        var id = await fixture.SubmitAsync();
        host.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        fixture.ManagerSend = _ => throw ExchangeRetryTestHost.Transient("500");

        for (var pass = 0; pass < 30; pass++)
        {
            Assert.Equal(0, (await fixture.RunFollowUpAsync()).Reminders);
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(ExchangeDeliveryClaim.Attempts, fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId).Count);
        var reference = await fixture.ReferenceAsync(id);
        Assert.Single(host.Logs.Entries, e => e.EventId == 2322 && e.Level == LogLevel.Warning && e.Message.Contains(reference, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("blocked")]
    [InlineData("403")]
    public async Task Reminder_ApproverCannotBeReached_TriedWithAGrowingWaitWarnedOnceAndDeliveredOnceWhenReachable(string failure)
    {
        // Refused (blocked, 403/404) as an approval card is: tried again after 30 minutes, then 1 hour, 2 hours… — not at
        // every pass (hourly here) for ever.
        await fixture.SubmitAsync();
        host.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        fixture.ManagerSend = _ => Permanent(failure);

        for (var pass = 0; pass < 3; pass++)
        {
            Assert.Equal(0, (await fixture.RunFollowUpAsync()).Reminders);
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        fixture.ManagerSend = _ => Delivered;
        Assert.Equal(0, (await fixture.RunFollowUpAsync()).Reminders);   // 3 h: the wait after the third refusal (2 h) is not over
        Assert.Equal(3, fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId).Count);
        host.Time.Advance(TimeSpan.FromHours(1));
        var delivered = await fixture.RunFollowUpAsync();
        var again = await fixture.RunFollowUpAsync();

        Assert.Equal(1, delivered.Reminders);
        Assert.Equal(0, again.Reminders);
        Assert.Equal(4, fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId).Count);
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
        var reference = await fixture.ReferenceAsync(id);
        host.Time.Advance(TimeSpan.FromDays(110));
        fixture.ApplicantSend = _ => throw ExchangeRetryTestHost.Transient(failure);

        // Act
        var failed = await fixture.RunFollowUpAsync();
        var afterFailure = await fixture.FindAsync(id);
        fixture.ApplicantSend = _ => Delivered;
        var delivered = await fixture.RunFollowUpAsync();
        var again = await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromDays(2));
        var later = await fixture.RunFollowUpAsync();

        // Assert
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), failed);
        Assert.Null(afterFailure.ReportRequestedAt);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 1), delivered);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), again);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), later);
        Assert.NotNull((await fixture.FindAsync(id)).ReportRequestedAt);
        var request = string.Format(CultureInfo.InvariantCulture, En.ReportRequestFormat, reference);
        Assert.Equal([request, request], fixture.TextsTo(ExchangeDialogTestHost.ApplicantId).Where(t => t == request));
        Assert.Equal(1, fixture.CardsTo(ExchangeDialogTestHost.ApplicantId));
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
        var request = string.Format(CultureInfo.InvariantCulture, En.ReportRequestFormat, await fixture.ReferenceAsync(id));
        host.Time.Advance(TimeSpan.FromDays(110));
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExchangeStore>().TryClaimReminderAsync(
                id, ExchangeDeliveryClaim.ReportRequest.Kind, ExchangeDialogTestHost.ApplicantId, CancellationToken.None));
        }

        // Act / Assert: a claim this young may be another instance's send in progress: left to it.
        Assert.Equal(0, (await fixture.RunFollowUpAsync()).ReportRequests);
        Assert.Null((await fixture.FindAsync(id)).ReportRequestedAt);

        // Older than any send: the pass completes it — marked, the card sent — without asking again.
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await fixture.RunFollowUpAsync()).ReportRequests);
        Assert.Equal(0, (await fixture.RunFollowUpAsync()).ReportRequests);
        Assert.NotNull((await fixture.FindAsync(id)).ReportRequestedAt);
        Assert.DoesNotContain(request, fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
        Assert.Equal(1, fixture.CardsTo(ExchangeDialogTestHost.ApplicantId));
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
        var request = string.Format(CultureInfo.InvariantCulture, En.ReportRequestFormat, await fixture.ReferenceAsync(id));
        host.Time.Advance(TimeSpan.FromDays(110));
        using var stopping = new CancellationTokenSource();
        fixture.ApplicantSend = activity =>
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

        Assert.NotNull((await fixture.FindAsync(id)).ReportRequestedAt);
        fixture.ApplicantSend = _ => Delivered;
        host.Time.Advance(TimeSpan.FromHours(2));
        await fixture.RunFollowUpAsync();
        Assert.Single(fixture.TextsTo(ExchangeDialogTestHost.ApplicantId), t => t == request);
    }

    [Fact]
    public async Task ReportRequest_ApplicantBlockedTheBot_TriedWithAGrowingWaitThenNoMore()
    {
        // Before: tried at every pass (every 3 hours here) for ever. Now as an approval card: after 30 minutes, 1, 2, 4
        // and 8 hours, six tries in all, one warning (2331), then no more.
        var id = await ApprovedAsync();
        var request = string.Format(CultureInfo.InvariantCulture, En.ReportRequestFormat, await fixture.ReferenceAsync(id));
        host.Time.Advance(TimeSpan.FromDays(110));
        fixture.ApplicantSend = _ => Permanent("blocked");

        for (var pass = 0; pass < 10; pass++)
        {
            Assert.Equal(0, (await fixture.RunFollowUpAsync()).ReportRequests);
            host.Time.Advance(TimeSpan.FromHours(3));
        }

        fixture.ApplicantSend = _ => Delivered;
        Assert.Equal(0, (await fixture.RunFollowUpAsync()).ReportRequests);
        Assert.Equal(ExchangeDeliveryClaim.RefusalAttempts, fixture.TextsTo(ExchangeDialogTestHost.ApplicantId).Count(t => t == request));
        Assert.Single(host.Logs.Entries, e => e.EventId == 2322 && e.Level == LogLevel.Warning);
        Assert.Single(host.Logs.Entries, e => e.EventId == 2331 && e.Level == LogLevel.Warning && e.Message.Contains("closing-report", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LateCard_ApproverNeverInstalledTheBot_WarnedOnceNotAtEveryPass()
    {
        // The manager has no conversation with the bot: the card fails at the submission and at each later try — with a
        // growing wait and a bounded number of them (it was every pass, for ever), then the follow-up stops (2397).
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.NoReference);
        await fixture.SubmitAsync();
        for (var pass = 0; pass < 36; pass++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        var notDelivered = host.Logs.Entries.Where(e => e.EventId == 2320).ToList();
        Assert.Equal(ExchangeDeliveryClaim.RefusalAttempts, notDelivered.Count);
        Assert.Single(notDelivered, e => e.Level == LogLevel.Warning);
        Assert.Single(host.Logs.Entries, e => e.EventId == 2303 && e.Level == LogLevel.Warning);
        Assert.Single(host.Logs.Entries, e => e.EventId == 2397 && e.Level == LogLevel.Warning);
        Assert.Equal(ExchangeDeliveryClaim.RefusalAttempts, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
    }

    [Fact]
    public async Task ReachedNotice_DeliveryFailsThenSucceeds_ApplicantToldOnceAtTheNextPass()
    {
        // Arrange: the manager cannot be reached, so the applicant was told whom to contact.
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.NoReference);
        var id = await fixture.SubmitAsync();
        var reached = string.Format(CultureInfo.InvariantCulture, En.ReachedApproverFormat, await fixture.ReferenceAsync(id));
        Assert.Single(fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));

        // Act: the manager installs the bot while the connector fails for the applicant.
        fixture.ManagerSend = _ => Delivered;
        fixture.ApplicantSend = _ => throw ExchangeRetryTestHost.Transient("500");
        host.Time.Advance(ExchangeDeliveryClaim.RefusalBackoff); // a refused card is tried again after a wait
        var cardDelivered = await fixture.RunFollowUpAsync();
        fixture.ApplicantSend = _ => Delivered;
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();

        // Assert
        Assert.Equal(1, cardDelivered.LateCards);
        Assert.Equal([reached, reached], fixture.TextsTo(ExchangeDialogTestHost.ApplicantId).Where(t => t == reached));
        Assert.Single(host.Logs.Entries, e => e.EventId == 2314);
    }

    [Fact]
    public async Task DecisionNotice_DeliveryFailsInTheManagersTurn_NextPassTellsTheApplicantOnceWithTheComment()
    {
        // Arrange: the connector fails for the applicant when the manager sends the application back.
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        fixture.ApplicantSend = _ => throw ExchangeRetryTestHost.Transient("500");
        var manager = new ExchangeActor(ExchangeDialogTestHost.VisitingManagerId, "Vasco Almeida", "29:manager", "tenant-1");
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            var data = System.Text.Json.JsonSerializer.SerializeToElement(new { exchangeId = id.ToString("D"), v = 2, comment = "Please add the agenda." });
            await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().HandleAsync(manager, ExchangeVerbs.RequestChanges, data, En, CancellationToken.None);
        }

        Assert.Equal(ExchangeStatus.ChangesRequested, (await fixture.FindAsync(id)).Status);
        var notice = string.Format(CultureInfo.InvariantCulture, En.StatusChangedWithCommentFormat, reference, En.Statuses[ExchangeStatus.ChangesRequested],
            "Vasco Almeida", "Please add the agenda.");
        Assert.Equal([notice], fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));

        // Act
        fixture.ApplicantSend = _ => Delivered;
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        await fixture.RunFollowUpAsync();

        // Assert: told once more — the delivered one.
        Assert.Equal([notice, notice], fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
    }

    [Fact]
    public async Task DecisionNotice_DeliveredInTheManagersTurn_FollowUpSendsNothingMore()
    {
        var id = await fixture.SubmitAsync();
        var manager = new ExchangeActor(ExchangeDialogTestHost.VisitingManagerId, "Vasco Almeida", "29:manager", "tenant-1");
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            var data = System.Text.Json.JsonSerializer.SerializeToElement(new { exchangeId = id.ToString("D"), v = 2 });
            await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().HandleAsync(manager, ExchangeVerbs.Approve, data, En, CancellationToken.None);
        }

        var notice = string.Format(CultureInfo.InvariantCulture, En.StatusChangedFormat, await fixture.ReferenceAsync(id), En.Statuses[ExchangeStatus.Stage2]);
        var told = fixture.TextsTo(ExchangeDialogTestHost.ApplicantId);
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();

        Assert.Equal(ExchangeStatus.Stage2, (await fixture.FindAsync(id)).Status);
        Assert.Single(told, t => t == notice);
        Assert.Equal(told, fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
    }

    private static ProactiveSendResult Permanent(string failure) => failure switch
    {
        "blocked" => new ProactiveSendResult(ProactiveSendStatus.Blocked),
        _ => throw new ConnectorException(HttpStatusCode.Forbidden, null, "Forbidden"),
    };

    /// <summary>Submitted, then both stages approved in the store (the decisions' own messages are not what these tests are about).</summary>
    private async Task<Guid> ApprovedAsync()
    {
        var id = await fixture.SubmitAsync();
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var manager = new ExchangeActor(ExchangeDialogTestHost.VisitingManagerId, "Manager", "29:manager", "tenant-1");
        Assert.True(await store.TransitionAsync(id, 2, ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeAction.Approved, manager, null, null, CancellationToken.None));
        Assert.True(await store.TransitionAsync(id, 3, ExchangeStatus.Stage2, ExchangeStatus.Approved, ExchangeAction.Approved, manager, null, null, CancellationToken.None));

        // As the decisions' turns do once they have sent their notices: nothing owed (ExchangeDeliveryClaim.NoticesDue).
        await store.ForgetRemindersAsync(id, [ExchangeDeliveryClaim.NoticesDuePrefix], null, CancellationToken.None);
        return id;
    }
}
