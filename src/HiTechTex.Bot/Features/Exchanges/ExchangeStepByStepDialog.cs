using System.Globalization;
using System.Text;
using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// The conversational fallback of the application form: the same fields asked one at a time with the standard
/// prompts (host searched in the directory like the form does, dates in the user's time zone, activity type,
/// objectives, agenda, expected outcomes), then the same eligibility reasons and lump-sum estimate as the form's
/// Check (<see cref="ExchangeApplicationDrafts"/>), then Submit / Save draft / Cancel. Help and cancel interrupt it
/// like any journey (the main dialog); nothing is stored before Save or Submit.
/// </summary>
internal sealed class ExchangeStepByStepDialog : ComponentDialog
{
    public const string DialogId = "exchange.stepByStep";

    private const string StepsId = "exchange.stepByStep.steps";
    private const string VisitingStepsId = "exchange.stepByStep.visiting";
    private const string VisitingPromptId = "exchange.stepByStep.visitingChoice";
    private const string HostPromptId = "exchange.stepByStep.host";
    private const string HostChoicePromptId = "exchange.stepByStep.hostChoice";
    private const string StartPromptId = "exchange.stepByStep.start";
    private const string EndPromptId = "exchange.stepByStep.end";
    private const string ActivityPromptId = "exchange.stepByStep.activity";
    private const string LongTextPromptId = "exchange.stepByStep.text";
    private const string FinishPromptId = "exchange.stepByStep.finish";
    private const string StateKey = "form";
    private const string HostIdsKey = "hostIds";
    private const string VisitingIdsKey = "visitingIds";
    private const string TopicsKey = "topics";
    private const string DateFormat = "yyyy-MM-dd";

    private readonly IPartnerDirectory directory;
    private readonly ExchangeStore store;
    private readonly ExchangeWorkflow workflow;
    private readonly ExchangeApplicationDrafts drafts;
    private readonly ExchangeEligibility eligibility;
    private readonly ExchangeCards cards;

    public ExchangeStepByStepDialog(
        IPartnerDirectory directory, ExchangeStore store, ExchangeWorkflow workflow, ExchangeApplicationDrafts drafts, ExchangeClock clock, TimeProvider timeProvider,
        IDateRecognizer dateRecognizer, ExchangeApplicantName applicantName, ExchangeEligibility eligibility, ExchangeCards cards)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(applicantName);

        this.directory = directory;
        this.store = store;
        this.workflow = workflow;
        this.drafts = drafts;
        this.eligibility = eligibility;
        this.cards = cards;
        // Every question takes QuestionAttempts answers it cannot use; then it says StepByStepGaveUp and the next step
        // ends the dialog (EndingWhenAQuestionGivesUp): nothing saved, nothing submitted — never a default answer.
        AddDialog(new WaterfallDialog(StepsId, EndingWhenAQuestionGivesUp(
        [
            AskHostAsync, ChooseHostAsync, AskStartDateAsync, AskEndDateAsync, AskActivityTypeAsync, AskObjectivesAsync, AskAgendaAsync, AskOutcomesAsync,
            ShowCheckAsync, FinishAsync,
        ])));

        // Asked only when the profile's organisation matches several the applicant may apply for; its own steps, so
        // that the main steps keep their places (a conversation waiting at one of them when the bot is updated goes on).
        AddDialog(new WaterfallDialog(VisitingStepsId, EndingWhenAQuestionGivesUp([AskVisitingAsync, KeepVisitingAsync])));
        AddDialog(new ChoicePrompt(VisitingPromptId));
        AddDialog(new TextPrompt(HostPromptId, ValidateHostQueryAsync));
        AddDialog(new ChoicePrompt(HostChoicePromptId));
        // "2 marzo", "3 de dezembro": month names in the six languages (the product's DateParser), besides ISO and numeric dates.
        AddDialog(new DateTimePrompt(StartPromptId, ValidateStartAsync, timeProvider, dateRecognizer) { DefaultTimeZone = clock.TimeZone });
        AddDialog(new DateTimePrompt(EndPromptId, ValidateEndAsync, timeProvider, dateRecognizer) { DefaultTimeZone = clock.TimeZone });
        AddDialog(new ChoicePrompt(ActivityPromptId));
        AddDialog(new TextPrompt(LongTextPromptId, ValidateLongTextAsync));
        AddDialog(new ChoicePrompt(FinishPromptId));

        // Submit by someone whose profile has no usable name: the name is asked for first (its own steps; added last,
        // the first dialog added being the one the component begins with).
        foreach (var dialog in applicantName.Dialogs())
        {
            AddDialog(dialog);
        }
    }

    private static ExchangeTexts TextsOf(ITurnContext turnContext) => ExchangeTexts.Resolve(turnContext.GetTexts().Language);

    /// <summary>The answers each question takes before it gives up (<see cref="ExchangeTexts.StepByStepGaveUp"/>).</summary>
    public const int QuestionAttempts = 3;

    /// <summary>A question's options with its maximum of answers and what it says when it gives up.</summary>
    private static PromptOptions Limited(PromptOptions options, ExchangeTexts texts)
    {
        options.MaxAttempts = QuestionAttempts;
        options.TooManyAttemptsPrompt = Activity.CreateMessage(texts.StepByStepGaveUp);
        return options;
    }

    /// <summary>
    /// The steps, each after the first ending the dialog when the question before it gave up
    /// (<see cref="PromptAttemptsExceeded"/>; the question already said <see cref="ExchangeTexts.StepByStepGaveUp"/>)
    /// instead of reading its answer.
    /// </summary>
    private static WaterfallStep[] EndingWhenAQuestionGivesUp(WaterfallStep[] steps) =>
        [.. steps.Select((step, index) => index == 0 ? step : (WaterfallStep)((context, cancellationToken) =>
            context.Result is PromptAttemptsExceeded ? context.EndDialogAsync(null, cancellationToken) : step(context, cancellationToken)))];

    private async Task<DialogTurnResult> AskHostAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = TextsOf(step.Context);
        if (ExchangeActors.From(step.Context) is null)
        {
            await step.Context.SendActivityAsync(texts.NotAllowed, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // Only for the applicant's own organisation: one the directory doesn't know gets told so.
        var visitingChoices = await drafts.VisitingChoicesAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (await drafts.RefuseWhenNotInDirectoryAsync(step.Context, visitingChoices, texts, cancellationToken).ConfigureAwait(false))
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // From the form's "Answer step by step": keep what it held (an edited draft keeps its id and version). Answers
        // there already (an application edited, sent back with "changes requested") are each shown to keep or replace.
        var state = step.Options as ExchangeFormState ?? new ExchangeFormState();
        var requested = await RequestedChangesAsync(state, cancellationToken).ConfigureAwait(false);
        if (state.Before is null && HasAnswers(state))
        {
            state = state with { Before = state with { Notice = null } };
            var intro = requested is { } changes
                ? string.Format(CultureInfo.InvariantCulture, texts.ChangesRequestedByFormat, NameRule.ForPlainMessage(changes.Name), changes.Comment) + "\n\n"
                : "";
            await step.Context.SendActivityAsync(ConversationTurn.Plain(intro + texts.EditStepByStepIntro), cancellationToken).ConfigureAwait(false);
        }

        step.Values[TopicsKey] = ExchangeCommentTopics.Of(requested?.Comment).Select(q => q.ToString()).ToList();

        // Only an organisation the applicant may apply for (the form's server check): the one of the profile, else one
        // of the directory's matches for its name — which the applicant chooses when there are several.
        if (!visitingChoices.Any(o => o.Id == state.VisitingId))
        {
            if (visitingChoices.Count > 1)
            {
                return await step.ReplaceDialogAsync(VisitingStepsId, state with { VisitingId = null }, cancellationToken).ConfigureAwait(false);
            }

            state = state with { VisitingId = visitingChoices[0].Id };
        }

        step.Values[StateKey] = state;
        var currentHost = state.HostId is { } hostId ? await directory.FindAsync(hostId, cancellationToken).ConfigureAwait(false) : null;
        if (currentHost is null && state.HostId is not null)
        {
            // No longer in the directory: nothing to keep.
            state = state with { HostId = null };
            step.Values[StateKey] = state;
        }

        return await step.PromptAsync(
            HostPromptId, Question(step, texts, ExchangeQuestion.Host, texts.AskHost, texts.HostNotFound, currentHost is null ? null : Label(currentHost)),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskVisitingAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = TextsOf(step.Context);
        step.Values[StateKey] = step.Options as ExchangeFormState ?? new ExchangeFormState();
        var choices = await drafts.VisitingChoicesAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (choices.Count <= 1)
        {
            // The profile changed meanwhile: the main steps decide again.
            return await step.ReplaceDialogAsync(StepsId, State(step), cancellationToken).ConfigureAwait(false);
        }

        step.Values[VisitingIdsKey] = choices.Select(o => o.Id).ToList();
        var options = Limited(PromptOptions.Text(texts.ChooseVisiting, texts.ChooseOneRetry), texts);
        options.Choices = [.. choices.Select(o => new Choice(Label(o), o.Name))];
        return await step.PromptAsync(VisitingPromptId, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> KeepVisitingAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = TextsOf(step.Context);
        var choice = (FoundChoice)step.Result!;
        var ids = step.GetValue<List<string>>(VisitingIdsKey) ?? [];
        var chosen = choice.Index < ids.Count ? ids[choice.Index] : null;

        // Checked again now, like the form's submission: still one the applicant may apply for.
        var visiting = (await drafts.VisitingChoicesAsync(step.Context, cancellationToken).ConfigureAwait(false)).FirstOrDefault(o => o.Id == chosen);
        if (visiting is null)
        {
            return await step.ReplaceDialogAsync(StepsId, State(step) with { VisitingId = null }, cancellationToken).ConfigureAwait(false);
        }

        await step.Context.SendActivityAsync(ConversationTurn.Plain($"{texts.VisitingOrganisationLabel}: {NameRule.ForPlainMessage(Label(visiting))}"), cancellationToken).ConfigureAwait(false);
        return await step.ReplaceDialogAsync(StepsId, State(step) with { VisitingId = visiting.Id }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ChooseHostAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = TextsOf(step.Context);
        if (State(step).HostId is { } keptId && (step.Result is not string answer || ExchangeTexts.IsKeep(answer)))
        {
            // "Keep" (the button, or typed): the current host, as if chosen again.
            step.Values[HostIdsKey] = new List<string> { keptId };
            return await step.NextAsync(new FoundChoice(keptId, 0, 1, keptId), cancellationToken).ConfigureAwait(false);
        }

        var query = (string)step.Result!;
        var matches = await FindHostsAsync(query, cancellationToken).ConfigureAwait(false);
        step.Values[StateKey] = State(step) with { HostQuery = query.Trim() };
        step.Values[HostIdsKey] = matches.Select(o => o.Id).ToList();
        if (matches.Count == 1)
        {
            return await step.NextAsync(new FoundChoice(Label(matches[0]), 0, 1, Label(matches[0])), cancellationToken).ConfigureAwait(false);
        }

        var options = Limited(PromptOptions.Text(texts.ChooseHost, texts.ChooseOneRetry), texts);
        options.Choices = [.. matches.Select(o => new Choice(Label(o), o.Name))];
        return await step.PromptAsync(HostChoicePromptId, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskStartDateAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = TextsOf(step.Context);
        var choice = (FoundChoice)step.Result!;
        var ids = step.GetValue<List<string>>(HostIdsKey) ?? [];
        var host = choice.Index < ids.Count ? await directory.FindAsync(ids[choice.Index], cancellationToken).ConfigureAwait(false) : null;
        if (host is null)
        {
            // The directory changed between the two turns: search again.
            return await step.ReplaceDialogAsync(StepsId, State(step), cancellationToken).ConfigureAwait(false);
        }

        step.Values[StateKey] = State(step) with { HostId = host.Id };
        await step.Context.SendActivityAsync(ConversationTurn.Plain($"{texts.HostOrganisation}: {NameRule.ForPlainMessage(Label(host))}"), cancellationToken).ConfigureAwait(false);
        var culture = ExchangeCards.Culture(texts.Language);
        var currentStart = State(step).StartDate;
        var startOptions = Question(
            step, texts, ExchangeQuestion.StartDate, texts.AskStartDate, texts.DateNotUnderstood, currentStart is { } shown ? ExchangeTime.Day(shown, culture) : null);

        // The validator sees only the prompt's options: the host's country travels with them (its public holidays), and
        // the current first day, which "keep" keeps when it is still a valid one.
        startOptions.Validations = ValidationText(null, host.Country, currentStart);
        return await step.PromptAsync(StartPromptId, startOptions, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskEndDateAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = TextsOf(step.Context);
        // A kept first day is the current one (its validator checked it again).
        var start = step.Result is DateTimeResolution answer ? answer.Date : State(step).StartDate!.Value;
        step.Values[StateKey] = State(step) with { StartDate = start };
        var currentEnd = State(step).EndDate;
        var options = Question(
            step, texts, ExchangeQuestion.EndDate, texts.AskEndDate, texts.DateNotUnderstood,
            currentEnd is { } shown ? ExchangeTime.Day(shown, ExchangeCards.Culture(texts.Language)) : null);

        // The validator sees only the prompt's options, so the first day (and the host's country) travel with them.
        var hostCountry = State(step).HostId is { } hostId ? (await directory.FindAsync(hostId, cancellationToken).ConfigureAwait(false))?.Country : null;
        options.Validations = ValidationText(start, hostCountry, currentEnd);
        return await step.PromptAsync(EndPromptId, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskActivityTypeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = TextsOf(step.Context);
        step.Values[StateKey] = State(step) with { EndDate = step.Result is DateTimeResolution answer ? answer.Date : State(step).EndDate };
        var current = State(step).ActivityType;
        var about = IsAbout(step, ExchangeQuestion.ActivityType) ? texts.CommentIsAboutThis + "\n\n" : "";
        var question = current is { } type ? $"{about}{texts.ChooseActivityType}\n\n{texts.CurrentAnswer}: {texts.ActivityTypes[type]}" : about + texts.ChooseActivityType;
        var options = Limited(PromptOptions.Text(question, texts.ChooseOneRetry), texts);
        options.Choices = [.. Enum.GetValues<ExchangeActivityType>().Select(t => new Choice(texts.ActivityTypes[t], t.ToString()))];
        if (current is not null)
        {
            // Keep: the last choice, also typed in any language's words ("same", "igual").
            options.Choices.Add(new Choice(texts.KeepButton, [.. ExchangeTexts.All.SelectMany(t => t.KeepWords.Append(t.KeepButton)).Distinct(StringComparer.Ordinal)]));
        }

        return await step.PromptAsync(ActivityPromptId, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskObjectivesAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = TextsOf(step.Context);
        var choice = (FoundChoice)step.Result!;
        var types = Enum.GetValues<ExchangeActivityType>();
        step.Values[StateKey] = State(step) with { ActivityType = choice.Index < types.Length ? types[choice.Index] : State(step).ActivityType };
        return await step.PromptAsync(
            LongTextPromptId, Question(step, texts, ExchangeQuestion.Objectives, texts.AskObjectives, texts.Problems[EligibilityProblem.ObjectivesMissing], State(step).Objectives),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskAgendaAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = TextsOf(step.Context);
        step.Values[StateKey] = State(step) with { Objectives = LongAnswer(step, State(step).Objectives) };
        return await step.PromptAsync(
            LongTextPromptId, Question(step, texts, ExchangeQuestion.Agenda, texts.AskAgenda, texts.Problems[EligibilityProblem.AgendaMissing], State(step).Agenda),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskOutcomesAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = TextsOf(step.Context);
        step.Values[StateKey] = State(step) with { Agenda = LongAnswer(step, State(step).Agenda) };
        return await step.PromptAsync(
            LongTextPromptId, Question(step, texts, ExchangeQuestion.Outcomes, texts.AskOutcomes, texts.Problems[EligibilityProblem.OutcomesMissing], State(step).Outcomes),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ShowCheckAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = TextsOf(step.Context);
        var state = State(step) with { Outcomes = LongAnswer(step, State(step).Outcomes) };
        step.Values[StateKey] = state;
        var (result, lumpSum) = await drafts.CheckAsync(state, step.Context.Activity.From?.AadObjectId ?? "", texts, cancellationToken).ConfigureAwait(false);

        // The period as understood ("next Monday", "1/3" — these questions never said it back) and as the card will show
        // it, with its working days, before anything is submitted.
        var period = "";
        if (state is { StartDate: { } start, EndDate: { } end })
        {
            var culture = ExchangeCards.Culture(texts.Language);
            var hostCountry = state.HostId is { } hostId ? (await directory.FindAsync(hostId, cancellationToken).ConfigureAwait(false))?.Country : null;
            var days = string.Format(CultureInfo.InvariantCulture, texts.WorkingDaysFormat, eligibility.CountWorkingDays(hostCountry, start, end));
            period = $"{texts.Period}: {ExchangeTime.Day(start, culture)} – {ExchangeTime.Day(end, culture)} ({days})\n\n";
        }

        // An application edited: what differs from it, before it is submitted again.
        var changes = state is { Before: { } before, ExchangeId: not null } ? await ChangesTextAsync(before, state, texts, cancellationToken).ConfigureAwait(false) + "\n\n" : "";
        var summary = changes + period + CheckText(result, lumpSum, texts);
        await step.Context.SendActivityAsync(summary, cancellationToken).ConfigureAwait(false);

        // Submit only when eligible, as the workflow would refuse it anyway; the draft can be completed later in the form.
        // Asked again (after help, "already under way", a no to leaving it), the question comes with the summary above it
        // once more, so that the choice is made without scrolling back; not on a retry, which follows it closely.
        var options = Limited(PromptOptions.Text(texts.ChooseNext, texts.ChooseOneRetry), texts);
        options.Recap = Activity.CreateMessage(summary);
        options.Choices = result.IsEligible
            ? [new Choice(texts.SubmitButton), new Choice(texts.SaveDraftButton), new Choice(texts.CancelButton)]
            : [new Choice(texts.SaveDraftButton), new Choice(texts.CancelButton)];
        return await step.PromptAsync(FinishPromptId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a click (its data) is the final question's Cancel: its choice is the Cancel button's label in one of the
    /// six languages (the question is asked in the user's).
    /// </summary>
    internal static bool IsCancel(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && CardInput.TryGetText(data, "choice", out var choice) && choice is { Length: > 0 and <= 64 }
        && ExchangeTexts.All.Any(t => string.Equals(t.CancelButton, choice.Trim(), StringComparison.OrdinalIgnoreCase));

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = TextsOf(step.Context);
        var actor = ExchangeActors.From(step.Context);
        var choice = ((FoundChoice)step.Result!).Value;
        if (actor is null || choice == texts.CancelButton)
        {
            await step.Context.SendActivityAsync(texts.FormCancelled, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var saved = await drafts.SaveAsync(State(step), actor, step.Context, cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            var reloaded = State(step).DraftId is { } id ? await store.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
            await step.Context.SendActivityAsync(choice == texts.SubmitButton && reloaded?.Status == ExchangeStatus.Stage1
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.AlreadySubmittedFormat, reloaded.Reference)
                : texts.ChangedMeanwhile, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (choice != texts.SubmitButton)
        {
            await step.Context.SendActivityAsync(texts.DraftSaved, cancellationToken).ConfigureAwait(false);
            await drafts.SendCardAsync(step.Context, saved, actor, texts, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var submission = await workflow.SubmitAsync(actor, saved.Id, saved.Version, cancellationToken).ConfigureAwait(false);
        if (submission.NameMissing)
        {
            // Saved as a draft; submitted once the applicant has given a name.
            return await step.ReplaceDialogAsync(ExchangeApplicantName.StepsId, saved.Id, cancellationToken).ConfigureAwait(false);
        }

        var (result, submitted, alreadySubmitted) = submission;
        if (alreadySubmitted)
        {
            await step.Context.SendActivityAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.AlreadySubmittedFormat, submitted!.Reference), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (submitted is null || submitted.Status != ExchangeStatus.Stage1)
        {
            // Eligible a moment ago but not any more (another application meanwhile): the draft stays, with the reason.
            await step.Context.SendActivityAsync(result.IsEligible ? texts.ChangedMeanwhile : texts.NotEligible, cancellationToken).ConfigureAwait(false);
            var current = await store.FindAsync(saved.Id, cancellationToken).ConfigureAwait(false) ?? saved;
            await drafts.SendCardAsync(step.Context, current, actor, texts, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        await drafts.SendCardAsync(step.Context, submitted, actor, texts, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The eligibility reasons (or "eligible") and the lump-sum estimate, as the form shows them after Check.</summary>
    private static string CheckText(EligibilityResult result, string lumpSum, ExchangeTexts texts)
    {
        var text = new StringBuilder();
        text.Append(texts.Eligibility).Append(": ");
        if (result.IsEligible)
        {
            text.Append(texts.Eligible);
        }
        else
        {
            foreach (var problem in result.Problems)
            {
                text.Append("\n- ").Append(texts.Problem(result, problem));
            }
        }

        text.Append("\n\n").Append(texts.LumpSum).Append(": ").Append(lumpSum);
        return text.ToString();
    }

    private async Task<bool> ValidateHostQueryAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        if (KeepsCurrent(prompt.Context, prompt.Options.Validations))
        {
            return true;
        }

        if (!prompt.Recognized.Succeeded || prompt.Recognized.Value is not { } query || string.IsNullOrWhiteSpace(query))
        {
            return false;
        }

        if (query.Trim().Length > ExchangeLimits.Query)
        {
            await prompt.Context.SendActivityAsync(
                TextsOf(prompt.Context).AnswerLength(ExchangeLimits.Query), cancellationToken).ConfigureAwait(false);
            return false;
        }

        return (await FindHostsAsync(query, cancellationToken).ConfigureAwait(false)).Count > 0;
    }

    /// <summary>
    /// An answer that names a day on no calendar ("31 February", "30/02/2027", "31. dubna") is told so, in place of
    /// "I did not understand that date" (the question's retry is then not said twice).
    /// </summary>
    private async Task SayNoSuchDayAsync(PromptValidatorContext<DateTimeResolution> prompt, CancellationToken cancellationToken)
    {
        if (DateTextRecognizer.NoSuchDayIn(prompt.Context.Activity.Text, workflow.Today) is { } day)
        {
            await prompt.Context.SendActivityAsync(ConversationTurn.Plain(TextsOf(prompt.Context).NoSuchDayAnswer(day)), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> ValidateStartAsync(PromptValidatorContext<DateTimeResolution> prompt, CancellationToken cancellationToken)
    {
        var (_, hostCountry, kept) = ReadValidation(prompt.Options.Validations);
        DateOnly date;
        if (kept is { } current && AsksToKeep(prompt.Context, ExchangeQuestion.StartDate))
        {
            // The current first day, checked again: a day that has passed or become a holiday is not kept.
            date = current;
        }
        else if (!prompt.Recognized.Succeeded || prompt.Recognized.Value is not { } answer)
        {
            await SayNoSuchDayAsync(prompt, cancellationToken).ConfigureAwait(false);
            return false;
        }
        else
        {
            date = answer.Date;
        }

        if (date <= workflow.Today)
        {
            await prompt.Context.SendActivityAsync(TextsOf(prompt.Context).DateInPast, cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (ExchangeEligibility.IsTooFarAhead(date, workflow.Today))
        {
            await prompt.Context.SendActivityAsync(TextsOf(prompt.Context).Problems[EligibilityProblem.StartTooFarAhead], cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (ExchangeEligibility.IsWeekend(date))
        {
            await prompt.Context.SendActivityAsync(TextsOf(prompt.Context).Problems[EligibilityProblem.StartOnWeekend], cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (eligibility.HolidayOn(hostCountry, date) is { } holiday)
        {
            var texts = TextsOf(prompt.Context);
            await prompt.Context.SendActivityAsync(string.Format(ExchangeCards.Culture(texts.Language), texts.StartOnHolidayFormat, texts.Holiday(holiday)), cancellationToken).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private async Task<bool> ValidateEndAsync(PromptValidatorContext<DateTimeResolution> prompt, CancellationToken cancellationToken)
    {
        var (startText, hostCountry, kept) = ReadValidation(prompt.Options.Validations);
        DateOnly date;
        if (kept is { } current && AsksToKeep(prompt.Context, ExchangeQuestion.EndDate))
        {
            // The current last day, checked again (against the first day given now too).
            date = current;
        }
        else if (!prompt.Recognized.Succeeded || prompt.Recognized.Value is not { } answer)
        {
            await SayNoSuchDayAsync(prompt, cancellationToken).ConfigureAwait(false);
            return false;
        }
        else
        {
            date = answer.Date;
        }

        if (date <= workflow.Today)
        {
            await prompt.Context.SendActivityAsync(TextsOf(prompt.Context).DateInPast, cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (DateOnly.TryParseExact(startText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) && date < start)
        {
            var texts = TextsOf(prompt.Context);
            var shown = ExchangeTime.Day(start, ExchangeCards.Culture(texts.Language));
            await prompt.Context.SendActivityAsync(string.Format(CultureInfo.InvariantCulture, texts.EndBeforeStartFormat, shown), cancellationToken).ConfigureAwait(false);
            return false;
        }

        // The last day is told by its own rule: "at most one month" (not the first day's "within two years").
        if (startText is not null && DateOnly.TryParseExact(startText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            && date > ExchangeEligibility.LastDayOfOneMonth(first))
        {
            await prompt.Context.SendActivityAsync(TextsOf(prompt.Context).Problems[EligibilityProblem.LongerThanOneMonth], cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (ExchangeEligibility.IsTooFarAhead(date, workflow.Today))
        {
            await prompt.Context.SendActivityAsync(TextsOf(prompt.Context).Problems[EligibilityProblem.StartTooFarAhead], cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (ExchangeEligibility.IsWeekend(date))
        {
            await prompt.Context.SendActivityAsync(TextsOf(prompt.Context).Problems[EligibilityProblem.EndOnWeekend], cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (eligibility.HolidayOn(hostCountry, date) is { } holiday)
        {
            var texts = TextsOf(prompt.Context);
            await prompt.Context.SendActivityAsync(string.Format(ExchangeCards.Culture(texts.Language), texts.EndOnHolidayFormat, texts.Holiday(holiday)), cancellationToken).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    /// <summary>
    /// What a date prompt's validator is given: "first day|host country|current answer" (any part may be empty; the
    /// current answer is the one "keep" keeps).
    /// </summary>
    private static string ValidationText(DateOnly? start, string? hostCountry, DateOnly? current) =>
        $"{start?.ToString(DateFormat, CultureInfo.InvariantCulture)}|{hostCountry}|{current?.ToString(DateFormat, CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The first day, the host's country and the current answer a date prompt was given; a prompt stored before the
    /// country (or the current answer) travelled with it holds the first day alone (or the first two).
    /// </summary>
    private static (string? Start, string? HostCountry, DateOnly? Current) ReadValidation(object? validations)
    {
        if (ValidationString(validations) is not { } text)
        {
            return (null, null, null);
        }

        var parts = text.Split('|');
        var start = parts[0];
        var country = parts.Length > 1 ? parts[1] : null;
        DateOnly? current = parts.Length > 2 && DateOnly.TryParseExact(parts[2], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        return (start.Length > 0 ? start : null, string.IsNullOrEmpty(country) ? null : country, current);
    }

    /// <summary>A prompt's validations as stored: a string, or the JSON string it became in the dialog state.</summary>
    private static string? ValidationString(object? validations) => validations switch
    {
        string value => value,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        _ => null,
    };

    /// <summary>
    /// A question (with its retry) that, when <paramref name="current"/> is an answer already given, shows it on a card
    /// with Keep (<see cref="ExchangeCards.Keep"/>) and takes "keep" for it; headed by "the requested changes are about
    /// this question" when the approver's comment names it.
    /// </summary>
    private PromptOptions Question(WaterfallStepContext step, ExchangeTexts texts, ExchangeQuestion question, string ask, string retry, string? current)
    {
        var about = IsAbout(step, question) ? texts.CommentIsAboutThis + "\n\n" : "";
        if (current is null)
        {
            return Limited(PromptOptions.Text(about + ask, retry), texts);
        }

        var keep = cards.Keep(question, current, texts);
        var prompt = Activity.CreateMessage(about + ask);
        prompt.Attachments = [keep];
        var again = Activity.CreateMessage(retry);
        again.Attachments = [keep];
        return Limited(new PromptOptions { Prompt = prompt, RetryPrompt = again, Validations = question.ToString() }, texts);
    }

    /// <summary>Whether the approver's comment is about <paramref name="question"/> (<see cref="ExchangeCommentTopics"/>).</summary>
    private static bool IsAbout(WaterfallStepContext step, ExchangeQuestion question) =>
        step.GetValue<List<string>>(TopicsKey) is { } topics && topics.Contains(question.ToString());

    /// <summary>Whether a text question's answer keeps its current one (its validations name the question when it has one).</summary>
    private static bool KeepsCurrent(ITurnContext context, object? validations) =>
        ValidationString(validations) is { } name && Enum.TryParse<ExchangeQuestion>(name, out var question) && AsksToKeep(context, question);

    /// <summary>
    /// "Keep" typed in any language, or the Keep button of this question (its data names it: a Keep of an earlier
    /// question, still clickable in the chat, keeps nothing here).
    /// </summary>
    private static bool AsksToKeep(ITurnContext context, ExchangeQuestion question)
    {
        if (context.Activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(ExchangeCards.KeepKey, out _))
        {
            return CardInput.TryGetText(value, ExchangeCards.KeepKey, out var which) && string.Equals(which, question.ToString(), StringComparison.Ordinal);
        }

        return ExchangeTexts.IsKeep(context.Activity.Text);
    }

    /// <summary>An objective, agenda or outcome: the current one when kept, else the answer, cleaned.</summary>
    private static string? LongAnswer(WaterfallStepContext step, string? current) =>
        current is not null && (step.Result is not string typed || ExchangeTexts.IsKeep(typed)) ? current : FreeText.Clean((string)step.Result!);

    /// <summary>Whether the questions start from answers already given (the visiting organisation and the host search aside).</summary>
    private static bool HasAnswers(ExchangeFormState state) =>
        state.HostId is not null || state.StartDate is not null || state.EndDate is not null || state.ActivityType is not null
        || state.Objectives is not null || state.Agenda is not null || state.Outcomes is not null;

    /// <summary>Who asked for changes and their comment, when the application being edited was sent back; else null.</summary>
    private async Task<(string Name, string Comment)?> RequestedChangesAsync(ExchangeFormState state, CancellationToken cancellationToken)
    {
        if (state.ExchangeId is not { } id || await store.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { Status: ExchangeStatus.ChangesRequested })
        {
            return null;
        }

        var audit = await store.AuditAsync(id, cancellationToken).ConfigureAwait(false);
        return audit.LastOrDefault(a => a.Action == ExchangeAction.ChangesRequested) is { Comment: { } stored } entry && FreeText.CleanOrNull(stored) is { } comment
            ? (entry.ActorName, comment)
            : null;
    }

    /// <summary>
    /// The answers that differ from <paramref name="before"/> ("First working day: 1 Mar 2027 → 8 Mar 2027", "Agenda:
    /// new answer"), or that none does; Markdown-escaped (the check's message is Markdown).
    /// </summary>
    private async Task<string> ChangesTextAsync(ExchangeFormState before, ExchangeFormState after, ExchangeTexts texts, CancellationToken cancellationToken)
    {
        var culture = ExchangeCards.Culture(texts.Language);
        var lines = new List<string>();
        void Changed(string label, string? from, string? to) =>
            lines.Add($"- {label}: {NameRule.EscapeMarkdown(from ?? "–")} → {NameRule.EscapeMarkdown(to ?? "–")}");
        string? Day(DateOnly? day) => day is { } d ? ExchangeTime.Day(d, culture) : null;

        if (before.HostId != after.HostId)
        {
            async Task<string?> HostAsync(string? id) =>
                id is null ? null : await directory.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } o ? NameRule.ForCard(Label(o)) : id;
            Changed(texts.HostOrganisation, await HostAsync(before.HostId).ConfigureAwait(false), await HostAsync(after.HostId).ConfigureAwait(false));
        }

        if (before.StartDate != after.StartDate)
        {
            Changed(texts.StartDate, Day(before.StartDate), Day(after.StartDate));
        }

        if (before.EndDate != after.EndDate)
        {
            Changed(texts.EndDate, Day(before.EndDate), Day(after.EndDate));
        }

        if (before.ActivityType != after.ActivityType)
        {
            Changed(texts.ActivityType, before.ActivityType is { } t1 ? texts.ActivityTypes[t1] : null, after.ActivityType is { } t2 ? texts.ActivityTypes[t2] : null);
        }

        foreach (var (label, from, to) in new[] { (texts.Objectives, before.Objectives, after.Objectives), (texts.Agenda, before.Agenda, after.Agenda), (texts.ExpectedOutcomes, before.Outcomes, after.Outcomes) })
        {
            if ((from ?? "") != (to ?? ""))
            {
                lines.Add($"- {label}: {texts.NewAnswer}");
            }
        }

        return lines.Count == 0 ? texts.NothingChanged : texts.WhatChanged + "\n" + string.Join("\n", lines);
    }

    /// <summary>
    /// An objective, agenda or outcome: one with nothing to see (empty, or only invisible characters, <see cref="FreeText"/>)
    /// is asked for again as a missing one ("Describe the objectives.", the question's retry); one over the maximum is
    /// told the maximum. What is kept is <see cref="FreeText.Clean"/>ed (AskAgendaAsync…).
    /// </summary>
    private static async Task<bool> ValidateLongTextAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        if (KeepsCurrent(prompt.Context, prompt.Options.Validations))
        {
            return true;
        }

        if (!prompt.Recognized.Succeeded || FreeText.CleanOrNull(prompt.Recognized.Value) is not { } text)
        {
            return false;
        }

        if (text.Length > ExchangeLimits.LongText)
        {
            await prompt.Context.SendActivityAsync(LengthText(TextsOf(prompt.Context)), cancellationToken).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private async Task<IReadOnlyList<Organisation>> FindHostsAsync(string query, CancellationToken cancellationToken) =>
        OrganisationMatcher.Find(await directory.ListAsync(cancellationToken).ConfigureAwait(false), query, 10, countryNames: true);

    private static ExchangeFormState State(WaterfallStepContext step) => step.GetValue<ExchangeFormState>(StateKey) ?? new ExchangeFormState();

    private static string Label(Organisation organisation) => $"{organisation.Name} ({organisation.City}, {organisation.Country})";

    private static string LengthText(ExchangeTexts texts) => texts.AnswerLength(ExchangeLimits.LongText);
}
