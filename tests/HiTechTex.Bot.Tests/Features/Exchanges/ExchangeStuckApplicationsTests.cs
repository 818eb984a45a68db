using System.Globalization;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The programme coordinator's "stuck applications" (typed in any of the six languages, or the progress card's button):
/// applications whose approval card reached no approver, nobody may decide, or whose notice the follow-up gave up — each
/// with why and what to do — and "Retry now", checked on the server for the role at every click, idempotent on a
/// double click. Anybody else gets a polite refusal and nothing changes.
/// </summary>
public sealed class ExchangeStuckApplicationsTests : IDisposable
{
    /// <summary>The test adapter's user: the coordinator (or, in <see cref="NotCoordinator"/>, nobody in particular).</summary>
    private const string Me = ExchangeDialogTestHost.ApplicantId;

    /// <summary>Who applies in these tests (not the coordinator).</summary>
    private const string ApplicantId = "33333333-3333-3333-3333-333333333333";

    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private static readonly ProactiveSendResult Delivered = ExchangeRetryTestHost.Delivered;
    private readonly ExchangeRetryTestHost fixture;
    private readonly ExchangeDialogTestHost host;

    public ExchangeStuckApplicationsTests()
        : this(coordinator: true)
    {
    }

    private ExchangeStuckApplicationsTests(bool coordinator)
    {
        fixture = new ExchangeRetryTestHost(coordinator ? new Dictionary<string, string?> { ["Roles:Coordinators:0"] = Me } : null, ApplicantId, "29:user-3");
        host = fixture.Host;
    }

    public void Dispose() => fixture.Dispose();

    public static TheoryData<string> Languages => ["en", "pt", "es", "it", "tr", "cs"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Typed_CardReachedNoApprover_ListedWithTheReasonAndWhatToDoInTheCoordinatorsLanguage(string language)
    {
        // Arrange: the manager never installed the bot, so the approval card reached nobody.
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.NoReference);
        var reference = await fixture.ReferenceAsync(await fixture.SubmitAsync());

        // Act / Assert
        await host.Conversation.Flow()
            .Send(texts.StuckCommands[0])
            .AssertReply(r =>
            {
                var card = CardJson(r);
                Assert.Contains(texts.StuckTitle, card, StringComparison.Ordinal);
                Assert.Contains(reference, card, StringComparison.Ordinal);
                // Its first failure: the follow-up still tries it, and the list says so.
                Assert.Contains(texts.StuckCardNotDeliveredStillTrying, card, StringComparison.Ordinal);
                Assert.DoesNotContain(texts.StuckCardNotDelivered, card, StringComparison.Ordinal);
                Assert.Contains(texts.StuckCardAdvice, card, StringComparison.Ordinal);
                // The manager, whose name the bot does not know, counted among those not reached.
                Assert.Contains(NotReached(texts, string.Format(CultureInfo.InvariantCulture, texts.StuckUnnamedFormat, 1)), card, StringComparison.Ordinal);
                Assert.Contains($"\"title\":\"{texts.RetryNowButton}\"", card, StringComparison.Ordinal);
                Assert.Contains(ExchangeVerbs.RetryDelivery, card, StringComparison.Ordinal);
            }, "the stuck applications")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Typed_NobodyMayDecide_ListedWithWhatToConfigureAndNoRetryButtonAForgedOneChangesNothing()
    {
        await host.Conversation.SeedProfileAsync("en");
        host.Reconfigure($"Roles:ClusterManagers:{ExchangeDialogTestHost.VisitingManagerId}:0", HiTechTexPartners.TecnotessileId);
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);

        await host.Conversation.Flow()
            .Send("stuck applications")
            .AssertReply(r =>
            {
                var card = CardJson(r);
                Assert.Contains(reference, card, StringComparison.Ordinal);
                Assert.Contains(En.StuckNoApprover, card, StringComparison.Ordinal);
                Assert.Contains(En.StuckNoApproverAdvice, card, StringComparison.Ordinal);
                Assert.DoesNotContain(ExchangeVerbs.RetryDelivery, card, StringComparison.Ordinal);
            }, "the stuck applications")
            .Send(() => host.Conversation.Submit(new { action = ExchangeVerbs.RetryDelivery, exchangeId = id.ToString("D") }))
            .AssertReply($"{reference}: {En.StuckNoApproverAdvice}")
            .StartTestAsync();
        Assert.Equal(ExchangeStuckReason.NoApprover, Assert.Single(await ListAsync()).Reason);
    }

    [Fact]
    public async Task Typed_NothingStuck_SaysSo()
    {
        await host.Conversation.SeedProfileAsync("en");
        await fixture.SubmitAsync();

        await host.Conversation.Flow()
            .Send("stuck applications")
            .AssertReply(r => Assert.Contains(En.NoStuckApplications, CardJson(r), StringComparison.Ordinal), "nothing stuck")
            .StartTestAsync();
    }

    [Fact]
    public async Task ProgressCard_StuckButton_ShowsTheList()
    {
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send("exchange progress")
            .AssertReply(r =>
            {
                var card = CardJson(r);
                Assert.Contains($"\"title\":\"{En.StuckButton}\",\"data\":{{\"action\":\"{ExchangeVerbs.Stuck}\"}}", card, StringComparison.Ordinal);
            }, "the progress card")
            .Send(() => host.Conversation.Submit(new { action = ExchangeVerbs.Stuck }))
            .AssertReply(r => Assert.Contains(En.StuckTitle, CardJson(r), StringComparison.Ordinal), "the stuck applications")
            .StartTestAsync();
    }

    [Fact]
    public async Task RetryNow_ApproverReachableNow_CardDeliveredOnceApplicantToldAndASecondClickChangesNothing()
    {
        // Arrange: the card reached nobody; the applicant was told whom to contact. Then the manager installs the bot.
        await host.Conversation.SeedProfileAsync("en");
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.NoReference);
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        fixture.ManagerSend = _ => Delivered;
        var retry = new { action = ExchangeVerbs.RetryDelivery, exchangeId = id.ToString("D") };

        // Act: a double click.
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, En.RetryDeliveredFormat, reference))
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, En.NothingToRetryFormat, reference))
            .StartTestAsync();
        await fixture.RunFollowUpAsync();

        // Assert: the failed card at the submission and the one delivered now; the applicant told once it reached one.
        Assert.Equal(2, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        var reached = string.Format(CultureInfo.InvariantCulture, En.ReachedApproverFormat, reference);
        Assert.Single(fixture.TextsTo(ApplicantId), t => t == reached);
        Assert.Empty(await ListAsync());
    }

    /// <summary>
    /// Before: every effective "Retry now" click added two records (the round taken, the round ended) that were never
    /// removed — the table grew with the coordinator's clicks. Now a round that ended removes the records of the earlier
    /// ones: however many rounds, two records stay; an old button (an earlier list's) still tries nothing.
    /// </summary>
    [Fact]
    public async Task RetryNow_ManyRounds_KeepsTheLastRoundsTwoRecordsAndAnOldButtonTriesNothing()
    {
        await host.Conversation.SeedProfileAsync("en");
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.NoReference);
        var id = await fixture.SubmitAsync();
        var tries = fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId);

        for (var click = 1; click <= 5; click++)
        {
            var round = Assert.Single(await ListAsync()).Round;
            Assert.Equal(click - 1, round);
            Assert.Equal(ExchangeRetryOutcome.StillFailing, await RetryAsync(id, round));
            Assert.Equal(tries + click, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        }

        var rounds = (await ClaimsAsync(id)).Where(c => c.Kind.StartsWith(ExchangeDeliveryClaim.RetryRoundPrefix, StringComparison.Ordinal)
            || c.Kind.StartsWith(ExchangeDeliveryClaim.RetryRoundDonePrefix, StringComparison.Ordinal)).Select(c => c.Kind).Order(StringComparer.Ordinal).ToList();
        var application = await fixture.FindAsync(id);
        Assert.Equal([ExchangeDeliveryClaim.RetryRound(application, 5), ExchangeDeliveryClaim.RetryRoundDone(application, 5)], rounds);

        // The first list's button, and the fourth's: their rounds were taken (their records gone): nothing tried — the
        // card queued, its last refusal leaving the follow-up tries.
        Assert.Equal(ExchangeRetryOutcome.AlreadyQueued, await RetryAsync(id, 0));
        Assert.Equal(ExchangeRetryOutcome.AlreadyQueued, await RetryAsync(id, 3));
        Assert.Equal(tries + 5, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Equal(5, Assert.Single(await ListAsync()).Round);
    }

    [Fact]
    public async Task RetryNow_StillUnreachable_SaysSoAndStaysListed()
    {
        await host.Conversation.SeedProfileAsync("en");
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.NoReference);
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);

        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(new { action = ExchangeVerbs.RetryDelivery, exchangeId = id.ToString("D") }))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, En.RetryQueuedFormat, reference))
            .StartTestAsync();

        Assert.Equal(2, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Equal(ExchangeStuckReason.CardNotDelivered, Assert.Single(await ListAsync()).Reason);
    }

    /// <summary>
    /// Before: the same button clicked again after its try of a card that reached no approver failed said "No longer
    /// tried by the bot: the approval card", though the follow-up goes on trying that card — its tries
    /// (<see cref="ExchangeDeliveryClaim.RefusalAttempts"/>, with a growing wait) not spent — and did. Now it says the card
    /// is queued while the follow-up still tries it, and "no longer tried" once its tries are spent.
    /// </summary>
    [Fact]
    public async Task RetryNow_SameButtonAgainWhileTheFollowUpStillTriesTheCard_SaysQueuedThenNoLongerTriedOnceItsTriesAreSpent()
    {
        // Arrange: the manager never installed the bot: the card reached nobody; Retry now tried it once more, refused.
        await host.Conversation.SeedProfileAsync("en");
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.NoReference);
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        var retry = new { action = ExchangeVerbs.RetryDelivery, exchangeId = id.ToString("D") };
        var card = En.RetryProblems[ExchangeStuckReason.CardNotDelivered];

        // Act / Assert: the same button again says queued, sends nothing — and the follow-up does try it.
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, En.RetryQueuedFormat, reference))
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(Standing(En, reference, queued: [card]))
            .StartTestAsync();
        Assert.Equal(2, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        host.Time.Advance(ExchangeDeliveryClaim.RefusalBackoff);
        await fixture.RunFollowUpAsync();
        Assert.Equal(3, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));

        // The follow-up's other tries spent (each after its growing wait, within a day): no longer tried, and said so.
        for (var pass = 0; pass < ExchangeDeliveryClaim.RefusalAttempts - 2; pass++)
        {
            host.Time.Advance(ExchangeDeliveryClaim.RefusalBackoff * Math.Pow(2, pass + 1));
            await fixture.RunFollowUpAsync();
        }

        Assert.Equal(1 + ExchangeDeliveryClaim.RefusalAttempts, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(Standing(En, reference, notRetried: [card]))
            .StartTestAsync();
        Assert.Equal(1 + ExchangeDeliveryClaim.RefusalAttempts, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Equal(ExchangeStuckReason.CardNotDelivered, Assert.Single(await ListAsync()).Reason);
    }

    /// <summary>
    /// Before: a card that reached no approver was listed from its first failure as "could not be delivered to any
    /// approver", with no word that the follow-up goes on trying it — and it does. Now the entry says the bot keeps
    /// trying while the follow-up still tries it (<see cref="ExchangeDeliveryClaim.StillTried"/> for one of the step's
    /// approvers, the rule a click that tries nothing answers "queued" by), and no longer once its tries are spent.
    /// Before, too: the spent entry still said only "could not be delivered to any approver"; now it says, as the
    /// refused card's entry does, that the bot has stopped trying.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Typed_CardReachedNoApprover_SaysTheBotKeepsTryingUntilItsTriesAreSpent(string language)
    {
        // Arrange: the manager never installed the bot: the card reached nobody at the submission.
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.NoReference);
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        await NotDeliveredCardListedAsync(texts, reference, stillTried: true, refused: true);

        // Act: the follow-up's other tries, each after its growing wait, all refused.
        for (var pass = 0; pass < ExchangeDeliveryClaim.RefusalAttempts - 1; pass++)
        {
            host.Time.Advance(ExchangeDeliveryClaim.RefusalBackoff * Math.Pow(2, pass));
            await fixture.RunFollowUpAsync();
        }

        // Assert: its tries spent — still listed, no longer said to be tried; refused at each try, the approvers' side is
        // named and they are to open the bot.
        Assert.Equal(ExchangeDeliveryClaim.RefusalAttempts, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        await NotDeliveredCardListedAsync(texts, reference, stillTried: false, refused: true);
    }

    /// <summary>
    /// Before: a card that reached no approver because Teams kept failing (5xx, timeouts: its transient tries spent, six
    /// within a day) was listed, once the bot stopped trying, with the refusal causes only — "the bot is not installed for
    /// them, they blocked it, or Teams refused the message" — and the advice to ask the approvers to open the bot: a
    /// Teams-side outage blamed on the approvers. Now the entry says Teams did not accept the message (a temporary error on
    /// its side) and advises pressing Retry now later, by the claim records' own classification (refusals spent for every
    /// approver, <see cref="ExchangeDeliveryClaim.RefusalsSpent"/>, or not). Before, too: while the bot still tried it, the
    /// first day of the outage, the entry blamed the approvers the same way; now it says Teams has not accepted the message
    /// yet and the approvers need do nothing (<see cref="ExchangeDeliveryClaim.FailedTransiently"/> for one of them).
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Typed_CardReachedNoApproverTeamsKeptFailing_SaysTeamsDidNotAcceptItAndToRetryLater(string language)
    {
        // Arrange: Teams fails every delivery to the manager (a 500) from the submission on.
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);
        fixture.ManagerSend = _ => throw ExchangeRetryTestHost.Transient("500");
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        await NotDeliveredCardListedAsync(texts, reference, stillTried: true, refused: false);

        // Act: the follow-up's passes, every hour for a day and more.
        for (var pass = 0; pass < 30; pass++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        // Assert: its transient tries spent — listed as Teams failing, not as the approvers' doing.
        Assert.Equal(ExchangeNotifier.CardDeliveryAttempts, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        await NotDeliveredCardListedAsync(texts, reference, stillTried: false, refused: false);
    }

    /// <summary>
    /// The stuck list of a card that reached no approver: listed, with Retry now, said to be tried at the next rounds
    /// (<paramref name="stillTried"/>: "… The bot keeps trying at its next rounds.") or no longer ("…; the bot has stopped
    /// trying.", as the refused card's entry says it), and why — refused (<paramref name="refused"/>, so far or at each try:
    /// the approvers' side, "open the bot") or Teams failing ("a temporary error on Teams' side": the approvers need do
    /// nothing while the bot still tries, "Retry now later" once it has stopped). Exactly one of the four entries is shown.
    /// </summary>
    private async Task NotDeliveredCardListedAsync(ExchangeTexts texts, string reference, bool stillTried, bool refused)
    {
        var entry = Assert.Single(await ListAsync());
        Assert.Equal((ExchangeStuckReason.CardNotDelivered, stillTried, refused), (entry.Reason, entry.StillTried, entry.Refused));
        (string Reason, string Advice, bool StillTried, bool Refused)[] entries =
        [
            (texts.StuckCardNotDeliveredStillTrying, texts.StuckCardAdvice, true, true),
            (texts.StuckCardNotDeliveredStillTryingFailing, texts.StuckCardStillTryingFailingAdvice, true, false),
            (texts.StuckCardNotDelivered, texts.StuckCardAdvice, false, true),
            (texts.StuckCardNotDeliveredFailing, texts.StuckCardFailingAdvice, false, false),
        ];
        var shown = Assert.Single(entries, e => e.StillTried == stillTried && e.Refused == refused);
        var ending = stillTried
            ? texts.StuckCardNotDeliveredStillTrying[texts.StuckCardNotDeliveredStillTrying.LastIndexOf(". ", StringComparison.Ordinal)..]
            : texts.StuckCardRefused[texts.StuckCardRefused.LastIndexOf(';')..];
        Assert.EndsWith(ending, shown.Reason, StringComparison.Ordinal);
        await host.Conversation.Flow()
            .Send(texts.StuckCommands[0])
            .AssertReply(r =>
            {
                var card = CardJson(r);
                Assert.Contains(reference, card, StringComparison.Ordinal);
                Assert.Contains(shown.Reason, card, StringComparison.Ordinal);
                Assert.Contains(shown.Advice, card, StringComparison.Ordinal);
                foreach (var other in entries.Where(e => e != shown))
                {
                    Assert.DoesNotContain(other.Reason, card, StringComparison.Ordinal);
                    if (other.Advice != shown.Advice)
                    {
                        Assert.DoesNotContain(other.Advice, card, StringComparison.Ordinal);
                    }
                }

                Assert.Contains($"\"title\":\"{texts.RetryNowButton}\"", card, StringComparison.Ordinal);
            }, "the stuck applications")
            .StartTestAsync();
    }

    [Fact]
    public async Task RetryNow_DecisionNoticeGivenUp_ListedThenDeliveredOnce()
    {
        // Arrange: the applicant blocked the bot; the application is rejected and the follow-up gives the notice up.
        await host.Conversation.SeedProfileAsync("en");
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        fixture.ApplicantSend = _ => new ProactiveSendResult(ProactiveSendStatus.Blocked);
        await RejectAsync(id);
        for (var pass = 0; pass < 10; pass++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        var notice = string.Format(CultureInfo.InvariantCulture, En.StatusChangedWithCommentFormat, reference, En.Statuses[ExchangeStatus.Rejected],
            "Vasco Almeida", "Out of scope.");
        Assert.Equal(ExchangeDeliveryClaim.Attempts, fixture.TextsTo(ApplicantId).Count(t => t == notice));

        // Act: listed; the applicant unblocks the bot; Retry now, twice.
        await ListedThenRetriedTwiceAsync(id, reference, En, En.StuckStatusNotice, En.StuckNoticeAdvice);

        // Assert: delivered once more, not listed any more.
        Assert.Equal(ExchangeDeliveryClaim.Attempts + 1, fixture.TextsTo(ApplicantId).Count(t => t == notice));
        Assert.Empty(await ListAsync());
    }

    /// <summary>
    /// Before: a notice to the applicant of an open application ("changes requested") refused at each of its six tries was
    /// never sent again and listed nowhere, so nobody saw that the applicant never got it. Now it is listed as the approval
    /// cards are — "the applicant could not be reached: …", naming them, in the coordinator's language — and Retry now
    /// sends it once more (once: a second click sends nothing), after which it is no longer listed.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task RetryNow_ChangesRequestedNoticeRefusedAtEveryTry_ListedThenDeliveredOnce(string language)
    {
        // Arrange: the applicant blocked the bot; sent back for changes (open), the notice is refused at each of its tries.
        var texts = ExchangeTexts.Resolve(language);
        var (id, reference) = await ChangesRequestedNoticeRefusedAtEveryTryAsync(language);
        int Notices() => fixture.TextsTo(ApplicantId).Count(t => t.Contains(reference, StringComparison.Ordinal));
        Assert.Equal(ExchangeDeliveryClaim.RefusalAttempts, Notices());
        var entry = Assert.Single(await ListAsync());
        Assert.Equal((ExchangeStuckReason.ApplicantNotReached, ExchangeApplicantNotice.Status), (entry.Reason, entry.Notice));
        var reason = string.Format(CultureInfo.InvariantCulture, texts.StuckApplicantNotReachedFormat, texts.ApplicantNotices[ExchangeApplicantNotice.Status]);

        // Act: listed; the applicant unblocks the bot; Retry now, twice.
        await ListedThenRetriedTwiceAsync(id, reference, texts, reason, texts.StuckNoticeAdvice,
            NotReached(texts, string.Format(CultureInfo.InvariantCulture, texts.StuckUnnamedFormat, 1)), $"\"title\":\"{texts.RetryNowButton}\"");

        // Assert: delivered once more, not listed any more.
        Assert.Equal(ExchangeDeliveryClaim.RefusalAttempts + 1, Notices());
        Assert.Empty(await ListAsync());
    }

    /// <summary>
    /// Retry now of a refused applicant notice that is refused again: said so, counted afresh — the follow-up tries it with
    /// its growing wait again — and listed again once those tries are spent; never listed while they run.
    /// </summary>
    [Fact]
    public async Task RetryNow_ApplicantNoticeRefusedAgain_TriedByTheFollowUpAndListedAgain()
    {
        var (id, reference) = await ChangesRequestedNoticeRefusedAtEveryTryAsync("en");

        Assert.Equal(ExchangeRetryOutcome.StillFailing, await RetryAsync(id, 0));
        Assert.Empty(await ListAsync());
        await FollowUpHourlyAsync();

        Assert.Equal(2 * ExchangeDeliveryClaim.RefusalAttempts, fixture.TextsTo(ApplicantId).Count(t => t.Contains(reference, StringComparison.Ordinal)));
        Assert.Equal(ExchangeStuckReason.ApplicantNotReached, Assert.Single(await ListAsync()).Reason);

        // The used button again: the notice is no longer tried by the bot — and not said to be queued as well.
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(new { action = ExchangeVerbs.RetryDelivery, exchangeId = id.ToString("D") }))
            .AssertReply(Standing(En, reference, notRetried: [En.ApplicantNotices[ExchangeApplicantNotice.Status]]))
            .StartTestAsync();
    }

    /// <summary>
    /// Before: an approver's reminder refused at each of its six tries (they had the card, then blocked the bot) was never
    /// sent again and listed nowhere. Now the coordinator's list shows it — "an approver could not be reminded", naming
    /// them, in the coordinator's language — and Retry now sends it once more (a second click: nothing to retry).
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task RetryNow_ReminderRefusedAtEveryTry_ListedThenDeliveredOnce(string language)
    {
        var texts = ExchangeTexts.Resolve(language);
        var (id, reference) = await ReminderRefusedAtEveryTryAsync(language);
        int Reminders() => fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId).Count(t => t == string.Format(CultureInfo.InvariantCulture, En.ReminderFormat, reference));
        Assert.Equal(ExchangeDeliveryClaim.RefusalAttempts, Reminders());
        var entry = Assert.Single(await ListAsync());
        Assert.Equal(ExchangeStuckReason.ApproverNotReminded, entry.Reason);
        Assert.Equal([ExchangeDialogTestHost.VisitingManagerId], entry.Recipients);
        Assert.True(entry.CanRetry);

        // Act: listed; the manager unblocks the bot; Retry now, twice.
        fixture.ManagerSend = _ => Delivered;
        await ListedThenRetriedTwiceAsync(id, reference, texts, texts.StuckApproverNotReminded, texts.StuckNoticeAdvice,
            NotReached(texts, string.Format(CultureInfo.InvariantCulture, texts.StuckUnnamedFormat, 1)), $"\"title\":\"{texts.RetryNowButton}\"");

        // Assert: the reminder once more (with the card after it, as a reminder goes), not listed any more.
        Assert.Equal(ExchangeDeliveryClaim.RefusalAttempts + 1, Reminders());
        Assert.Equal(2, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Empty(await ListAsync());
    }

    /// <summary>
    /// Before: after a Retry now refused again, a second click said "already queued" only for the applicant's status
    /// notice; for a reminder it said nothing was left to retry, and for "nobody may decide" it asked for an approver,
    /// though the follow-up still tries both. Now every kind that the follow-up still tries says it is queued — and the
    /// follow-up does try it, and lists it again once those tries are spent.
    /// </summary>
    [Theory]
    [InlineData("reminder")]
    [InlineData("nobody may decide")]
    public async Task RetryNow_RefusedAgain_SecondClickSaysQueuedAndTheFollowUpTriesIt(string kind)
    {
        var (id, reference) = kind == "reminder" ? await ReminderRefusedAtEveryTryAsync("en") : await NobodyMayDecideNoticeRefusedAtEveryTryAsync();
        int Tries() => fixture.TextsTo(kind == "reminder" ? ExchangeDialogTestHost.VisitingManagerId : ApplicantId).Count(t => t.Contains(reference, StringComparison.Ordinal));
        Assert.Equal(ExchangeDeliveryClaim.RefusalAttempts, Tries());
        var retry = await RetryButtonAsync();

        await ClickedTwiceAsync(retry, string.Format(CultureInfo.InvariantCulture, En.RetryQueuedFormat, reference), kind == "reminder"
            ? Standing(En, reference, queued: [En.RetryProblems[ExchangeStuckReason.ApproverNotReminded]])
            : Standing(En, reference, queued: [En.ApplicantNotices[ExchangeApplicantNotice.NobodyMayDecide]], needsApprover: true));

        Assert.Equal(ExchangeDeliveryClaim.RefusalAttempts + 1, Tries());
        await FollowUpHourlyAsync();
        Assert.Equal(2 * ExchangeDeliveryClaim.RefusalAttempts, Tries());
        Assert.Contains(await ListAsync(), e => e.Reason is ExchangeStuckReason.ApproverNotReminded or ExchangeStuckReason.ApplicantNotReached);
    }

    /// <summary>
    /// Before: a second click on a Retry now whose try left one kind queued and another refused again answered one generic
    /// sentence ("this Retry now was already used…"), which did not say that the bot still tries one of them. Now it answers
    /// kind by kind, in the first click's shape and the coordinator's language: what is queued (the bot keeps trying it) and
    /// what the bot no longer tries (it stays on the stuck list) — and sends nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task RetryNow_SecondClickAfterAMixedTry_SaysKindByKindWhatIsQueuedAndWhatIsNoLongerTried(string language)
    {
        // Arrange: the manager blocked the bot and their card's update after the withdrawal kept failing: the "withdrawn"
        // notice and the update both given up.
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        var refused = false;
        var updates = CountUpdates(() => true, () => refused);
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.Blocked);
        await WithdrawAsync(id);
        await GiveUpAsync();
        Assert.Equal([ExchangeStuckReason.WithdrawnNoticeGivenUp, ExchangeStuckReason.CardUpdateGivenUp], (await ListAsync()).Select(e => e.Reason).Order());
        int Notices() => fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId).Count(t => t.Contains(reference, StringComparison.Ordinal));
        var notices = Notices();
        var puts = updates.Count;
        refused = true;
        var retry = await RetryButtonAsync();

        // Act: one button, clicked twice (the notice still refused, the update refused again).
        var first = $"{reference}: "
            + string.Format(CultureInfo.InvariantCulture, texts.RetrySummaryQueuedFormat, texts.RetryProblems[ExchangeStuckReason.WithdrawnNoticeGivenUp]) + " "
            + string.Format(CultureInfo.InvariantCulture, texts.RetrySummaryRefusedFormat, texts.RetryProblems[ExchangeStuckReason.CardUpdateGivenUp]);
        await ClickedTwiceAsync(retry, first, Standing(texts, reference,
            queued: [texts.RetryProblems[ExchangeStuckReason.WithdrawnNoticeGivenUp]], notRetried: [texts.RetryProblems[ExchangeStuckReason.CardUpdateGivenUp]]));

        // Assert: one try of each for the two clicks; the notice is tried again by the follow-up, the update is not.
        Assert.Equal((notices + 1, puts + 1), (Notices(), updates.Count));
        host.Time.Advance(TimeSpan.FromHours(1));
        await fixture.RunFollowUpAsync();
        Assert.Equal((notices + 2, puts + 1), (Notices(), updates.Count));
    }

    /// <summary>
    /// Before: after a Retry now of a refused reminder failed again, the manager left the step (the roles changed in the
    /// configuration) — and a second click still said the reminder was queued for another try, though the follow-up
    /// reminds only the step's current approvers and never sent it. Now the second click says the reminder is no longer
    /// needed, that person being no longer an approver of the step, in the coordinator's language; the follow-up sends
    /// them nothing, and the new approver gets the card.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task RetryNow_SecondClickAfterTheRemindedApproverLeftTheStep_SaysTheReminderIsNoLongerNeeded(string language)
    {
        // Arrange: the manager's reminder refused at every try; Retry now refused again (queued for the follow-up).
        const string Successor = "44444444-4444-4444-4444-444444444444";
        var texts = ExchangeTexts.Resolve(language);
        var (_, reference) = await ReminderRefusedAtEveryTryAsync(language);
        int Reminders() => fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId).Count(t => t.Contains(reference, StringComparison.Ordinal));
        var retry = await RetryButtonAsync();
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, texts.RetryQueuedFormat, reference))
            .StartTestAsync();
        var reminders = Reminders();

        // Act: the manager moves to another organisation, a successor manages CITEVE; the same button again.
        host.Reconfigure($"Roles:ClusterManagers:{ExchangeDialogTestHost.VisitingManagerId}:0", HiTechTexPartners.TecnotessileId);
        host.Reconfigure($"Roles:ClusterManagers:{Successor}:0", HiTechTexPartners.CiteveId);
        host.Messenger.Setup(m => m.SendToUserAsync(Successor, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent, "a:successor", "activity-44"));
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(Standing(texts, reference, noLongerNeeded: [texts.RetryProblems[ExchangeStuckReason.ApproverNotReminded]]))
            .StartTestAsync();

        // Assert: the follow-up does not remind the manager who left — consistent with the answer — and sends the
        // successor the card; nothing is listed.
        host.Time.Advance(TimeSpan.FromHours(2));
        await fixture.RunFollowUpAsync();
        Assert.Equal(reminders, Reminders());
        Assert.Equal(1, fixture.SentTo(Successor).Count(a => a.Attachments is { Count: > 0 }));
        Assert.Empty(await ListAsync());
    }

    /// <summary>
    /// Before: one Retry now tried one kind of problem per application — the card first — and left the rest for another
    /// click. Now one click tries every problem listed for the application, each under its own claim, and answers with one
    /// message saying how each went, in the coordinator's language; a second click tries nothing more.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task RetryNow_CardRefusedForOneApproverReminderForAnother_OneClickTriesBothAndSumsUp(string language)
    {
        // Arrange: a second CITEVE manager who never installed the bot (card and reminder refused at every try), and the
        // first, who has the card and then blocked the bot (reminder refused at every try).
        const string Second = "44444444-4444-4444-4444-444444444444";
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);
        host.Reconfigure($"Roles:ClusterManagers:{Second}:0", HiTechTexPartners.CiteveId);
        var secondSend = new ProactiveSendResult(ProactiveSendStatus.NoReference);
        host.Messenger.Setup(m => m.SendToUserAsync(Second, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => secondSend);
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.Blocked);
        host.Time.Advance(TimeSpan.FromDays(3));
        await FollowUpHourlyAsync();
        var listed = await ListAsync();
        Assert.Equal([Second], Assert.Single(listed, e => e.Reason == ExchangeStuckReason.CardRefused).Recipients);
        Assert.Equal([ExchangeDialogTestHost.VisitingManagerId], Assert.Single(listed, e => e.Reason == ExchangeStuckReason.ApproverNotReminded).Recipients);
        Assert.Equal(2, listed.Count);
        var cardsToSecond = fixture.SentTo(Second).Count(a => a.Attachments is { Count: > 0 });
        int RemindersToFirst() => fixture.TextsTo(ExchangeDialogTestHost.VisitingManagerId).Count(t => t.Contains(reference, StringComparison.Ordinal));
        var remindersToFirst = RemindersToFirst();
        var textsToSecond = fixture.TextsTo(Second).Count;

        // Act: the second manager installs the bot, the first still blocks it; one button, clicked twice.
        secondSend = new ProactiveSendResult(ProactiveSendStatus.Sent, "a:second", "activity-44");
        var retry = await RetryButtonAsync();
        var summary = $"{reference}: "
            + string.Format(CultureInfo.InvariantCulture, texts.RetrySummaryDeliveredFormat, texts.RetryProblems[ExchangeStuckReason.CardRefused]) + " "
            + string.Format(CultureInfo.InvariantCulture, texts.RetrySummaryQueuedFormat, texts.RetryProblems[ExchangeStuckReason.ApproverNotReminded]);
        await ClickedTwiceAsync(retry, summary, Standing(texts, reference, queued: [texts.RetryProblems[ExchangeStuckReason.ApproverNotReminded]]));

        // Assert: one card to the second manager, one reminder tried for the first, for the two clicks.
        Assert.Equal(cardsToSecond + 1, fixture.SentTo(Second).Count(a => a.Attachments is { Count: > 0 }));
        Assert.Equal(remindersToFirst + 1, RemindersToFirst());

        // The first manager unblocks the bot: the follow-up delivers the reminder; the second manager, who has the card
        // only now, is not reminded at once; nothing is listed any more.
        fixture.ManagerSend = _ => Delivered;
        host.Time.Advance(TimeSpan.FromHours(1));
        await fixture.RunFollowUpAsync();
        Assert.Equal(remindersToFirst + 2, RemindersToFirst());
        Assert.Equal(textsToSecond, fixture.TextsTo(Second).Count);
        Assert.Empty(await ListAsync());
    }

    /// <summary>
    /// The card reached no approver and telling the applicant so was refused at every try: both listed. One Retry now,
    /// once both can be reached, delivers the card — and does not send "it could not be delivered to the approvers",
    /// stale once an approver has it (never told that, the applicant needs no "it has now reached an approver" either).
    /// </summary>
    [Fact]
    public async Task RetryNow_CardAndNobodyReachableNoticeRefused_TheCardGoesAndTheStaleNoticeIsDropped()
    {
        await host.Conversation.SeedProfileAsync("en");
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.NoReference);
        fixture.ApplicantSend = _ => new ProactiveSendResult(ProactiveSendStatus.Blocked);
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        await FollowUpHourlyAsync();
        var listed = await ListAsync();
        Assert.Contains(listed, e => e.Reason == ExchangeStuckReason.CardNotDelivered);
        Assert.Contains(listed, e => (e.Reason, e.Notice) == (ExchangeStuckReason.ApplicantNotReached, ExchangeApplicantNotice.NobodyMayDecide));
        var toApplicant = fixture.TextsTo(ApplicantId).Count;
        fixture.ManagerSend = _ => Delivered;
        fixture.ApplicantSend = _ => Delivered;

        await ClickedTwiceAsync(await RetryButtonAsync(), string.Format(CultureInfo.InvariantCulture, En.RetryDeliveredFormat, reference),
            string.Format(CultureInfo.InvariantCulture, En.NothingToRetryFormat, reference));
        await fixture.RunFollowUpAsync();

        Assert.Single(await fixture.CardsAsync(id), c => c.RecipientAadObjectId == ExchangeDialogTestHost.VisitingManagerId);
        Assert.Equal(toApplicant, fixture.TextsTo(ApplicantId).Count);
        Assert.Empty(await ListAsync());
    }

    /// <summary>
    /// Before: a decision's notice given up after Teams answered 503 again and again was explained "the message could not
    /// be delivered (they may have blocked the bot)"; now the reason follows the kind of failure — the service failing,
    /// not a block — in the coordinator's language; a refusal (blocked) still says they may have blocked the bot.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Typed_DecisionNoticeGivenUpAfterServiceFailures_NotBlamedOnABlock(string language)
    {
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        fixture.ApplicantSend = _ => throw new ConnectorException(System.Net.HttpStatusCode.ServiceUnavailable, null, "Service unavailable");
        await RejectAsync(id);
        for (var pass = 0; pass < 10; pass++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        var entry = Assert.Single(await ListAsync());
        Assert.Equal(ExchangeStuckReason.StatusNoticeGivenUp, entry.Reason);
        Assert.False(entry.Refused);
        Assert.NotEqual(texts.StuckStatusNotice, texts.StuckStatusNoticeFailing);
        await host.Conversation.Flow()
            .Send(texts.StuckCommands[0])
            .AssertReply(r =>
            {
                var card = CardJson(r);
                Assert.Contains(reference, card, StringComparison.Ordinal);
                Assert.Contains(texts.StuckStatusNoticeFailing, card, StringComparison.Ordinal);
                Assert.DoesNotContain(texts.StuckStatusNotice, card, StringComparison.Ordinal);
            }, "the stuck applications")
            .StartTestAsync();
    }

    [Fact]
    public async Task Typed_WithdrawnNoticeGivenUp_RefusedThenServiceFailing_TheLastFailureGivesTheReason()
    {
        // Arrange: the manager's chat refuses (blocked) until the last tries, which fail with 503s: the last failure counts.
        await host.Conversation.SeedProfileAsync("en");
        var id = await fixture.SubmitAsync();
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.Blocked);
        await WithdrawAsync(id);
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await ListAsync());
        fixture.ManagerSend = _ => throw new ConnectorException(System.Net.HttpStatusCode.ServiceUnavailable, null, "Service unavailable");
        for (var pass = 0; pass < 10; pass++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        var entry = Assert.Single(await ListAsync());
        Assert.Equal(ExchangeStuckReason.WithdrawnNoticeGivenUp, entry.Reason);
        Assert.False(entry.Refused);
        await host.Conversation.Flow()
            .Send("stuck applications")
            .AssertReply(r =>
            {
                var card = CardJson(r);
                Assert.Contains(En.StuckWithdrawnNoticeFailing, card, StringComparison.Ordinal);
                Assert.DoesNotContain("blocked", card, StringComparison.Ordinal);
            }, "the stuck applications")
            .StartTestAsync();
    }

    /// <summary>
    /// Before: a second "Retry now", after the first re-queued the given-up notice and that try failed too, said "is not
    /// stuck any more (already retried or delivered)" though nothing was delivered; now it says the notice is already
    /// queued for the follow-up's next try, and sends nothing (the follow-up then does).
    /// </summary>
    [Fact]
    public async Task RetryNow_TwiceWhileTheNoticeStillFails_SecondSaysAlreadyQueuedAndSendsNothing()
    {
        // Arrange: the decision's notice given up after the bounded attempts (the applicant's chat failing).
        await host.Conversation.SeedProfileAsync("en");
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        fixture.ApplicantSend = _ => new ProactiveSendResult(ProactiveSendStatus.Blocked);
        await RejectAsync(id);
        for (var pass = 0; pass < 10; pass++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        var notice = string.Format(CultureInfo.InvariantCulture, En.StatusChangedWithCommentFormat, reference, En.Statuses[ExchangeStatus.Rejected],
            "Vasco Almeida", "Out of scope.");
        Assert.Equal(ExchangeDeliveryClaim.Attempts, fixture.TextsTo(ApplicantId).Count(t => t == notice));
        var retry = new { action = ExchangeVerbs.RetryDelivery, exchangeId = id.ToString("D") };

        // Act: Retry now (tried at once, fails again), then again, twice.
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, En.RetryQueuedFormat, reference))
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(Standing(En, reference, queued: [En.RetryProblems[ExchangeStuckReason.StatusNoticeGivenUp]]))
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(Standing(En, reference, queued: [En.RetryProblems[ExchangeStuckReason.StatusNoticeGivenUp]]))
            .StartTestAsync();

        // Assert: one try for the first click, none for the others; the follow-up's next pass tries again; and once the
        // applicant can be reached it is delivered, after which a click finds nothing to deliver.
        Assert.Equal(ExchangeDeliveryClaim.Attempts + 1, fixture.TextsTo(ApplicantId).Count(t => t == notice));
        await fixture.RunFollowUpAsync();
        Assert.Equal(ExchangeDeliveryClaim.Attempts + 2, fixture.TextsTo(ApplicantId).Count(t => t == notice));
        fixture.ApplicantSend = _ => Delivered;
        host.Time.Advance(TimeSpan.FromHours(1));
        await fixture.RunFollowUpAsync();
        Assert.Equal(ExchangeDeliveryClaim.Attempts + 3, fixture.TextsTo(ApplicantId).Count(t => t == notice));
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, En.NothingToRetryFormat, reference))
            .StartTestAsync();
        Assert.Equal(ExchangeDeliveryClaim.Attempts + 3, fixture.TextsTo(ApplicantId).Count(t => t == notice));
        Assert.Empty(await ListAsync());
    }

    /// <summary>
    /// Before: "An approver could not be told that the application was withdrawn … Tell them yourself" named nobody, so
    /// the coordinator could not know whom to tell; now the card names who was not reached (literally: a TextRun).
    /// </summary>
    [Fact]
    public async Task Typed_WithdrawnNoticeGivenUp_NamesTheApproverNotReached()
    {
        // Arrange: the manager (known to the bot by their Teams name) got the card, then their chat started failing; the
        // applicant withdraws and the follow-up gives the "withdrawn" notice up.
        await host.Conversation.SeedProfileAsync("en");
        host.References.Setup(r => r.FindPersonalAsync(ExchangeDialogTestHost.VisitingManagerId, "tenant-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredConversationReference(new ConversationReference
            {
                ChannelId = "msteams", User = new() { Id = "29:manager", Name = "Vasco Almeida" }, Conversation = new() { Id = "a:manager" },
            }, true, DateTimeOffset.UnixEpoch));
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.Blocked);
        await WithdrawAsync(id);
        for (var pass = 0; pass < 10; pass++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        // Act / Assert
        var entry = Assert.Single(await ListAsync());
        Assert.Equal(ExchangeStuckReason.WithdrawnNoticeGivenUp, entry.Reason);
        Assert.Equal([ExchangeDialogTestHost.VisitingManagerId], entry.Recipients);
        Assert.True(entry.Refused);
        await host.Conversation.Flow()
            .Send("stuck applications")
            .AssertReply(r =>
            {
                var card = CardJson(r);
                Assert.Contains(reference, card, StringComparison.Ordinal);
                Assert.Contains(En.StuckWithdrawnNotice, card, StringComparison.Ordinal);
                Assert.Contains($"{{\"type\":\"TextRun\",\"text\":\"{NotReached(En, "Vasco Almeida")}\"}}", card, StringComparison.Ordinal);
            }, "the stuck applications")
            .StartTestAsync();
    }

    /// <summary>
    /// Before: when the PUT updating the manager's card after a withdrawal kept failing (503s for a day), the follow-up
    /// gave it up with a log line only: the coordinator's "stuck applications" did not list it, so nobody knew the card
    /// still offered Approve/Reject. Now it is listed with its reason and whom it concerns, in the coordinator's
    /// language, and Retry now updates it once (a second click updates nothing more).
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task CardUpdateGivenUpAfterAWithdrawal_ListedAndRetryNowUpdatesItOnce(string language)
    {
        // Arrange: every PUT fails with a 503 until the follow-up gives up.
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        var failing = true;
        var updates = CountUpdates(() => failing);
        await WithdrawAsync(id);
        await GiveUpAsync();
        Assert.Equal(ExchangeDeliveryClaim.Attempts, updates.Count);

        // Act / Assert: listed.
        var entry = Assert.Single(await ListAsync());
        Assert.Equal(ExchangeStuckReason.CardUpdateGivenUp, entry.Reason);
        Assert.Equal([ExchangeDialogTestHost.VisitingManagerId], entry.Recipients);
        Assert.True(entry.CanRetry);
        failing = false;
        await ListedThenRetriedTwiceAsync(id, reference, texts, texts.StuckCardUpdate, texts.StuckCardUpdateAdvice, texts.RetryNowButton);

        // One more PUT, showing the withdrawn application; nothing listed any more.
        Assert.Equal(ExchangeDeliveryClaim.Attempts + 1, updates.Count);
        Assert.DoesNotContain(En.Approve, System.Text.Json.JsonSerializer.Serialize(updates[^1].Attachments![0].Content), StringComparison.Ordinal);
        Assert.Empty(await ListAsync());
    }

    /// <summary>
    /// Before: after a decision that moved the application on (stage 1 approved), a card update that kept failing was
    /// left without a record; now it is given up after the bounded tries and listed too; a Retry now that fails again
    /// says so, and a second click says the update is queued (and, nobody being able to decide stage 2, what to
    /// configure) and sends nothing.
    /// </summary>
    [Fact]
    public async Task CardUpdateGivenUpAfterADecision_ListedAndARetryThatFailsIsQueuedOnce()
    {
        await host.Conversation.SeedProfileAsync("en");
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        var updates = CountUpdates(() => true);
        await ApproveAsync(id);
        await GiveUpAsync();
        Assert.Equal(ExchangeDeliveryClaim.Attempts, updates.Count);
        Assert.Equal(ExchangeStuckReason.CardUpdateGivenUp, Assert.Single(await ListAsync(), e => e.Reason == ExchangeStuckReason.CardUpdateGivenUp).Reason);

        var retry = new { action = ExchangeVerbs.RetryDelivery, exchangeId = id.ToString("D") };
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, En.RetryQueuedFormat, reference))
            .Send(() => host.Conversation.Submit(retry))
            // Stage 2, whose host contact has no Teams identity: what to configure too.
            .AssertReply(Standing(En, reference, queued: [En.RetryProblems[ExchangeStuckReason.CardUpdateGivenUp]], needsApprover: true))
            .StartTestAsync();

        Assert.Equal(ExchangeDeliveryClaim.Attempts + 1, updates.Count);
        Assert.DoesNotContain(await ListAsync(), e => e.Reason == ExchangeStuckReason.CardUpdateGivenUp);
    }

    /// <summary>
    /// Before: once a "Retry now" of a given-up card update was refused again (403: the card or chat gone, the bot
    /// blocked), the card was listed as given up again and every further click of the same button sent one more PUT.
    /// Now a button is good for one try: the further clicks send nothing and say the retry was already made and refused;
    /// the list shown again offers one more try.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task CardUpdateRetryRefusedAgain_FurtherClicksOfTheSameButtonSendNothing(string language)
    {
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        var refused = false;
        var failing = true;
        var updates = CountUpdates(() => failing, () => refused);
        await WithdrawAsync(id);
        await GiveUpAsync();
        Assert.Equal(ExchangeDeliveryClaim.Attempts, updates.Count);
        refused = true;
        var retry = await RetryButtonAsync();

        // Act: the list's Retry now, clicked three times.
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, texts.RetryRefusedFormat, reference))
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(Standing(texts, reference, notRetried: [texts.RetryProblems[ExchangeStuckReason.CardUpdateGivenUp]]))
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(Standing(texts, reference, notRetried: [texts.RetryProblems[ExchangeStuckReason.CardUpdateGivenUp]]))
            .StartTestAsync();

        // Assert: one PUT for the three clicks; still listed (refused), and the list shown again tries once more.
        Assert.Equal(ExchangeDeliveryClaim.Attempts + 1, updates.Count);
        var entry = Assert.Single(await ListAsync());
        Assert.Equal(ExchangeStuckReason.CardUpdateGivenUp, entry.Reason);
        Assert.True(entry.Refused);
        var again = await RetryButtonAsync();
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(again))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, texts.RetryRefusedFormat, reference))
            .Send(() => host.Conversation.Submit(again))
            .AssertReply(Standing(texts, reference, notRetried: [texts.RetryProblems[ExchangeStuckReason.CardUpdateGivenUp]]))
            .StartTestAsync();
        Assert.Equal(ExchangeDeliveryClaim.Attempts + 2, updates.Count);

        // And once the card can be updated, the list's button updates it; nothing is listed any more.
        refused = false;
        failing = false;
        var last = await RetryButtonAsync();
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(last))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, texts.RetryDeliveredFormat, reference))
            .Send(() => host.Conversation.Submit(last))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, texts.NothingToRetryFormat, reference))
            .StartTestAsync();
        Assert.Equal(ExchangeDeliveryClaim.Attempts + 3, updates.Count);
        Assert.Empty(await ListAsync());
    }

    /// <summary>
    /// A second click while the first click's try is still waiting for Teams (a double click on a slow connector): it
    /// tries nothing — not even from a list shown meanwhile — and says the first one is running; one PUT in all.
    /// </summary>
    [Fact]
    public async Task RetryNow_ClickedAgainWhileTheFirstTryRuns_TriesNothingMore()
    {
        await host.Conversation.SeedProfileAsync("en");
        var id = await fixture.SubmitAsync();
        var updates = CountUpdates(() => true);
        await WithdrawAsync(id);
        await GiveUpAsync();
        var round = Assert.Single(await ListAsync()).Round;
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Messenger.Setup(m => m.UpdateInConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns(async (string conversationId, string activityId, Activity activity, CancellationToken _) =>
            {
                updates.Add(activity);
                entered.TrySetResult();
                await release.Task;
                throw new ConnectorException(System.Net.HttpStatusCode.Forbidden, null, "Forbidden");
            });

        // Act: the first click's try waits in the PUT; a second click of the same button, then one of a list made now.
        var first = RetryAsync(id, round);
        await entered.Task;
        var second = await RetryAsync(id, round);
        var fromANewList = await RetryAsync(id, (await ListAsync()).SingleOrDefault()?.Round ?? round);
        release.SetResult();

        // Assert
        Assert.Equal(ExchangeRetryOutcome.Running, second);
        Assert.Equal(ExchangeRetryOutcome.Running, fromANewList);
        Assert.Equal(ExchangeRetryOutcome.Refused, await first);
        Assert.Equal(ExchangeDeliveryClaim.Attempts + 1, updates.Count);
        Assert.Equal(ExchangeRetryOutcome.AlreadyRetried, await RetryAsync(id, round));
        Assert.Equal(ExchangeDeliveryClaim.Attempts + 1, updates.Count);
    }

    /// <summary>
    /// A click whose process stopped during its try (a crash: its round never recorded as ended) blocks the button only
    /// while a send could still be running: once the round is older than any send, the list shown again offers the next
    /// round, which tries once.
    /// </summary>
    [Fact]
    public async Task RetryNow_RoundOfAStoppedProcess_CountsAsEndedOnceOlderThanAnySend()
    {
        await host.Conversation.SeedProfileAsync("en");
        var id = await fixture.SubmitAsync();
        var updates = CountUpdates(() => true);
        await WithdrawAsync(id);
        await GiveUpAsync();
        var application = await fixture.FindAsync(id);
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            // The first round claimed by a click whose process then stopped (nothing tried, nothing recorded after).
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExchangeStore>().TryClaimReminderAsync(
                id, ExchangeDeliveryClaim.RetryRound(application, 1), ExchangeDeliveryClaim.RetryRoundRecipient, CancellationToken.None));
        }

        Assert.Equal(0, Assert.Single(await ListAsync()).Round);
        Assert.Equal(ExchangeRetryOutcome.Running, await RetryAsync(id, 0));
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));

        var round = Assert.Single(await ListAsync()).Round;
        Assert.Equal(1, round);
        Assert.Equal(ExchangeRetryOutcome.AlreadyRetried, await RetryAsync(id, 0));
        Assert.Equal(ExchangeDeliveryClaim.Attempts, updates.Count);
        Assert.Equal(ExchangeRetryOutcome.StillFailing, await RetryAsync(id, round));
        Assert.Equal(ExchangeDeliveryClaim.Attempts + 1, updates.Count);
    }

    /// <summary>
    /// A forged or damaged round on the button (not a number, negative, absurdly large): the polite "could not be read",
    /// nothing tried.
    /// </summary>
    [Theory]
    [InlineData("x")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    public async Task RetryNow_UnreadableRound_SaysSoAndTriesNothing(string round)
    {
        await host.Conversation.SeedProfileAsync("en");
        var id = await fixture.SubmitAsync();
        var updates = CountUpdates(() => true);
        await WithdrawAsync(id);
        await GiveUpAsync();

        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(new { action = ExchangeVerbs.RetryDelivery, exchangeId = id.ToString("D"), round }))
            .AssertReply(En.ButtonUnreadable)
            .StartTestAsync();

        Assert.Equal(ExchangeDeliveryClaim.Attempts, updates.Count);
        Assert.Single(await ListAsync());
    }

    private async Task<ExchangeRetryOutcome> RetryAsync(Guid id, int round)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ExchangeStuckApplications>().RetryAsync(id, round, CancellationToken.None)).Outcome;
    }

    /// <summary>
    /// Before: a submission's approval card stopped on the wire by a restart (warning 2327) kept its claim for ever — it
    /// may never have arrived, the follow-up never sends it again (never twice), and nobody was told. Now the coordinator's
    /// "stuck applications" lists it, in their language, as "may not have arrived" with whom and a Retry now, which sends
    /// it once (a second click nothing); the follow-up still never sends it by itself.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task CardStoppedOnTheWire_ListedAsMayNotHaveArrivedAndRetryNowSendsItOnce(string language)
    {
        // Arrange: the host stops while the card to the manager is on the wire (a plain cancellation, not the client's
        // DeliveryCancelledException): the submission is committed, the card perhaps delivered.
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);
        using var stopping = new CancellationTokenSource();
        fixture.ManagerSend = _ =>
        {
            stopping.Cancel();
            throw new OperationCanceledException(stopping.Token);
        };
        var id = await fixture.CreateAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.SubmitAsync(id, stopping.Token));
        Assert.Contains(host.Logs.Entries, e => e.EventId == 2327);
        var reference = await fixture.ReferenceAsync(id);
        fixture.ManagerSend = _ => Delivered;
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();
        Assert.Equal(1, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));

        // Act / Assert: listed with the reason, whom, what to do and Retry now.
        var entry = Assert.Single(await ListAsync());
        Assert.Equal(ExchangeStuckReason.CardMayNotHaveArrived, entry.Reason);
        Assert.Equal([ExchangeDialogTestHost.VisitingManagerId], entry.Recipients);
        Assert.True(entry.CanRetry);
        await host.Conversation.Flow()
            .Send(texts.StuckCommands[0])
            .AssertReply(r =>
            {
                var card = CardJson(r);
                Assert.Contains(reference, card, StringComparison.Ordinal);
                Assert.Contains(texts.StuckCardMayNotHaveArrived, card, StringComparison.Ordinal);
                Assert.Contains(texts.StuckCardMayNotHaveArrivedAdvice, card, StringComparison.Ordinal);
                // Its own line: the card may well have arrived, so not "Not reached:".
                Assert.Contains(
                    string.Format(CultureInfo.InvariantCulture, texts.StuckMayNotHaveReachedFormat, string.Format(CultureInfo.InvariantCulture, texts.StuckUnnamedFormat, 1)),
                    card, StringComparison.Ordinal);
                Assert.DoesNotContain(texts.StuckNotReachedFormat.Replace("{0}", "", StringComparison.Ordinal), card, StringComparison.Ordinal);
                Assert.Contains($"\"title\":\"{texts.RetryNowButton}\"", card, StringComparison.Ordinal);
            }, "the stuck applications")
            .StartTestAsync();
        var retry = await RetryButtonAsync();
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, texts.RetryDeliveredFormat, reference))
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, texts.NothingToRetryFormat, reference))
            .StartTestAsync();
        await fixture.RunFollowUpAsync();

        Assert.Equal(2, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Single(await fixture.CardsAsync(id), c => c.RecipientAadObjectId == ExchangeDialogTestHost.VisitingManagerId);
        Assert.Empty(await ListAsync());
    }

    /// <summary>
    /// Before: a process killed (not a clean stop: a crash, an out-of-memory kill) after claiming an approval card and
    /// before recording it left the claim held and nothing else — no card, no failure, no record of a stop on the wire —
    /// so the card was never sent again and nobody saw it. The claim is committed on its own before the send, so it is the
    /// "sending" marker: once it is older than any send with no card recorded since, the coordinator's "stuck
    /// applications" lists it as "may not have arrived", and Retry now sends it once; the follow-up still never by itself.
    /// </summary>
    [Fact]
    public async Task CardClaimedByAKilledProcess_ListedOnceOlderThanAnySendAndRetryNowSendsItOnce()
    {
        // Arrange: the state a killed process leaves — the submission committed, the manager's card claimed, nothing after.
        await host.Conversation.SeedProfileAsync("en");
        var id = await fixture.CreateAsync();
        var step = new ExchangeApplication { Status = ExchangeStatus.Stage1, Version = 2 };
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExchangeStore>().TryClaimReminderAsync(
                id, ExchangeDeliveryClaim.Card(step).Kind, ExchangeDialogTestHost.VisitingManagerId, CancellationToken.None));
        }

        await fixture.SubmitAsync(id, CancellationToken.None);
        var reference = await fixture.ReferenceAsync(id);
        Assert.Equal(0, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));

        // A claim younger than any send may be a send in progress: not listed.
        await fixture.RunFollowUpAsync();
        Assert.Empty(await ListAsync());

        // Act / Assert: older than any send — listed, whom, Retry now; the follow-up sends nothing by itself.
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        Assert.Equal(0, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        var entry = Assert.Single(await ListAsync());
        Assert.Equal(ExchangeStuckReason.CardMayNotHaveArrived, entry.Reason);
        Assert.Equal([ExchangeDialogTestHost.VisitingManagerId], entry.Recipients);
        var retry = await RetryButtonAsync();
        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, En.RetryDeliveredFormat, reference))
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, En.NothingToRetryFormat, reference))
            .StartTestAsync();
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();

        Assert.Equal(1, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Single(await fixture.CardsAsync(id), c => c.RecipientAadObjectId == ExchangeDialogTestHost.VisitingManagerId);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task NotACoordinator_TypedOrForgedRetry_PoliteRefusalAndNothingChanges()
    {
        using var other = new ExchangeStuckApplicationsTests(coordinator: false);
        await other.host.Conversation.SeedProfileAsync("en");
        other.fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.NoReference);
        var id = await other.fixture.SubmitAsync();
        other.fixture.ManagerSend = _ => Delivered;
        var attempts = other.fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId);

        await other.host.Conversation.Flow()
            // Typed: whom the list is for, where roles come from and what to type instead, then the help card (the one
            // decision of the main dialog, as for the same words in one's own).
            .Send("stuck applications")
            .AssertReply(HiTechTex.Bot.Features.Conversation.ConversationTexts.En.OnlyForCoordinators)
            .AssertReply(r => Assert.Single(r.Attachments!), "the help card")
            // The buttons (a forwarded progress card's "Stuck applications", a forged "Retry now"): the same refusal and
            // help card (before: a bare "Only the programme coordinator can see / do this.").
            .Send(() => other.host.Conversation.Submit(new { action = ExchangeVerbs.Stuck }))
            .AssertReply(HiTechTex.Bot.Features.Conversation.ConversationTexts.En.OnlyForCoordinators)
            .AssertReply(r => Assert.Single(r.Attachments!), "the help card")
            .Send(() => other.host.Conversation.Submit(new { action = ExchangeVerbs.RetryDelivery, exchangeId = id.ToString("D") }))
            .AssertReply(HiTechTex.Bot.Features.Conversation.ConversationTexts.En.OnlyForCoordinators)
            .AssertReply(r => Assert.Single(r.Attachments!), "the help card")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(attempts, other.fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Equal(ExchangeStuckReason.CardNotDelivered, Assert.Single(await other.ListAsync()).Reason);
        // Typed: information (somebody asking for what they do not have); the buttons, which only coordinators are sent: a
        // forged or forwarded card, a warning each.
        Assert.Equal(LogLevel.Information, Assert.Single(other.host.Logs.Entries, e => e.EventId == 1533).Level);
        Assert.Equal([LogLevel.Warning, LogLevel.Warning], other.host.Logs.Entries.Where(e => e.EventId == 1535).Select(e => e.Level));
    }

    [Fact]
    public async Task RetryNow_UnreadableButton_SaysSoAndChangesNothing()
    {
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(new { action = ExchangeVerbs.RetryDelivery, exchangeId = "not-an-id" }))
            .AssertReply(En.ButtonUnreadable)
            .StartTestAsync();
    }

    /// <summary>
    /// The applicant can be reached (unblocked); the coordinator types "stuck applications" in <paramref name="texts"/>' language —
    /// the list shows <paramref name="reference"/> with each of <paramref name="shown"/> — and clicks Retry now twice: the
    /// first delivers, the second finds nothing to retry. Then a pass of the follow-up.
    /// </summary>
    private async Task ListedThenRetriedTwiceAsync(Guid id, string reference, ExchangeTexts texts, params string[] shown)
    {
        fixture.ApplicantSend = _ => Delivered;
        var retry = new { action = ExchangeVerbs.RetryDelivery, exchangeId = id.ToString("D") };
        await host.Conversation.Flow()
            .Send(texts.StuckCommands[0])
            .AssertReply(r =>
            {
                var card = CardJson(r);
                Assert.All(shown.Prepend(reference), expected => Assert.Contains(expected, card, StringComparison.Ordinal));
            }, "the stuck applications")
            .StartTestAsync();
        await ClickedTwiceAsync(retry, string.Format(CultureInfo.InvariantCulture, texts.RetryDeliveredFormat, reference),
            string.Format(CultureInfo.InvariantCulture, texts.NothingToRetryFormat, reference));
        await fixture.RunFollowUpAsync();
    }

    /// <summary>
    /// The answer to a Retry now that tried nothing (its button used already, or nothing listed any more): nothing more
    /// sent, then the kinds the bot still tries, those it no longer tries, a reminder no longer needed, and what to
    /// configure when nobody may decide — each sentence only when it has something to say.
    /// </summary>
    internal static string Standing(ExchangeTexts texts, string reference, string[]? queued = null, string[]? notRetried = null,
        string[]? noLongerNeeded = null, bool needsApprover = false)
    {
        var sentences = new List<string> { texts.RetryStandingNothingSent };
        foreach (var (kinds, format) in new[]
        {
            (queued, texts.RetryStandingQueuedFormat), (notRetried, texts.RetryStandingNotRetriedFormat), (noLongerNeeded, texts.RetryStandingNoLongerApproverFormat),
        })
        {
            if (kinds is { Length: > 0 })
            {
                sentences.Add(string.Format(CultureInfo.InvariantCulture, format, string.Join(", ", kinds)));
            }
        }

        if (needsApprover)
        {
            sentences.Add(texts.StuckNoApproverAdvice);
        }

        return $"{reference}: {string.Join(" ", sentences)}";
    }

    /// <summary>The coordinator clicks the Retry now button <paramref name="retry"/> twice: the two answers.</summary>
    private Task ClickedTwiceAsync(object retry, string first, string second) =>
        host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(first)
            .Send(() => host.Conversation.Submit(retry))
            .AssertReply(second)
            .StartTestAsync();

    /// <summary>
    /// An application submitted by a coordinator seeing the bot in <paramref name="language"/>, whose applicant blocked the
    /// bot, sent back for changes: the open application's status notice refused at each of its tries (the follow-up run
    /// hourly past the last).
    /// </summary>
    private async Task<(Guid Id, string Reference)> ChangesRequestedNoticeRefusedAtEveryTryAsync(string language)
    {
        await host.Conversation.SeedProfileAsync(language);
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        fixture.ApplicantSend = _ => new ProactiveSendResult(ProactiveSendStatus.Blocked);
        await fixture.DecideAsync(id, ExchangeVerbs.RequestChanges, "Please add the agenda.");
        await FollowUpHourlyAsync();
        return (id, reference);
    }

    /// <summary>
    /// An application submitted by a coordinator seeing the bot in <paramref name="language"/> whose manager got the card
    /// and then blocked the bot: the reminder, due three days later, refused at each of its tries.
    /// </summary>
    private async Task<(Guid Id, string Reference)> ReminderRefusedAtEveryTryAsync(string language)
    {
        await host.Conversation.SeedProfileAsync(language);
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.Blocked);
        host.Time.Advance(TimeSpan.FromDays(3));
        await FollowUpHourlyAsync();
        return (id, reference);
    }

    /// <summary>
    /// An application nobody may decide (no manager of CITEVE), whose applicant blocked the bot: the "nobody may decide"
    /// notice refused at each of its tries.
    /// </summary>
    private async Task<(Guid Id, string Reference)> NobodyMayDecideNoticeRefusedAtEveryTryAsync()
    {
        await host.Conversation.SeedProfileAsync("en");
        host.Reconfigure($"Roles:ClusterManagers:{ExchangeDialogTestHost.VisitingManagerId}:0", HiTechTexPartners.TecnotessileId);
        fixture.ApplicantSend = _ => new ProactiveSendResult(ProactiveSendStatus.Blocked);
        var id = await fixture.SubmitAsync();
        await FollowUpHourlyAsync();
        return (id, await fixture.ReferenceAsync(id));
    }

    /// <summary>The follow-up every hour for 40 hours: past the last of a refused message's tries (some 15 hours after the first).</summary>
    private async Task FollowUpHourlyAsync()
    {
        for (var hour = 0; hour <= 40; hour++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }
    }

    private Task RejectAsync(Guid id) => fixture.DecideAsync(id, ExchangeVerbs.Reject, "Out of scope.");

    private async Task WithdrawAsync(Guid id)
    {
        await fixture.WithdrawAsync(id);
        Assert.Equal(ExchangeStatus.Withdrawn, (await fixture.FindAsync(id)).Status);
    }

    private async Task ApproveAsync(Guid id)
    {
        await fixture.DecideAsync(id, ExchangeVerbs.Approve);
        Assert.Equal(ExchangeStatus.Stage2, (await fixture.FindAsync(id)).Status);
    }

    /// <summary>The follow-up's passes over more than a day, every two hours: long enough to give up a failing delivery.</summary>
    private async Task GiveUpAsync()
    {
        for (var pass = 0; pass < 30; pass++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(2));
        }
    }

    /// <summary>
    /// Every PUT of a card, failing with a 503 while <paramref name="failing"/> says so — refused with a 403 instead while
    /// <paramref name="refused"/> does.
    /// </summary>
    private List<Activity> CountUpdates(Func<bool> failing, Func<bool>? refused = null)
    {
        var updates = new List<Activity>();
        host.Messenger.Setup(m => m.UpdateInConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns((string conversationId, string activityId, Activity activity, CancellationToken _) =>
            {
                updates.Add(activity);
                return refused?.Invoke() == true
                    ? Task.FromException<ProactiveSendResult>(new ConnectorException(System.Net.HttpStatusCode.Forbidden, null, "Forbidden"))
                    : failing()
                    ? Task.FromException<ProactiveSendResult>(new ConnectorException(System.Net.HttpStatusCode.ServiceUnavailable, null, "Service unavailable"))
                    : Task.FromResult(new ProactiveSendResult(ProactiveSendStatus.Sent, conversationId, activityId));
            });
        return updates;
    }

    /// <summary>The data of the (first) "Retry now" button of the coordinator's stuck-applications card, as shown now.</summary>
    private async Task<System.Text.Json.JsonElement> RetryButtonAsync()
    {
        System.Text.Json.JsonElement? data = null;
        await host.Conversation.Flow()
            .Send("stuck applications")
            .AssertReply(r =>
            {
                using var card = System.Text.Json.JsonDocument.Parse(CardJson(r));
                data = FindAction(card.RootElement, ExchangeVerbs.RetryDelivery)?.Clone();
            }, "the stuck applications")
            .StartTestAsync();
        return data ?? throw new InvalidOperationException("no Retry now button on the card");
    }

    private static System.Text.Json.JsonElement? FindAction(System.Text.Json.JsonElement element, string verb)
    {
        if (element.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            if (element.TryGetProperty("data", out var data) && data.ValueKind == System.Text.Json.JsonValueKind.Object
                && data.TryGetProperty("action", out var action) && action.ValueKind == System.Text.Json.JsonValueKind.String && action.GetString() == verb)
            {
                return data;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (FindAction(property.Value, verb) is { } found)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindAction(item, verb) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static string NotReached(ExchangeTexts texts, string names) => string.Format(CultureInfo.InvariantCulture, texts.StuckNotReachedFormat, names);

    private async Task<IReadOnlyList<ExchangeReminder>> ClaimsAsync(Guid id)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStore>().RemindersAsync(id, CancellationToken.None);
    }

    private async Task<IReadOnlyList<ExchangeStuckEntry>> ListAsync()
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStuckApplications>().ListAsync(CancellationToken.None);
    }

    private static string CardJson(Activity reply) =>
        System.Text.Json.JsonSerializer.Serialize(
            Assert.Single(reply.Attachments ?? [], a => a.ContentType == Attachment.AdaptiveCardContentType).Content,
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
