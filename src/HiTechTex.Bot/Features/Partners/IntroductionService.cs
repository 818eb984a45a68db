using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// Introduction requests: records one, sends the card proactively to the partner's contacts that have a Teams
/// identity (else to the managers of its cluster, <c>Roles:ClusterManagers</c>), and applies the addressees'
/// Accept/Decline: one conditional update (only a pending request changes, so a double click or a stale card
/// changes nothing), the card updated for everyone it was sent to, the requester notified — with the partner's
/// contact details only on accept. Everything the card sends back is checked against the stored request.
/// </summary>
internal sealed class IntroductionService(
    BotDbContext db,
    IPartnerDirectory directory,
    PartnerCards cards,
    IProactiveMessenger messenger,
    IConversationReferenceStore references,
    RecipientLanguages languages,
    IOptionsMonitor<RoleOptions> roles,
    IRoleService roleService,
    IOptions<PartnersOptions> options,
    TimeProvider timeProvider,
    IServiceProvider services,
    ILogger<IntroductionService> logger)
{
    public const int MaxMessageLength = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Asks the partner's contacts (else its cluster's managers) for an introduction. Returns what to tell the user and,
    /// when a request to the partner now stands (just sent, or already asked and unanswered), the partner — so the
    /// details card the request came from can stop offering it.
    /// </summary>
    public async Task<(string Reply, Organisation? Requested)> RequestAsync(ITurnContext turnContext, string? organisationId, string? message, UserProfile? profile, PartnerTexts texts, CancellationToken cancellationToken)
    {
        // As stored and shown on the addressees' card: nothing that turns the text around or hides in it (FreeText).
        var text = FreeText.Clean(message);
        if (text.Length > MaxMessageLength || FreeText.IsMissing(text))
        {
            return (texts.IntroductionMessageInvalid, null);
        }

        var organisation = string.IsNullOrWhiteSpace(organisationId) ? null : await directory.FindAsync(organisationId, cancellationToken).ConfigureAwait(false);
        var activity = turnContext.Activity;
        var requesterKey = activity.From?.AadObjectId ?? activity.From?.Id;
        if (organisation is not { ListingConsent: true } || requesterKey is null || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return (texts.PartnerNotFound, null);
        }

        if (PartnerMemberEditor.IsManaged(roleService.GetRoles(activity.From?.AadObjectId).ManagedOrganisationIds, organisation))
        {
            // A manager of the partner's cluster has its contacts (and would be asked to accept their own request): the
            // details card offers them no request, so this one was forged or stale. Nothing is stored or sent.
            Log.IntroductionOwnMemberRefused(logger, organisation.Id);
            return (PartnerTexts.Format(texts.IntroductionOwnMember, organisation.Name, texts.ManageMembersCommands[0]), null);
        }

        if (IsOwnContact(organisation, activity.From?.AadObjectId))
        {
            // A listed Teams contact of the partner would be its addressee: they would receive their own request and
            // could accept it themselves. Their details card offers none; this one was forged or stale. Nothing is
            // stored or sent.
            Log.IntroductionOwnContactRefused(logger, organisation.Id);
            return (PartnerTexts.Format(texts.IntroductionOwnContact, organisation.Name), null);
        }

        var addressees = AddresseesOf(organisation);
        var tenantId = activity.GetTenantId();
        if (addressees.Count == 0 || string.IsNullOrEmpty(tenantId))
        {
            return (PartnerTexts.Format(texts.IntroductionUnreachable, organisation.Name), null);
        }

        var introduction = new Introduction(
            Guid.NewGuid().ToString("N"),
            // The profile's name when it keeps the name rules (one saved before a rule may not), else PersonName's.
            profile?.Name is { } named && ProfileDialog.KeepsNameRules(named) ? named : turnContext.PersonName(),
            profile?.Organisation ?? "",
            texts.Language,
            activity.PersonalChatId() ?? "",
            organisation.Id,
            organisation.Name,
            text,
            addressees,
            [],
            IntroductionStatus.Pending,
            null);

        // Stored before the cards go out, so an answer that comes back at once finds it.
        var now = timeProvider.GetUtcNow();
        var (entity, refusal, pendingSince) = await ClaimAsync(introduction, requesterKey, activity.From?.AadObjectId, tenantId, now, cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return refusal == Refusal.AlreadyRequested
                ? (PartnerTexts.Format(texts.IntroductionAlreadyRequested, organisation.Name, DateOf(pendingSince ?? now, texts, activity.LocalTimezone), options.Value.IntroductionExpiryDays), organisation)
                : (PartnerTexts.Format(texts.IntroductionLimit, options.Value.DailyIntroductionLimit), null);
        }

        var userIds = new List<string>();
        var chats = new Dictionary<string, StoredConversationReference?>(StringComparer.OrdinalIgnoreCase);
        foreach (var addressee in addressees)
        {
            var stored = await references.FindPersonalAsync(addressee, tenantId, cancellationToken).ConfigureAwait(false);
            chats[addressee] = stored;
            if (stored?.Reference.User?.Id is { } userId)
            {
                userIds.Add(userId);
            }
        }

        var sent = new List<SentCard>();
        foreach (var addressee in addressees)
        {
            try
            {
                // Each addressee reads the card in their own language (profile, else Teams), else the partner's.
                var language = await languages.FindAsync(chats[addressee], cancellationToken).ConfigureAwait(false);
                var addresseeTexts = language is null ? AddresseeTexts(organisation) : PartnerTexts.Resolve(language);
                var card = cards.Introduction(addresseeTexts, introduction, canAnswer: true, userIds);
                var result = await messenger.SendToUserAsync(addressee, tenantId, AsMessage(card), cancellationToken).ConfigureAwait(false);
                if (result is { IsSent: true, ConversationId: { } sentConversation, ActivityId: { } activityId })
                {
                    var stored = await references.GetAsync(sentConversation, cancellationToken).ConfigureAwait(false);
                    sent.Add(new SentCard(sentConversation, activityId, stored?.Reference.User?.Id, addresseeTexts.Language));
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One unreachable addressee (no app, connector failure) must not stop the others.
                Log.IntroductionSendFailed(logger, introduction.Id, exception);
            }
        }

        entity.CardsJson = JsonSerializer.Serialize(sent, Json);
        entity.Status = (sent.Count == 0 ? IntroductionStatus.Undeliverable : IntroductionStatus.Pending).ToString();
        if (sent.Count == 0)
        {
            // Nobody got it: it neither counts toward the daily limit nor blocks asking the partner again.
            entity.DailySlotKey = null;
            entity.PendingKey = null;
        }

        using (await EnterWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        Log.IntroductionRequested(logger, introduction.Id, entity.Status);
        return sent.Count == 0
            ? (PartnerTexts.Format(texts.IntroductionUnreachable, organisation.Name), null)
            : (PartnerTexts.Format(texts.IntroductionSent, organisation.Name), organisation);
    }

    /// <summary>Accept or decline by an addressee; anyone else, a repeated or a stale answer changes nothing.</summary>
    public async Task<AdaptiveCardInvokeResponse> DecideAsync(ITurnContext turnContext, string verb, string? introductionId, bool accept, CancellationToken cancellationToken)
    {
        var viewerTexts = PartnerTexts.Resolve(turnContext.GetTexts().Language);
        var entity = await FindAsync(introductionId, cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            Log.IntroductionActionRefused(logger, verb, introductionId, "unknown introduction");
            return AdaptiveCardInvokeResponse.Message(viewerTexts.IntroductionNotFound);
        }

        var introduction = ToIntroduction(entity);
        var viewer = turnContext.Activity.From?.AadObjectId;
        if (!IsAddressee(introduction, viewer))
        {
            Log.IntroductionActionRefused(logger, verb, introduction.Id, "not an addressee");
            return AdaptiveCardInvokeResponse.Message(viewerTexts.NotAddressee);
        }

        var organisation = await directory.FindAsync(introduction.OrganisationId, cancellationToken).ConfigureAwait(false);
        if (!SpeaksFor(organisation, viewer))
        {
            // Sent to them, but they no longer answer for the partner (replaced as its contact, no longer a manager of
            // its cluster): their answer would be the partner's — and an accept would hand out its new contact's details.
            Log.IntroductionActionRefused(logger, verb, introduction.Id, "no longer a contact or manager of the partner");
            return AdaptiveCardInvokeResponse.Message(PartnerTexts.Format(viewerTexts.NoLongerAddressee, organisation!.Name));
        }

        var texts = CardTexts(introduction, organisation, turnContext.Activity.From?.Id);
        if (IsDue(entity, timeProvider.GetUtcNow()))
        {
            // Past its expiry and not yet swept: it expires now (its cards and the requester are told), not answered.
            (introduction, _) = await ExpireNowAsync(entity, organisation, cancellationToken).ConfigureAwait(false);
        }

        if (introduction.Status != IntroductionStatus.Pending)
        {
            return Card(texts, introduction);
        }

        var status = (accept ? IntroductionStatus.Accepted : IntroductionStatus.Declined).ToString();
        var pending = nameof(IntroductionStatus.Pending);
        var decidedBy = turnContext.PersonName();
        var now = timeProvider.GetUtcNow();
        int changed;
        using (await EnterWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            changed = await db.Set<IntroductionEntity>()
                .Where(e => e.Id == introduction.Id && e.Status == pending)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, status).SetProperty(e => e.DecidedBy, decidedBy).SetProperty(e => e.DecidedAt, now).SetProperty(e => e.PendingKey, (string?)null), cancellationToken)
                .ConfigureAwait(false);
        }

        if (changed == 0)
        {
            // Someone else answered in between (another addressee, a double click): show what stands.
            var current = await FindAsync(introduction.Id, cancellationToken).ConfigureAwait(false);
            return Card(texts, current is null ? introduction : ToIntroduction(current));
        }

        introduction = introduction with { Status = Enum.Parse<IntroductionStatus>(status), DecidedBy = decidedBy, DecidedAt = now };
        Log.IntroductionDecided(logger, introduction.Id, status);
        var decided = await UpdateCardsAsync(introduction, texts, cancellationToken).ConfigureAwait(false);
        if (!await NotifyRequesterAsync(introduction, entity.RequesterAadObjectId, entity.TenantId, organisation, accept, cancellationToken).ConfigureAwait(false))
        {
            // The requester waits for this answer and could not be given it (the connector failing, their chat gone):
            // the person who answered is told (in the language of the card they answered), so that they can let them know
            // another way.
            await TellAnswerUndeliveredAsync(turnContext, texts, entity, cancellationToken).ConfigureAwait(false);
        }

        return AdaptiveCardInvokeResponse.Card(decided.Content!.Value);
    }

    /// <summary>
    /// The background sweep (<see cref="IntroductionExpiryService"/>): every pending request older than
    /// <c>Partners:IntroductionExpiryDays</c> expires — its cards lose their buttons and say since when, and the
    /// requester is told in their language that they may ask again. Each request is claimed by its conditional update,
    /// so two instances sweeping together (or a click at the same moment) announce it once. Returns how many expired.
    /// </summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var expiresBefore = timeProvider.GetUtcNow() - TimeSpan.FromDays(options.Value.IntroductionExpiryDays);
        var pending = nameof(IntroductionStatus.Pending);
        var expired = nameof(IntroductionStatus.Expired);
        var count = 0;
        // Requests whose claim this pass released (their cards could not be updated): left to the next pass.
        var released = new List<string>();
        while (true)
        {
            // Due, or an expiry claimed by a sweep that never finished it (its instance stopped) whose claim has lapsed.
            var now = timeProvider.GetUtcNow();
            var due = await db.Set<IntroductionEntity>().AsNoTracking()
                .Where(e => ((e.Status == pending && e.CreatedAt <= expiresBefore) || (e.Status == expired && e.ExpiryLeaseUntil != null && e.ExpiryLeaseUntil <= now))
                    && !released.Contains(e.Id))
                .OrderBy(e => e.Id)
                .Take(SweepBatch)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var claimed = 0;
            foreach (var entity in due)
            {
                var organisation = await directory.FindAsync(entity.OrganisationId, cancellationToken).ConfigureAwait(false);
                var outcome = await ExpireNowAsync(entity, organisation, cancellationToken).ConfigureAwait(false);
                if (outcome.Claimed)
                {
                    claimed++;
                }
                else if (outcome.Introduction.Status == IntroductionStatus.Expired)
                {
                    // Given back (pending again) or still claimed by a stalled sweep: not again in this pass.
                    released.Add(entity.Id);
                }
            }

            count += claimed;
            // A full batch may have more behind it; a batch that claimed nothing (another instance took them) ends the pass.
            if (due.Count < SweepBatch || claimed == 0)
            {
                return count;
            }
        }
    }

    private const int SweepBatch = 100;

    /// <summary>Pending and past <c>Partners:IntroductionExpiryDays</c>: no longer answerable, whether swept yet or not.</summary>
    private bool IsDue(IntroductionEntity entity, DateTimeOffset now) =>
        entity.Status == nameof(IntroductionStatus.Pending) && entity.CreatedAt <= now - TimeSpan.FromDays(options.Value.IntroductionExpiryDays);

    /// <summary>
    /// Expires a request past its expiry: if this call changed it (the claim), its cards are updated to the expired
    /// card and, unless the requester is asking again right now, they are told. Returns the request as it now stands and
    /// whether this call expired it. When its cards cannot be updated — the connector failing for a moment, or anything
    /// else between the claim and the cards — the claim is released (<see cref="ReleaseExpiryAsync"/>): the request is
    /// pending again, already past its expiry, so the next sweep (or a click) finishes the job; the caller is shown the
    /// expired request, not told it was claimed. Bounded: after <see cref="ExpiryAttempts"/> tries, or from the second on
    /// once <see cref="ExpiryRetryWindow"/> past its expiry, it stays expired (warning 2118) and the requester is told no
    /// answer will come. The claim is a lease (<see cref="ExpiryLease"/>): one left by a sweep that stopped is taken over
    /// once it lapses; the requester is told only by the sweep that still holds it when the cards are done.
    /// </summary>
    private async Task<(Introduction Introduction, bool Claimed)> ExpireNowAsync(IntroductionEntity entity, Organisation? organisation, CancellationToken cancellationToken, bool notifyRequester = true)
    {
        var now = timeProvider.GetUtcNow();
        var lease = await ExpireAsync(entity, now, cancellationToken).ConfigureAwait(false);
        var claimed = lease is null ? null : await FindAsync(entity.Id, cancellationToken).ConfigureAwait(false);
        if (lease is null || claimed is null)
        {
            var current = await FindAsync(entity.Id, cancellationToken).ConfigureAwait(false);
            return (ToIntroduction(current ?? entity), false);
        }

        var introduction = ToIntroduction(claimed);
        var unreachable = false;
        try
        {
            var (_, failed) = await UpdateCardsReportingAsync(introduction, organisation is null ? PartnerTexts.English : AddresseeTexts(organisation), cancellationToken).ConfigureAwait(false);
            if (failed && !GivesUp(claimed, now))
            {
                await ReleaseExpiryAsync(entity.Id, lease.Value, null).ConfigureAwait(false);
                return (introduction, false);
            }

            if (failed)
            {
                // The connector has failed at every try: the request stays expired (a click on a card shows it expired),
                // the sweep stops trying, and the requester — who waits for an answer — is told that none will come.
                Log.IntroductionExpiryGivenUp(logger, entity.Id, claimed.ExpiryAttempts);
                unreachable = true;
            }
        }
        catch (Exception exception)
        {
            await ReleaseExpiryAsync(entity.Id, lease.Value, exception).ConfigureAwait(false);
            if (exception is OperationCanceledException)
            {
                throw;
            }

            return (introduction, false);
        }

        if (!await FinishExpiryAsync(entity.Id, lease.Value, cancellationToken).ConfigureAwait(false))
        {
            // This sweep was too slow: its claim lapsed and another one took the expiry over, and tells the requester.
            return (introduction, false);
        }

        if (notifyRequester)
        {
            await SendToRequesterAsync(introduction, entity.RequesterAadObjectId, entity.TenantId, texts => PartnerTexts.Format(
                unreachable ? texts.ExpiredUnreachableNotice : texts.ExpiredNotice,
                introduction.OrganisationName,
                PartnerCards.DayOf(texts, entity.CreatedAt),
                options.Value.IntroductionExpiryDays,
                ConversationTexts.For(texts.Language).FindPartners), cancellationToken).ConfigureAwait(false);
        }

        return (introduction, true);
    }

    /// <summary>How long an expiry's claim holds: past it, a sweep takes over an expiry whose sweep never finished it.</summary>
    internal static readonly TimeSpan ExpiryLease = TimeSpan.FromMinutes(15);

    /// <summary>How many times an expiry whose cards the connector cannot update is tried (as the exchanges' notices)…</summary>
    internal const int ExpiryAttempts = 6;

    /// <summary>…and for how long after the request fell due (after its second try at least).</summary>
    internal static readonly TimeSpan ExpiryRetryWindow = TimeSpan.FromDays(1);

    /// <summary>Whether the expiry just tried (and failed for a reason that may pass) is given up rather than tried again.</summary>
    private bool GivesUp(IntroductionEntity claimed, DateTimeOffset now) =>
        claimed.ExpiryAttempts >= ExpiryAttempts
        || (claimed.ExpiryAttempts >= 2 && now - (claimed.CreatedAt + TimeSpan.FromDays(options.Value.IntroductionExpiryDays)) >= ExpiryRetryWindow);

    /// <summary>
    /// Replaces every card sent for the request (PUT through the connector) by its current state without buttons, each in
    /// the language it was sent in (else <paramref name="texts"/>'); returns the card in <paramref name="texts"/>' language.
    /// One card that cannot be updated does not stop the others.
    /// </summary>
    private async Task<Attachment> UpdateCardsAsync(Introduction introduction, PartnerTexts texts, CancellationToken cancellationToken) =>
        (await UpdateCardsReportingAsync(introduction, texts, cancellationToken).ConfigureAwait(false)).Current;

    /// <summary>
    /// <see cref="UpdateCardsAsync"/>, and whether a card could not be updated for a reason that may pass (the connector
    /// failing: a 5xx, 408, 429, the network). A card whose chat blocked the bot, has no stored address, or is gone
    /// (another 4xx) will not be updated by trying again, and is no failure here.
    /// </summary>
    private async Task<(Attachment Current, bool Failed)> UpdateCardsReportingAsync(Introduction introduction, PartnerTexts texts, CancellationToken cancellationToken)
    {
        var failed = false;
        var userIds = UserIdsOf(introduction);
        var current = cards.Introduction(texts, introduction, canAnswer: false, userIds);
        foreach (var card in introduction.Cards)
        {
            try
            {
                var update = card.Language is { } language && language != texts.Language
                    ? cards.Introduction(PartnerTexts.Resolve(language), introduction, canAnswer: false, userIds)
                    : current;
                await messenger.UpdateInConversationAsync(card.ConversationId, card.ActivityId, AsMessage(update), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.IntroductionSendFailed(logger, introduction.Id, exception);
                failed |= exception is not ConnectorException { StatusCode: var code } || (int)code is 408 or 429 or >= 500;
            }
        }

        return (current, failed);
    }

    /// <summary>
    /// Gives back the claim of an expiry whose cards could not be updated: pending again (its pending key stays freed,
    /// so the requester may ask again meanwhile), so that the next sweep — or a click on a card — expires it and updates
    /// the cards. Only an expiry: nothing else changes an expired request. Never cancelled: a claim left behind would
    /// leave the cards with their buttons for good.
    /// </summary>
    private async Task ReleaseExpiryAsync(string id, DateTimeOffset lease, Exception? exception)
    {
        Log.IntroductionExpiryReleased(logger, id, exception);
        var pending = nameof(IntroductionStatus.Pending);
        var expired = nameof(IntroductionStatus.Expired);
        try
        {
            using (await EnterWriteAsync(CancellationToken.None).ConfigureAwait(false))
            {
                await db.Set<IntroductionEntity>()
                    .Where(e => e.Id == id && e.Status == expired && e.ExpiryLeaseUntil == lease)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, pending).SetProperty(e => e.DecidedAt, (DateTimeOffset?)null).SetProperty(e => e.ExpiryLeaseUntil, (DateTimeOffset?)null), CancellationToken.None)
                    .ConfigureAwait(false);
            }
        }
        catch (Exception releaseFailure)
        {
            Log.IntroductionSendFailed(logger, id, releaseFailure);
        }
    }

    /// <summary>
    /// The Universal Actions refresh: the current card, with the buttons only for a pending request's addressees. Only
    /// the addressees (the partner's contacts, or the cluster managers it went to) and the requester see it: the id is
    /// in the card's data, so anyone who learnt it could ask — they get a card that says so, without the request.
    /// </summary>
    public async Task<AdaptiveCardInvokeResponse> RefreshAsync(ITurnContext turnContext, string? introductionId, CancellationToken cancellationToken)
    {
        var viewerTexts = PartnerTexts.Resolve(turnContext.GetTexts().Language);
        var entity = await FindAsync(introductionId, cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return AdaptiveCardInvokeResponse.Message(viewerTexts.IntroductionNotFound);
        }

        var introduction = ToIntroduction(entity);
        var viewer = turnContext.Activity.From;
        var isAddressee = IsAddressee(introduction, viewer?.AadObjectId);
        if (!isAddressee && !IsRequester(entity, viewer))
        {
            Log.IntroductionActionRefused(logger, IntroductionCardActionHandler.RefreshVerb, introduction.Id, "neither the requester nor an addressee");
            return AdaptiveCardInvokeResponse.Card(cards.NotShown(viewerTexts, turnContext.GetTexts().BackToMenu).Content!.Value);
        }

        var organisation = await directory.FindAsync(introduction.OrganisationId, cancellationToken).ConfigureAwait(false);
        if (IsDue(entity, timeProvider.GetUtcNow()))
        {
            (introduction, _) = await ExpireNowAsync(entity, organisation, cancellationToken).ConfigureAwait(false);
        }

        // The requester reads it in their own language; an addressee in the one their card was sent in — and one who no
        // longer speaks for the partner sees it without the buttons (their answer is refused, DecideAsync).
        var texts = isAddressee ? CardTexts(introduction, organisation, viewer?.Id) : viewerTexts;
        var card = cards.Introduction(texts, introduction, isAddressee && SpeaksFor(organisation, viewer?.AadObjectId), UserIdsOf(introduction));
        return AdaptiveCardInvokeResponse.Card(card.Content!.Value);
    }

    /// <summary>The person who asked: their Entra id, else (a request stored without one) the channel id it was keyed by.</summary>
    private static bool IsRequester(IntroductionEntity entity, ChannelAccount? viewer) =>
        viewer is not null && (entity.RequesterAadObjectId is { Length: > 0 } requester
            ? string.Equals(requester, viewer.AadObjectId, StringComparison.OrdinalIgnoreCase)
            : viewer.AadObjectId is null && viewer.Id is { Length: > 0 } && string.Equals(entity.RequesterKey, viewer.Id, StringComparison.Ordinal));

    /// <summary>
    /// Stores the request if the requester still may send it: no pending request to that partner younger than
    /// <c>Partners:IntroductionExpiryDays</c> (older ones expire now) and a free slot of today's limit. The unique slot
    /// and pending keys make the database the judge, so two requests at once (two clicks, two chats, two instances)
    /// cannot both pass: the loser looks again and gets the polite answer. Refused as already requested, it returns
    /// when the pending request was made.
    /// </summary>
    private async Task<(IntroductionEntity? Entity, Refusal Refusal, DateTimeOffset? PendingSince)> ClaimAsync(
        Introduction introduction, string requesterKey, string? requesterAadObjectId, string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = options.Value.DailyIntroductionLimit;
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var day = now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var expiresBefore = now - TimeSpan.FromDays(options.Value.IntroductionExpiryDays);
        var undeliverable = IntroductionStatus.Undeliverable.ToString();
        var pending = nameof(IntroductionStatus.Pending);
        for (var attempt = 0; ; attempt++)
        {
            // Every pending request to this partner, whatever its day: one stands until it is answered or expires.
            var open = await db.Set<IntroductionEntity>().AsNoTracking()
                .Where(e => e.RequesterKey == requesterKey && e.OrganisationId == introduction.OrganisationId && e.Status == pending)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (open.Where(o => o.CreatedAt > expiresBefore).Select(o => (DateTimeOffset?)o.CreatedAt).Min() is { } since)
            {
                return (null, Refusal.AlreadyRequested, since);
            }

            foreach (var stale in open)
            {
                // Not swept yet: its cards stop offering the buttons; the requester, asking again now, needs no notice.
                var organisation = await directory.FindAsync(stale.OrganisationId, cancellationToken).ConfigureAwait(false);
                await ExpireNowAsync(stale, organisation, cancellationToken, notifyRequester: false).ConfigureAwait(false);
            }

            var today = await db.Set<IntroductionEntity>().AsNoTracking()
                .Where(e => e.RequesterKey == requesterKey && e.CreatedAt >= dayStart && e.Status != undeliverable)
                .Select(e => e.DailySlotKey)
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            var taken = today.OfType<string>().ToHashSet(StringComparer.Ordinal);
            var slot = today.Count >= limit ? null : Enumerable.Range(1, limit).Select(n => $"{requesterKey}|{day}|{n}").FirstOrDefault(k => !taken.Contains(k));
            if (slot is null)
            {
                return (null, Refusal.DailyLimit, null);
            }

            var entity = ToEntity(introduction, requesterKey, requesterAadObjectId, tenantId, now);
            entity.DailySlotKey = slot;
            entity.PendingKey = $"{requesterKey}|{introduction.OrganisationId}";
            try
            {
                using (await EnterWriteAsync(cancellationToken).ConfigureAwait(false))
                {
                    db.Add(entity);
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }

                return (entity, Refusal.None, null);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another request took this slot or this partner's pending key meanwhile: it is stored now, look again.
                db.Entry(entity).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// A pending request past its expiry: no longer pending (its key freed, its card's buttons answer with the expired
    /// card) and claimed until <see cref="ExpiryLease"/> from now — or an expiry already claimed whose claim has lapsed
    /// (the sweep that claimed it stopped before finishing). Conditional, so an answer given meanwhile stands and two
    /// sweeps never claim it together; returns the claim's lease, only for the call that changed it.
    /// </summary>
    private async Task<DateTimeOffset?> ExpireAsync(IntroductionEntity entity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = entity.Id;
        var pending = nameof(IntroductionStatus.Pending);
        var expired = nameof(IntroductionStatus.Expired);
        var lease = now + ExpiryLease;
        using (await EnterWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            var changed = await db.Set<IntroductionEntity>()
                .Where(e => e.Id == id && (e.Status == pending || (e.Status == expired && e.ExpiryLeaseUntil != null && e.ExpiryLeaseUntil <= now)))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(e => e.DecidedAt, e => e.Status == pending ? (DateTimeOffset?)now : e.DecidedAt)
                    .SetProperty(e => e.Status, expired)
                    .SetProperty(e => e.PendingKey, (string?)null)
                    .SetProperty(e => e.ExpiryLeaseUntil, lease)
                    .SetProperty(e => e.ExpiryAttempts, e => e.ExpiryAttempts + 1), cancellationToken)
                .ConfigureAwait(false);
            if (changed == 0)
            {
                return null;
            }

            if (entity.Status == expired && entity.ExpiryLeaseUntil is { } lapsed)
            {
                Log.IntroductionExpiryTakenOver(logger, id, lapsed);
            }
            else
            {
                Log.IntroductionDecided(logger, id, expired);
            }

            return lease;
        }
    }

    /// <summary>The expiry done (cards updated, or given up): its claim ends — if it is still this sweep's (true).</summary>
    private async Task<bool> FinishExpiryAsync(string id, DateTimeOffset lease, CancellationToken cancellationToken)
    {
        var expired = nameof(IntroductionStatus.Expired);
        using (await EnterWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            return await db.Set<IntroductionEntity>()
                .Where(e => e.Id == id && e.Status == expired && e.ExpiryLeaseUntil == lease)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.ExpiryLeaseUntil, (DateTimeOffset?)null), cancellationToken)
                .ConfigureAwait(false) > 0;
        }
    }

    /// <summary>A date as the requester reads it: their language's short date, in their Teams client's time zone when known.</summary>
    private static string DateOf(DateTimeOffset time, PartnerTexts texts, string? timeZone)
    {
        var zone = timeZone is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(time, zone).ToString("d", ConversationTexts.RegionalCulture(texts.Language));
    }

    private enum Refusal
    {
        None,
        AlreadyRequested,
        DailyLimit,
    }

    /// <summary>Whether <paramref name="aadObjectId"/> is one of the organisation's contacts with a Teams identity (its introductions' addressees).</summary>
    public static bool IsOwnContact(Organisation organisation, string? aadObjectId)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return aadObjectId is { Length: > 0 }
            && organisation.Contacts.Any(c => Guid.TryParse(c.EntraObjectId, out _) && string.Equals(c.EntraObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The contacts with a Teams identity; else the managers of the organisation's cluster (or of the organisation itself).</summary>
    /// <summary>Whether anyone at <paramref name="organisation"/> would get an introduction request (its details card offers one only then).</summary>
    public bool CanReach(Organisation organisation) => AddresseesOf(organisation).Count > 0;

    private List<string> AddresseesOf(Organisation organisation)
    {
        var contacts = organisation.Contacts
            .Select(c => c.EntraObjectId)
            .Where(id => Guid.TryParse(id, out _))
            .Select(id => id!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (contacts.Count > 0)
        {
            return contacts;
        }

        var cluster = organisation.ClusterId ?? organisation.Id;
        return [.. roles.CurrentValue.ClusterManagers
            .Where(m => Guid.TryParse(m.Key, out _) && m.Value.Contains(cluster, StringComparer.OrdinalIgnoreCase))
            .Select(m => m.Key)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// Tells the requester the answer (with the contacts when accepted): in the 1:1 chat they asked from, else — asked
    /// in a group chat or a channel, or that chat unreachable — in their 1:1 chat with the bot.
    /// </summary>
    private async Task<bool> NotifyRequesterAsync(Introduction introduction, string? requesterAadObjectId, string? tenantId, Organisation? organisation, bool accepted, CancellationToken cancellationToken)
    {
        var contacts = organisation is null
            ? ""
            // A contact's name stored before the person-name rule may hold what it now refuses: shown as a card shows it.
            : string.Join("; ", organisation.Contacts.Select(c => $"{NameRule.ForPlainMessage(c.Name)} <{c.Email}>"));
        return await SendToRequesterAsync(introduction, requesterAadObjectId, tenantId, texts => accepted
            ? PartnerTexts.Format(texts.AcceptedNotice, introduction.OrganisationName, contacts)
            : PartnerTexts.Format(texts.DeclinedNotice, introduction.OrganisationName), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tells the addressee who just answered, in their language, that the requester could not be given the answer. Best
    /// effort: the answer is saved whatever happens here.
    /// </summary>
    private async Task TellAnswerUndeliveredAsync(ITurnContext turnContext, PartnerTexts texts, IntroductionEntity entity, CancellationToken cancellationToken)
    {
        var requester = NameRule.ForPlainMessage(entity.RequesterName);
        if (entity.RequesterOrganisation is { Length: > 0 } organisation)
        {
            requester = $"{requester} ({NameRule.ForPlainMessage(organisation)})";
        }

        Log.IntroductionAnswerUndelivered(logger, entity.Id);
        try
        {
            await turnContext.SendActivityAsync(ConversationTurn.Plain(PartnerTexts.Format(texts.AnswerUndelivered, requester)), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.IntroductionSendFailed(logger, entity.Id, exception);
        }
    }

    /// <summary>
    /// A message to the requester in their language now (they may have changed it since asking), else the one they
    /// asked in: in the 1:1 chat they asked from, else their 1:1 chat with the bot. A failure is logged; returns whether
    /// it was delivered.
    /// </summary>
    private async Task<bool> SendToRequesterAsync(Introduction introduction, string? requesterAadObjectId, string? tenantId, Func<PartnerTexts, string> message, CancellationToken cancellationToken)
    {
        var current = requesterAadObjectId is { Length: > 0 } && tenantId is { Length: > 0 }
            ? await languages.FindAsync(requesterAadObjectId, tenantId, cancellationToken).ConfigureAwait(false)
            : null;
        var text = message(PartnerTexts.Resolve(current ?? introduction.RequesterLanguage));
        try
        {
            var result = await messenger.SendToPersonAsync(introduction.RequesterConversationId, requesterAadObjectId, tenantId, ConversationTurn.Plain(text), cancellationToken)
                .ConfigureAwait(false);
            return result.IsSent;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.IntroductionSendFailed(logger, introduction.Id, exception);
            return false;
        }
    }

    private AdaptiveCardInvokeResponse Card(PartnerTexts texts, Introduction introduction) =>
        AdaptiveCardInvokeResponse.Card(cards.Introduction(texts, introduction, canAnswer: false, UserIdsOf(introduction)).Content!.Value);

    private async Task<IntroductionEntity?> FindAsync(string? id, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(id) || id.Length > 32
            ? null
            : await db.Set<IntroductionEntity>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken).ConfigureAwait(false);

    private static bool IsAddressee(Introduction introduction, string? aadObjectId) =>
        aadObjectId is not null && introduction.Addressees.Contains(aadObjectId, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether <paramref name="aadObjectId"/> answers for <paramref name="organisation"/> now: one of its Teams contacts
    /// (<see cref="IsOwnContact"/>), or a manager of its cluster (<see cref="PartnerMemberEditor.IsManaged"/>, as the
    /// introductions are routed) — the addressees are stored when the request is sent, and the directory and the roles
    /// may change while it waits. A partner gone from the directory leaves the stored addressees as they are.
    /// </summary>
    private bool SpeaksFor(Organisation? organisation, string? aadObjectId) =>
        organisation is null
        || IsOwnContact(organisation, aadObjectId)
        || PartnerMemberEditor.IsManaged(roleService.GetRoles(aadObjectId).ManagedOrganisationIds, organisation);

    private static List<string> UserIdsOf(Introduction introduction) =>
        [.. introduction.Cards.Select(c => c.UserId).OfType<string>().Distinct(StringComparer.Ordinal)];

    // The viewer's card keeps the language it was sent in; cards of older requests (no language stored) and anyone
    // else get the partner's.
    private static PartnerTexts CardTexts(Introduction introduction, Organisation? organisation, string? viewerUserId) =>
        introduction.Cards.FirstOrDefault(c => viewerUserId is not null && c.UserId == viewerUserId)?.Language is { } language
            ? PartnerTexts.Resolve(language)
            : organisation is null ? PartnerTexts.English : AddresseeTexts(organisation);

    // Without anything known of the addressee, the card speaks the partner's first language among the six.
    private static PartnerTexts AddresseeTexts(Organisation organisation) =>
        PartnerTexts.Resolve(organisation.Languages.FirstOrDefault(l => PartnerTexts.All.Any(t => t.Language == l)) ?? "en");

    private static Activity AsMessage(Attachment card) => new() { Type = ActivityTypes.Message, Attachments = [card] };

    private static IntroductionEntity ToEntity(Introduction i, string requesterKey, string? requesterAadObjectId, string tenantId, DateTimeOffset now) => new()
    {
        Id = i.Id,
        RequesterKey = requesterKey,
        RequesterAadObjectId = requesterAadObjectId,
        RequesterName = i.RequesterName,
        RequesterOrganisation = i.RequesterOrganisation,
        RequesterLanguage = i.RequesterLanguage,
        TenantId = tenantId,
        RequesterConversationId = i.RequesterConversationId,
        OrganisationId = i.OrganisationId,
        OrganisationName = i.OrganisationName,
        Message = i.Message,
        AddresseesJson = JsonSerializer.Serialize(i.Addressees, Json),
        CardsJson = "[]",
        Status = i.Status.ToString(),
        CreatedAt = now,
    };

    private static Introduction ToIntroduction(IntroductionEntity e) => new(
        e.Id, e.RequesterName, e.RequesterOrganisation, e.RequesterLanguage, e.RequesterConversationId, e.OrganisationId, e.OrganisationName, e.Message,
        JsonSerializer.Deserialize<string[]>(e.AddresseesJson, Json) ?? [],
        JsonSerializer.Deserialize<SentCard[]>(e.CardsJson, Json) ?? [],
        Enum.TryParse<IntroductionStatus>(e.Status, out var status) ? status : IntroductionStatus.Pending,
        e.DecidedBy,
        e.DecidedAt);

    // The gate is registered by AddBotPersistence; a hand-built service provider (tests) may go without it.
    private ValueTask<DatabaseWriteGate.Lease> EnterWriteAsync(CancellationToken cancellationToken) =>
        services.GetService<DatabaseWriteGate>()?.EnterAsync(cancellationToken) ?? default;
}
