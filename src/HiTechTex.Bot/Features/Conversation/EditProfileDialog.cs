using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// The profile after first use: "my profile" (or the help card's button) shows it and goes through the first-use
/// questions again; "language" asks only for the language. Started by <see cref="ProfileJourney"/>.
/// </summary>
internal sealed class EditProfileDialog : ComponentDialog
{
    public const string DialogId = "profile.edit";

    /// <summary>The help card's button.</summary>
    public const string CardAction = "editProfile";

    private const string LanguagePrompt = "profile.edit.language";
    private const string LanguageOnlyKey = "languageOnly";

    private readonly ConversationStates states;
    private readonly ILogger<EditProfileDialog> logger;

    public EditProfileDialog(ConversationStates states, ProfileDialog profileDialog, ILogger<EditProfileDialog> logger)
        : base(DialogId)
    {
        this.states = states;
        this.logger = logger;
        AddDialog(new WaterfallDialog("profile.edit.steps", [StartAsync, SaveLanguageAsync]));
        AddDialog(profileDialog);
        AddDialog(new ChoicePrompt(LanguagePrompt));
    }

    /// <summary>Whether <paramref name="typed"/> is one of the language commands (any of the six languages).</summary>
    public static bool IsLanguageCommand(string? typed) =>
        typed is not null && TypedCommand.MatchesAny(LanguageCommands, typed);

    // The six languages' language commands (folded once by TypedCommand, not on every turn).
    private static readonly string[] LanguageCommands = [.. ConversationTexts.All.SelectMany(t => t.LanguageCommands)];

    private async Task<DialogTurnResult> StartAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // Asked by someone without a profile: the first-use questions have just been asked and answered this turn.
        if (ProfileDialog.SavedThisTurn(step.Context))
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var texts = step.Context.GetTexts();
        var current = await states.GetProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (current is not null && step.Options is JourneyStart { CardAction: null, Text: var typed } && IsLanguageCommand(typed))
        {
            step.Values[LanguageOnlyKey] = true;
            return await step.PromptAsync(LanguagePrompt, ProfileDialog.LanguageOptions(texts), cancellationToken).ConfigureAwait(false);
        }

        if (current is not null)
        {
            await step.Context.SendActivityAsync(ConversationTurn.Plain(texts.ProfileIntro(current)), cancellationToken).ConfigureAwait(false);
        }

        return await step.BeginDialogAsync(ProfileDialog.DialogId, ProfileDialog.AgainOption, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> SaveLanguageAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (!step.GetValue<bool>(LanguageOnlyKey) || step.Result is not FoundChoice choice)
        {
            return await step.EndDialogAsync(step.Result, cancellationToken).ConfigureAwait(false);   // the whole profile was asked
        }

        var current = await states.GetProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var texts = ConversationTexts.All[choice.Index];
        var profile = current with { Language = texts.Language };
        await states.Profile.SetAsync(step.Context, profile, cancellationToken).ConfigureAwait(false);
        step.Context.UseProfileName(profile.Name);
        Log.ProfileCaptured(logger, step.Context.Activity.Conversation?.Id, profile.Language);
        step.Context.UseTexts(texts);
        await step.Context.SendActivityAsync(ConversationTurn.Plain(texts.ProfileSaved(profile.Name)), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(profile, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Changing the profile: the profile and language commands in six languages, and the help card's button.</summary>
internal sealed class ProfileJourney(EditProfileDialog dialog) : IJourney
{
    public Dialog Dialog => dialog;

    public IReadOnlyCollection<Intent> Intents { get; } = [];

    public IReadOnlyCollection<string> CardActions { get; } = [EditProfileDialog.CardAction];

    public IReadOnlyCollection<string> Commands { get; } =
        [.. ConversationTexts.All.SelectMany(t => t.ProfileCommands.Concat(t.LanguageCommands)).Distinct(StringComparer.Ordinal)];
}
