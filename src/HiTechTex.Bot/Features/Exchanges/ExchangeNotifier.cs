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
    ExchangeCards cards,
    IPartnerDirectory directory,
    IOptionsMonitor<PrivacyOptions> privacy,
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
            var hadCard = sent.Any(c => string.Equals(c.RecipientAadObjectId, person, StringComparison.OrdinalIgnoreCase));
            var texts = await TextsForAsync(application, person, cancellationToken).ConfigureAwait(false);
            var notice = action switch
            {
                ExchangeAction.Reassigned when reassignedBy is not null => string.Format(CultureInfo.InvariantCulture, texts.AssignedToYouByFormat, application.Reference, reassignedBy),
                ExchangeAction.Reassigned => string.Format(CultureInfo.InvariantCulture, texts.AssignedToYouFormat, application.Reference),
                ExchangeAction.Submitted when from == ExchangeStatus.ChangesRequested => string.Format(CultureInfo.InvariantCulture, texts.ResubmittedFormat, application.Reference),
                _ => null,
            };

            // Only a new message alerts: an approver whose card is merely updated would never learn it waits for them.
            if ((!hadCard || notice is not null)
                && !await SendWaitingCardAsync(application, person, texts, refresh, cancellationToken, notice).ConfigureAwait(false) && !hadCard)
            {
                notReached.Add(person);
            }
        }

        foreach (var card in sent)
        {
            await UpdateCardAsync(application, card, refresh, cancellationToken).ConfigureAwait(false);
        }

        if (action == ExchangeAction.Withdrawn && from != ExchangeStatus.Draft)
        {
            foreach (var recipient in sent.Select(c => c.RecipientAadObjectId).Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(r => !string.Equals(r, application.ApplicantAadObjectId, StringComparison.OrdinalIgnoreCase)))
            {
                var texts = await TextsForAsync(application, recipient, cancellationToken).ConfigureAwait(false);
                await SendTextToUserAsync(application, recipient,
                    string.Format(CultureInfo.InvariantCulture, texts.WithdrawnNoticeFormat, application.Reference, NameRule.ForPlainMessage(application.ApplicantName)), cancellationToken).ConfigureAwait(false);
            }
        }

        if (application.Status != from && !string.Equals(actor.AadObjectId, application.ApplicantAadObjectId, StringComparison.OrdinalIgnoreCase))
        {
            var texts = await TextsForAsync(application, application.ApplicantAadObjectId, cancellationToken).ConfigureAwait(false);
            var status = texts.Statuses[application.Status];
            var notice = comment is { Length: > 0 }
                ? string.Format(CultureInfo.InvariantCulture, texts.StatusChangedWithCommentFormat, application.Reference, status, NameRule.ForPlainMessage(actor.Name), QuotedInMessage(comment))
                : string.Format(CultureInfo.InvariantCulture, texts.StatusChangedFormat, application.Reference, status);
            await NotifyApplicantAsync(application, notice, cancellationToken).ConfigureAwait(false);
        }

        if (waitingFor.Count == 0 && application.Status is ExchangeStatus.Stage1 or ExchangeStatus.Stage2 or ExchangeStatus.ReportSubmitted)
        {
            await NoApproverAsync(application, cancellationToken).ConfigureAwait(false);
        }
        else if (waitingFor.Count > 0 && notReached.Count == waitingFor.Count)
        {
            // The card reached none of them: a failure that may pass is tried again by the follow-up; when none can be
            // reached at all (the bot not installed for them), the applicant is told now, as for a step nobody may decide.
            var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
            if (waitingFor.All(p => claims.Any(c => c.Kind == UnreachableKind(application) && string.Equals(c.RecipientAadObjectId, p, StringComparison.OrdinalIgnoreCase))))
            {
                await UnreachableApproversAsync(application, cancellationToken).ConfigureAwait(false);
            }
        }
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
        if (string.Equals(recipient, application.ApplicantAadObjectId, StringComparison.OrdinalIgnoreCase))
        {
            var current = await languages.FindProfileLanguageAsync(TeamsChannelId, application.ApplicantUserId, cancellationToken).ConfigureAwait(false);
            return ExchangeTexts.Resolve(current ?? application.ApplicantLanguage);
        }

        var language = await languages.FindAsync(recipient, application.TenantId, cancellationToken).ConfigureAwait(false);
        return language is null ? ExchangeTexts.English : ExchangeTexts.Resolve(language);
    }

    /// <summary>
    /// Nobody may decide the step the application waits at (no cluster manager configured for the organisation, no host
    /// contact with a Teams identity): without a word it would wait for ever. The applicant is told whom to ask; the
    /// operator gets a warning. The application stays where it is: a manager configured later finds it in "pending approvals".
    /// </summary>
    private async Task NoApproverAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        var organisationId = application.Status == ExchangeStatus.Stage2 ? application.HostOrganisationId : application.VisitingOrganisationId;
        Log.NoApprover(logger, application.Reference, application.Status.ToString(), organisationId);
        var organisation = await directory.FindAsync(organisationId, cancellationToken).ConfigureAwait(false);
        var texts = await TextsForAsync(application, application.ApplicantAadObjectId, cancellationToken).ConfigureAwait(false);
        var onlyTheApplicant = await approvers.ApplicantIsEntitledAsync(application, cancellationToken).ConfigureAwait(false);
        var programme = privacy.CurrentValue is { ContactEmail: { Length: > 0 } email } options ? $"{options.Operator} ({email})" : privacy.CurrentValue.Operator;
        var contact = string.Format(CultureInfo.InvariantCulture, texts.CoordinatorContactFormat, programme);

        // Remembered for the follow-up: when a card of this step reaches an approver configured later, the applicant
        // told now is told that too (ReachedApproverFormat).
        await store.TryClaimReminderAsync(application.Id, StuckKind(application), application.ApplicantAadObjectId, cancellationToken).ConfigureAwait(false);
        // The applicant manages their own organisation and nobody else may decide: said so, rather than "no approver".
        await NotifyApplicantAsync(application, string.Format(CultureInfo.InvariantCulture, onlyTheApplicant ? texts.OnlyApproverIsApplicantFormat : texts.NoApproverFormat,
            application.Reference, NameRule.ForPlainMessage(ExchangeCards.OrganisationLabel(organisation, organisationId)), contact), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The claim (<see cref="ExchangeStore.TryClaimReminderAsync"/>) under which an approver gets the card of the step the
    /// application waits at now: taken here after a transition and by the follow-up for an approver who has no card yet
    /// (configured later), so that of the two — or of two instances — only one sends it.
    /// </summary>
    public static string WaitingCardKind(ExchangeApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return $"card:{application.Status}:{application.Version.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The record (in the follow-up claims) that the applicant was told nobody could decide the step the application waits at.</summary>
    public static string StuckKind(ExchangeApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return $"stuck:{application.Status}:{application.Version.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The claim under which the applicant is told, once per step, that its card finally reached an approver.</summary>
    public static string ReachedKind(ExchangeApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return $"reached:{application.Status}:{application.Version.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>How many times the follow-up tries to deliver a step's card to an approver after transient failures (5xx, timeouts)…</summary>
    public const int CardDeliveryAttempts = 6;

    /// <summary>…and for how long after the first failure; then the approver counts as unreachable (<see cref="IsUnreachable"/>).</summary>
    public static readonly TimeSpan CardRetryWindow = TimeSpan.FromDays(1);

    /// <summary>The record of the <paramref name="attempt"/>-th transient failure to deliver the step's card to an approver.</summary>
    public static string FailedCardKind(ExchangeApplication application, int attempt)
    {
        ArgumentNullException.ThrowIfNull(application);
        return $"cardfail:{application.Status}:{application.Version.ToString(CultureInfo.InvariantCulture)}:{attempt.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The record that the step's card cannot reach an approver at all (no conversation with the bot, blocked, 403/404).</summary>
    public static string UnreachableKind(ExchangeApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return $"unreachable:{application.Status}:{application.Version.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// Whether the follow-up may try again to deliver the step's card to <paramref name="approver"/>: always after a
    /// permanent failure (cheap: no conversation or a blocked one is known without a call, and an approver who installs
    /// the bot later then gets it), after transient ones up to <see cref="CardDeliveryAttempts"/> within <see cref="CardRetryWindow"/>.
    /// </summary>
    public static bool MayRetry(ExchangeApplication application, IReadOnlyList<ExchangeReminder> claims, string approver, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var failures = TransientFailures(application, claims, approver);
        return failures.Count < CardDeliveryAttempts && (failures.Count == 0 || failures.Min(f => f.SentAt) > now - CardRetryWindow);
    }

    /// <summary>The step's card could not reach <paramref name="approver"/>: a permanent failure, or transient ones past the limit.</summary>
    public static bool IsUnreachable(ExchangeApplication application, IReadOnlyList<ExchangeReminder> claims, string approver, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var unreachable = UnreachableKind(application);
        return claims.Any(c => c.Kind == unreachable && string.Equals(c.RecipientAadObjectId, approver, StringComparison.OrdinalIgnoreCase))
            || (TransientFailures(application, claims, approver).Count > 0 && !MayRetry(application, claims, approver, now));
    }

    private static List<ExchangeReminder> TransientFailures(ExchangeApplication application, IReadOnlyList<ExchangeReminder> claims, string approver)
    {
        var prefix = FailedCardKind(application, 0)[..^1];
        return [.. claims.Where(c => c.Kind.StartsWith(prefix, StringComparison.Ordinal) && string.Equals(c.RecipientAadObjectId, approver, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>
    /// Sends an approver the card of the step the application waits at, once per step (claimed first); false when not
    /// sent. A delivery that failed gives the claim back, with a record of the failure, so that the follow-up's next
    /// pass tries again (<see cref="MayRetry"/>); a delivered card keeps it, so nobody gets a step's card twice.
    /// </summary>
    public async Task<bool> SendWaitingCardAsync(
        ExchangeApplication application, string approver, ExchangeTexts texts, IReadOnlyList<string> refresh, CancellationToken cancellationToken, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        var kind = WaitingCardKind(application);
        if (!await store.TryClaimReminderAsync(application.Id, kind, approver, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var delivery = await DeliverCardAsync(application, approver, texts, refresh, cancellationToken, notice).ConfigureAwait(false);
        if (delivery == CardDelivery.Sent)
        {
            return true;
        }

        var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        var failure = delivery == CardDelivery.Permanent
            ? UnreachableKind(application)
            : FailedCardKind(application, TransientFailures(application, claims, approver).Count + 1);
        await store.TryClaimReminderAsync(application.Id, failure, approver, cancellationToken).ConfigureAwait(false);
        await store.ReleaseReminderAsync(application.Id, kind, approver, cancellationToken).ConfigureAwait(false);
        Log.CardNotDelivered(logger, application.Reference, application.Status.ToString(), approver, delivery.ToString());
        return false;
    }

    /// <summary>
    /// The step's card reached none of its approvers and cannot (every one unreachable, <see cref="IsUnreachable"/>): the
    /// applicant is told whom to contact, once per step (the "stuck" record the follow-up also uses to tell them when it
    /// reaches an approver later), and the operator gets the warning the coordinator sees for a stage nobody may decide.
    /// </summary>
    public async Task UnreachableApproversAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (!await store.TryClaimReminderAsync(application.Id, StuckKind(application), application.ApplicantAadObjectId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var organisationId = application.Status == ExchangeStatus.Stage2 ? application.HostOrganisationId : application.VisitingOrganisationId;
        Log.ApproversUnreachable(logger, application.Reference, application.Status.ToString(), organisationId);
        var organisation = await directory.FindAsync(organisationId, cancellationToken).ConfigureAwait(false);
        var texts = await TextsForAsync(application, application.ApplicantAadObjectId, cancellationToken).ConfigureAwait(false);
        var programme = privacy.CurrentValue is { ContactEmail: { Length: > 0 } email } options ? $"{options.Operator} ({email})" : privacy.CurrentValue.Operator;
        var contact = string.Format(CultureInfo.InvariantCulture, texts.CoordinatorContactFormat, programme);
        await NotifyApplicantAsync(application, string.Format(CultureInfo.InvariantCulture, texts.ApproverUnreachableFormat,
            application.Reference, NameRule.ForPlainMessage(ExchangeCards.OrganisationLabel(organisation, organisationId)), contact), cancellationToken).ConfigureAwait(false);
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
        await DeliverCardAsync(application, recipient, texts, refresh, cancellationToken, notice).ConfigureAwait(false) == CardDelivery.Sent;

    /// <summary>
    /// As <see cref="SendCardAsync"/>, telling a failure that may pass (5xx, a timeout, the connector unreachable) from
    /// one that will not (no conversation with the bot, blocked, 403/404: the bot is not installed for them).
    /// </summary>
    private async Task<CardDelivery> DeliverCardAsync(
        ExchangeApplication application, string recipient, ExchangeTexts texts, IReadOnlyList<string> refresh, CancellationToken cancellationToken, string? notice)
    {
        ArgumentNullException.ThrowIfNull(application);
        ProactiveSendResult result;
        try
        {
            var card = await cards.ApplicationAsync(application, recipient, texts, notice, refresh, null, cancellationToken).ConfigureAwait(false);
            result = await messenger.SendToUserAsync(recipient, application.TenantId, AsMessage(card), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound)
        {
            Log.DeliveryError(logger, ex, application.Reference, "send the card", recipient);
            return CardDelivery.Permanent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A timeout is an OperationCanceledException too, but not ours.
            Log.DeliveryError(logger, ex, application.Reference, "send the card", recipient);
            return CardDelivery.Transient;
        }

        if (result is { IsSent: true, ConversationId: { } conversationId, ActivityId: { } activityId })
        {
            try
            {
                await store.AddCardAsync(application.Id, recipient, conversationId, activityId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Delivered: never sent again because its record failed (it is not updated later, the card's refresh shows the truth).
                Log.DeliveryError(logger, ex, application.Reference, "remember the card", recipient);
            }

            return CardDelivery.Sent;
        }

        Log.DeliveryFailed(logger, application.Reference, "send the card", recipient, result.Status.ToString());
        return result.IsSent ? CardDelivery.Sent : CardDelivery.Permanent;
    }

    private enum CardDelivery
    {
        Sent,
        Transient,
        Permanent,
    }

    /// <summary>A plain-text message to one person's 1:1 chat (reminders).</summary>
    public async Task SendTextToUserAsync(ExchangeApplication application, string recipient, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        try
        {
            var result = await messenger.SendToUserAsync(recipient, application.TenantId, ConversationTurn.Plain(text), cancellationToken).ConfigureAwait(false);
            if (!result.IsSent)
            {
                Log.DeliveryFailed(logger, application.Reference, "remind", recipient, result.Status.ToString());
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DeliveryError(logger, ex, application.Reference, "remind", recipient);
        }
    }

    /// <summary>A plain-text message to the applicant: in the 1:1 chat they applied in, else their 1:1 chat with the bot.</summary>
    public async Task NotifyApplicantAsync(ExchangeApplication application, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        try
        {
            var result = await messenger.SendToPersonAsync(
                application.ApplicantConversationId, application.ApplicantAadObjectId, application.TenantId, ConversationTurn.Plain(text), cancellationToken).ConfigureAwait(false);
            if (!result.IsSent)
            {
                Log.DeliveryFailed(logger, application.Reference, "notify", application.ApplicantAadObjectId, result.Status.ToString());
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DeliveryError(logger, ex, application.Reference, "notify", application.ApplicantAadObjectId);
        }
    }

    /// <summary>
    /// The Teams user ids (29:…) that get the role-specific view automatically (<c>refresh.userIds</c>, at most 60):
    /// the applicant and every approver whose 1:1 chat with the bot is known.
    /// </summary>
    public async Task<IReadOnlyList<string>> RefreshUserIdsAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var ids = new List<string>();
        if (application.ApplicantUserId.Length > 0)
        {
            ids.Add(application.ApplicantUserId);
        }

        foreach (var person in await approvers.CandidatesAsync(application, cancellationToken).ConfigureAwait(false))
        {
            var stored = application.TenantId.Length == 0 ? null : await references.FindPersonalAsync(person, application.TenantId, cancellationToken).ConfigureAwait(false);
            if (stored?.Reference.User?.Id is { } userId && userId.StartsWith("29:", StringComparison.Ordinal) && !ids.Contains(userId))
            {
                ids.Add(userId);
            }
        }

        return [.. ids.Take(60)];
    }

    private async Task UpdateCardAsync(ExchangeApplication application, ExchangeCardReference card, IReadOnlyList<string> refresh, CancellationToken cancellationToken)
    {
        try
        {
            var texts = await TextsForAsync(application, card.RecipientAadObjectId, cancellationToken).ConfigureAwait(false);
            var rendered = await cards.ApplicationAsync(application, card.RecipientAadObjectId, texts, null, refresh, null, cancellationToken).ConfigureAwait(false);
            var result = await messenger.UpdateInConversationAsync(card.ConversationId, card.ActivityId, AsMessage(rendered), cancellationToken).ConfigureAwait(false);
            if (!result.IsSent)
            {
                Log.DeliveryFailed(logger, application.Reference, "update the card", card.RecipientAadObjectId, result.Status.ToString());
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DeliveryError(logger, ex, application.Reference, "update the card", card.RecipientAadObjectId);
        }
    }

    public static Activity AsMessage(JsonObject card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [Attachment.AdaptiveCard(JsonSerializer.SerializeToElement(card))],
    };
}
