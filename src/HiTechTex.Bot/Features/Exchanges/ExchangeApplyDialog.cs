using System.Globalization;
using System.Text.Json;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// Apply for (or edit) an exchange: one form card with the visiting organisation (from the profile), the host
/// searched inline, dates, activity type, objectives, agenda and outcomes, the eligibility reasons and the lump-sum
/// estimate updated on every Check. Save as draft or submit (submission only when eligible); cancel leaves nothing.
/// </summary>
internal sealed class ExchangeApplyDialog : ComponentDialog
{
    public const string DialogId = "exchange.apply";

    private const string StepsId = "exchange.apply.steps";
    private const string FormPromptId = "exchange.apply.form";
    private const string StateKey = "form";

    private readonly IPartnerDirectory directory;
    private readonly ExchangeStore store;
    private readonly ExchangeWorkflow workflow;
    private readonly ExchangeCards cards;
    private readonly ExchangeApplicationDrafts drafts;
    private readonly ExchangeEligibility eligibility;

    public ExchangeApplyDialog(
        IPartnerDirectory directory, ExchangeStore store, ExchangeWorkflow workflow, ExchangeCards cards, ExchangeApplicationDrafts drafts, ExchangeStepByStepDialog stepByStep,
        ExchangeApplicantName applicantName, ExchangeEligibility eligibility)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(stepByStep);
        ArgumentNullException.ThrowIfNull(applicantName);

        this.directory = directory;
        this.store = store;
        this.workflow = workflow;
        this.cards = cards;
        this.drafts = drafts;
        this.eligibility = eligibility;
        AddDialog(new WaterfallDialog(StepsId, [ShowFormAsync, HandleFormAsync]));
        AddDialog(new CardFormPrompt(FormPromptId));

        // "Answer step by step" on the form continues in the conversation with what the form already holds.
        AddDialog(stepByStep);

        // Submit by someone whose profile has no usable name: the name is asked for first (its own steps; added last,
        // the first dialog added being the one the component begins with).
        foreach (var dialog in applicantName.Dialogs())
        {
            AddDialog(dialog);
        }
    }

    private async Task<DialogTurnResult> ShowFormAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = ExchangeTexts.Resolve(step.Context.GetTexts().Language);
        var actor = ExchangeActors.From(step.Context);
        if (actor is null)
        {
            await step.Context.SendActivityAsync(texts.NotAllowed, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // "I want to apply step by step", "quero candidatar-me passo a passo": the questions one at a time, not the form.
        if (step.Options is JourneyStart { CardAction: null, Text: { } request } && ExchangeTexts.AsksStepByStep(request))
        {
            return await step.ReplaceDialogAsync(ExchangeStepByStepDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
        }

        var state = step.Options switch
        {
            ExchangeFormState again => again,
            JourneyStart { CardAction: ExchangeVerbs.Edit } edit => await LoadForEditAsync(edit, actor, cancellationToken).ConfigureAwait(false),
            JourneyStart typed => ExchangeFormSeed.From(
                await drafts.NewAsync(step.Context, cancellationToken).ConfigureAwait(false), typed.Entities, step.Context.GetTexts().Countries, workflow.Today, texts,
                eligibility),
            _ => await drafts.NewAsync(step.Context, cancellationToken).ConfigureAwait(false),
        };
        if (state is null)
        {
            await step.Context.SendActivityAsync(texts.NotAllowed, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        step.Values[StateKey] = state;
        // Only the applicant's own organisation is offered (and accepted, ReadFormAsync); one the directory doesn't
        // know gets told so, never the list of clusters.
        var visitingChoices = await drafts.VisitingChoicesAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (await drafts.RefuseWhenNotInDirectoryAsync(step.Context, visitingChoices, texts, cancellationToken).ConfigureAwait(false))
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var organisations = await directory.ListAsync(cancellationToken).ConfigureAwait(false);
        var hostChoices = WithSelected(OrganisationMatcher.Find(organisations, state.HostQuery, 15, countryNames: true), organisations, state.HostId);
        var (result, lumpSum) = await drafts.CheckAsync(state, step.Context.Activity.From?.AadObjectId ?? "", texts, cancellationToken).ConfigureAwait(false);
        var requestedChanges = await RequestedChangesAsync(state, cancellationToken).ConfigureAwait(false);
        Attachment form;
        try
        {
            form = cards.Form(state, visitingChoices, hostChoices, result, lumpSum, texts, state.Notice, requestedChanges);
        }
        catch (CardTooLargeException) when (IsOverLong(state.Objectives) || IsOverLong(state.Agenda) || IsOverLong(state.Outcomes))
        {
            // Over-long texts given back to be shortened (KeptTooLongText) that the card cannot carry (a forged submission,
            // text of emoji, twelve characters of the card's JSON each): the form comes back without them, the notice
            // still saying the maximum.
            form = cards.Form(
                state with { Objectives = UnlessOverLong(state.Objectives), Agenda = UnlessOverLong(state.Agenda), Outcomes = UnlessOverLong(state.Outcomes) },
                visitingChoices, hostChoices, result, lumpSum, texts, state.Notice, requestedChanges);
        }

        var prompt = new PromptOptions { Prompt = ConversationCards.AsMessage(form) };
        return await step.PromptAsync(FormPromptId, prompt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the form's data (a click on it) is its Cancel button's.</summary>
    internal static bool IsCancel(JsonElement data) => Text(data, "op", 16, out _) == "cancel";

    private async Task<DialogTurnResult> HandleFormAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = ExchangeTexts.Resolve(step.Context.GetTexts().Language);
        var actor = ExchangeActors.From(step.Context)!;
        var previous = step.GetValue<ExchangeFormState>(StateKey) ?? new ExchangeFormState();
        if (step.Result is not JsonElement { ValueKind: JsonValueKind.Object } data)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var op = Text(data, "op", 16, out _);
        if (IsCancel(data))
        {
            await step.Context.SendActivityAsync(texts.FormCancelled, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (op == "stepByStep")
        {
            // The button sends no inputs (the card would refuse it while a required field is empty): the conversation
            // asks every field again, keeping what the form last held (the visiting organisation, an edited draft's id).
            return await step.ReplaceDialogAsync(ExchangeStepByStepDialog.DialogId, previous with { Notice = null }, cancellationToken).ConfigureAwait(false);
        }

        var allowed = (await drafts.VisitingChoicesAsync(step.Context, cancellationToken).ConfigureAwait(false)).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var (state, invalid, notYours) = await ReadFormAsync(previous, data, allowed, texts, cancellationToken).ConfigureAwait(false);
        if (notYours || invalid.Count > 0)
        {
            // The form again with what was valid kept, the wrong answers named by their labels; nothing is stored.
            var notice = texts.RefusedForm(notYours, invalid);
            return await step.ReplaceDialogAsync(StepsId, state with { Notice = notice }, cancellationToken).ConfigureAwait(false);
        }

        if (op is not ("save" or "submit"))
        {
            return await step.ReplaceDialogAsync(StepsId, state with { Notice = null }, cancellationToken).ConfigureAwait(false);
        }

        // The clicked card's id (the prompt takes it off the answer): what a second click of that card carries.
        var formId = MainDialog.ReadCardData(step.Context.Activity) is { ValueKind: JsonValueKind.Object } clicked ? Text(clicked, "formId", 64, out _) : null;
        var saved = await drafts.SaveAsync(state, actor, step.Context, cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            var reloaded = previous.DraftId is { } id ? await store.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
            if (op == "save" && reloaded is { Status: ExchangeStatus.Draft or ExchangeStatus.ChangesRequested } && SameContent(state, reloaded))
            {
                // The other click of a double click on Save (on another instance) saved exactly this first: it said
                // "Draft saved" and showed the card; this one says nothing more.
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }

            if (reloaded is null || reloaded.Status is not (ExchangeStatus.Draft or ExchangeStatus.ChangesRequested))
            {
                // A second click of Submit (or another device) after the first submitted it: said so, nothing sent again.
                await step.Context.SendActivityAsync(op == "submit" && reloaded?.Status == ExchangeStatus.Stage1
                    ? string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.AlreadySubmittedFormat, reloaded.Reference)
                    : texts.ChangedMeanwhile, cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }

            return await step.ReplaceDialogAsync(StepsId, FromApplication(reloaded) with { Notice = texts.ChangedMeanwhile }, cancellationToken).ConfigureAwait(false);
        }

        // Which card was saved: a second click of it after this dialog ended is known (ExchangeSavedForms), and of two
        // clicks at once (two instances) only the one that records it first says so.
        var firstClick = formId is null
            || await store.TryClaimReminderAsync(saved.Id, ExchangeSavedForms.Kind(formId), actor.AadObjectId, cancellationToken).ConfigureAwait(false);
        if (op == "save" && !firstClick)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (op == "save")
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
            var notice = result.IsEligible ? texts.ChangedMeanwhile : texts.NotEligible;
            return await step.ReplaceDialogAsync(StepsId, FromApplication(submitted ?? saved) with { Notice = notice }, cancellationToken).ConfigureAwait(false);
        }

        await drafts.SendCardAsync(step.Context, submitted, actor, texts, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the submitted form; every field is validated (ids must be in the directory, the visiting organisation one
    /// of <paramref name="allowedVisiting"/> — the applicant's own —, dates real ISO days within
    /// <see cref="ExchangeEligibility.IsAcceptedDate"/>, lengths, text without control characters; texts <see cref="FreeText.Clean"/>ed,
    /// one with nothing to see left empty). Returns the state with every valid answer and the labels of the answers
    /// that are not valid (their fields are left empty, but for an over-long text, kept to be shortened and named with
    /// its maximum).
    /// </summary>
    private async Task<(ExchangeFormState State, IReadOnlyList<string> Invalid, bool VisitingNotYours)> ReadFormAsync(
        ExchangeFormState previous, JsonElement data, IReadOnlySet<string> allowedVisiting, ExchangeTexts texts, CancellationToken cancellationToken)
    {
        var invalid = new List<string>();
        void Refuse(string label)
        {
            if (!invalid.Contains(label))
            {
                invalid.Add(label);
            }
        }

        string? Field(string name, int max, string label)
        {
            var text = Text(data, name, max, out var readable);
            if (!readable)
            {
                Refuse(label);
            }

            return text;
        }

        var visitingNotYours = false;
        var visitingId = Field("visitingId", 128, texts.VisitingOrganisationLabel);
        if (visitingId is not null && !allowedVisiting.Contains(visitingId))
        {
            visitingNotYours = true;
            visitingId = null;
        }

        async Task<string?> OrganisationAsync(string name, string label)
        {
            var id = Field(name, 128, label);
            if (id is null)
            {
                return null;
            }

            if (await directory.FindAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                Refuse(label);
                return null;
            }

            return id;
        }

        var today = workflow.Today;
        DateOnly? Date(string name, string label)
        {
            // One character more than "yyyy-MM-dd": a longer text fails the exact parse below instead of being cut into
            // a day ("2027-03-01; …" is not 1 March).
            var text = Field(name, 11, label);
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && ExchangeEligibility.IsAcceptedDate(date, today))
            {
                return date;
            }

            Refuse(label);
            return null;
        }

        string? Long(string name, string label)
        {
            // Shown on the approvers' cards: what would turn it around or hide in it goes, and a text with nothing to
            // see is not written (the eligibility then asks for it, as for an empty box).
            var text = FreeText.CleanOrNull(Field(name, int.MaxValue, label));
            if (text is { Length: > ExchangeLimits.LongText })
            {
                // Longer than allowed is refused, not cut: the user is told the maximum and decides what to leave out,
                // with the text still in the box (up to what a card can carry back; the card's maxLength stops typing
                // and pasting at the limit, so only a client that ignores it gets here).
                Refuse(texts.TooLong(label, ExchangeLimits.LongText));
                return Utf16Text.Cut(text, KeptTooLongText);
            }

            return text;
        }

        var activityText = Field("activityType", 32, texts.ActivityType);
        ExchangeActivityType? activity = null;
        if (activityText is not null)
        {
            if (Enum.TryParse<ExchangeActivityType>(activityText, false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(activityText, out _))
            {
                activity = parsed;
            }
            else
            {
                Refuse(texts.ActivityType);
            }
        }

        var state = previous with
        {
            VisitingId = visitingId,
            HostQuery = Field("hostQuery", ExchangeLimits.Query, texts.HostSearch),
            HostId = await OrganisationAsync("hostId", texts.HostOrganisation).ConfigureAwait(false),
            StartDate = Date("startDate", texts.StartDate),
            EndDate = Date("endDate", texts.EndDate),
            ActivityType = activity,
            Objectives = Long("objectives", texts.Objectives),
            Agenda = Long("agenda", texts.Agenda),
            Outcomes = Long("outcomes", texts.ExpectedOutcomes),
        };
        return (state, invalid, visitingNotYours);
    }

    private async Task<ExchangeFormState?> LoadForEditAsync(JourneyStart start, ExchangeActor actor, CancellationToken cancellationToken)
    {
        if (start.CardData is not { ValueKind: JsonValueKind.Object } data || Text(data, "exchangeId", 36, out _) is not { } raw
            || !Guid.TryParseExact(raw, "D", out var id))
        {
            return null;
        }

        var application = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return application is not null
            && AadObjectIds.Same(application.ApplicantAadObjectId, actor.AadObjectId)
            && application.Status is ExchangeStatus.Draft or ExchangeStatus.ChangesRequested
            ? FromApplication(application)
            : null;
    }

    /// <summary>
    /// The most of an over-long objective, agenda or outcome the form gives back to be shortened (<see cref="ExchangeLimits.LongText"/>
    /// plus a quarter): a forged megabyte would not fit on the card.
    /// </summary>
    internal const int KeptTooLongText = ExchangeLimits.LongText + (ExchangeLimits.LongText / 4);

    private static bool IsOverLong(string? text) => text is { Length: > ExchangeLimits.LongText };

    private static string? UnlessOverLong(string? text) => IsOverLong(text) ? null : text;

    /// <summary>What the approver asked for when the application was sent back ("name: comment"), else null.</summary>
    private async Task<string?> RequestedChangesAsync(ExchangeFormState state, CancellationToken cancellationToken)
    {
        if (state.ExchangeId is not { } id || await store.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { Status: ExchangeStatus.ChangesRequested })
        {
            return null;
        }

        var audit = await store.AuditAsync(id, cancellationToken).ConfigureAwait(false);
        return audit.LastOrDefault(a => a.Action == ExchangeAction.ChangesRequested) is { Comment: { } stored } entry && FreeText.CleanOrNull(stored) is { } comment
            ? $"{NameRule.ForCard(entry.ActorName)}: {comment}"
            : null;
    }

    /// <summary>Whether the stored application holds what the form would save (the other click of a double click saved it).</summary>
    private static bool SameContent(ExchangeFormState state, ExchangeApplication application) =>
        (state.VisitingId ?? "") == application.VisitingOrganisationId && (state.HostId ?? "") == application.HostOrganisationId
        && state.StartDate == application.StartDate && state.EndDate == application.EndDate && state.ActivityType == application.ActivityType
        && (state.Objectives ?? "") == application.Objectives && (state.Agenda ?? "") == application.Agenda && (state.Outcomes ?? "") == application.ExpectedOutcomes;

    private static ExchangeFormState FromApplication(ExchangeApplication application) => new()
    {
        ExchangeId = application.Id,
        Version = application.Version,
        VisitingId = NullIfEmpty(application.VisitingOrganisationId),
        HostId = NullIfEmpty(application.HostOrganisationId),
        StartDate = application.StartDate,
        EndDate = application.EndDate,
        ActivityType = application.ActivityType,
        Objectives = NullIfEmpty(application.Objectives),
        Agenda = NullIfEmpty(application.Agenda),
        Outcomes = NullIfEmpty(application.ExpectedOutcomes),
    };

    private static List<Organisation> WithSelected(IReadOnlyList<Organisation> matches, IReadOnlyList<Organisation> all, string? selectedId)
    {
        var list = matches.ToList();
        if (selectedId is not null && list.All(o => o.Id != selectedId) && all.FirstOrDefault(o => o.Id == selectedId) is { } selected)
        {
            list.Insert(0, selected);
        }

        return list;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>
    /// A trimmed string field of at most <paramref name="max"/> characters (longer is cut, never inside an emoji), null when absent or blank;
    /// <paramref name="readable"/> is false (and the result null) for text that cannot be accepted and for a value no card
    /// input sends, a number or an array (<see cref="CardInput.TryGetInputText"/>).
    /// </summary>
    private static string? Text(JsonElement data, string name, int max, out bool readable)
    {
        readable = CardInput.TryGetInputText(data, name, out var raw);
        return raw?.Trim() is { Length: > 0 } text ? Utf16Text.Cut(text, max) : null;
    }
}
