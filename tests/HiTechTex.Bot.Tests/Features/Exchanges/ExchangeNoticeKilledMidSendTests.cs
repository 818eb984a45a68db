using System.Globalization;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// An applicant's plain-text notice whose process was killed mid-send (a crash, an out-of-memory kill: no clean stop, so
/// nothing recorded after the claim). Before: the claim, committed before the send, stayed held with nothing else, and
/// looked like a delivered notice for ever — the applicant could miss "changes requested" or "nobody may decide". Now the
/// send is marked before its claim and the mark removed once it ended; a mark left older than any send (15 minutes) is
/// taken by the follow-up (information 2396) and the notice sent once more, as after a stop on the wire (2398). A send
/// still in progress, or one that ended, is never sent again. "Killed" here: the send never returns (the process that
/// made it is gone), while the follow-up runs as another process would, on the same database.
/// </summary>
public sealed class ExchangeNoticeKilledMidSendTests : IDisposable
{
    private const string ManagerKey = $"Roles:ClusterManagers:{ExchangeDialogTestHost.VisitingManagerId}:0";
    private readonly ExchangeRetryTestHost fixture = new();
    private readonly ExchangeDialogTestHost host;
    private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource never = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int applicantSends;

    public ExchangeNoticeKilledMidSendTests()
    {
        host = fixture.Host;

        // The applicant's first message never returns (its process killed); the later ones are delivered.
        host.Messenger.Setup(m => m.SendToUserAsync(fixture.ApplicantId, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns(async (string _, string _, Activity _, CancellationToken _) =>
            {
                if (Interlocked.Increment(ref applicantSends) == 1)
                {
                    entered.TrySetResult();
                    await never.Task;
                }

                return ExchangeRetryTestHost.Delivered;
            });
    }

    public void Dispose()
    {
        never.TrySetCanceled();
        fixture.Dispose();
    }

    [Fact]
    public async Task ChangesRequestedNotice_ProcessKilledMidSend_FollowUpSendsItOnceMoreAfterAnySendCouldEnd()
    {
        // Arrange: the manager's decision commits; its notice to the applicant is being sent when the process dies.
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        var killed = fixture.DecideAsync(id, ExchangeVerbs.RequestChanges, "Add the agenda of day 3.");
        await entered.Task;
        var notice = string.Format(CultureInfo.InvariantCulture, ExchangeTexts.English.StatusChangedWithCommentFormat, reference,
            ExchangeTexts.English.Statuses[ExchangeStatus.ChangesRequested], ExchangeRetryTestHost.ManagerName, "Add the agenda of day 3.");
        Assert.Equal([notice], fixture.TextsTo(fixture.ApplicantId));

        // A pass while the send could still be running: nothing sent twice.
        await fixture.RunFollowUpAsync();
        Assert.Single(fixture.TextsTo(fixture.ApplicantId));

        // Act: passes once the mark is older than any send.
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        await fixture.RunFollowUpAsync();

        // Assert: sent once more, once; each event logged once.
        Assert.Equal([notice, notice], fixture.TextsTo(fixture.ApplicantId));
        Assert.Single(host.Logs.Entries, e => e.EventId == 2396);
        Assert.Single(host.Logs.Entries, e => e.EventId == 2398);
        Assert.False(killed.IsCompleted);
    }

    [Fact]
    public async Task NoApproverNotice_ProcessKilledMidSend_FollowUpSendsItOnceMoreAndWarnsOnce()
    {
        host.Reconfigure(ManagerKey, HiTechTexPartners.TecnotessileId);
        var id = await fixture.CreateAsync();
        var killed = fixture.SubmitAsync(id, CancellationToken.None);
        await entered.Task;
        var told = Assert.Single(fixture.TextsTo(fixture.ApplicantId));

        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();

        Assert.Equal([told, told], fixture.TextsTo(fixture.ApplicantId));
        Assert.Single(host.Logs.Entries, e => e.EventId == 2307);
        Assert.Single(host.Logs.Entries, e => e.EventId == 2396);
        Assert.False(killed.IsCompleted);
    }

    /// <summary>
    /// Before: a sending mark left without its claim (the process killed after the mark, before it claimed the notice:
    /// nothing was sent) was removed without a word. Now it is removed with an information line (2332), once, and nothing
    /// is sent for it.
    /// </summary>
    [Fact]
    public async Task MarkWithoutClaim_RemovedWithAnInformationOnce_NothingSent()
    {
        never.TrySetResult();
        var id = await fixture.SubmitAsync();
        var application = await fixture.FindAsync(id);
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExchangeStore>().TryClaimReminderAsync(
                id, ExchangeDeliveryClaim.StatusNotice(application).InFlightKind, fixture.ApplicantId, CancellationToken.None));
        }

        var sent = fixture.TextsTo(fixture.ApplicantId).Count;

        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();

        var removed = Assert.Single(host.Logs.Entries, e => e.EventId == 2332);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, removed.Level);
        Assert.Equal(sent, fixture.TextsTo(fixture.ApplicantId).Count);
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId is 2396 or 2398);
    }

    [Fact]
    public async Task NoticeDelivered_NoMarkLeft_NeverSentAgain()
    {
        // The first send (the one that "hangs") is used up by a message that is not a notice of this application.
        never.TrySetResult();
        var id = await fixture.SubmitAsync();
        await fixture.DecideAsync(id, ExchangeVerbs.RequestChanges, "Add the agenda of day 3.");
        var sent = fixture.TextsTo(fixture.ApplicantId).Count;

        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        await fixture.RunFollowUpAsync();

        Assert.Equal(sent, fixture.TextsTo(fixture.ApplicantId).Count);
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId is 2396 or 2398);
    }
}
