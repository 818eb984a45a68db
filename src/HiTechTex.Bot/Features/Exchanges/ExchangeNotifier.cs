using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Hosting.Pages;
using Microsoft.Extensions.Options;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// After a transition: sends the card to the people the application now waits for (in their 1:1 chat), replaces
/// every card sent earlier with its recipient's current view (PUT, "updated for everyone") and tells the applicant.
/// Delivery failures are logged and never undo the transition (the stored state is the truth; refresh shows it).
/// </summary>
internal sealed class ExchangeNotifier(
    IProactiveMessenger messenger,
    IConversationReferenceStore references,
    RecipientLanguages languages,
    ExchangeStore store,
    ExchangeApprovers approvers,
    ExchangeViews views,
    ExchangeCards cards,
    IPartnerDirectory directory,
    IOptionsMonitor<PrivacyOptions> privacy,
    TimeProvider timeProvider,
    ILogger<ExchangeNotifier> logger)
{
    // The application keeps the applicant's Teams user id, not the channel: the bot is a Teams bot.
    private const string TeamsChannelId = "msteams";

    /// <param name="from">The status before the transition (a reassignment keeps it: the applicant is not told).</param>
    /// <param name="action">What happened: a resubmission or a reassignment sends a new card to the approvers who had one
    /// (Teams does not alert anybody when a message is edited); a withdrawal tells them.</param>
    /// <param name="comment">The decision's comment (why it was rejected or sent back), passed on to the applicant as plain text.</param>
    public async Task AfterTransitionAsync(
        ExchangeApplication application, ExchangeActor actor, ExchangeStatus from, ExchangeAction action, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(actor);
        var refresh = await RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
        var sent = await store.CardsAsync(application.Id, cancellationToken).ConfigureAwait(false);
        var waitingFor = await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false);
        var reassignedBy = action == ExchangeAction.Reassigned ? await NameOfAsync(actor, application.TenantId, cancellationToken).ConfigureAwait(false) : null;
        var notReached = new List<string>();
        foreach (var person in waitingFor)
        {
            var hadCard = sent.Any(c => AadObjectIds.Same(c.RecipientAadObjectId, person));
            var texts = await TextsForAsync(application, person, cancellationToken).ConfigureAwait(false);
            var notice = NewCardAlert(application, texts, action, from, reassignedBy);

            // Only a new message alerts: an approver whose card is merely updated would never learn it waits for them.
            if ((!hadCard || notice is not null)
                && !await SendWaitingCardAsync(application, person, texts, refresh, cancellationToken, notice).ConfigureAwait(false) && !hadCard)
            {
                notReached.Add(person);
            }
        }

        foreach (var cardsOfOne in sent.GroupBy(c => c.RecipientAadObjectId, AadObjectIds.Comparer))
        {
            // Not updated (the connector failing): the follow-up's next pass tries again, so that a decided or withdrawn
            // application's card does not keep offering Approve/Reject.
            await UpdateCardsAsync(application, cardsOfOne.Key, [.. cardsOfOne], refresh, cancellationToken).ConfigureAwait(false);
        }

        if (action == ExchangeAction.Withdrawn && from != ExchangeStatus.Draft)
        {
            foreach (var recipient in sent.Select(c => c.RecipientAadObjectId).Distinct(AadObjectIds.Comparer)
                .Where(r => !AadObjectIds.Same(r, application.ApplicantAadObjectId)))
            {
                // Not delivered (the connector failing, the approver's chat gone): the follow-up's next pass tries again.
                await TellWithdrawnAsync(application, recipient, cancellationToken).ConfigureAwait(false);
            }
        }

        if (application.Status != from && !AadObjectIds.Same(actor.AadObjectId, application.ApplicantAadObjectId))
        {
            // Not delivered (the connector failing, the applicant's chat gone): the follow-up's next pass tries again.
            await NotifyStatusAsync(application, actor.Name, comment, cancellationToken).ConfigureAwait(false);
        }

        if (waitingFor.Count == 0 && application.Status.AwaitsADecision())
        {
            await NoApproverAsync(application, cancellationToken).ConfigureAwait(false);
        }
        else if (waitingFor.Count > 0 && notReached.Count == waitingFor.Count)
        {
            // The card reached none of them: a failure that may pass is tried again by the follow-up; when none can be
            // reached at all (the bot not installed for them), the applicant is told now, as for a step nobody may decide.
            var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
            if (waitingFor.All(p => claims.Any(c => c.Kind == UnreachableKind(application) && AadObjectIds.Same(c.RecipientAadObjectId, p))))
            {
                await UnreachableApproversAsync(application, cancellationToken).ConfigureAwait(false);
            }
        }

        // Every notice sent, or its failure recorded for the follow-up: no longer owed as a whole (an aborted turn never
        // gets here, and the follow-up then sends what it had not).
        await store.ReleaseReminderAsync(application.Id, ExchangeDeliveryClaim.NoticesDue(application), actor.AadObjectId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a transition sends a new card to the approvers who had one — a resubmission after "Request changes", a
    /// reassignment — since Teams alerts nobody about an edited card (<see cref="NewCardAlert"/>).
    /// </summary>
    public static bool AlertsApprovers(ExchangeAction action, ExchangeStatus from) =>
        action == ExchangeAction.Reassigned || (action == ExchangeAction.Submitted && from == ExchangeStatus.ChangesRequested);

    /// <summary>
    /// The line above the new card of a resubmission or a reassignment ("Vasco Almeida has assigned … to you", who
    /// reassigned it when known); null for other transitions.
    /// </summary>
    private static string? NewCardAlert(ExchangeApplication application, ExchangeTexts texts, ExchangeAction action, ExchangeStatus from, string? reassignedBy) => action switch
    {
        ExchangeAction.Reassigned when reassignedBy is not null => string.Format(CultureInfo.InvariantCulture, texts.AssignedToYouByFormat, application.Reference, reassignedBy),
        ExchangeAction.Reassigned => string.Format(CultureInfo.InvariantCulture, texts.AssignedToYouFormat, application.Reference),
        ExchangeAction.Submitted when from == ExchangeStatus.ChangesRequested => string.Format(CultureInfo.InvariantCulture, texts.ResubmittedFormat, application.Reference),
        _ => null,
    };

    /// <summary>
    /// The new card of a resubmission or a reassignment (<see cref="AlertsApprovers"/>) to an approver who had a card,
    /// sent by the follow-up when the turn of <paramref name="decision"/> stopped before sending it or its delivery failed:
    /// under the step's card claim (<see cref="SendWaitingCardAsync"/>), so never twice — nor after the turn sent it.
    /// True when this call delivered it.
    /// </summary>
    public async Task<bool> SendNewCardAlertAsync(
        ExchangeApplication application, ExchangeAuditEntry decision, string approver, IReadOnlyList<string> refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(decision);
        var reassignedBy = decision.Action == ExchangeAction.Reassigned
            ? await NameOfAsync(new ExchangeActor(decision.ActorAadObjectId, decision.ActorName, "", application.TenantId), application.TenantId, cancellationToken).ConfigureAwait(false)
            : null;
        var texts = await TextsForAsync(application, approver, cancellationToken).ConfigureAwait(false);
        return await SendWaitingCardAsync(application, approver, texts, refresh, cancellationToken, NewCardAlert(application, texts, decision.Action, decision.FromStatus, reassignedBy))
            .ConfigureAwait(false);
    }

    /// <summary>
    /// A comment somebody typed, quoted in a message to somebody else. The message is plain text (<c>textFormat:
    /// plain</c>), which Teams shows as typed — "[Verify your account](https://…)" stays those characters, and escaping it
    /// would show the backslashes — so the comment only loses what reverses the text, on one line
    /// (<see cref="NameRule.ForPlainMessage"/>); the card's history keeps it as typed.
    /// </summary>
    internal static string QuotedInMessage(string comment) => NameRule.ForPlainMessage(comment);

    /// <summary>
    /// The language of a person's card: the applicant's profile language now (they may have changed it since applying),
    /// else the one they applied in; an approver's from their profile or Teams (<see cref="RecipientLanguages"/>), else English.
    /// </summary>
    public async Task<ExchangeTexts> TextsForAsync(ExchangeApplication application, string recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (AadObjectIds.Same(recipient, application.ApplicantAadObjectId))
        {
            var current = await languages.FindProfileLanguageAsync(TeamsChannelId, application.ApplicantUserId, cancellationToken).ConfigureAwait(false);
            return ExchangeTexts.Resolve(current ?? application.ApplicantLanguage);
        }

        var language = await languages.FindAsync(recipient, application.TenantId, cancellationToken).ConfigureAwait(false);
        return language is null ? ExchangeTexts.English : ExchangeTexts.Resolve(language);
    }

    /// <summary>
    /// Nobody may decide the step the application waits at (no cluster manager configured for the organisation, no host
    /// contact with a Teams identity): without a word it would wait for ever. The applicant is told whom to ask, once per
    /// step, under the "stuck" claim (<see cref="ExchangeDeliveryClaim.Stuck"/>, the record the follow-up also uses to
    /// tell them when the card reaches an approver configured later); a notice that was not delivered gives the claim
    /// back and the follow-up's next pass tries again (<see cref="ExchangeFollowUp"/>, bounded as the cards). The operator
    /// gets a warning at the first try. The application stays where it is: a manager configured later finds it in
    /// "pending approvals". True when this call delivered the notice. <paramref name="again"/>: the notice sent once more
    /// (its first send stopped on the wire, or killed mid-send): not a new event, so not logged as one (2307/2323 are
    /// logged once per step; the resend has its own information line, 2398).
    /// </summary>
    public async Task<bool> NoApproverAsync(ExchangeApplication application, CancellationToken cancellationToken, bool again = false)
    {
        ArgumentNullException.ThrowIfNull(application);
        var organisationId = application.Status == ExchangeStatus.Stage2 ? application.HostOrganisationId : application.VisitingOrganisationId;
        return await SendClaimedAsync(application, Stuck(application), application.ApplicantAadObjectId, "no-approver notice", async (level, ct) =>
        {
            var onlyTheApplicant = await approvers.ApplicantIsEntitledAsync(application, ct).ConfigureAwait(false);
            if (level == LogLevel.Warning)
            {
                if (onlyTheApplicant)
                {
                    // Not "no cluster manager": one is configured — the applicant, who never decides their own application.
                    Log.OnlyApproverIsApplicant(logger, application.Reference, application.Status.ToString(), organisationId);
                }
                else
                {
                    Log.NoApprover(logger, application.Reference, application.Status.ToString(), organisationId);
                }
            }

            var organisation = await directory.FindAsync(organisationId, ct).ConfigureAwait(false);
            var texts = await TextsForAsync(application, application.ApplicantAadObjectId, ct).ConfigureAwait(false);
            var programme = privacy.CurrentValue is { ContactEmail: { Length: > 0 } email } options ? $"{options.Operator} ({email})" : privacy.CurrentValue.Operator;
            var contact = string.Format(CultureInfo.InvariantCulture, texts.CoordinatorContactFormat, programme);

            // The applicant manages their own organisation and nobody else may decide: said so, rather than "no approver".
            var text = string.Format(CultureInfo.InvariantCulture, onlyTheApplicant ? texts.OnlyApproverIsApplicantFormat : texts.NoApproverFormat,
                application.Reference, NameRule.ForPlainMessage(ExchangeCards.OrganisationLabel(organisation, organisationId)), contact);
            return await DeliverTextAsync(application, application.ApplicantConversationId, application.ApplicantAadObjectId, text, "notify", level, ct).ConfigureAwait(false);
        }, cancellationToken, again).ConfigureAwait(false);
    }

    /// <summary>
    /// Tells an approver who had the application's card that the applicant withdrew it, once (claimed,
    /// <see cref="ExchangeDeliveryClaim.WithdrawnNotice"/>); a failed delivery gives the claim back for the follow-up's
    /// next pass (bounded: the application is closed). True when this call delivered it.
    /// </summary>
    public async Task<bool> TellWithdrawnAsync(ExchangeApplication application, string recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return await SendClaimedAsync(application, ExchangeDeliveryClaim.WithdrawnNotice(application), recipient, "withdrawal notice", async (level, ct) =>
        {
            var texts = await TextsForAsync(application, recipient, ct).ConfigureAwait(false);
            var text = string.Format(CultureInfo.InvariantCulture, texts.WithdrawnNoticeFormat, application.Reference, NameRule.ForPlainMessage(application.ApplicantName));
            return await DeliverTextAsync(application, null, recipient, text, "notify", level, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The claim (<see cref="ExchangeStore.TryClaimReminderAsync"/>) under which an approver gets the card of the step the
    /// application waits at now: taken here after a transition and by the follow-up for an approver who has no card yet
    /// (configured later), so that of the two — or of two instances — only one sends it.
    /// </summary>
    public static string WaitingCardKind(ExchangeApplication application) => ExchangeDeliveryClaim.Card(application).Kind;

    /// <summary>The record (in the follow-up claims) that the applicant was told nobody could decide the step the application waits at.</summary>
    public static string StuckKind(ExchangeApplication application) => Stuck(application).Kind;

    /// <summary>The claim under which the applicant is told, once per step, that its card finally reached an approver.</summary>
    public static string ReachedKind(ExchangeApplication application) => ExchangeDeliveryClaim.Reached(application).Kind;

    /// <summary>How many times the follow-up tries to deliver a step's card to an approver after transient failures (5xx, timeouts)…</summary>
    public const int CardDeliveryAttempts = ExchangeDeliveryClaim.Attempts;

    /// <summary>…and for how long after the first failure; then the approver counts as unreachable (<see cref="IsUnreachable"/>).</summary>
    public static readonly TimeSpan CardRetryWindow = ExchangeDeliveryClaim.RetryWindow;

    /// <summary>The record that the step's card cannot reach an approver at all (no conversation with the bot, blocked, 403/404).</summary>
    public static string UnreachableKind(ExchangeApplication application) => ExchangeDeliveryClaim.Card(application).UnreachableKind;

    /// <summary>
    /// Whether the follow-up may try again now to deliver the step's card to <paramref name="approver"/>
    /// (<see cref="ExchangeDeliveryClaim.MayRetry"/>): after refusals (no conversation with the bot, blocked, 403/404) up
    /// to <see cref="ExchangeDeliveryClaim.RefusalAttempts"/> times with a growing wait (an approver who installs the bot
    /// soon then gets it soon), after transient failures up to <see cref="CardDeliveryAttempts"/> within <see cref="CardRetryWindow"/>.
    /// </summary>
    public static bool MayRetry(ExchangeApplication application, IReadOnlyList<ExchangeReminder> claims, string approver, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return ExchangeDeliveryClaim.Card(application).MayRetry(claims, approver, now);
    }

    /// <summary>The step's card could not reach <paramref name="approver"/>: a permanent failure, or transient ones past the limit.</summary>
    public static bool IsUnreachable(ExchangeApplication application, IReadOnlyList<ExchangeReminder> claims, string approver, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return ExchangeDeliveryClaim.Card(application).IsUnreachable(claims, approver, now);
    }

    /// <summary>The "nobody can decide this step" notice to the applicant (also the record the "reached" notice needs).</summary>
    private static ExchangeDeliveryClaim Stuck(ExchangeApplication application) => ExchangeDeliveryClaim.Stuck(application);

    /// <summary>
    /// Sends an approver the card of the step the application waits at, once per step (claimed first); false when not
    /// sent. A delivery that failed gives the claim back, with a record of the failure, so that the follow-up's next
    /// pass tries again (<see cref="MayRetry"/>); a delivered card keeps it, so nobody gets a step's card twice.
    /// </summary>
    public Task<bool> SendWaitingCardAsync(
        ExchangeApplication application, string approver, ExchangeTexts texts, IReadOnlyList<string> refresh, CancellationToken cancellationToken, string? notice = null) =>
        SendClaimedAsync(application, ExchangeDeliveryClaim.Card(application), approver, "card",
            (level, ct) => DeliverCardAsync(application, approver, texts, refresh, ct, notice, level), cancellationToken);

    /// <summary>
    /// Reminds a pending approver of the step (the reminder, then the card again), once per step: claimed first; when the
    /// reminder is not delivered the claim is given back so that the follow-up's next pass tries again, bounded as the
    /// cards (<see cref="ExchangeDeliveryClaim"/>). Once the reminder is delivered the claim stays, whatever becomes of
    /// the card after it (a card to an approver who has one already, and has the reminder): never a second reminder.
    /// </summary>
    public async Task<bool> RemindAsync(ExchangeApplication application, string approver, IReadOnlyList<string> refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var texts = await TextsForAsync(application, approver, cancellationToken).ConfigureAwait(false);
        var text = string.Format(CultureInfo.InvariantCulture, texts.ReminderFormat, application.Reference);
        if (!await SendClaimedAsync(application, ExchangeDeliveryClaim.Reminder(application), approver, "reminder",
            (level, ct) => DeliverTextAsync(application, null, approver, text, "remind", level, ct), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await SendCardAsync(application, approver, texts, refresh, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Asks the applicant for the closing report (the request, then the card), once per application: claim, send, mark —
    /// claimed first (<see cref="ExchangeDeliveryClaim.ReportRequest"/>), recorded on the application
    /// (<see cref="ExchangeStore.MarkReportRequestedAsync"/>) once the request was delivered, and the card sent by the one
    /// call whose conditional mark took (two instances never both send it); a failed delivery gives the claim back for
    /// the follow-up's next pass, bounded as the cards. A request delivered whose mark was lost (the process stopped in
    /// between) leaves its claim held and the application unmarked: a later pass, once the claim is older than any send
    /// (<see cref="ExchangeDeliveryClaim.InFlightBound"/>; a younger one may be another instance's send in progress),
    /// marks it and sends the card, never the request again (information 2329).
    /// </summary>
    public async Task<bool> RequestReportAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var applicant = application.ApplicantAadObjectId;
        var claim = ExchangeDeliveryClaim.ReportRequest;
        var held = (await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(c => c.Kind == claim.Kind && AadObjectIds.Same(c.RecipientAadObjectId, applicant));
        var texts = await TextsForAsync(application, applicant, cancellationToken).ConfigureAwait(false);
        if (held is not null)
        {
            // Delivered (or on the wire when the host stopped: never twice) by an earlier pass that did not get to record it.
            if (held.SentAt > timeProvider.GetUtcNow() - ExchangeDeliveryClaim.InFlightBound)
            {
                return false;
            }
        }
        else
        {
            var text = string.Format(CultureInfo.InvariantCulture, texts.ReportRequestFormat, application.Reference);
            if (!await SendClaimedAsync(application, claim, applicant, "closing-report request",
                (level, ct) => DeliverTextAsync(application, application.ApplicantConversationId, applicant, text, "notify", level, ct), cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        // Recorded even when the host is stopping (the request is out: it must not be lost nor sent again); only the call
        // whose conditional mark took sends the card.
        if (!await store.MarkReportRequestedAsync(application.Id, CancellationToken.None).ConfigureAwait(false))
        {
            return false;
        }

        if (held is not null)
        {
            Log.ReportRequestCompleted(logger, application.Reference, held.SentAt);
        }

        var refresh = await RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
        await SendCardAsync(application, applicant, texts, refresh, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Tells the applicant, once per step, that the card of the step they were told nobody could decide has now reached
    /// an approver: claimed; a failed delivery gives the claim back for the follow-up's next pass, bounded as the cards.
    /// </summary>
    public async Task<bool> TellReachedAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var applicant = application.ApplicantAadObjectId;
        var texts = await TextsForAsync(application, applicant, cancellationToken).ConfigureAwait(false);
        var text = string.Format(CultureInfo.InvariantCulture, texts.ReachedApproverFormat, application.Reference);
        return await SendClaimedAsync(application, ExchangeDeliveryClaim.Reached(application), applicant, "reached-an-approver notice",
            (level, ct) => DeliverTextAsync(application, application.ApplicantConversationId, applicant, text, "notify", level, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tells the applicant the application's new status after somebody else's decision, with its comment when there is
    /// one, once per version: claimed; a failed delivery gives the claim back, so that the follow-up's next pass tries
    /// again (<see cref="ExchangeDeliveryClaim.StatusNotice"/>, bounded as the cards) — as long as no later decision
    /// changed the status again (the applicant is then told that one).
    /// </summary>
    public async Task<bool> NotifyStatusAsync(ExchangeApplication application, string actorName, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var applicant = application.ApplicantAadObjectId;
        var texts = await TextsForAsync(application, applicant, cancellationToken).ConfigureAwait(false);
        var status = texts.Statuses[application.Status];
        var notice = comment is { Length: > 0 }
            ? string.Format(CultureInfo.InvariantCulture, texts.StatusChangedWithCommentFormat, application.Reference, status, NameRule.ForPlainMessage(actorName), QuotedInMessage(comment))
            : string.Format(CultureInfo.InvariantCulture, texts.StatusChangedFormat, application.Reference, status);
        return await SendClaimedAsync(application, ExchangeDeliveryClaim.StatusNotice(application), applicant, "status notice",
            (level, ct) => DeliverTextAsync(application, application.ApplicantConversationId, applicant, notice, "notify", level, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends one message under its claim (<see cref="ExchangeDeliveryClaim"/>): nothing when it was sent already, is being
    /// sent by another pass or instance, or may not be tried again; else claims it, sends it, and when the delivery
    /// failed records the failure and gives the claim back. True only when this call delivered it. The first failure of a
    /// message to a recipient is a warning; the next ones (an approver who never installed the bot fails at every pass)
    /// are logged as information, and so is a message sent once more (<paramref name="again"/>: its first send was logged).
    /// </summary>
    private async Task<bool> SendClaimedAsync(
        ExchangeApplication application, ExchangeDeliveryClaim claim, string recipient, string what,
        Func<LogLevel, CancellationToken, Task<Delivery>> send, CancellationToken cancellationToken, bool again = false)
    {
        ArgumentNullException.ThrowIfNull(application);
        var before = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        if (!claim.MayRetry(before, recipient, timeProvider.GetUtcNow()))
        {
            return false;
        }

        // The applicant's notices: marked as being sent before they are claimed (ExchangeDeliveryClaim.InFlightKind), the
        // mark removed once the send ended — so that a process killed mid-send leaves it, and the follow-up sends the
        // notice once more, instead of a claim that looks delivered.
        var marked = claim.MarksInFlight
            && await store.TryClaimReminderAsync(application.Id, claim.InFlightKind, recipient, cancellationToken).ConfigureAwait(false);
        if (!await store.TryClaimReminderAsync(application.Id, claim.Kind, recipient, cancellationToken).ConfigureAwait(false))
        {
            if (marked)
            {
                await store.ReleaseReminderAsync(application.Id, claim.InFlightKind, recipient, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        var level = again || claim.FailedBefore(before, recipient) ? LogLevel.Information : LogLevel.Warning;
        return await SendHeldAsync(application, claim, recipient, what, send, level, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the step's card to <paramref name="approver"/> under the claim the caller holds already — taken over, with
    /// <see cref="ExchangeStore.TryRenewClaimAsync"/>, from a send that may not have arrived (the coordinator's Retry now):
    /// the claim is never given up between the two, so that no follow-up pass can claim the card and send it too. A failed
    /// delivery gives the claim back with its record, as any send's. True when delivered.
    /// </summary>
    public Task<bool> SendWaitingCardUnderHeldClaimAsync(
        ExchangeApplication application, string approver, ExchangeTexts texts, IReadOnlyList<string> refresh, CancellationToken cancellationToken) =>
        SendHeldAsync(application, ExchangeDeliveryClaim.Card(application), approver, "card",
            (level, ct) => DeliverCardAsync(application, approver, texts, refresh, ct, null, level), LogLevel.Warning, cancellationToken);

    /// <summary>The send of <see cref="SendClaimedAsync"/> once its claim is held.</summary>
    private async Task<bool> SendHeldAsync(
        ExchangeApplication application, ExchangeDeliveryClaim claim, string recipient, string what,
        Func<LogLevel, CancellationToken, Task<Delivery>> send, LogLevel level, CancellationToken cancellationToken)
    {
        if (!claim.MarksInFlight)
        {
            return await SendHeldCoreAsync(application, claim, recipient, what, send, level, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await SendHeldCoreAsync(application, claim, recipient, what, send, level, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The send ended, whichever way (delivered, failed and recorded, stopped and recorded): no longer in flight.
            // Only a process killed before here leaves the mark (ExchangeFollowUp.ResendKilledMidSendAsync).
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await store.ReleaseReminderAsync(application.Id, claim.InFlightKind, recipient, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The database gone: the mark stays, and the notice may be sent once more (less harm than none).
                Log.DeliveryError(logger, LogLevel.Warning, ex, application.Reference, "clear the sending mark of the " + what, recipient);
            }
        }
    }

    private async Task<bool> SendHeldCoreAsync(
        ExchangeApplication application, ExchangeDeliveryClaim claim, string recipient, string what,
        Func<LogLevel, CancellationToken, Task<Delivery>> send, LogLevel level, CancellationToken cancellationToken)
    {
        Delivery delivery;
        try
        {
            delivery = await send(level, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not even sent (the message could not be made: a database or directory error): given back like a failed send.
            Log.DeliveryError(logger, level, ex, application.Reference, "send the " + what, recipient);
            delivery = Delivery.Transient;
        }
        catch (MayHaveBeenDeliveredException)
        {
            // Stopped (the host shutting down) with the message on the wire, or delivered: the claim stays — not sent
            // again by itself. Recorded as such: a step's card for the coordinator to see it may not have arrived; a notice
            // or a reminder for the follow-up to send once more (ExchangeFollowUp.ResendStoppedOnTheWireAsync). Not the
            // closing-report request: its report card, sent once its claim is older than any send, asks for the report.
            Log.SendStoppedInFlight(logger, application.Reference, what, recipient);
            if (claim != ExchangeDeliveryClaim.ReportRequest)
            {
                await RecordOnTheWireAsync(application, claim, recipient, what).ConfigureAwait(false);
            }

            throw;
        }
        catch (OperationCanceledException)
        {
            // Stopped before the message could reach the connector — while it was made, or while the connector client
            // waited to retry a refused send (DeliveryCancelledException): nothing was delivered, so the claim is given
            // back (the token is cancelled: without it) and the follow-up's first pass after the restart sends it.
            await GiveBackStoppedAsync(application, claim, recipient, what).ConfigureAwait(false);
            throw;
        }

        if (delivery == Delivery.Sent)
        {
            return true;
        }

        // A closed application's notice is tried a bounded number of times even when the recipient cannot be reached at all.
        var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        var permanent = delivery == Delivery.Permanent && !ExchangeDeliveryClaim.IsClosed(application);
        await store.TryClaimReminderAsync(application.Id, claim.FailureKind(claims, recipient, permanent), recipient, cancellationToken).ConfigureAwait(false);
        if (permanent && claim.NextRefusalKind(claims, recipient) is { } refusal)
        {
            // Refused: counted, so that the follow-up tries it with a growing wait and then stops (a step's card is listed
            // for the coordinator; another message is left — a later decision brings a new one).
            await store.TryClaimReminderAsync(application.Id, refusal, recipient, cancellationToken).ConfigureAwait(false);
            if (claim.RefusalsSpent(await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false), recipient))
            {
                if (claim.Kind == WaitingCardKind(application))
                {
                    Log.CardRefusalsSpent(logger, application.Reference, application.Status.ToString(), recipient, ExchangeDeliveryClaim.RefusalAttempts);
                }
                else
                {
                    Log.MessageRefusalsSpent(logger, application.Reference, application.Status.ToString(), what, recipient, ExchangeDeliveryClaim.RefusalAttempts);
                }
            }
        }

        if (ExchangeDeliveryClaim.IsClosed(application))
        {
            // Numbered alike, a refusal and the service failing are told apart for the coordinator (the last one counts).
            if (delivery == Delivery.Permanent)
            {
                await store.TryClaimReminderAsync(application.Id, claim.RefusedKind, recipient, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await store.ReleaseReminderAsync(application.Id, claim.RefusedKind, recipient, cancellationToken).ConfigureAwait(false);
            }
        }

        await store.ReleaseReminderAsync(application.Id, claim.Kind, recipient, cancellationToken).ConfigureAwait(false);
        if (claim.Kind == WaitingCardKind(application))
        {
            Log.CardNotDelivered(logger, level, application.Reference, application.Status.ToString(), recipient, delivery.ToString());
        }
        else
        {
            Log.MessageNotDelivered(logger, level, application.Reference, what, recipient, delivery.ToString());
        }

        return false;
    }

    /// <summary>
    /// Gives back the claim of a send stopped before the message could reach the connector (<see cref="SendClaimedAsync"/>),
    /// on a token of its own: the host is shutting down and the send's token is cancelled. Recorded as a transient failure,
    /// as a refused send is: the follow-up looks for those records to send a notice again, and a step whose card failed
    /// is not one the applicant was told nobody could decide (no "reached an approver" for it).
    /// </summary>
    private async Task GiveBackStoppedAsync(ExchangeApplication application, ExchangeDeliveryClaim claim, string recipient, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            var claims = await store.RemindersAsync(application.Id, timeout.Token).ConfigureAwait(false);
            await store.TryClaimReminderAsync(application.Id, claim.FailureKind(claims, recipient, permanent: false), recipient, timeout.Token).ConfigureAwait(false);
            await store.ReleaseReminderAsync(application.Id, claim.Kind, recipient, timeout.Token).ConfigureAwait(false);
            Log.SendStoppedGivenBack(logger, application.Reference, what, recipient);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The database gone too: the claim stays (as before), and the log says the message may be missing.
            Log.DeliveryError(logger, LogLevel.Warning, ex, application.Reference, "give back the claim of the stopped " + what, recipient);
        }
    }

    /// <summary>
    /// Records that a send was stopped with the message on the wire (<see cref="ExchangeDeliveryClaim.OnTheWireKind"/>),
    /// on a token of its own (the send's is cancelled: the host is shutting down); the claim itself stays.
    /// </summary>
    private async Task RecordOnTheWireAsync(ExchangeApplication application, ExchangeDeliveryClaim claim, string recipient, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await store.TryClaimReminderAsync(application.Id, claim.OnTheWireKind, recipient, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The database gone too: the warning (2327) is all there is.
            Log.DeliveryError(logger, LogLevel.Warning, ex, application.Reference, "record the stopped " + what, recipient);
        }
    }

    /// <summary>
    /// The follow-up stops trying to deliver a closed application's notice to <paramref name="recipient"/> (its bounded
    /// attempts are spent): recorded (<see cref="ExchangeDeliveryClaim.GaveUpKind"/>), for the coordinator's "stuck
    /// applications", and logged once as a warning (2324).
    /// </summary>
    public async Task GiveUpAsync(ExchangeApplication application, ExchangeDeliveryClaim claim, string recipient, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(claim);
        if (!await store.TryClaimReminderAsync(application.Id, claim.GaveUpKind, recipient, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (claim == ExchangeDeliveryClaim.CardUpdate(application))
        {
            // The card is stale (nobody is left uninformed): 2328, and listed on the coordinator's "stuck applications".
            Log.CardUpdateGivenUp(logger, application.Reference, application.Status.ToString(), recipient, ExchangeDeliveryClaim.Attempts);
        }
        else
        {
            Log.NoticeGivenUp(logger, application.Reference, application.Status.ToString(), what, recipient, ExchangeDeliveryClaim.Attempts);
        }
    }

    /// <summary>
    /// The step's card reached none of its approvers and cannot (every one unreachable, <see cref="IsUnreachable"/>): the
    /// applicant is told whom to contact, once per step (the "stuck" record the follow-up also uses to tell them when it
    /// reaches an approver later), and the operator gets the warning the coordinator sees for a stage nobody may decide.
    /// A notice that was not delivered is given back, so that the follow-up's next pass (which calls this again while
    /// nobody can be reached) tries again, bounded as the cards.
    /// </summary>
    public async Task UnreachableApproversAsync(ExchangeApplication application, CancellationToken cancellationToken, bool again = false)
    {
        ArgumentNullException.ThrowIfNull(application);
        var organisationId = application.Status == ExchangeStatus.Stage2 ? application.HostOrganisationId : application.VisitingOrganisationId;
        await SendClaimedAsync(application, Stuck(application), application.ApplicantAadObjectId, "no-approver-reachable notice", async (level, ct) =>
        {
            if (level == LogLevel.Warning)
            {
                Log.ApproversUnreachable(logger, application.Reference, application.Status.ToString(), organisationId);
            }

            // Built once claimed: the follow-up calls this at every pass while nobody can be reached.
            var organisation = await directory.FindAsync(organisationId, ct).ConfigureAwait(false);
            var texts = await TextsForAsync(application, application.ApplicantAadObjectId, ct).ConfigureAwait(false);
            var programme = privacy.CurrentValue is { ContactEmail: { Length: > 0 } email } options ? $"{options.Operator} ({email})" : privacy.CurrentValue.Operator;
            var contact = string.Format(CultureInfo.InvariantCulture, texts.CoordinatorContactFormat, programme);
            var text = string.Format(CultureInfo.InvariantCulture, texts.ApproverUnreachableFormat,
                application.Reference, NameRule.ForPlainMessage(ExchangeCards.OrganisationLabel(organisation, organisationId)), contact);
            return await DeliverTextAsync(application, application.ApplicantConversationId, application.ApplicantAadObjectId, text, "notify", level, ct).ConfigureAwait(false);
        }, cancellationToken, again).ConfigureAwait(false);
    }

    /// <summary>
    /// The name of who acted, for a message to somebody else: the turn's (<c>PersonName</c>: the profile's, else a Teams
    /// name that keeps the name rules), else what the bot knows of them (<see cref="RecipientLanguages.FindNameAsync"/>);
    /// null when neither is known.
    /// </summary>
    private async Task<string?> NameOfAsync(ExchangeActor actor, string tenantId, CancellationToken cancellationToken) =>
        actor.Name is { Length: > 0 } name && name != ConversationTurn.UnknownName
            ? name
            : await languages.FindNameAsync(actor.AadObjectId, tenantId, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends the application's card to one person's 1:1 chat and remembers it for later updates.</summary>
    public async Task<bool> SendCardAsync(
        ExchangeApplication application, string recipient, ExchangeTexts texts, IReadOnlyList<string> refresh, CancellationToken cancellationToken, string? notice = null) =>
        await DeliverCardAsync(application, recipient, texts, refresh, cancellationToken, notice, LogLevel.Warning).ConfigureAwait(false) == Delivery.Sent;

    /// <summary>
    /// As <see cref="SendCardAsync"/>, telling a failure that may pass (5xx, a timeout, the connector unreachable) from
    /// one that will not (no conversation with the bot, blocked, 403/404: the bot is not installed for them).
    /// </summary>
    private async Task<Delivery> DeliverCardAsync(
        ExchangeApplication application, string recipient, ExchangeTexts texts, IReadOnlyList<string> refresh, CancellationToken cancellationToken, string? notice,
        LogLevel failureLevel)
    {
        ArgumentNullException.ThrowIfNull(application);
        ProactiveSendResult result;
        try
        {
            // Stopped while the card is made: a plain cancellation, nothing sent.
            var card = await cards.ApplicationAsync(application, recipient, texts, notice, refresh, null, cancellationToken).ConfigureAwait(false);
            result = await SendingAsync(() => messenger.SendToUserAsync(recipient, application.TenantId, AsMessage(card), cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A timeout is an OperationCanceledException too, but not ours.
            Log.DeliveryError(logger, failureLevel, ex, application.Reference, "send the card", recipient);
            return IsPermanent(ex) ? Delivery.Permanent : Delivery.Transient;
        }

        if (result.IsSent)
        {
            try
            {
                // Accepted without an activity id (an empty 200/201): delivered all the same, recorded as such — a card
                // that cannot be replaced in place, so that a later update sends a new one (UpdateCardAsync) and the
                // coordinator's list does not take it for a card that may not have arrived.
                await store.AddCardAsync(application.Id, recipient, result.ConversationId ?? "", ExchangeCardReference.ActivityIdOrNone(result.ActivityId), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
            {
                // Delivered, stopped while recorded: its claim must stay.
                throw new MayHaveBeenDeliveredException(ex, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Delivered: never sent again because its record failed (it is not updated later, the card's refresh shows the truth).
                Log.DeliveryError(logger, LogLevel.Warning, ex, application.Reference, "remember the card", recipient);
            }

            return Delivery.Sent;
        }

        Log.DeliveryFailed(logger, failureLevel, application.Reference, "send the card", recipient, result.Status.ToString());
        return Delivery.Permanent;
    }

    /// <summary>
    /// A plain-text message to one person: to <paramref name="conversationId"/> when given (the 1:1 chat the applicant
    /// applied in), else — or when that one is gone — their 1:1 chat with the bot; failures told apart as for the cards.
    /// </summary>
    private async Task<Delivery> DeliverTextAsync(
        ExchangeApplication application, string? conversationId, string recipient, string text, string operation, LogLevel failureLevel, CancellationToken cancellationToken)
    {
        ProactiveSendResult result;
        try
        {
            result = await SendingAsync(
                () => messenger.SendToPersonAsync(conversationId, recipient, application.TenantId, ConversationTurn.Plain(text), cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.DeliveryError(logger, failureLevel, ex, application.Reference, operation, recipient);
            return IsPermanent(ex) ? Delivery.Permanent : Delivery.Transient;
        }

        if (result.IsSent)
        {
            return Delivery.Sent;
        }

        Log.DeliveryFailed(logger, failureLevel, application.Reference, operation, recipient, result.Status.ToString());
        return Delivery.Permanent;
    }

    /// <summary>
    /// The messenger's send: stopped by the token with the message possibly on the wire (a plain cancellation, not the
    /// messenger's <see cref="DeliveryCancelledException"/>), whether it arrived is unknown — said with
    /// <see cref="MayHaveBeenDeliveredException"/>, so that <see cref="SendClaimedAsync"/> keeps the claim.
    /// </summary>
    private static async Task<ProactiveSendResult> SendingAsync(Func<Task<ProactiveSendResult>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex is not DeliveryCancelledException)
        {
            throw new MayHaveBeenDeliveredException(ex, cancellationToken);
        }
    }

    /// <summary>A send stopped by its token after the message may have reached the connector (or did): its claim stays.</summary>
    private sealed class MayHaveBeenDeliveredException(Exception innerException, CancellationToken cancellationToken)
        : OperationCanceledException("Stopped after the message may have reached the connector.", innerException, cancellationToken);

    private static bool IsPermanent(Exception exception) =>
        exception is ConnectorException { StatusCode: System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound };

    /// <summary>How a send ended: delivered, failed in a way that may pass (5xx, a timeout), or that will not (not installed, blocked, 403/404).</summary>
    private enum Delivery
    {
        Sent,
        Transient,
        Permanent,
    }

    /// <summary>Teams' limit of <c>refresh.userIds</c>: more than this many ids and no one's card refreshes by itself.</summary>
    public const int MaxRefreshUserIds = 60;

    /// <summary>
    /// The Teams user ids (29:…) that get the role-specific view automatically (<c>refresh.userIds</c>, at most
    /// <see cref="MaxRefreshUserIds"/>), whose 1:1 chat with the bot is known: the applicant, the people who may decide the
    /// current step, the step's other approvers, then everybody else who was sent a card of the application and may still
    /// see it (the visiting side's manager who approved stage 1 keeps a card that shows the current state) — in that
    /// order, so that when there are more than 60 those who must act are never the ones left out (the others' cards
    /// still offer Refresh, and are replaced after every transition). Who may see what is decided again on the server
    /// at every refresh (<see cref="ExchangeViews"/>): being listed grants nothing.
    /// </summary>
    public async Task<IReadOnlyList<string>> RefreshUserIdsAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var ids = new List<string>();
        if (application.ApplicantUserId.Length > 0)
        {
            ids.Add(application.ApplicantUserId);
        }

        if (application.TenantId.Length == 0)
        {
            return ids;
        }

        var current = await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false);
        var candidates = await approvers.CandidatesAsync(application, cancellationToken).ConfigureAwait(false);
        var holders = new List<string>();
        foreach (var recipient in (await store.CardsAsync(application.Id, cancellationToken).ConfigureAwait(false)).Select(c => c.RecipientAadObjectId))
        {
            if (!holders.Contains(recipient, AadObjectIds.Comparer)
                && !AadObjectIds.Same(recipient, application.ApplicantAadObjectId)
                && (await views.ForAsync(application, recipient, cancellationToken).ConfigureAwait(false)).CanSee)
            {
                holders.Add(recipient);
            }
        }

        var people = new List<string>();
        foreach (var person in current.Concat(candidates).Concat(holders))
        {
            if (!people.Contains(person, AadObjectIds.Comparer))
            {
                people.Add(person);
            }
        }

        foreach (var person in people)
        {
            if (ids.Count == MaxRefreshUserIds)
            {
                break;
            }

            var stored = await references.FindPersonalAsync(person, application.TenantId, cancellationToken).ConfigureAwait(false);
            if (stored?.Reference.User?.Id is { } userId && userId.StartsWith("29:", StringComparison.Ordinal) && !ids.Contains(userId))
            {
                ids.Add(userId);
            }
        }

        return ids;
    }

    /// <summary>
    /// Replaces the cards <paramref name="recipient"/> has of the application with their view of its current version
    /// (PUT), once per version: claimed (<see cref="ExchangeDeliveryClaim.CardUpdate"/>); a failure that may pass (5xx,
    /// 408, 429, a timeout, the connector unreachable) gives the claim back with a numbered failure record, so that the
    /// follow-up's next pass tries again, bounded as the notices; one that will not (blocked, 403/404, no conversation)
    /// keeps the claim: not tried again. A PUT only replaces the card: tried again, nothing is ever added twice; a card
    /// replaced by a new one (<see cref="ReplaceCardAsync"/>) whose send a stop cut off on the wire keeps the claim too
    /// (warning 2333), so that it is never posted twice. True when this call updated them all.
    /// </summary>
    public async Task<bool> UpdateCardsAsync(
        ExchangeApplication application, string recipient, IReadOnlyList<ExchangeCardReference> cardsOfRecipient, IReadOnlyList<string> refresh,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(cardsOfRecipient);
        var claim = ExchangeDeliveryClaim.CardUpdate(application);
        var before = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        if (cardsOfRecipient.Count == 0 || !claim.MayRetry(before, recipient, timeProvider.GetUtcNow())
            || !await store.TryClaimReminderAsync(application.Id, claim.Kind, recipient, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var level = claim.FailedBefore(before, recipient) ? LogLevel.Information : LogLevel.Warning;
        var outcome = Delivery.Sent;
        try
        {
            foreach (var card in cardsOfRecipient)
            {
                var updated = await UpdateCardAsync(application, card, refresh, level, cancellationToken).ConfigureAwait(false);
                outcome = updated == Delivery.Transient || outcome == Delivery.Transient ? Delivery.Transient
                    : updated == Delivery.Permanent ? Delivery.Permanent : outcome;
            }
        }
        catch (MayHaveBeenDeliveredException)
        {
            // A card that cannot be replaced in place, whose new card was on the wire when the host stopped: it may have
            // arrived, so the claim stays — tried again, the update would post a second card. Not arrived, the card left
            // shows the current state when clicked, and the next version's update replaces it.
            Log.ReplacementCardStoppedInFlight(logger, application.Reference, recipient);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped (the host shutting down): given back, tried again after the restart (a PUT twice changes nothing more).
            await GiveBackStoppedAsync(application, claim, recipient, "card update").ConfigureAwait(false);
            throw;
        }

        if (outcome == Delivery.Transient)
        {
            var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
            await store.TryClaimReminderAsync(application.Id, claim.FailureKind(claims, recipient, permanent: false), recipient, cancellationToken).ConfigureAwait(false);
            await store.ReleaseReminderAsync(application.Id, claim.Kind, recipient, cancellationToken).ConfigureAwait(false);
        }

        return outcome == Delivery.Sent;
    }

    private async Task<Delivery> UpdateCardAsync(
        ExchangeApplication application, ExchangeCardReference card, IReadOnlyList<string> refresh, LogLevel failureLevel, CancellationToken cancellationToken)
    {
        try
        {
            var texts = await TextsForAsync(application, card.RecipientAadObjectId, cancellationToken).ConfigureAwait(false);
            var rendered = await cards.ApplicationAsync(application, card.RecipientAadObjectId, texts, null, refresh, null, cancellationToken).ConfigureAwait(false);
            if (!card.IsUpdatable)
            {
                return await ReplaceCardAsync(application, card, rendered, failureLevel, cancellationToken).ConfigureAwait(false);
            }

            var result = await messenger.UpdateInConversationAsync(card.ConversationId, card.ActivityId, AsMessage(rendered), cancellationToken).ConfigureAwait(false);
            if (!result.IsSent)
            {
                Log.DeliveryFailed(logger, failureLevel, application.Reference, "update the card", card.RecipientAadObjectId, result.Status.ToString());
                return Delivery.Permanent;
            }

            return Delivery.Sent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A timeout is an OperationCanceledException too, but not ours.
            Log.DeliveryError(logger, failureLevel, ex, application.Reference, "update the card", card.RecipientAadObjectId);
            return IsTransient(ex) ? Delivery.Transient : Delivery.Permanent;
        }
    }

    /// <summary>
    /// The "update" of a card the connector accepted without an id (<see cref="ExchangeCardReference.IsUpdatable"/>): it
    /// cannot be replaced in place, so the recipient's current view goes out as a new card — into the same chat, else
    /// their 1:1 chat — which takes its place on record (the old one, which nothing can change, forgotten). Failures are
    /// told apart as for an update.
    /// </summary>
    private async Task<Delivery> ReplaceCardAsync(
        ExchangeApplication application, ExchangeCardReference card, JsonObject rendered, LogLevel failureLevel, CancellationToken cancellationToken)
    {
        // Stopped on the wire, it may have arrived: said so (SendingAsync), so that the update's claim stays rather than
        // a second new card going out after the restart (UpdateCardsAsync).
        var result = await SendingAsync(
            () => card.ConversationId.Length > 0
                ? messenger.SendToConversationAsync(card.ConversationId, AsMessage(rendered), cancellationToken)
                : messenger.SendToUserAsync(card.RecipientAadObjectId, application.TenantId, AsMessage(rendered), cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!result.IsSent)
        {
            Log.DeliveryFailed(logger, failureLevel, application.Reference, "replace the card", card.RecipientAadObjectId, result.Status.ToString());
            return Delivery.Permanent;
        }

        try
        {
            await store.AddCardAsync(application.Id, card.RecipientAadObjectId, result.ConversationId ?? card.ConversationId,
                ExchangeCardReference.ActivityIdOrNone(result.ActivityId), CancellationToken.None).ConfigureAwait(false);
            await store.RemoveCardAsync(card.Id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Delivered: the records are what they were (a later update sends a new card again).
            Log.DeliveryError(logger, LogLevel.Warning, ex, application.Reference, "remember the new card", card.RecipientAadObjectId);
        }

        return Delivery.Sent;
    }

    /// <summary>A failure that may pass: 5xx, 408, 429, or no answer at all (the connector unreachable, a timeout).</summary>
    private static bool IsTransient(Exception exception) => exception is not ConnectorException connector
        || (int)connector.StatusCode >= 500
        || connector.StatusCode is System.Net.HttpStatusCode.RequestTimeout or System.Net.HttpStatusCode.TooManyRequests;

    public static Activity AsMessage(JsonObject card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [Attachment.AdaptiveCard(JsonSerializer.SerializeToElement(card))],
    };
}
