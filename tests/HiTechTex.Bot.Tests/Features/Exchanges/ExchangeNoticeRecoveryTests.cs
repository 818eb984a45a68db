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
/// The notices sent in somebody's turn — "nobody may decide it" to the applicant, "withdrawn" to the approvers — and the
/// follow-up's "it reached an approver" are never lost: a failed delivery (or a process stopped between the card and the
/// notice) is delivered by the follow-up's next pass, once. A closed application's notice to somebody who cannot be
/// reached is tried a bounded number of times, then given up with one warning, and the application is not looked at again.
/// </summary>
public sealed class ExchangeNoticeRecoveryTests : IDisposable
{
    private const string ManagerKey = $"Roles:ClusterManagers:{ExchangeDialogTestHost.VisitingManagerId}:0";
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private static readonly ProactiveSendResult Delivered = ExchangeRetryTestHost.Delivered;
    private readonly ExchangeRetryTestHost fixture = new();
    private readonly ExchangeDialogTestHost host;

    public ExchangeNoticeRecoveryTests() => host = fixture.Host;

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task NoApproverNotice_DeliveryFailsInTheApplicantsTurn_NextPassTellsThemOnce()
    {
        // Arrange: nobody may decide a CITEVE application, and the connector fails for the applicant at the submission.
        host.Reconfigure(ManagerKey, HiTechTexPartners.TecnotessileId);
        fixture.ApplicantSend = _ => throw new ConnectorException(HttpStatusCode.InternalServerError, null, "Service unavailable");
        var id = await fixture.SubmitAsync();
        var told = Assert.Single(fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
        Assert.Contains(await fixture.ReferenceAsync(id), told, StringComparison.Ordinal);

        // Act
        fixture.ApplicantSend = _ => Delivered;
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(2));
        await fixture.RunFollowUpAsync();

        // Assert: tried once more, delivered, never again; the operator warned once (2307), not at every try.
        Assert.Equal([told, told], fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
        Assert.Single(host.Logs.Entries, e => e.EventId == 2307);
    }

    [Fact]
    public async Task NoApproverNotice_DeliveredInTheApplicantsTurn_FollowUpSendsNothingMore()
    {
        host.Reconfigure(ManagerKey, HiTechTexPartners.TecnotessileId);
        await fixture.SubmitAsync();
        var told = fixture.TextsTo(ExchangeDialogTestHost.ApplicantId);

        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();

        Assert.Single(told);
        Assert.Equal(told, fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
    }

    [Fact]
    public async Task WithdrawalNotice_DeliveryFailsInTheApplicantsTurn_NextPassTellsTheApproverOnce()
    {
        // Arrange: the manager had the card; the connector fails for them when the applicant withdraws.
        var id = await fixture.SubmitAsync();
        var notice = string.Format(CultureInfo.InvariantCulture, En.WithdrawnNoticeFormat, await fixture.ReferenceAsync(id), "Ana");
        fixture.ManagerSend = _ => throw new ConnectorException(HttpStatusCode.BadGateway, null, "Bad gateway");
        await fixture.WithdrawAsync(id);
        Assert.Equal(ExchangeStatus.Withdrawn, (await fixture.FindAsync(id)).Status);
        Assert.Equal([notice], fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId));

        // Act
        fixture.ManagerSend = _ => Delivered;
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(3));
        await fixture.RunFollowUpAsync();

        // Assert: told once more (delivered), then never again.
        Assert.Equal([notice, notice], fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId));
    }

    [Fact]
    public async Task ReachedNotice_ProcessStopsBetweenTheLateCardAndTheNotice_NextPassTellsTheApplicantOnce()
    {
        // Arrange: nobody could decide, and the applicant was told so; then the manager is configured.
        host.Reconfigure(ManagerKey, HiTechTexPartners.TecnotessileId);
        var id = await fixture.SubmitAsync();
        var reached = string.Format(CultureInfo.InvariantCulture, En.ReachedApproverFormat, await fixture.ReferenceAsync(id));
        host.Reconfigure(ManagerKey, HiTechTexPartners.CiteveId);

        // Act: the host stops right after the late card went out and was recorded (2308), before the notice.
        using var stopping = new CancellationTokenSource();
        host.Logs.Observed = eventId =>
        {
            if (eventId == 2308)
            {
                stopping.Cancel();
            }
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.RunFollowUpAsync(stopping.Token));
        host.Logs.Observed = null;
        Assert.Equal(1, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.DoesNotContain(reached, fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
        var restarted = await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();

        // Assert: no second card, and the applicant told once.
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), restarted);
        Assert.Equal(1, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Single(fixture.TextsTo(ExchangeDialogTestHost.ApplicantId), t => t == reached);
    }

    [Fact]
    public async Task DecisionNotice_ApplicantBlockedTheBotOnARejectedApplication_TriedBoundedThenGivenUpOnceAndNotLookedAtAgain()
    {
        // Arrange: the applicant blocked the bot; the manager rejects the application (closed).
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        fixture.ApplicantSend = _ => new ProactiveSendResult(ProactiveSendStatus.Blocked);
        await fixture.DecideAsync(id, ExchangeVerbs.Reject, "Out of scope.");
        Assert.Equal(ExchangeStatus.Rejected, (await fixture.FindAsync(id)).Status);
        var notice = string.Format(CultureInfo.InvariantCulture, En.StatusChangedWithCommentFormat, reference, En.Statuses[ExchangeStatus.Rejected],
            "Vasco Almeida", "Out of scope.");

        // Act: a day and more of passes.
        for (var pass = 0; pass < 30; pass++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        var lookedAt = await UndeliveredAsync();
        fixture.ApplicantSend = _ => Delivered;
        await fixture.RunFollowUpAsync();

        // Assert: the decider's try and the follow-up's, bounded; one final warning with its own event id.
        Assert.Equal(ExchangeDeliveryClaim.Attempts, fixture.TextsTo(ExchangeDialogTestHost.ApplicantId).Count(t => t == notice));
        var gaveUp = Assert.Single(host.Logs.Entries, e => e.EventId == 2324);
        Assert.Equal(LogLevel.Warning, gaveUp.Level);
        Assert.Contains(reference, gaveUp.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(lookedAt, a => a.Id == id);
    }

    [Fact]
    public async Task WithdrawalNotice_ApproverUnreachable_TriedBoundedThenGivenUpOnce()
    {
        var id = await fixture.SubmitAsync();
        fixture.ManagerSend = _ => throw new ConnectorException(HttpStatusCode.Forbidden, null, "Forbidden");
        await fixture.WithdrawAsync(id);

        for (var pass = 0; pass < 20; pass++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(2));
        }

        var notice = string.Format(CultureInfo.InvariantCulture, En.WithdrawnNoticeFormat, await fixture.ReferenceAsync(id), "Ana");
        Assert.Equal(ExchangeDeliveryClaim.Attempts, fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId).Count(t => t == notice));
        Assert.Single(host.Logs.Entries, e => e.EventId == 2324 && e.Level == LogLevel.Warning);
        Assert.DoesNotContain(await UndeliveredAsync(), a => a.Id == id);
    }

    /// <summary>
    /// Before: a notice refused for good (the applicant blocked the bot, 403/404) on an open application was tried again at
    /// every pass of the follow-up, for ever. Now it is treated as an approval card is: tried again with a growing wait
    /// (30 minutes, then doubled), at most <see cref="ExchangeDeliveryClaim.RefusalAttempts"/> times, one warning (2331) —
    /// then no more.
    /// </summary>
    [Fact]
    public async Task DecisionNotice_ApplicantBlockedTheBotOnAnOpenApplication_TriedWithAGrowingWaitThenNoMore()
    {
        // Sent back for changes: the application is open; the applicant has blocked the bot.
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        fixture.ApplicantSend = _ => new ProactiveSendResult(ProactiveSendStatus.Blocked);
        await fixture.DecideAsync(id, ExchangeVerbs.RequestChanges, "Please add the agenda.");
        var tries = new List<int>();
        for (var hour = 0; hour <= 40; hour++)
        {
            await fixture.RunFollowUpAsync();
            tries.Add(fixture.TextsTo(ExchangeDialogTestHost.ApplicantId).Count(t => t.Contains(reference, StringComparison.Ordinal)));
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        fixture.ApplicantSend = _ => Delivered;
        await fixture.RunFollowUpAsync();

        // The decider's turn, then after 1, 2, 4, 8 and 16 hours (waits of 30 min, 1 h, 2 h, 4 h, 8 h): six tries in all.
        Assert.Equal([1, 2, 3, 4, 5, 6], tries.Distinct());
        Assert.Equal([0, 1, 2, 4, 8, 16], Enumerable.Range(0, tries.Count).Where(h => h == 0 || tries[h] > tries[h - 1]));
        Assert.Equal(ExchangeDeliveryClaim.RefusalAttempts, fixture.TextsTo(ExchangeDialogTestHost.ApplicantId).Count(t => t.Contains(reference, StringComparison.Ordinal)));
        var warned = Assert.Single(host.Logs.Entries, e => e.EventId == 2331);
        Assert.Equal(LogLevel.Warning, warned.Level);
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId == 2324);
        Assert.Equal(ExchangeStatus.ChangesRequested, (await fixture.FindAsync(id)).Status);
    }

    [Fact]
    public async Task DecisionNotice_ApplicantUnblocksTheBotSoon_DeliveredAtTheNextTryOnce()
    {
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        fixture.ApplicantSend = _ => new ProactiveSendResult(ProactiveSendStatus.Blocked);
        await fixture.DecideAsync(id, ExchangeVerbs.RequestChanges, "Please add the agenda.");
        fixture.ApplicantSend = _ => Delivered;

        await fixture.RunFollowUpAsync();                           // before the first wait is over: not tried
        host.Time.Advance(ExchangeDeliveryClaim.RefusalBackoff);
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(3));
        await fixture.RunFollowUpAsync();

        Assert.Equal(2, fixture.TextsTo(ExchangeDialogTestHost.ApplicantId).Count(t => t.Contains(reference, StringComparison.Ordinal)));
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId == 2331);
    }

    /// <summary>
    /// Before: when the applicant withdrew and the PUT updating the manager's approval card got a 503, it was not tried
    /// again: the manager's card kept offering Approve/Reject. Now a failure that may pass (5xx, 408, 429, no answer) is
    /// tried again by the follow-up's next pass, until the card is updated — and then never again.
    /// </summary>
    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task CardUpdate_FailsTransientlyWhenTheApplicantWithdraws_NextPassUpdatesTheApproversCardOnce(HttpStatusCode status)
    {
        var id = await fixture.SubmitAsync();
        var updates = FailUpdates(1, () => new ConnectorException(status, null, "Not now"));
        await fixture.WithdrawAsync(id);
        Assert.Equal(ExchangeStatus.Withdrawn, (await fixture.FindAsync(id)).Status);
        Assert.Single(updates);

        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(2));
        await fixture.RunFollowUpAsync();

        // Tried once more, with the manager's view of the withdrawn application (no Approve any more); never again.
        Assert.Equal(2, updates.Count);
        Assert.DoesNotContain(ExchangeVerbs.Approve, ExchangeRetryTestHost.CardJson(updates[^1]), StringComparison.Ordinal);
        Assert.Contains(En.Statuses[ExchangeStatus.Withdrawn], ExchangeRetryTestHost.CardJson(updates[^1]), StringComparison.Ordinal);
        var notice = string.Format(CultureInfo.InvariantCulture, En.WithdrawnNoticeFormat, await fixture.ReferenceAsync(id), "Ana");
        Assert.Equal([notice], fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId));
    }

    [Fact]
    public async Task CardUpdate_NetworkFailureAfterADecision_NextPassUpdatesItOnce()
    {
        var id = await fixture.SubmitAsync();
        var updates = FailUpdates(2, () => new HttpRequestException("Connection refused"));
        await fixture.DecideAsync(id, ExchangeVerbs.Reject, "Out of scope.");
        Assert.Equal(ExchangeStatus.Rejected, (await fixture.FindAsync(id)).Status);

        for (var pass = 0; pass < 5; pass++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        // The decider's try, one failed pass, one that updated it; nothing after.
        Assert.Equal(3, updates.Count);
        Assert.DoesNotContain(ExchangeVerbs.Approve, ExchangeRetryTestHost.CardJson(updates[^1]), StringComparison.Ordinal);
        Assert.DoesNotContain(await UndeliveredAsync(), a => a.Id == id);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task CardUpdate_CardGoneOrBlocked_NotTriedAgain(HttpStatusCode status)
    {
        var id = await fixture.SubmitAsync();
        var updates = FailUpdates(int.MaxValue, () => new ConnectorException(status, null, "No"));
        await fixture.WithdrawAsync(id);

        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(2));
        await fixture.RunFollowUpAsync();

        Assert.Single(updates);
    }

    [Fact]
    public async Task CardUpdate_ServiceFailingForDays_TriedBoundedThenGivenUpAndNotLookedAtAgain()
    {
        var id = await fixture.SubmitAsync();
        var updates = FailUpdates(int.MaxValue, () => new ConnectorException(HttpStatusCode.BadGateway, null, "Bad gateway"));
        await fixture.WithdrawAsync(id);

        for (var pass = 0; pass < 30; pass++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(2));
        }

        Assert.Equal(ExchangeDeliveryClaim.Attempts, updates.Count);
        Assert.DoesNotContain(await UndeliveredAsync(), a => a.Id == id);
        Assert.Single(host.Logs.Entries, e => e.EventId == 2328 && e.Level == LogLevel.Warning);
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId == 2324);
    }

    /// <summary>
    /// Before: a decision's turn stopped after the transition was committed (the host stopping in the middle of the
    /// card updates) left no record of the notices it had not sent yet: the applicant never heard of the rejection. Now the transition's own transaction records them as owed, and the
    /// follow-up — once that record is older than any send — sends each one not sent yet, once.
    /// </summary>
    [Fact]
    public async Task DecisionTurnStoppedAfterTheTransition_FollowUpSendsTheNoticeAndUpdatesTheCardOnce()
    {
        // Arrange: the manager rejects; the host stops during the first card update (the turn aborted after the commit).
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        using var stopping = new CancellationTokenSource();
        var updates = new List<Activity>();
        host.Messenger.Setup(m => m.UpdateInConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns((string conversationId, string activityId, Activity activity, CancellationToken _) =>
            {
                updates.Add(activity);
                if (updates.Count == 1)
                {
                    stopping.Cancel();
                    return Task.FromException<ProactiveSendResult>(new OperationCanceledException(stopping.Token));
                }

                return Task.FromResult(new ProactiveSendResult(ProactiveSendStatus.Sent, conversationId, activityId));
            });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await using var scope = host.Conversation.Services.CreateAsyncScope();
            var manager = new ExchangeActor(ExchangeDialogTestHost.VisitingManagerId, "Vasco Almeida", "29:manager", "tenant-1");
            var data = System.Text.Json.JsonSerializer.SerializeToElement(new { exchangeId = id.ToString("D"), v = 2, comment = "Out of scope." });
            await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().HandleAsync(manager, ExchangeVerbs.Reject, data, En, stopping.Token);
        });
        Assert.Equal(ExchangeStatus.Rejected, (await fixture.FindAsync(id)).Status);
        var notice = string.Format(CultureInfo.InvariantCulture, En.StatusChangedWithCommentFormat, reference, En.Statuses[ExchangeStatus.Rejected],
            "Vasco Almeida", "Out of scope.");
        Assert.DoesNotContain(notice, fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));

        // Act / Assert: a record this young may be the turn still sending — left to it (the card update the stop cut off
        // was given back, 2326, and is made again at once, as before).
        await fixture.RunFollowUpAsync();
        Assert.DoesNotContain(notice, fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
        Assert.Equal(2, updates.Count);

        // Older than any send: the notice sent and the card updated, each once, and never again.
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(2));
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();

        Assert.Single(fixture.TextsTo(ExchangeDialogTestHost.ApplicantId), t => t == notice);
        Assert.Equal(2, updates.Count);
        Assert.DoesNotContain(En.Approve, System.Text.Json.JsonSerializer.Serialize(updates[^1].Attachments![0].Content), StringComparison.Ordinal);
        Assert.Single(host.Logs.Entries, e => e.EventId == 2330);
        Assert.DoesNotContain(await UndeliveredAsync(), a => a.Id == id);
    }

    /// <summary>
    /// Before: a submission whose turn stopped right after the transition (a crash, a deploy) to a step nobody may decide
    /// never told the applicant so — the follow-up tried that notice again only after a failed delivery, and the aborted
    /// turn's record (2330) did not include it: the application waited in silence. Now the follow-up, once the record is
    /// older than any send, tells the applicant once, with the operator's warning (2307) once.
    /// </summary>
    [Fact]
    public async Task NoApproverNotice_SubmissionTurnStoppedRightAfterTheTransition_FollowUpTellsTheApplicantOnce()
    {
        // Arrange: nobody may decide a CITEVE application; the submission commits and the process is gone.
        host.Reconfigure(ManagerKey, HiTechTexPartners.TecnotessileId);
        var id = await fixture.CreateAsync();
        await TransitionAsync(id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, fixture.Applicant, null);
        var reference = await fixture.ReferenceAsync(id);

        // Act: a record this young may be the turn still sending — left to it; then older than any send.
        await fixture.RunFollowUpAsync();
        Assert.Empty(fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(2));
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();

        // Assert: told once whom to contact; the operator warned once; the owed record gone.
        var told = Assert.Single(fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
        Assert.Contains(reference, told, StringComparison.Ordinal);
        Assert.StartsWith(En.NoApproverFormat[..En.NoApproverFormat.IndexOf('{', StringComparison.Ordinal)], told, StringComparison.Ordinal);
        Assert.Single(host.Logs.Entries, e => e.EventId == 2307);
        Assert.Single(host.Logs.Entries, e => e.EventId == 2330);
        Assert.Equal(ExchangeStatus.Stage1, (await fixture.FindAsync(id)).Status);
    }

    /// <summary>
    /// The same when the turn did tell the applicant before it stopped (the card updates after it cut off): nothing is
    /// sent twice.
    /// </summary>
    [Fact]
    public async Task NoApproverNotice_TurnStoppedAfterTellingTheApplicant_FollowUpSendsNothingMore()
    {
        host.Reconfigure(ManagerKey, HiTechTexPartners.TecnotessileId);
        var id = await fixture.CreateAsync();
        await TransitionAsync(id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, fixture.Applicant, null);
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExchangeNotifier>().NoApproverAsync(await fixture.FindAsync(id), CancellationToken.None));
        }

        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();

        Assert.Single(fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
        Assert.Single(host.Logs.Entries, e => e.EventId == 2330);
    }

    /// <summary>
    /// The same for a withdrawal whose turn stopped right after the transition (nothing sent at all): the manager who had
    /// the card is told once and their card updated once; the applicant, who withdrew it, is told nothing.
    /// </summary>
    [Fact]
    public async Task WithdrawalTurnStoppedRightAfterTheTransition_FollowUpTellsTheManagerOnce()
    {
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        var updates = FailUpdates(0, () => new InvalidOperationException("not used"));
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            // The turn's transition, and nothing after it (the process gone).
            var applicant = new ExchangeActor(ExchangeDialogTestHost.ApplicantId, "Ana", "29:user-1", "tenant-1");
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExchangeStore>().TransitionAsync(
                id, 2, ExchangeStatus.Stage1, ExchangeStatus.Withdrawn, ExchangeAction.Withdrawn, applicant, null, null, CancellationToken.None));
        }

        var toApplicant = fixture.TextsTo(ExchangeDialogTestHost.ApplicantId).Count;
        var toManager = fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId).Count;
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(2));
        await fixture.RunFollowUpAsync();

        var told = fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId).Skip(toManager).ToList();
        Assert.Contains(reference, Assert.Single(told), StringComparison.Ordinal);
        Assert.Single(updates);
        Assert.Equal(toApplicant, fixture.TextsTo(ExchangeDialogTestHost.ApplicantId).Count);
    }

    /// <summary>
    /// Before: a resubmission's turn stopped right after the transition committed (a crash, a deploy) never sent the
    /// manager, who had the card, the new card saying it was submitted again — the late-card pass sends only to approvers
    /// without a card, and the aborted turn's record did not include it: the manager learnt nothing (an edited card
    /// alerts nobody). Now the follow-up, once the record is older than any send, sends that card once.
    /// </summary>
    [Fact]
    public async Task ResubmissionTurnStoppedRightAfterTheTransition_FollowUpSendsTheManagerTheNewCardOnce()
    {
        // Arrange: changes requested; the applicant resubmits and the process is gone right after the commit.
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        await fixture.DecideAsync(id, ExchangeVerbs.RequestChanges, "Add the agenda of day 3.");
        Assert.Equal(ExchangeStatus.ChangesRequested, (await fixture.FindAsync(id)).Status);
        var cards = fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId);
        await TransitionAsync(id, 3, ExchangeStatus.ChangesRequested, ExchangeStatus.Stage1, ExchangeAction.Submitted, fixture.Applicant, null);

        // Act: a record this young may be the turn still sending — left to it; then older than any send.
        await fixture.RunFollowUpAsync();
        Assert.Equal(cards, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(2));
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();

        // Assert: one new card, with the line saying it was submitted again; never a second one.
        var alert = string.Format(CultureInfo.InvariantCulture, En.ResubmittedFormat, reference);
        Assert.Equal(cards + 1, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Contains(alert, ExchangeRetryTestHost.CardJson(fixture.SentTo(ExchangeDialogTestHost.VisitingManagerId).Last(a => a.Attachments is { Count: > 0 })), StringComparison.Ordinal);
        Assert.Single(host.Logs.Entries, e => e.EventId == 2399);
    }

    /// <summary>
    /// The same for a reassignment to the other manager, who had the card since the submission: the turn stopped after
    /// the commit; the follow-up sends them the new card saying who assigned it to them, once — nothing to the manager
    /// who reassigned it.
    /// </summary>
    [Fact]
    public async Task ReassignmentTurnStoppedRightAfterTheTransition_FollowUpSendsTheAssigneeTheNewCardOnce()
    {
        host.Reconfigure($"Roles:ClusterManagers:{SecondManagerId}:0", HiTechTexPartners.CiteveId);
        host.Messenger.Setup(m => m.SendToUserAsync(SecondManagerId, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent, "a:second", "activity-7"));
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        Assert.Equal(1, fixture.CardsTo(SecondManagerId));
        var toManager = fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId);
        await TransitionAsync(id, 2, ExchangeStatus.Stage1, ExchangeStatus.Stage1, ExchangeAction.Reassigned, ExchangeRetryTestHost.Manager, new ExchangeChanges { SetAssignedApprover = true, AssignedApprover = SecondManagerId });

        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(2));
        await fixture.RunFollowUpAsync();

        var alert = string.Format(CultureInfo.InvariantCulture, En.AssignedToYouByFormat, reference, "Vasco Almeida");
        Assert.Equal(2, fixture.CardsTo(SecondManagerId));
        Assert.Contains(alert, ExchangeRetryTestHost.CardJson(fixture.SentTo(SecondManagerId).Last()), StringComparison.Ordinal);
        Assert.Equal(toManager, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
    }

    /// <summary>
    /// Before: the resubmission's new card that the connector failed to deliver (a 503 in the applicant's turn) was never
    /// tried again — the manager had a card, so the late-card pass left them out. Now the follow-up's next pass delivers
    /// it, once.
    /// </summary>
    [Fact]
    public async Task ResubmissionNewCard_DeliveryFailsInTheApplicantsTurn_NextPassDeliversItOnce()
    {
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        await fixture.DecideAsync(id, ExchangeVerbs.RequestChanges, "Add the agenda of day 3.");
        fixture.ManagerSend = activity => activity.Attachments is { Count: > 0 }
            ? throw new ConnectorException(HttpStatusCode.ServiceUnavailable, null, "Service unavailable")
            : Delivered;
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            var (_, resubmitted) = await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().SubmitAsync(fixture.Applicant, id, 3, CancellationToken.None);
            Assert.Equal(ExchangeStatus.Stage1, resubmitted?.Status);
        }

        var attempts = fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId);
        fixture.ManagerSend = _ => Delivered;
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(2));
        await fixture.RunFollowUpAsync();

        Assert.Equal(attempts + 1, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, En.ResubmittedFormat, reference),
            ExchangeRetryTestHost.CardJson(fixture.SentTo(ExchangeDialogTestHost.VisitingManagerId).Last()), StringComparison.Ordinal);
    }

    private const string SecondManagerId = "44444444-4444-4444-4444-444444444444";

    /// <summary>A turn's transition and nothing after it (the process gone right after the commit).</summary>
    private async Task TransitionAsync(Guid id, int version, ExchangeStatus from, ExchangeStatus to, ExchangeAction action, ExchangeActor actor, ExchangeChanges? changes)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<ExchangeStore>().TransitionAsync(id, version, from, to, action, actor, null, changes, CancellationToken.None));
    }

    /// <summary>Every PUT of a card (its activity), the first <paramref name="failures"/> failing with <paramref name="error"/>.</summary>
    private List<Activity> FailUpdates(int failures, Func<Exception> error)
    {
        var updates = new List<Activity>();
        host.Messenger.Setup(m => m.UpdateInConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns((string conversationId, string activityId, Activity activity, CancellationToken _) =>
            {
                updates.Add(activity);
                return updates.Count <= failures
                    ? Task.FromException<ProactiveSendResult>(error())
                    : Task.FromResult(new ProactiveSendResult(ProactiveSendStatus.Sent, conversationId, activityId));
            });
        return updates;
    }

    private async Task<IReadOnlyList<ExchangeApplication>> UndeliveredAsync()
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStore>().WithUndeliveredNoticesAsync(CancellationToken.None);
    }
}
