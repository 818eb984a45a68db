using System.Globalization;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A notice or reminder whose send a restart stopped with the message on the wire (warning 2327: perhaps delivered,
/// perhaps not). Before: its claim stayed held, so nobody ever sent it again and nobody saw it — the applicant could miss
/// a "changes requested", an approver a reminder or a withdrawal. Now the follow-up sends it once more (2398): a second
/// copy of a plain message is less harm than none. Never more than that once; an approval card stopped so is still
/// not sent again by itself (the coordinator's "stuck applications" lists it).
/// </summary>
public sealed class ExchangeStoppedNoticeTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private readonly ExchangeRetryTestHost fixture = new();
    private readonly ExchangeDialogTestHost host;

    public ExchangeStoppedNoticeTests() => host = fixture.Host;

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task ChangesRequestedNotice_StoppedOnTheWire_FollowUpSendsItOnceMore()
    {
        // Arrange: the manager requests changes; the host stops while the applicant's notice is on the wire.
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        var notice = string.Format(CultureInfo.InvariantCulture, En.StatusChangedWithCommentFormat, reference, En.Statuses[ExchangeStatus.ChangesRequested],
            ExchangeRetryTestHost.ManagerName, "Add the agenda of day 3.");
        using var stopping = new CancellationTokenSource();
        fixture.ApplicantSend = _ => StopOnTheWire(stopping);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await using var scope = host.Conversation.Services.CreateAsyncScope();
            var data = System.Text.Json.JsonSerializer.SerializeToElement(new { exchangeId = id.ToString("D"), v = 2, comment = "Add the agenda of day 3." });
            await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().HandleAsync(ExchangeRetryTestHost.Manager, ExchangeVerbs.RequestChanges, data, En, stopping.Token);
        });
        Assert.Equal(ExchangeStatus.ChangesRequested, (await fixture.FindAsync(id)).Status);
        Assert.Contains(host.Logs.Entries, e => e.EventId == 2327);
        Assert.Equal([notice], fixture.TextsTo(fixture.ApplicantId));

        // Act: the restarted host's passes, also after the turn's record of owed notices is older than any send.
        fixture.ApplicantSend = _ => ExchangeRetryTestHost.Delivered;
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();

        // Assert: sent once more, and only once.
        Assert.Equal([notice, notice], fixture.TextsTo(fixture.ApplicantId));
        Assert.Single(host.Logs.Entries, e => e.EventId == 2398);
    }

    [Fact]
    public async Task Reminder_StoppedOnTheWire_FollowUpRemindsOnceMoreWithTheCard()
    {
        // Arrange: the manager has had the card for longer than the reminder delay; the follow-up's reminder is on the
        // wire when the host stops.
        var id = await fixture.SubmitAsync();
        var reminder = string.Format(CultureInfo.InvariantCulture, En.ReminderFormat, await fixture.ReferenceAsync(id));
        host.Time.Advance(TimeSpan.FromDays(4));
        using var stopping = new CancellationTokenSource();
        fixture.ManagerSend = activity => activity.Text is not null ? StopOnTheWire(stopping) : ExchangeRetryTestHost.Delivered;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.RunFollowUpAsync(stopping.Token));
        Assert.Equal([reminder], fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId));
        var cards = fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId);

        // Act
        fixture.ManagerSend = _ => ExchangeRetryTestHost.Delivered;
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(2));
        await fixture.RunFollowUpAsync();

        // Assert: reminded once more, with the card the stop had cut off; never a third time.
        Assert.Equal([reminder, reminder], fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Equal(cards + 1, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Single(host.Logs.Entries, e => e.EventId == 2398);
    }

    [Fact]
    public async Task WithdrawnNotice_StoppedOnTheWire_FollowUpTellsTheApproverOnceMore()
    {
        var id = await fixture.SubmitAsync();
        var notice = string.Format(CultureInfo.InvariantCulture, En.WithdrawnNoticeFormat, await fixture.ReferenceAsync(id), "Ana");
        using var stopping = new CancellationTokenSource();
        fixture.ManagerSend = activity => activity.Text is not null ? StopOnTheWire(stopping) : ExchangeRetryTestHost.Delivered;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await using var scope = host.Conversation.Services.CreateAsyncScope();
            var data = System.Text.Json.JsonSerializer.SerializeToElement(new { exchangeId = id.ToString("D"), v = 2, confirmed = "yes" });
            await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().HandleAsync(fixture.Applicant, ExchangeVerbs.Withdraw, data, En, stopping.Token);
        });
        Assert.Equal(ExchangeStatus.Withdrawn, (await fixture.FindAsync(id)).Status);

        fixture.ManagerSend = _ => ExchangeRetryTestHost.Delivered;
        await fixture.RunFollowUpAsync();
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();

        Assert.Equal([notice, notice], fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId));
    }

    [Fact]
    public async Task NoticeOfAnEarlierStep_StoppedOnTheWire_NotSentAgainOnceTheApplicationMovedOn()
    {
        // Arrange: the applicant's "changes requested" notice stopped on the wire; before the follow-up runs, the
        // applicant resubmits (a later step: the notice is stale).
        var id = await fixture.SubmitAsync();
        using var stopping = new CancellationTokenSource();
        fixture.ApplicantSend = _ => StopOnTheWire(stopping);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await using var scope = host.Conversation.Services.CreateAsyncScope();
            var data = System.Text.Json.JsonSerializer.SerializeToElement(new { exchangeId = id.ToString("D"), v = 2, comment = "Add the agenda of day 3." });
            await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().HandleAsync(ExchangeRetryTestHost.Manager, ExchangeVerbs.RequestChanges, data, En, stopping.Token);
        });
        fixture.ApplicantSend = _ => ExchangeRetryTestHost.Delivered;
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            Assert.Equal(ExchangeStatus.Stage1, (await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().SubmitAsync(fixture.Applicant, id, 3, CancellationToken.None)).Application?.Status);
        }

        var told = fixture.TextsTo(fixture.ApplicantId).Count;
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();

        Assert.Equal(told, fixture.TextsTo(fixture.ApplicantId).Count);
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId == 2398);
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            Assert.DoesNotContain(await scope.ServiceProvider.GetRequiredService<ExchangeStore>().RemindersAsync(id, CancellationToken.None),
                c => c.Kind.StartsWith(ExchangeDeliveryClaim.OnTheWirePrefix, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ApprovalCardStoppedOnTheWire_StepDecidedMeanwhile_RecordDroppedAndNothingSent()
    {
        // Arrange: the manager's card stopped on the wire at the submission; the manager decides anyway (from "pending
        // approvals"): the record is of a step the application has left.
        using var stopping = new CancellationTokenSource();
        fixture.ManagerSend = _ => StopOnTheWire(stopping);
        var id = await fixture.CreateAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.SubmitAsync(id, stopping.Token));
        fixture.ManagerSend = _ => ExchangeRetryTestHost.Delivered;
        Assert.Single(await OnTheWireRecordsAsync(id));
        await fixture.DecideAsync(id, ExchangeVerbs.Approve);
        Assert.Equal(ExchangeStatus.Stage2, (await fixture.FindAsync(id)).Status);
        var cards = fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId);

        // Act
        await fixture.RunFollowUpAsync();

        // Assert: dropped (the application is not looked at again for it), nothing sent for it.
        Assert.Empty(await OnTheWireRecordsAsync(id));
        Assert.Equal(cards, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId == 2398);
    }

    private async Task<IReadOnlyList<ExchangeReminder>> OnTheWireRecordsAsync(Guid id)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        return [.. (await scope.ServiceProvider.GetRequiredService<ExchangeStore>().RemindersAsync(id, CancellationToken.None))
            .Where(c => c.Kind.StartsWith(ExchangeDeliveryClaim.OnTheWirePrefix, StringComparison.Ordinal))];
    }

    /// <summary>The host stops while the connector has the message: the send's token cancelled, a plain cancellation.</summary>
    private static ProactiveSendResult StopOnTheWire(CancellationTokenSource stopping)
    {
        stopping.Cancel();
        throw new OperationCanceledException(stopping.Token);
    }
}
