using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// An application goes to the cluster managers with the applicant's name (cards, audit, the CSV export): one without a
/// usable name — no profile name, no Teams name that keeps the rules — is not submitted ("Applicant —"). On Submit
/// (the form or step by step) the draft is saved, then these steps ask for the name in the user's language (the
/// profile's person-name rule), save it in the profile and submit. <see cref="ExchangeWorkflow.SubmitAsync"/> refuses a
/// nameless actor itself, whatever the card sent. Added to each dialog that submits (steps of its own dialog set).
/// </summary>
internal sealed class ExchangeApplicantName(ConversationStates states, ExchangeStore store, ExchangeWorkflow workflow, ExchangeApplicationDrafts drafts)
{
    public const string StepsId = "exchange.applicantName.steps";
    private const string PromptId = "exchange.applicantName.prompt";
    private const string IdKey = "applicationId";

    /// <summary>Whether the acting person has no name the bot may put on an application.</summary>
    public static bool IsMissing(ExchangeActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Name is not { Length: > 0 } name || name == ConversationTurn.UnknownName || !ProfileDialog.KeepsNameRules(name);
    }

    /// <summary>The steps and their prompt, for the dialog set of a dialog that submits.</summary>
    public IEnumerable<Dialog> Dialogs() =>
    [
        new WaterfallDialog(StepsId, [AskAsync, SubmitAsync]),
        new TextPrompt(PromptId, ValidateAsync)
        {
            Localize = (context, options) => Options(context.GetTexts()),
        },
    ];

    private static PromptOptions Options(ConversationTexts texts)
    {
        var options = PromptOptions.Text(texts.AskNameToSubmit, texts.NameRules);
        options.MaxAttempts = ExchangeStepByStepDialog.QuestionAttempts;
        options.TooManyAttemptsPrompt = Activity.CreateMessage(texts.NameNeededToSubmit);
        return options;
    }

    private static async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values[IdKey] = step.Options is Guid id ? id.ToString() : step.Options?.ToString();
        return await step.PromptAsync(PromptId, Options(step.Context.GetTexts()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A person's name, as the profile's name question takes it ("my name is Ana" is Ana); refused with the reason.</summary>
    private static async Task<bool> ValidateAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        if (!prompt.Recognized.Succeeded)
        {
            return false;
        }

        var name = ProfileAnswers.Name(prompt.Recognized.Value, ProfileDialog.BenIsIAm(prompt.Context));
        if (!NameRule.Keeps(name, ProfileDialog.MaxNameLength))
        {
            return false;
        }

        return await ProfileDialog.IsPersonNameOrSayWhyAsync(prompt.Context, name, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> SubmitAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = ExchangeTexts.Resolve(step.Context.GetTexts().Language);
        if (step.Result is not string typed)
        {
            // No usable name after the question's attempts (NameNeededToSubmit was said): the draft stays a draft.
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var name = ProfileAnswers.Name(typed, ProfileDialog.BenIsIAm(step.Context));
        var profile = await states.GetProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        await states.Profile.SetAsync(
            step.Context,
            profile is null ? new UserProfile(name, "", null, step.Context.GetTexts().Language) : profile with { Name = name },
            cancellationToken).ConfigureAwait(false);
        step.Context.UseProfileName(name);

        var actor = ExchangeActors.From(step.Context);
        var application = Guid.TryParse(step.GetValue<string>(IdKey), out var id) ? await store.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (actor is null || application is null)
        {
            await step.Context.SendActivityAsync(texts.ChangedMeanwhile, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var submission = await workflow.SubmitAsync(actor, application.Id, application.Version, cancellationToken).ConfigureAwait(false);
        if (submission.AlreadySubmitted)
        {
            await step.Context.SendActivityAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.AlreadySubmittedFormat, submission.Application!.Reference), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (submission.Application is not { Status: ExchangeStatus.Stage1 } submitted)
        {
            // Not eligible any more (another application meanwhile), or changed: the draft stays, with the reason.
            await step.Context.SendActivityAsync(submission.Result.IsEligible ? texts.ChangedMeanwhile : texts.NotEligible, cancellationToken).ConfigureAwait(false);
            if (submission.Application is { } current)
            {
                await drafts.SendCardAsync(step.Context, current, actor, texts, cancellationToken).ConfigureAwait(false);
            }

            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        await drafts.SendCardAsync(step.Context, submitted, actor, texts, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
