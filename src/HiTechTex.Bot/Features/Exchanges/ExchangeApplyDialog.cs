using System.Globalization;
using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
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

    private readonly ConversationStates states;
    private readonly IPartnerDirectory directory;
    private readonly ExchangeStore store;
    private readonly ExchangeWorkflow workflow;
    private readonly ExchangeCards cards;
    private readonly ExchangeEligibility eligibility;

    public ExchangeApplyDialog(ConversationStates states, IPartnerDirectory directory, ExchangeStore store, ExchangeWorkflow workflow, ExchangeCards cards, ExchangeEligibility eligibility)
        : base(DialogId)
    {
        this.states = states;
        this.directory = directory;
        this.store = store;
        this.workflow = workflow;
        this.cards = cards;
        this.eligibility = eligibility;
        AddDialog(new WaterfallDialog(StepsId, [ShowFormAsync, HandleFormAsync]));
        AddDialog(new CardFormPrompt(FormPromptId));
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

        var state = step.Options switch
        {
            ExchangeFormState again => again,
            JourneyStart { CardAction: ExchangeVerbs.Edit } edit => await LoadForEditAsync(edit, actor, cancellationToken).ConfigureAwait(false),
            _ => await NewFormAsync(step, cancellationToken).ConfigureAwait(false),
        };
        if (state is null)
        {
            await step.Context.SendActivityAsync(texts.NotAllowed, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        step.Values[StateKey] = state;
        var organisations = await directory.ListAsync(cancellationToken).ConfigureAwait(false);
        var profile = await states.GetProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var visitingChoices = WithSelected(OrganisationMatcher.Find(organisations, profile?.Organisation, 10), organisations, state.VisitingId);
        if (visitingChoices.Count == 0)
        {
            visitingChoices = [.. organisations.Where(o => !o.IsDemo).Take(20)];
        }

        var hostChoices = WithSelected(OrganisationMatcher.Find(organisations, state.HostQuery, 15), organisations, state.HostId);
        var visiting = organisations.FirstOrDefault(o => o.Id == state.VisitingId);
        var host = organisations.FirstOrDefault(o => o.Id == state.HostId);
        var applied = visiting is not null && await store.HasCountingApplicationAsync(visiting.Id, state.ExchangeId ?? Guid.Empty, cancellationToken).ConfigureAwait(false);
        var result = eligibility.Check(visiting, host, state.StartDate, state.EndDate, workflow.Today, applied);
        var lumpSum = host is not null && result.WorkingDays is { } days && result.DistanceKm is { } km
            ? ExchangeCards.LumpSumText(eligibility.EstimateLumpSum(host.Country, days, km), texts)
            : "–";
        var form = cards.Form(state, visitingChoices, hostChoices, result, lumpSum, texts, state.Notice);
        var prompt = new PromptOptions { Prompt = ConversationCards.AsMessage(form) };
        return await step.PromptAsync(FormPromptId, prompt, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> HandleFormAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = ExchangeTexts.Resolve(step.Context.GetTexts().Language);
        var actor = ExchangeActors.From(step.Context)!;
        var previous = step.GetValue<ExchangeFormState>(StateKey) ?? new ExchangeFormState();
        if (step.Result is not JsonElement { ValueKind: JsonValueKind.Object } data)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var op = Text(data, "op", 16);
        if (op == "cancel")
        {
            await step.Context.SendActivityAsync(texts.FormCancelled, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var (state, valid) = await ReadFormAsync(previous, data, cancellationToken).ConfigureAwait(false);
        if (!valid)
        {
            return await step.ReplaceDialogAsync(StepsId, state with { Notice = texts.InvalidInput }, cancellationToken).ConfigureAwait(false);
        }

        if (op is not ("save" or "submit"))
        {
            return await step.ReplaceDialogAsync(StepsId, state with { Notice = null }, cancellationToken).ConfigureAwait(false);
        }

        var saved = await SaveAsync(state, actor, step, cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            var reloaded = previous.ExchangeId is { } id ? await store.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
            if (reloaded is null || reloaded.Status is not (ExchangeStatus.Draft or ExchangeStatus.ChangesRequested))
            {
                await step.Context.SendActivityAsync(texts.ChangedMeanwhile, cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }

            return await step.ReplaceDialogAsync(StepsId, FromApplication(reloaded) with { Notice = texts.ChangedMeanwhile }, cancellationToken).ConfigureAwait(false);
        }

        if (op == "save")
        {
            await step.Context.SendActivityAsync(texts.DraftSaved, cancellationToken).ConfigureAwait(false);
            await SendApplicationCardAsync(step, saved, actor, texts, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var (result, submitted) = await workflow.SubmitAsync(actor, saved.Id, saved.Version, cancellationToken).ConfigureAwait(false);
        if (submitted is null || submitted.Status != ExchangeStatus.Stage1)
        {
            var notice = result.IsEligible ? texts.ChangedMeanwhile : texts.NotEligible;
            return await step.ReplaceDialogAsync(StepsId, FromApplication(submitted ?? saved) with { Notice = notice }, cancellationToken).ConfigureAwait(false);
        }

        await SendApplicationCardAsync(step, submitted, actor, texts, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the application's card into this chat and remembers it, so later transitions update it.</summary>
    private async Task SendApplicationCardAsync(WaterfallStepContext step, ExchangeApplication application, ExchangeActor actor, ExchangeTexts texts, CancellationToken cancellationToken)
    {
        var card = await workflow.CardForAsync(application, actor, texts, null, cancellationToken).ConfigureAwait(false);
        var response = await step.Context.SendActivityAsync(ExchangeNotifier.AsMessage(card), cancellationToken).ConfigureAwait(false);
        if (response?.Id is { Length: > 0 } activityId && step.Context.Activity.Conversation?.Id is { Length: > 0 } conversationId)
        {
            await store.AddCardAsync(application.Id, actor.AadObjectId, conversationId, activityId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates the application (first save) or saves the edits; null when it changed meanwhile.</summary>
    private async Task<ExchangeApplication?> SaveAsync(ExchangeFormState state, ExchangeActor actor, WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var application = new ExchangeApplication
        {
            Id = state.ExchangeId ?? Guid.NewGuid(),
            VisitingOrganisationId = state.VisitingId ?? "",
            HostOrganisationId = state.HostId ?? "",
            ApplicantAadObjectId = actor.AadObjectId,
            ApplicantUserId = actor.UserId,
            ApplicantName = actor.Name,
            TenantId = actor.TenantId,
            ApplicantLanguage = step.Context.GetTexts().Language,
            ApplicantConversationId = step.Context.Activity.Conversation?.Id ?? "",
            StartDate = state.StartDate,
            EndDate = state.EndDate,
            ActivityType = state.ActivityType,
            Objectives = state.Objectives ?? "",
            Agenda = state.Agenda ?? "",
            ExpectedOutcomes = state.Outcomes ?? "",
        };
        if (state.ExchangeId is null)
        {
            await store.CreateAsync(application, cancellationToken).ConfigureAwait(false);
            return await store.FindAsync(application.Id, cancellationToken).ConfigureAwait(false);
        }

        var version = await store.SaveDraftAsync(application, state.Version, cancellationToken).ConfigureAwait(false);
        return version is null ? null : await store.FindAsync(application.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the submitted form; every field is validated (ids must be in the directory, dates ISO, lengths).</summary>
    private async Task<(ExchangeFormState State, bool Valid)> ReadFormAsync(ExchangeFormState previous, JsonElement data, CancellationToken cancellationToken)
    {
        var valid = true;
        async Task<string?> OrganisationAsync(string name)
        {
            var id = Text(data, name, 128);
            if (id is null)
            {
                return null;
            }

            if (await directory.FindAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                valid = false;
                return null;
            }

            return id;
        }

        DateOnly? Date(string name)
        {
            var text = Text(data, name, 10);
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            valid = false;
            return null;
        }

        string? Long(string name)
        {
            if (data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > ExchangeLimits.LongText)
            {
                valid = false;
            }

            return Text(data, name, ExchangeLimits.LongText);
        }

        var activityText = Text(data, "activityType", 32);
        ExchangeActivityType? activity = null;
        if (activityText is not null)
        {
            if (Enum.TryParse<ExchangeActivityType>(activityText, false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(activityText, out _))
            {
                activity = parsed;
            }
            else
            {
                valid = false;
            }
        }

        var state = previous with
        {
            VisitingId = await OrganisationAsync("visitingId").ConfigureAwait(false),
            HostQuery = Text(data, "hostQuery", ExchangeLimits.Query),
            HostId = await OrganisationAsync("hostId").ConfigureAwait(false),
            StartDate = Date("startDate"),
            EndDate = Date("endDate"),
            ActivityType = activity,
            Objectives = Long("objectives"),
            Agenda = Long("agenda"),
            Outcomes = Long("outcomes"),
        };
        return (state, valid);
    }

    private async Task<ExchangeFormState?> LoadForEditAsync(JourneyStart start, ExchangeActor actor, CancellationToken cancellationToken)
    {
        if (start.CardData is not { ValueKind: JsonValueKind.Object } data || Text(data, "exchangeId", 36) is not { } raw
            || !Guid.TryParseExact(raw, "D", out var id))
        {
            return null;
        }

        var application = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return application is not null
            && string.Equals(application.ApplicantAadObjectId, actor.AadObjectId, StringComparison.OrdinalIgnoreCase)
            && application.Status is ExchangeStatus.Draft or ExchangeStatus.ChangesRequested
            ? FromApplication(application)
            : null;
    }

    private async Task<ExchangeFormState> NewFormAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var profile = await states.GetProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        string? visitingId = null;
        if (profile?.OrganisationId is { } known && await directory.FindAsync(known, cancellationToken).ConfigureAwait(false) is not null)
        {
            visitingId = known;
        }
        else if (profile is not null)
        {
            var matches = OrganisationMatcher.Find(await directory.ListAsync(cancellationToken).ConfigureAwait(false), profile.Organisation, 2);
            visitingId = matches.Count == 1 ? matches[0].Id : null;
        }

        return new ExchangeFormState { VisitingId = visitingId };
    }

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

    /// <summary>A trimmed string field of at most <paramref name="max"/> characters (longer is cut), null when absent or blank.</summary>
    private static string? Text(JsonElement data, string name, int max) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } text
            ? text.Length > max ? text[..max] : text
            : null;
}
