using System.Globalization;
using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// One-turn answers: "my applications", "pending approvals" (managers and host contacts), the coordinator's
/// progress card, stuck applications (with "Retry now") and CSV export link, opening an application from a list, and the Action.Submit fallback of the
/// decision buttons (older clients), which runs the same <see cref="ExchangeWorkflow"/> as Action.Execute.
/// </summary>
internal sealed class ExchangeTrackingDialog : ComponentDialog
{
    public const string DialogId = "exchange.tracking";

    private readonly ExchangeStore store;
    private readonly ExchangeApprovers approvers;
    private readonly ExchangeWorkflow workflow;
    private readonly ExchangeCards cards;
    private readonly ExchangeReports reports;
    private readonly ExchangeViews views;
    private readonly ExchangeExportLinks exportLinks;
    private readonly ExchangeStuckApplications stuck;
    private readonly ILogger<ExchangeTrackingDialog> logger;

    public ExchangeTrackingDialog(
        ExchangeStore store, ExchangeApprovers approvers, ExchangeWorkflow workflow, ExchangeCards cards, ExchangeReports reports, ExchangeViews views,
        ExchangeExportLinks exportLinks, ExchangeStuckApplications stuck, ILogger<ExchangeTrackingDialog> logger)
        : base(DialogId)
    {
        this.stuck = stuck;
        this.exportLinks = exportLinks;
        this.logger = logger;
        this.views = views;
        this.store = store;
        this.approvers = approvers;
        this.workflow = workflow;
        this.cards = cards;
        this.reports = reports;
        AddDialog(new WaterfallDialog("exchange.tracking.steps", [AnswerAsync]));
    }

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = ExchangeTexts.Resolve(step.Context.GetTexts().Language);
        var actor = ExchangeActors.From(step.Context);
        var start = step.Options as JourneyStart;
        if (actor is null || start is null)
        {
            await step.Context.SendActivityAsync(texts.NotAllowed, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var command = Command(start.Text);
        switch (start.CardAction)
        {
            case ExchangeVerbs.Open:
                await OpenAsync(step, actor, start.CardData, texts, cancellationToken).ConfigureAwait(false);
                break;
            case ExchangeVerbs.Stuck:
                await CoordinatorAsync(step, actor, Commands.Stuck, texts, cancellationToken).ConfigureAwait(false);
                break;
            case ExchangeVerbs.RetryDelivery:
                await RetryDeliveryAsync(step, actor, start.CardData, texts, cancellationToken).ConfigureAwait(false);
                break;
            case { } verb when ExchangeVerbs.Card.Contains(verb):
                var answer = await workflow.HandleAsync(actor, verb, start.CardData, texts, cancellationToken).ConfigureAwait(false);
                var sent = await step.Context.SendActivityAsync(ExchangeNotifier.AsMessage(answer.Card), cancellationToken).ConfigureAwait(false);

                // Recorded like an opened card (e.g. the withdraw confirmation asked from "my applications"), so the next
                // transition replaces it: left alone it would keep offering "Yes, withdraw" on a status long gone.
                if (answer.Application is { } shown)
                {
                    await RememberAsync(step, shown, actor, sent, cancellationToken).ConfigureAwait(false);
                }

                break;
            default:
                if (command == Commands.Pending)
                {
                    await PendingAsync(step, actor, texts, cancellationToken).ConfigureAwait(false);
                }
                else if (command is Commands.Progress or Commands.Export or Commands.Stuck)
                {
                    await CoordinatorAsync(step, actor, command, texts, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var mine = await store.ListForApplicantAsync(actor.AadObjectId, cancellationToken).ConfigureAwait(false);
                    var list = await cards.ListAsync(texts.MyApplicationsTitle, texts.NoApplications, mine, texts, cancellationToken, actor.AadObjectId).ConfigureAwait(false);
                    await step.Context.SendActivityAsync(ConversationCards.AsMessage(list), cancellationToken).ConfigureAwait(false);
                }

                break;
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task OpenAsync(WaterfallStepContext step, ExchangeActor actor, JsonElement? data, ExchangeTexts texts, CancellationToken cancellationToken)
    {
        var application = data is { } value && CardInput.TryGetText(value, "exchangeId", out var raw) && Guid.TryParseExact(raw, "D", out var id)
            ? await store.FindAsync(id, cancellationToken).ConfigureAwait(false)
            : null;
        if (application is null)
        {
            await step.Context.SendActivityAsync(texts.NotFound, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The id came from a card: somebody else's application gets the same answer as an unknown one.
        if (!(await views.ForAsync(application, actor.AadObjectId, cancellationToken).ConfigureAwait(false)).CanSee)
        {
            await step.Context.SendActivityAsync(texts.NotFound, cancellationToken).ConfigureAwait(false);
            return;
        }

        var card = await workflow.CardForAsync(application, actor, texts, null, cancellationToken).ConfigureAwait(false);
        var response = await step.Context.SendActivityAsync(ExchangeNotifier.AsMessage(card), cancellationToken).ConfigureAwait(false);
        await RememberAsync(step, application, actor, response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records an application's card sent into this chat, so that later transitions replace it with the current view.</summary>
    private async Task RememberAsync(WaterfallStepContext step, ExchangeApplication application, ExchangeActor actor, ResourceResponse? response, CancellationToken cancellationToken)
    {
        if (response?.Id is { Length: > 0 } activityId && step.Context.Activity.Conversation?.Id is { Length: > 0 } conversationId)
        {
            await store.AddCardAsync(application.Id, actor.AadObjectId, conversationId, activityId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PendingAsync(WaterfallStepContext step, ExchangeActor actor, ExchangeTexts texts, CancellationToken cancellationToken)
    {
        var pending = new List<ExchangeApplication>();
        foreach (var application in await store.ListAsync([ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeStatus.ReportSubmitted], cancellationToken).ConfigureAwait(false))
        {
            var current = await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false);
            if (current.Contains(actor.AadObjectId, AadObjectIds.Comparer)
                && !AadObjectIds.Same(application.ApplicantAadObjectId, actor.AadObjectId))
            {
                pending.Add(application);
            }
        }

        var list = await cards.ListAsync(texts.PendingApprovalsTitle, texts.NoPendingApprovals, pending, texts, cancellationToken).ConfigureAwait(false);
        await step.Context.SendActivityAsync(ConversationCards.AsMessage(list), cancellationToken).ConfigureAwait(false);
    }

    private async Task CoordinatorAsync(WaterfallStepContext step, ExchangeActor actor, Commands command, ExchangeTexts texts, CancellationToken cancellationToken)
    {
        if (!approvers.IsCoordinator(actor.AadObjectId))
        {
            await step.Context.SendActivityAsync(texts.NotCoordinator, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (command == Commands.Stuck)
        {
            var entries = await stuck.ListAsync(cancellationToken).ConfigureAwait(false);
            await step.Context.SendActivityAsync(ConversationCards.AsMessage(await cards.StuckAsync(entries, texts, cancellationToken).ConfigureAwait(false)), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        if (command == Commands.Progress)
        {
            var progress = await reports.ProgressAsync(texts, cancellationToken).ConfigureAwait(false);
            await step.Context.SendActivityAsync(ConversationCards.AsMessage(cards.Progress(progress, texts)), cancellationToken).ConfigureAwait(false);
            return;
        }

        // A link, not the file: Teams shows no file a bot attaches outside the file-consent flow, and drops data: URLs
        // (for images only). The link opens the export on the bot's own host for a few minutes (ExchangeExportLinks).
        // Personal: asked for in a group, the main dialog hands it to the 1:1 chat before this runs; should a group turn
        // get here all the same, nobody else in the group gets the link.
        if (step.Context.Activity.IsGroupConversation())
        {
            await step.Context.SendActivityAsync(texts.ExportInPersonalChat, cancellationToken).ConfigureAwait(false);
            return;
        }

        var link = exportLinks.For(actor.AadObjectId, texts.Language);
        if (link is null)
        {
            await step.Context.SendActivityAsync(texts.ExportUnavailable, cancellationToken).ConfigureAwait(false);
            return;
        }

        Log.ExportLinkGiven(logger, actor.AadObjectId);
        var minutes = (int)Math.Ceiling(exportLinks.Lifetime.TotalMinutes);
        await step.Context.SendActivityAsync(
            string.Format(CultureInfo.InvariantCulture, texts.ExportReadyFormat, link, minutes), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The coordinator's "Retry now" on a stuck application: the role checked here, on every click (a forged button from
    /// anybody else gets the polite refusal and changes nothing); a button tries once (its round, <see cref="ExchangeStuckApplications.RetryAsync"/>): a second click sends nothing and says where it stands — being tried, nothing stuck, or kind by kind: queued for the follow-up's next try, no longer tried (the list shown again offers one more try), or a reminder no longer needed as its approver left the step. One click tries every problem listed for the application and is answered with one message.
    /// </summary>
    private async Task RetryDeliveryAsync(WaterfallStepContext step, ExchangeActor actor, JsonElement? data, ExchangeTexts texts, CancellationToken cancellationToken)
    {
        if (!approvers.IsCoordinator(actor.AadObjectId))
        {
            Log.ActionRefused(logger, ExchangeVerbs.RetryDelivery, actor.AadObjectId, "not a coordinator");
            await step.Context.SendActivityAsync(texts.NotCoordinatorAction, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (data is not { ValueKind: JsonValueKind.Object } value || !CardInput.TryGetText(value, "exchangeId", out var raw) || !Guid.TryParseExact(raw, "D", out var id))
        {
            Log.ActionRefused(logger, ExchangeVerbs.RetryDelivery, actor.AadObjectId, "invalid data");
            await step.Context.SendActivityAsync(texts.ButtonUnreadable, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The rounds done when the button's list was shown (none on a button from before rounds were carried).
        var round = 0;
        if (!CardInput.TryGetText(value, "round", out var rawRound)
            || (rawRound is not null && (!int.TryParse(rawRound, NumberStyles.None, CultureInfo.InvariantCulture, out round) || round > MaxRetryRound)))
        {
            Log.ActionRefused(logger, ExchangeVerbs.RetryDelivery, actor.AadObjectId, "invalid data");
            await step.Context.SendActivityAsync(texts.ButtonUnreadable, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (application, outcome, parts) = await stuck.RetryAsync(id, round, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            await step.Context.SendActivityAsync(texts.NotFound, cancellationToken).ConfigureAwait(false);
            return;
        }

        Log.DeliveryRetried(logger, application.Reference, actor.AadObjectId,
            parts.Count > 1 ? $"{outcome} ({string.Join(", ", parts.Select(p => $"{p.Notice?.ToString() ?? p.Problem.ToString()}: {p.Outcome}"))})" : outcome.ToString());
        if (parts.Any(p => IsStanding(p.Outcome)) && parts is not [{ Outcome: ExchangeRetryOutcome.NeedsApprover }])
        {
            // Nothing tried now, something still owed: where each kind stands — still tried by the bot, or not any more.
            await step.Context.SendActivityAsync(StandingSummary(application, parts, texts), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (parts.Select(p => p.Outcome).Distinct().Count() > 1)
        {
            // Several problems tried by the one click, not all alike: one message saying how each went.
            await step.Context.SendActivityAsync(RetrySummary(application, parts, texts), cancellationToken).ConfigureAwait(false);
            return;
        }

        var answer = outcome switch
        {
            ExchangeRetryOutcome.Delivered => string.Format(CultureInfo.InvariantCulture, texts.RetryDeliveredFormat, application.Reference),
            ExchangeRetryOutcome.StillFailing => string.Format(CultureInfo.InvariantCulture, texts.RetryQueuedFormat, application.Reference),
            ExchangeRetryOutcome.Refused => string.Format(CultureInfo.InvariantCulture, texts.RetryRefusedFormat, application.Reference),
            ExchangeRetryOutcome.Running => string.Format(CultureInfo.InvariantCulture, texts.RetryRunningFormat, application.Reference),
            // Nothing to send until somebody may decide it: what to configure.
            ExchangeRetryOutcome.NeedsApprover => $"{application.Reference}: {texts.StuckNoApproverAdvice}",
            _ => string.Format(CultureInfo.InvariantCulture, texts.NothingToRetryFormat, application.Reference),
        };
        await step.Context.SendActivityAsync(answer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The answer to a "Retry now" whose problems went different ways: the reference, then what was delivered now, what
    /// is still failing (the follow-up goes on trying it) and what was refused again (listed again), each naming its problems.
    /// </summary>
    private static string RetrySummary(ExchangeApplication application, IReadOnlyList<ExchangeRetryPart> parts, ExchangeTexts texts) =>
        $"{application.Reference}: {string.Join(" ", Sentences(parts, texts,
            (ExchangeRetryOutcome.Delivered, texts.RetrySummaryDeliveredFormat),
            (ExchangeRetryOutcome.StillFailing, texts.RetrySummaryQueuedFormat),
            (ExchangeRetryOutcome.Refused, texts.RetrySummaryRefusedFormat)))}";

    /// <summary>
    /// The answer to a "Retry now" that tried nothing while something is still owed, in the first click's shape: the
    /// reference, that nothing more was sent, then what the bot still tries (queued), what it no longer tries (on the
    /// stuck list), a reminder no longer needed (its approver left the step), and what to configure when nobody may decide.
    /// </summary>
    private static string StandingSummary(ExchangeApplication application, IReadOnlyList<ExchangeRetryPart> parts, ExchangeTexts texts)
    {
        var sentences = new List<string> { texts.RetryStandingNothingSent };
        sentences.AddRange(Sentences(parts, texts,
            (ExchangeRetryOutcome.AlreadyQueued, texts.RetryStandingQueuedFormat),
            (ExchangeRetryOutcome.AlreadyRetried, texts.RetryStandingNotRetriedFormat),
            (ExchangeRetryOutcome.NotNeeded, texts.RetryStandingNoLongerApproverFormat)));
        if (parts.Any(p => p.Outcome == ExchangeRetryOutcome.NeedsApprover))
        {
            sentences.Add(texts.StuckNoApproverAdvice);
        }

        return $"{application.Reference}: {string.Join(" ", sentences)}";
    }

    /// <summary>A sentence per outcome that <paramref name="parts"/> have, in the order given, naming the parts' problems.</summary>
    private static IEnumerable<string> Sentences(IReadOnlyList<ExchangeRetryPart> parts, ExchangeTexts texts, params (ExchangeRetryOutcome Outcome, string Format)[] formats) =>
        formats.Where(f => parts.Any(p => p.Outcome == f.Outcome))
            .Select(f => string.Format(CultureInfo.InvariantCulture, f.Format, string.Join(", ", parts.Where(p => p.Outcome == f.Outcome)
                .Select(p => p.Notice is { } notice ? texts.ApplicantNotices[notice] : texts.RetryProblems[p.Problem]).Distinct(StringComparer.Ordinal))));

    /// <summary>Whether <paramref name="outcome"/> says where a problem stands for a click that tried nothing.</summary>
    private static bool IsStanding(ExchangeRetryOutcome outcome) => outcome is ExchangeRetryOutcome.AlreadyQueued or ExchangeRetryOutcome.AlreadyRetried
        or ExchangeRetryOutcome.NotNeeded or ExchangeRetryOutcome.NeedsApprover;

    /// <summary>More rounds of "Retry now" than any coordinator clicks: a larger number is no button of ours.</summary>
    private const int MaxRetryRound = 100_000;

    private static Commands Command(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Commands.Mine;
        }

        var folded = TypedCommand.Fold(text);
        bool Any(Func<ExchangeTexts, IReadOnlyList<string>> list) =>
            ExchangeTexts.All.Any(t => TypedCommand.ContainsFolded(list(t), folded));
        return Any(t => t.PendingApprovalsCommands) ? Commands.Pending
            : Any(t => t.ProgressCommands) ? Commands.Progress
            : Any(t => t.ExportCommands) ? Commands.Export
            : Any(t => t.StuckCommands) ? Commands.Stuck
            : Commands.Mine;
    }

    private enum Commands
    {
        Mine,
        Pending,
        Progress,
        Export,
        Stuck,
    }
}
