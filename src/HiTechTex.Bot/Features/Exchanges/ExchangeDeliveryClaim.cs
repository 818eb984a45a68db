using System.Globalization;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// A message the bot sends once, under a claim in <c>ExchangeReminders</c> (<see cref="Kind"/>,
/// <see cref="ExchangeStore.TryClaimReminderAsync"/>), and tries again after a failed delivery
/// (<see cref="ExchangeNotifier.SendClaimedAsync"/>): the claim is given back with a record of the failure — the
/// <c>n</c>-th transient one (5xx, a timeout) as <see cref="FailedPrefix"/><c>n</c>, a permanent one (no conversation
/// with the bot, blocked, 403/404) as <see cref="UnreachableKind"/> and a numbered refusal — so that the follow-up's next
/// pass claims it again: after transient failures at most <see cref="Attempts"/> times within <see cref="RetryWindow"/>,
/// after refusals with a growing wait, at most <see cref="RefusalAttempts"/> times (someone who installs the bot soon
/// then gets it soon; someone who never does is not tried at every pass for ever: warning 2397 for a card, 2331 for
/// any other message) — except for a closed application (<see cref="IsClosed"/>), where a permanent failure counts as
/// one of the bounded attempts and the follow-up then gives up (<see cref="GaveUpKind"/>, warning 2324). A delivered
/// message keeps its claim: never twice.
/// </summary>
/// <param name="RefusalPrefix">The beginning of the numbered records of the message's refusals (permanent failures),
/// which bound them too (<see cref="RefusalAttempts"/>, <see cref="RefusalBackoff"/>); null for a card update, whose
/// refusal is not tried again at all (<see cref="CardUpdate"/>).</param>
internal sealed record ExchangeDeliveryClaim(string Kind, string FailedPrefix, string UnreachableKind, string? RefusalPrefix = null)
{
    /// <summary>
    /// How many times a step's card refused (no conversation with the bot, blocked, 403/404) is tried before the follow-up
    /// stops and the coordinator's "stuck applications" lists it (warning 2397); Retry now tries again.
    /// </summary>
    public const int RefusalAttempts = 6;

    /// <summary>
    /// The wait after a card's first refusal before it is tried again, doubled after each next one (30 min, 1 h, 2 h,
    /// 4 h, 8 h: the last try some 15 hours after the first refusal), so that an approver who installs the bot soon gets
    /// it soon, and one who never does is not tried at every pass.
    /// </summary>
    public static readonly TimeSpan RefusalBackoff = TimeSpan.FromMinutes(30);

    /// <summary>The beginning of every <see cref="RefusalPrefix"/> of a step's card (the follow-up and the stuck list look for it).</summary>
    public const string CardRefusedPrefix = "cardrefused:";

    /// <summary>
    /// The beginning of every <see cref="RefusalPrefix"/> of the other messages (notices, reminders, the closing-report
    /// request), followed by the message's <see cref="Kind"/>: before these, a message refused for somebody on an open
    /// application was tried again at every pass of the follow-up, for ever.
    /// </summary>
    public const string MessageRefusedPrefix = "refusals:";

    /// <summary>A message (not a step's card) with its refusals counted under <see cref="MessageRefusedPrefix"/>.</summary>
    private static ExchangeDeliveryClaim Message(string kind, string failedPrefix, string unreachableKind) =>
        new(kind, failedPrefix, unreachableKind, $"{MessageRefusedPrefix}{kind}:");

    /// <summary>How many times a message is tried after transient failures…</summary>
    public const int Attempts = 6;

    /// <summary>…and for how long after the first failure; then the recipient counts as unreachable (<see cref="IsUnreachable"/>).</summary>
    public static readonly TimeSpan RetryWindow = TimeSpan.FromDays(1);

    /// <summary>The card of the step the application waits at, to one of its approvers.</summary>
    public static ExchangeDeliveryClaim Card(ExchangeApplication application)
    {
        var step = Step(application);
        return new($"card:{step}", $"{CardFailedPrefix}{step}:", $"{CardUnreachablePrefix}{step}", $"{CardRefusedPrefix}{step}:");
    }

    /// <summary>
    /// The beginning of the permanent-failure records of <see cref="Card"/> (403/404, blocked, no conversation), which the
    /// follow-up looks for as it does <see cref="CardFailedPrefix"/>: a resubmission's or reassignment's new card that an
    /// approver who had a card refused is tried again at its passes, like a card to an approver who has none.
    /// </summary>
    public const string CardUnreachablePrefix = "unreachable:";

    /// <summary>
    /// The beginning of the failure records of <see cref="Card"/>, which the follow-up looks for: a resubmission's or
    /// reassignment's new card to an approver who had one is tried again there (the late-card pass sends only to
    /// approvers without a card).
    /// </summary>
    public const string CardFailedPrefix = "cardfail:";

    /// <summary>An approver's reminder of the step (after <c>Exchanges:ReminderAfterDays</c>); its kind is the one reminders always had.</summary>
    public static ExchangeDeliveryClaim Reminder(ExchangeApplication application)
    {
        var step = Step(application);
        return Message(step, $"remindfail:{step}:", $"remindunreachable:{step}");
    }

    /// <summary>
    /// How long a send may take at most, its claim held (the connector client's retries included): a claim held longer
    /// whose outcome was not recorded is a delivery whose process stopped before recording it, not one in progress.
    /// </summary>
    public static readonly TimeSpan InFlightBound = TimeSpan.FromMinutes(15);

    /// <summary>The applicant is asked for the closing report (once per application).</summary>
    public static ExchangeDeliveryClaim ReportRequest { get; } = Message("report", "reportfail:", "reportunreachable");

    /// <summary>The applicant told that nobody can decide the step is told, once per step, that its card reached an approver.</summary>
    public static ExchangeDeliveryClaim Reached(ExchangeApplication application)
    {
        var step = Step(application);
        return Message($"reached:{step}", $"reachedfail:{step}:", $"reachedunreachable:{step}");
    }

    /// <summary>The applicant told of the application's new status after somebody else's decision (once per version).</summary>
    public static ExchangeDeliveryClaim StatusNotice(ExchangeApplication application)
    {
        var step = Step(application);
        return Message($"notice:{step}", $"{StatusNoticeFailed}{step}:", $"{StatusNoticeUnreachable}{step}");
    }

    /// <summary>
    /// The applicant told that nobody may decide the step (no approver configured, only themselves, or none reachable),
    /// once per step; the record the follow-up also uses to tell them later that the card reached an approver.
    /// </summary>
    public static ExchangeDeliveryClaim Stuck(ExchangeApplication application)
    {
        var step = Step(application);
        return Message($"stuck:{step}", $"stuckfail:{step}:", $"stuckunreachable:{step}");
    }

    /// <summary>
    /// The record, taken before a late card is sent to an approver of a step the applicant was told nobody could decide,
    /// that they are owed the "reached an approver" notice (<see cref="Reached"/>): should the process stop between the
    /// card and the notice, the follow-up's next pass finds it and sends the notice.
    /// </summary>
    public static string ReachedDueKind(ExchangeApplication application) => $"reacheddue:{Step(application)}";

    /// <summary>
    /// The record, written in the transition's own transaction (<see cref="ExchangeStore.TransitionAsync"/>), that the
    /// notices of that version are owed — the applicant's status notice, the approvers' "withdrawn" notices, the update of
    /// everybody's card — and removed once the turn that made the transition has sent them (or recorded their failures).
    /// A turn aborted in between (a crash, a deploy, an error) leaves it: the follow-up, once it is older than any send
    /// (<see cref="InFlightBound"/>), sends every one of them not yet claimed — each under its own claim, so never twice.
    /// </summary>
    public static string NoticesDue(ExchangeApplication application) => NoticesDuePrefix + Step(application);

    /// <inheritdoc cref="NoticesDue(ExchangeApplication)"/>
    public static string NoticesDue(ExchangeStatus status, int version) =>
        $"{NoticesDuePrefix}{status}:{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The beginning of every <see cref="NoticesDue(ExchangeApplication)"/>.</summary>
    public const string NoticesDuePrefix = "due:";

    /// <summary>
    /// The record of the coordinator's <paramref name="round"/>-th "Retry now" of the application at its current step
    /// (<see cref="ExchangeStuckApplications.RetryAsync"/>): claimed by the click before anything is tried, so that a
    /// button — which carries the rounds done when its list was shown — tries once, whatever the clicks (a double click,
    /// the same button clicked again after its try failed); the list shown again offers the next round.
    /// </summary>
    public static string RetryRound(ExchangeApplication application, int round) =>
        $"{RetryRoundPrefix}{Step(application)}:{round.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The record that the <paramref name="round"/>-th "Retry now" of the step ended (<see cref="RetryRound"/>).</summary>
    public static string RetryRoundDone(ExchangeApplication application, int round) =>
        $"{RetryRoundDonePrefix}{Step(application)}:{round.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The beginning of every <see cref="RetryRound"/>.</summary>
    public const string RetryRoundPrefix = "retry:";

    /// <summary>The beginning of every <see cref="RetryRoundDone"/>.</summary>
    public const string RetryRoundDonePrefix = "retrydone:";

    /// <summary>The recipient column of the round records: a round is the application's, not one person's.</summary>
    public const string RetryRoundRecipient = "";

    /// <summary>
    /// The "Retry now" rounds of the application's current step: how many ended (or were started longer ago than any
    /// send takes, <see cref="InFlightBound"/>: a round whose process stopped), and whether the last one is still running.
    /// </summary>
    public static (int Done, bool Running) RetryRounds(ExchangeApplication application, IReadOnlyList<ExchangeReminder> claims, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var started = $"{RetryRoundPrefix}{Step(application)}:";
        var last = claims.Where(c => c.Kind.StartsWith(started, StringComparison.Ordinal))
            .Select(c => (Round: int.TryParse(c.Kind.AsSpan(started.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0, c.SentAt))
            .OrderByDescending(r => r.Round).FirstOrDefault();
        if (last.Round == 0)
        {
            return (0, false);
        }

        var ended = claims.Any(c => c.Kind == RetryRoundDone(application, last.Round)) || last.SentAt <= now - InFlightBound;
        return ended ? (last.Round, false) : (last.Round - 1, true);
    }

    /// <summary>
    /// The highest "Retry now" round of the application's current step that a click took (<see cref="RetryRound"/>), ended
    /// or not; 0 when none. A button carrying fewer rounds than that is one whose try was made already: only the rounds
    /// of the last try are kept (<see cref="SupersededRetryRecords"/>), so that this — not a claim that would fail — is
    /// what tells an old button from a new one.
    /// </summary>
    public static int LastRetryRound(ExchangeApplication application, IReadOnlyList<ExchangeReminder> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var started = $"{RetryRoundPrefix}{Step(application)}:";
        return claims.Where(c => c.Kind.StartsWith(started, StringComparison.Ordinal))
            .Select(c => int.TryParse(c.Kind.AsSpan(started.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
    }

    /// <summary>
    /// The round records (<see cref="RetryRound"/>, <see cref="RetryRoundDone"/>) that the <paramref name="round"/>-th
    /// round of the current step makes useless: those of its earlier rounds and of earlier steps. Removed once it ended,
    /// so that the coordinator's clicks do not add records without end: at most the last round's two stay.
    /// </summary>
    public static IReadOnlyList<ExchangeReminder> SupersededRetryRecords(ExchangeApplication application, IReadOnlyList<ExchangeReminder> claims, int round)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var started = $"{RetryRoundPrefix}{Step(application)}:";
        var ended = $"{RetryRoundDonePrefix}{Step(application)}:";
        return [.. claims.Where(c => (c.Kind.StartsWith(RetryRoundPrefix, StringComparison.Ordinal) || c.Kind.StartsWith(RetryRoundDonePrefix, StringComparison.Ordinal))
            && RoundOf(c.Kind, c.Kind.StartsWith(started, StringComparison.Ordinal) ? started : c.Kind.StartsWith(ended, StringComparison.Ordinal) ? ended : null) < round)];

        // Another step's record: any round is earlier.
        static int RoundOf(string kind, string? prefix) =>
            prefix is null ? int.MinValue
            : int.TryParse(kind.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MinValue;
    }

    /// <summary>An approver who had the application's card told that the applicant withdrew it (once per approver).</summary>
    public static ExchangeDeliveryClaim WithdrawnNotice(ExchangeApplication application)
    {
        var step = Step(application);
        return Message($"withdrawn:{step}", $"{WithdrawnNoticeFailed}{step}:", $"{WithdrawnNoticeUnreachable}{step}");
    }

    /// <summary>
    /// The update (PUT) of the cards a recipient has of the application to their view of its current version, after a
    /// transition (once per version; a PUT is idempotent, so tried again it changes a card once, never adds one). Only a
    /// failure that may pass (5xx, 408, 429, the connector unreachable) is tried again; a card that cannot be updated at
    /// all (blocked, 403/404, no conversation) is left (its refresh shows the truth when clicked).
    /// </summary>
    public static ExchangeDeliveryClaim CardUpdate(ExchangeApplication application)
    {
        var step = Step(application);
        return new($"update:{step}", $"{CardUpdateFailed}{step}:", $"updateunreachable:{step}");
    }

    /// <summary>The beginning of the failure records of <see cref="CardUpdate"/>, which the follow-up looks for.</summary>
    public const string CardUpdateFailed = "updatefail:";

    /// <summary>The beginnings of the failure records of <see cref="WithdrawnNotice"/>, which the follow-up looks for.</summary>
    public const string WithdrawnNoticeFailed = "withdrawnfail:";

    /// <inheritdoc cref="WithdrawnNoticeFailed"/>
    public const string WithdrawnNoticeUnreachable = "withdrawnunreachable:";

    /// <summary>The beginnings of the failure records of <see cref="StatusNotice"/>, which the follow-up looks for.</summary>
    public const string StatusNoticeFailed = "noticefail:";

    /// <inheritdoc cref="StatusNoticeFailed"/>
    public const string StatusNoticeUnreachable = "noticeunreachable:";

    /// <summary>
    /// The record kept beside the failure records once the follow-up stopped trying to deliver the message to a recipient
    /// (a closed application's notice, <see cref="IsClosed"/>): what the coordinator's "stuck applications" lists.
    /// </summary>
    public string GaveUpKind => GaveUpPrefix + Kind;

    /// <summary>
    /// The record that a send of the message to a recipient was stopped (the host shutting down) with it on the wire —
    /// perhaps delivered, perhaps not, so its claim stays and it is never sent again by itself (warning 2327): for a step's
    /// card, what the coordinator's "stuck applications" lists as "may not have arrived", with a Retry now that sends it
    /// again only when the coordinator asks (<see cref="ExchangeStuckApplications"/>).
    /// </summary>
    public string OnTheWireKind => OnTheWirePrefix + Kind;

    /// <summary>
    /// The mark that the message is being sent (<see cref="MarksInFlight"/>): written before its claim, removed once the
    /// send ended whichever way. Left behind only by a process killed mid-send — its claim then looks delivered — so that
    /// the follow-up, once the mark is older than any send (<see cref="InFlightBound"/>), treats it as a send stopped on
    /// the wire and sends the message once more (information 2396, then 2398).
    /// </summary>
    public string InFlightKind => InFlightPrefix + Kind;

    /// <summary>The beginning of every <see cref="InFlightKind"/>.</summary>
    public const string InFlightPrefix = "inflight:";

    /// <summary>
    /// Whether the send of the message is marked (<see cref="InFlightKind"/>), at the cost of two more writes: only the
    /// applicant's notices — the status notice (a "changes requested" never seen waits for ever) and the "nobody may
    /// decide" one (the applicant would not know whom to ask). A lost reminder or "withdrawn" or "reached an approver"
    /// notice is less harm: the approver's card shows the state, and the applicant hears of the decision.
    /// </summary>
    public bool MarksInFlight => Kind.StartsWith("notice:", StringComparison.Ordinal) || Kind.StartsWith("stuck:", StringComparison.Ordinal);

    /// <summary>The beginning of every <see cref="OnTheWireKind"/>.</summary>
    public const string OnTheWirePrefix = "onwire:";

    /// <summary>The beginning of every <see cref="GaveUpKind"/>.</summary>
    public const string GaveUpPrefix = "gaveup:";

    /// <summary>
    /// The record that the last failed delivery of a closed application's notice to a recipient was refused (no
    /// conversation with the bot, blocked, 403/404) rather than the service failing (5xx, a timeout): numbered alike
    /// (<see cref="IsClosed"/>), the two are told apart by this, so that the coordinator's "stuck applications" says why
    /// — "they may have blocked the bot" only when they may have. Removed again by a later transient failure.
    /// </summary>
    public string RefusedKind => RefusedPrefix + Kind;

    /// <summary>The beginning of every <see cref="RefusedKind"/>.</summary>
    public const string RefusedPrefix = "refused:";

    /// <summary>Whether the last failed delivery of the message to <paramref name="recipient"/> was refused (<see cref="RefusedKind"/>).</summary>
    public bool WasRefused(IReadOnlyList<ExchangeReminder> claims, string recipient) => claims.Any(c => c.Kind == RefusedKind && Is(c, recipient));

    /// <summary>
    /// The record that every notice of a closed application is delivered or given up: the follow-up no longer looks at
    /// it (<see cref="ExchangeStore.WithUndeliveredNoticesAsync"/>).
    /// </summary>
    public const string SettledKind = "noticessettled";

    /// <summary>
    /// Rejected, withdrawn or completed: nothing will happen to the application any more, so its notices are tried a
    /// bounded number of times even when the recipient cannot be reached at all (blocked the bot, 403/404) — recorded as
    /// numbered failures, at most <see cref="Attempts"/> within <see cref="RetryWindow"/> — and then given up.
    /// </summary>
    public static bool IsClosed(ExchangeApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.Status is ExchangeStatus.Rejected or ExchangeStatus.Withdrawn or ExchangeStatus.Completed;
    }

    /// <summary>Whether the message is delivered to <paramref name="recipient"/> or being sent (its claim held).</summary>
    public bool IsHeld(IReadOnlyList<ExchangeReminder> claims, string recipient) => claims.Any(c => c.Kind == Kind && Is(c, recipient));

    /// <summary>Whether the follow-up gave up delivering the message to <paramref name="recipient"/> (<see cref="GaveUpKind"/>).</summary>
    public bool GaveUp(IReadOnlyList<ExchangeReminder> claims, string recipient) => claims.Any(c => c.Kind == GaveUpKind && Is(c, recipient));

    /// <summary>The recipients a delivery of the message failed for before (transient or permanent).</summary>
    public IReadOnlyList<string> FailedRecipients(IReadOnlyList<ExchangeReminder> claims) =>
        [.. claims.Where(c => c.Kind == UnreachableKind || c.Kind.StartsWith(FailedPrefix, StringComparison.Ordinal))
            .Select(c => c.RecipientAadObjectId).Distinct(AadObjectIds.Comparer)];

    /// <summary>
    /// Whether <paramref name="recipient"/> may be sent the message (again) now: see the class — only while the follow-up
    /// still tries it (<see cref="StillTried"/>, the one rule of the bounded tries) and not before the wait after its last
    /// refusal is over.
    /// </summary>
    public bool MayRetry(IReadOnlyList<ExchangeReminder> claims, string recipient, DateTimeOffset now)
    {
        if (!StillTried(claims, recipient, now))
        {
            return false;
        }

        var refusals = Refusals(claims, recipient);
        return refusals.Count == 0 || refusals.Max(r => r.SentAt) + (RefusalBackoff * Math.Pow(2, refusals.Count - 1)) <= now;
    }

    /// <summary>
    /// Whether the follow-up still tries the message for <paramref name="recipient"/> at a later pass: neither its
    /// transient failures (<see cref="Attempts"/> within <see cref="RetryWindow"/>) nor its refusals
    /// (<see cref="RefusalAttempts"/>) are spent — unlike <see cref="MayRetry"/>, also while it waits after a refusal.
    /// </summary>
    public bool StillTried(IReadOnlyList<ExchangeReminder> claims, string recipient, DateTimeOffset now)
    {
        var failures = TransientFailures(claims, recipient);
        return failures.Count < Attempts && (failures.Count == 0 || failures.Min(f => f.SentAt) > now - RetryWindow) && !RefusalsSpent(claims, recipient);
    }

    /// <summary>Whether the message was refused <see cref="RefusalAttempts"/> times for <paramref name="recipient"/>: the follow-up stops.</summary>
    public bool RefusalsSpent(IReadOnlyList<ExchangeReminder> claims, string recipient) => Refusals(claims, recipient).Count >= RefusalAttempts;

    /// <summary>
    /// Whether a delivery of the message to <paramref name="recipient"/> failed on the service so far (5xx, timeouts: a
    /// <see cref="FailedPrefix"/> record) rather than only by refusals (not installed, blocked, 403/404).
    /// </summary>
    public bool FailedTransiently(IReadOnlyList<ExchangeReminder> claims, string recipient) => TransientFailures(claims, recipient).Count > 0;

    /// <summary>The record of the next refusal of the message for <paramref name="recipient"/>; null for a card update.</summary>
    public string? NextRefusalKind(IReadOnlyList<ExchangeReminder> claims, string recipient) =>
        RefusalPrefix is null ? null : RefusalPrefix + (Refusals(claims, recipient).Count + 1).ToString(CultureInfo.InvariantCulture);

    private List<ExchangeReminder> Refusals(IReadOnlyList<ExchangeReminder> claims, string recipient) =>
        RefusalPrefix is null ? [] : [.. claims.Where(c => c.Kind.StartsWith(RefusalPrefix, StringComparison.Ordinal) && Is(c, recipient))];

    /// <summary>The message could not reach <paramref name="recipient"/>: a permanent failure, or transient ones past the limit.</summary>
    public bool IsUnreachable(IReadOnlyList<ExchangeReminder> claims, string recipient, DateTimeOffset now) =>
        claims.Any(c => c.Kind == UnreachableKind && Is(c, recipient))
        || (TransientFailures(claims, recipient).Count > 0 && !MayRetry(claims, recipient, now));

    /// <summary>Whether a delivery of the message to <paramref name="recipient"/> failed before (transient or permanent).</summary>
    public bool FailedBefore(IReadOnlyList<ExchangeReminder> claims, string recipient) =>
        claims.Any(c => (c.Kind == UnreachableKind || c.Kind.StartsWith(FailedPrefix, StringComparison.Ordinal)) && Is(c, recipient));

    /// <summary>The record of a failed delivery: the next transient one, or the permanent one.</summary>
    public string FailureKind(IReadOnlyList<ExchangeReminder> claims, string recipient, bool permanent) =>
        permanent ? UnreachableKind : FailedPrefix + (TransientFailures(claims, recipient).Count + 1).ToString(CultureInfo.InvariantCulture);

    private List<ExchangeReminder> TransientFailures(IReadOnlyList<ExchangeReminder> claims, string recipient) =>
        [.. claims.Where(c => c.Kind.StartsWith(FailedPrefix, StringComparison.Ordinal) && Is(c, recipient))];

    private static bool Is(ExchangeReminder claim, string recipient) =>
        AadObjectIds.Same(claim.RecipientAadObjectId, recipient);

    private static string Step(ExchangeApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return $"{application.Status}:{application.Version.ToString(CultureInfo.InvariantCulture)}";
    }
}
