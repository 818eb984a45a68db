using System.Globalization;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// What the form card and the step-by-step conversation share: the new application's visiting organisation (from the
/// profile), the live check (eligibility and lump-sum estimate, exactly what the form's Check shows), saving the draft
/// and sending the application's card. The rules themselves stay in <see cref="ExchangeEligibility"/> and <see cref="ExchangeWorkflow"/>.
/// </summary>
internal sealed class ExchangeApplicationDrafts(ConversationStates states, IPartnerDirectory directory, ExchangeStore store, ExchangeWorkflow workflow, ExchangeEligibility eligibility,
    ILogger<ExchangeApplicationDrafts> logger)
{
    /// <summary>
    /// The organisations the user may apply for, the only ones the form offers and the server accepts: the profile's
    /// directory organisation, else the directory's matches for the organisation named in the profile. Empty when the
    /// profile names no organisation of the directory (the user is told; they never get the whole list).
    /// </summary>
    public async Task<IReadOnlyList<Organisation>> VisitingChoicesAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await states.GetProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return [];
        }

        if (profile.OrganisationId is { } known && await directory.FindAsync(known, cancellationToken).ConfigureAwait(false) is { } organisation)
        {
            return [organisation];
        }

        // By whole words, word starts, short name or initials — never a substring inside a word ("Ana" is no part of
        // "Anadolu Tekstil"): a profile typed before the directory knew it, or kept as typed.
        return [.. OrganisationNameMatcher.Find(await directory.ListAsync(cancellationToken).ConfigureAwait(false), profile.Organisation, 10).Select(f => f.Organisation)];
    }

    /// <summary>
    /// When the profile names no organisation of the directory: the polite answer (plain text: the name is what the
    /// user typed) and true; the caller ends the journey.
    /// </summary>
    public async Task<bool> RefuseWhenNotInDirectoryAsync(ITurnContext turnContext, IReadOnlyList<Organisation> choices, ExchangeTexts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(texts);
        if (choices.Count > 0)
        {
            return false;
        }

        var profile = await states.GetProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        // No organisation in the profile (its question gave up): said so, not "your organisation “–”".
        var text = profile?.Organisation?.Trim() is { Length: > 0 } typed
            ? string.Format(CultureInfo.InvariantCulture, texts.NotInDirectoryFormat, NameRule.ForPlainMessage(typed))
            : texts.NoOrganisationInProfile;
        await turnContext.SendActivityAsync(ConversationTurn.Plain(text), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A new form with the visiting organisation of the user's profile when the directory knows it.</summary>
    public async Task<ExchangeFormState> NewAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var choices = await VisitingChoicesAsync(turnContext, cancellationToken).ConfigureAwait(false);
        return new ExchangeFormState { VisitingId = choices.Count == 1 ? choices[0].Id : null, NewId = Guid.NewGuid() };
    }

    /// <summary>The eligibility result and the lump-sum text ("–" until both organisations are known and the dates are eligible).</summary>
    public async Task<(EligibilityResult Result, string LumpSum)> CheckAsync(ExchangeFormState state, string applicantAadObjectId, ExchangeTexts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(texts);
        var visiting = state.VisitingId is { } visitingId ? await directory.FindAsync(visitingId, cancellationToken).ConfigureAwait(false) : null;
        var host = state.HostId is { } hostId ? await directory.FindAsync(hostId, cancellationToken).ConfigureAwait(false) : null;
        var applied = visiting is not null && await store.HasCountingApplicationAsync(visiting.Id, state.ExchangeId ?? Guid.Empty, applicantAadObjectId, cancellationToken).ConfigureAwait(false);
        var result = ExchangeEligibility.WithContent(
            eligibility.Check(visiting, host, state.StartDate, state.EndDate, workflow.Today, applied), state.ActivityType, state.Objectives, state.Agenda, state.Outcomes);
        // An estimate for dates no exchange can have (a weekend, a start in the past) would read as a promise.
        var lumpSum = host is not null && result.WorkingDays is { } days && result.DistanceKm is { } km && !ExchangeEligibility.HasDateProblem(result)
            ? ExchangeCards.LumpSumText(eligibility.EstimateLumpSum(host.Country, days, km), texts)
            : "–";
        return (result, lumpSum);
    }

    /// <summary>
    /// Creates the application (first save, with the form's <see cref="ExchangeFormState.NewId"/>) or saves the edits;
    /// null when it changed meanwhile. A first save that another click of the same form made first returns that draft.
    /// </summary>
    public async Task<ExchangeApplication?> SaveAsync(ExchangeFormState state, ExchangeActor actor, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(turnContext);
        var application = new ExchangeApplication
        {
            Id = state.DraftId ?? Guid.NewGuid(),
            VisitingOrganisationId = state.VisitingId ?? "",
            HostOrganisationId = state.HostId ?? "",
            ApplicantAadObjectId = actor.AadObjectId,
            ApplicantUserId = actor.UserId,
            ApplicantName = actor.Name,
            TenantId = actor.TenantId,
            ApplicantLanguage = turnContext.GetTexts().Language,
            ApplicantConversationId = turnContext.Activity.PersonalChatId() ?? "",
            StartDate = state.StartDate,
            EndDate = state.EndDate,
            ActivityType = state.ActivityType,
            // Cleaned where they are read (the form, the step-by-step answers); again here, as whatever is stored is
            // shown on the approvers' cards.
            Objectives = FreeText.CleanOrNull(state.Objectives) ?? "",
            Agenda = FreeText.CleanOrNull(state.Agenda) ?? "",
            ExpectedOutcomes = FreeText.CleanOrNull(state.Outcomes) ?? "",
        };
        if (state.ExchangeId is null)
        {
            if (await store.TryCreateAsync(application, cancellationToken).ConfigureAwait(false))
            {
                return await store.FindAsync(application.Id, cancellationToken).ConfigureAwait(false);
            }

            // The same new form saved by another click first (a double click): its draft, never a second one. Once
            // submitted it is no draft: the caller says so (as for a second Submit of a stored draft).
            var first = await store.FindAsync(application.Id, cancellationToken).ConfigureAwait(false);
            return first is { Status: ExchangeStatus.Draft } && AadObjectIds.Same(first.ApplicantAadObjectId, actor.AadObjectId)
                ? first
                : null;
        }

        var version = await store.SaveDraftAsync(application, state.Version, cancellationToken).ConfigureAwait(false);
        return version is null ? null : await store.FindAsync(application.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the application's card into this chat and remembers it, so later transitions update it.</summary>
    public async Task SendCardAsync(ITurnContext turnContext, ExchangeApplication application, ExchangeActor actor, ExchangeTexts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(texts);
        JsonObject card;
        try
        {
            card = await workflow.CardForAsync(application, actor, texts, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The application is stored (saved or submitted) before its card is shown: that is said, never an error.
            Log.AfterCommitFailed(logger, ex, application.Reference, "render the card");
            await turnContext.SendActivityAsync(string.Format(CultureInfo.InvariantCulture, texts.DoneFormat,
                application.Reference, texts.Statuses[application.Status]), cancellationToken).ConfigureAwait(false);
            return;
        }

        var response = await turnContext.SendActivityAsync(ExchangeNotifier.AsMessage(card), cancellationToken).ConfigureAwait(false);
        if (response?.Id is { Length: > 0 } activityId && turnContext.Activity.Conversation?.Id is { Length: > 0 } conversationId)
        {
            await store.AddCardAsync(application.Id, actor.AadObjectId, conversationId, activityId, cancellationToken).ConfigureAwait(false);
        }
    }
}
