using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// The decisions on an application. Everything in the card data is untrusted: the application id and the version
/// the card showed are read from it, who acts comes from Teams, and what that person may do is recomputed here
/// (<see cref="ExchangeViews"/>). A card showing an older version changes nothing and gets the current card back.
/// Each decision is one conditional transition (<see cref="ExchangeStore.TransitionAsync"/>); only its winner
/// updates the cards and notifies.
/// </summary>
internal sealed class ExchangeWorkflow(
    ExchangeStore store,
    ExchangeViews views,
    ExchangeApprovers approvers,
    ExchangeCards cards,
    ExchangeNotifier notifier,
    ExchangeEligibility eligibility,
    IPartnerDirectory directory,
    ExchangeClock clock,
    ILogger<ExchangeWorkflow> logger)
{
    /// <summary>Today in the exchanges' time zone.</summary>
    public DateOnly Today => clock.Today;

    /// <summary>Runs a card verb for <paramref name="actor"/>; returns the card to show them (and the application when it shows one).</summary>
    public async Task<ExchangeCardAnswer> HandleAsync(ExchangeActor actor, string verb, JsonElement? data, ExchangeTexts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(texts);
        if (!ExchangeVerbs.Card.Contains(verb) || !TryReadTarget(data, out var id, out var shownVersion))
        {
            // No form here to check: an old card's button, or data nobody's client sends.
            Log.ActionRefused(logger, verb, actor.AadObjectId, "invalid data");
            return new(cards.Error(texts, texts.ButtonUnreadable), null);
        }

        var application = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return new(cards.Error(texts, texts.NotFound), null);
        }

        var view = await views.ForAsync(application, actor.AadObjectId, cancellationToken).ConfigureAwait(false);
        if (!view.CanSee)
        {
            Log.ActionRefused(logger, verb, actor.AadObjectId, "cannot see the application");
            return new(cards.Error(texts, texts.NotAllowed), null);
        }

        if (verb == ExchangeVerbs.Refresh)
        {
            return new(await CardForAsync(application, actor, texts, null, cancellationToken).ConfigureAwait(false), application);
        }

        if (shownVersion != application.Version)
        {
            // A stale card (double click, Teams retry, another approver was faster): show what is true now.
            Log.StaleCard(logger, verb, application.Reference, shownVersion, application.Version);
            return new(await CardForAsync(application, actor, texts, texts.StaleCard, cancellationToken).ConfigureAwait(false), application);
        }

        if (verb == ExchangeVerbs.Keep)
        {
            // "No, keep it": nothing to decide. The answer replaces the confirmation (Action.Execute), so the card shows
            // the application as it is, without the question's buttons.
            return new(await CardForAsync(application, actor, texts,
                string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.KeptFormat, application.Reference), cancellationToken).ConfigureAwait(false), application);
        }

        var decision = await DecideAsync(application, view, actor, verb, data!.Value, texts, cancellationToken).ConfigureAwait(false);
        if (decision.Refusal == "confirm")
        {
            // Withdrawing a submitted or approved application cannot be undone and tells the approvers: asked first.
            return new(await CardForAsync(application, actor, texts,
                string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.ConfirmWithdrawFormat, application.Reference), cancellationToken, confirmWithdraw: true).ConfigureAwait(false), application);
        }

        if (decision.Refusal is { } refusal)
        {
            Log.ActionRefused(logger, verb, actor.AadObjectId, refusal);
            var reason = refusal switch
            {
                "comment" => texts.CommentRequired,
                "input" => texts.InvalidFields([decision.InvalidField ?? texts.YourDecision]),
                "early" => texts.ReportTooEarly,
                "visited" => texts.Problems[EligibilityProblem.AlreadyVisited],
                _ => null,
            };
            return reason is null
                ? new(cards.Error(texts, texts.NotAllowed), null)
                : new(await CardForAsync(application, actor, texts, reason, cancellationToken).ConfigureAwait(false), application);
        }

        var moved = await store.TransitionAsync(
            application.Id, application.Version, application.Status, decision.To, decision.Action, actor, decision.Comment, decision.Changes, cancellationToken).ConfigureAwait(false);
        var current = await store.FindAsync(application.Id, cancellationToken).ConfigureAwait(false) ?? application;
        if (!moved)
        {
            // A stage-1 approval that lost to another of the organisation's applications validated at the same
            // instant (checked in the UPDATE itself): the application is unchanged, and the manager is told why.
            var visited = current.Status == ExchangeStatus.Stage1 && current.Version == application.Version && decision.To == ExchangeStatus.Stage2
                && await store.HasValidatedApplicationAsync(current.VisitingOrganisationId, current.Id, cancellationToken).ConfigureAwait(false);
            if (visited)
            {
                Log.ActionRefused(logger, verb, actor.AadObjectId, "visited");
            }

            return new(await CardForAsync(current, actor, texts, visited ? texts.Problems[EligibilityProblem.AlreadyVisited] : texts.ChangedMeanwhile, cancellationToken)
                .ConfigureAwait(false), current);
        }

        Log.Transitioned(logger, current.Reference, application.Status.ToString(), current.Status.ToString(), decision.Action.ToString());

        // The decision is committed: from here on nothing may report it as failed. Updating the others' cards and
        // rendering this one are tried each on its own; what fails is logged, and the person is told it is done.
        try
        {
            await notifier.AfterTransitionAsync(current, actor, application.Status, decision.Action, decision.Comment, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AfterCommitFailed(logger, ex, current.Reference, "notify");
        }

        try
        {
            return new(await CardForAsync(current, actor, texts, null, cancellationToken).ConfigureAwait(false), current);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AfterCommitFailed(logger, ex, current.Reference, "render the card");
            return new(cards.Done(texts, texts.Statuses[current.Status],
                string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.DoneFormat, current.Reference, texts.Statuses[current.Status])), null);
        }
    }

    /// <summary>
    /// Submits a draft (or an application sent back for changes) of <paramref name="actor"/>: only when eligible,
    /// and only from the version the applicant saw. The one-visit rule (their own pending application of the
    /// organisation holds it) is checked before and again in the submission's write (<see cref="ExchangeStore.TransitionAsync"/>):
    /// of two applications submitted at once one is submitted, the other stays a draft with the same reason as when
    /// submitted later, and nothing of it is written or sent. The same application submitted twice at once (a double
    /// click) is submitted once; the second is told it already is.
    /// </summary>
    public async Task<ExchangeSubmission> SubmitAsync(
        ExchangeActor actor, Guid id, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var application = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (application is null || !AadObjectIds.Same(application.ApplicantAadObjectId, actor.AadObjectId))
        {
            return new(new EligibilityResult([], null, null), null);
        }

        if (application.Status is not (ExchangeStatus.Draft or ExchangeStatus.ChangesRequested))
        {
            return new(new EligibilityResult([], null, null), application, AlreadySubmitted: application.Status == ExchangeStatus.Stage1);
        }

        // The managers, the audit and the export name the applicant: no application goes to them as "Applicant —".
        if (ExchangeApplicantName.IsMissing(actor))
        {
            Log.ActionRefused(logger, "submit", actor.AadObjectId, "no name");
            return new(new EligibilityResult([], null, null), application) { NameMissing = true };
        }

        var (result, _, host) = await CheckAsync(application, cancellationToken).ConfigureAwait(false);
        if (!result.IsEligible)
        {
            return new(result, application);
        }

        var estimate = eligibility.EstimateLumpSum(host!.Country, result.WorkingDays ?? 0, result.DistanceKm ?? 0);
        var changes = new ExchangeChanges { LumpSum = estimate.Amount, SetAssignedApprover = true, AssignedApprover = null, ApplicantName = actor.Name };
        var moved = await store.TransitionAsync(id, version, application.Status, ExchangeStatus.Stage1, ExchangeAction.Submitted, actor, null, changes, cancellationToken).ConfigureAwait(false);
        var current = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (!moved || current is null)
        {
            if (current is null)
            {
                return new(result, null);
            }

            if (current.Status is ExchangeStatus.Draft or ExchangeStatus.ChangesRequested && current.Version == version)
            {
                // Unchanged: it lost to another application of the organisation submitted (or validated) at the same
                // instant. Checked again now, it gets the reason a later submission would get.
                var (now, _, _) = await CheckAsync(current, cancellationToken).ConfigureAwait(false);
                Log.ActionRefused(logger, "submit", actor.AadObjectId, "visited");
                return new(now, current);
            }

            return new(result, current, AlreadySubmitted: current.Status == ExchangeStatus.Stage1);
        }

        Log.Transitioned(logger, current.Reference, application.Status.ToString(), current.Status.ToString(), nameof(ExchangeAction.Submitted));
        try
        {
            await notifier.AfterTransitionAsync(current, actor, application.Status, ExchangeAction.Submitted, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Submitted is committed: the applicant is told so (the follow-up reminds the approvers who missed a card).
            Log.AfterCommitFailed(logger, ex, current.Reference, "notify");
        }

        return new(result, current);
    }

    /// <summary>The eligibility of a stored application now, its required content included.</summary>
    public async Task<(EligibilityResult Result, Organisation? Visiting, Organisation? Host)> CheckAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var visiting = application.VisitingOrganisationId.Length == 0 ? null : await directory.FindAsync(application.VisitingOrganisationId, cancellationToken).ConfigureAwait(false);
        var host = application.HostOrganisationId.Length == 0 ? null : await directory.FindAsync(application.HostOrganisationId, cancellationToken).ConfigureAwait(false);
        var applied = visiting is not null && await store.HasCountingApplicationAsync(visiting.Id, application.Id, application.ApplicantAadObjectId, cancellationToken).ConfigureAwait(false);
        var result = eligibility.Check(visiting, host, application.StartDate, application.EndDate, clock.Today, applied);
        return (ExchangeEligibility.WithContent(result, application.ActivityType, application.Objectives, application.Agenda, application.ExpectedOutcomes), visiting, host);
    }

    /// <summary>The card of an application as <paramref name="actor"/> sees it.</summary>
    public async Task<JsonObject> CardForAsync(
        ExchangeApplication application, ExchangeActor actor, ExchangeTexts texts, string? notice, CancellationToken cancellationToken, bool confirmWithdraw = false)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(actor);
        var refresh = await notifier.RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
        return await cards.ApplicationAsync(application, actor.AadObjectId, texts, notice, refresh, actor.TimeZone, cancellationToken, confirmWithdraw).ConfigureAwait(false);
    }

    private async Task<Decision> DecideAsync(
        ExchangeApplication application, ExchangeView view, ExchangeActor actor, string verb, JsonElement data, ExchangeTexts texts, CancellationToken cancellationToken)
    {
        // The report's validators write in their own input; whichever input it is, the comment checked is the one stored.
        var commentField = verb is ExchangeVerbs.ReturnReport or ExchangeVerbs.ValidateReport ? "validationComment" : "comment";
        if (!TryReadText(data, commentField, out var comment) || comment is { Length: > ExchangeLimits.Comment })
        {
            return Decision.Refuse("input", texts.Comment);
        }

        // Every other text the verbs read: one that cannot be accepted changes nothing and is named.
        foreach (var (field, label) in new[] { ("reassignTo", texts.ReassignTo), ("reportOutcomes", texts.ReportOutcomes), ("confirmed", texts.YourDecision) })
        {
            if (!TryReadText(data, field, out _))
            {
                return Decision.Refuse("input", label);
            }
        }

        switch (verb)
        {
            case ExchangeVerbs.Approve when view.CanDecide
                && application.Status == ExchangeStatus.Stage1
                && await store.HasValidatedApplicationAsync(application.VisitingOrganisationId, application.Id, cancellationToken).ConfigureAwait(false):
                // Several of an organisation's people may apply; its cluster validates one, since it visits once.
                return Decision.Refuse("visited");
            case ExchangeVerbs.Approve when view.CanDecide:
                return new Decision(application.Status == ExchangeStatus.Stage1 ? ExchangeStatus.Stage2 : ExchangeStatus.Approved, ExchangeAction.Approved, comment,
                    new ExchangeChanges { SetAssignedApprover = true, AssignedApprover = null });
            case ExchangeVerbs.Reject when view.CanDecide:
                return comment is null ? Decision.Refuse("comment") : new Decision(ExchangeStatus.Rejected, ExchangeAction.Rejected, comment, null);
            case ExchangeVerbs.RequestChanges when view.CanDecide:
                return comment is null ? Decision.Refuse("comment") : new Decision(ExchangeStatus.ChangesRequested, ExchangeAction.ChangesRequested, comment,
                    new ExchangeChanges { SetAssignedApprover = true, AssignedApprover = null });
            case ExchangeVerbs.Reassign when view.CanReassign:
                // The candidate's own id is stored, never the text sent: an id sent in another case (a forged button)
                // would be stored as an id no chat of the bot knows, and the new approver would get no card.
                var sent = ReadText(data, "reassignTo");
                var candidates = await approvers.CandidatesAsync(application, cancellationToken).ConfigureAwait(false);
                var target = sent is null ? null : ExchangeApprovers.OwnId(candidates, sent);
                if (target is null
                    || AadObjectIds.Same(target, actor.AadObjectId)
                    || AadObjectIds.Same(target, application.ApplicantAadObjectId))
                {
                    return Decision.Refuse("input", texts.ReassignTo);
                }

                return new Decision(application.Status, ExchangeAction.Reassigned, comment, new ExchangeChanges { SetAssignedApprover = true, AssignedApprover = target });
            case ExchangeVerbs.Withdraw when view.CanWithdraw && application.Status != ExchangeStatus.Draft && ReadText(data, "confirmed") != "yes":
                return Decision.Refuse("confirm");
            case ExchangeVerbs.Withdraw when view.CanWithdraw:
                return new Decision(ExchangeStatus.Withdrawn, ExchangeAction.Withdrawn, comment, null);
            case ExchangeVerbs.Report when view.CanReport:
                var outcomes = ReadText(data, "reportOutcomes");
                if (outcomes is null || outcomes.Length > ExchangeLimits.LongText)
                {
                    return Decision.Refuse("input", texts.ReportOutcomes);
                }

                var evidence = new[] { ("evidenceTickets", ExchangeEvidence.Tickets), ("evidenceInvoices", ExchangeEvidence.Invoices), ("evidenceAgenda", ExchangeEvidence.Agenda) }
                    .Where(e => ReadText(data, e.Item1) == "true").Select(e => e.Item2);
                return new Decision(ExchangeStatus.ReportSubmitted, ExchangeAction.ReportSubmitted, null,
                    new ExchangeChanges { ReportOutcomes = outcomes, ReportEvidence = string.Join(',', evidence) });
            case ExchangeVerbs.Report when application.Status == ExchangeStatus.Approved
                && AadObjectIds.Same(application.ApplicantAadObjectId, actor.AadObjectId):
                return Decision.Refuse("early");
            case ExchangeVerbs.ValidateReport when view.CanValidate:
                return new Decision(ExchangeStatus.Completed, ExchangeAction.ReportValidated, comment, null);
            case ExchangeVerbs.ReturnReport when view.CanValidate:
                return comment is null ? Decision.Refuse("comment") : new Decision(ExchangeStatus.Approved, ExchangeAction.ReportReturned, comment, null);
            default:
                return Decision.Refuse("not allowed");
        }
    }

    private static bool TryReadTarget(JsonElement? data, out Guid id, out int version)
    {
        id = Guid.Empty;
        version = 0;
        if (data is not { ValueKind: JsonValueKind.Object } value
            || !CardInput.TryGetText(value, "exchangeId", out var idText) || !Guid.TryParseExact(idText, "D", out id)
            || !value.TryGetProperty("v", out var versionValue))
        {
            return false;
        }

        return versionValue.ValueKind switch
        {
            JsonValueKind.Number => versionValue.TryGetInt32(out version),
            JsonValueKind.String => CardInput.TryGetText(versionValue, out var versionText)
                && int.TryParse(versionText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version),
            _ => false,
        };
    }

    /// <summary>
    /// A text input as stored and shown (<see cref="FreeText.Clean"/>: nothing that turns it around or hides in it),
    /// null when absent, not a string or with nothing to see — a comment of one zero-width space is no comment.
    /// </summary>
    private static string? ReadText(JsonElement data, string name) => TryReadText(data, name, out var text) ? text : null;

    /// <summary>
    /// As <see cref="ReadText"/>; false for text that cannot be accepted and for a value no card input sends, a number or
    /// an array (<see cref="CardInput.TryGetInputText"/>): refused, naming the field, never read as no comment.
    /// </summary>
    private static bool TryReadText(JsonElement data, string name, out string? text)
    {
        var readable = CardInput.TryGetInputText(data, name, out var raw);
        text = FreeText.CleanOrNull(raw);
        return readable;
    }

    private sealed record Decision(ExchangeStatus To, ExchangeAction Action, string? Comment, ExchangeChanges? Changes, string? Refusal = null, string? InvalidField = null)
    {
        public static Decision Refuse(string why, string? field = null) => new(default, default, null, null, why, field);
    }
}
