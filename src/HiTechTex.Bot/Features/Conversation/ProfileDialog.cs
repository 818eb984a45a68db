using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// First use: the name (Teams' <c>from.name</c>, confirmed or typed), the organisation (typed, resolved through
/// <see cref="IOrganisationLookup"/>) and the preferred language; saves a <see cref="UserProfile"/> and ends with it.
/// Nothing asked here grants a role.
/// </summary>
internal sealed class ProfileDialog : ComponentDialog
{
    public const string DialogId = "profile";

    /// <summary>Options for a profile being changed (not a first contact): no greeting before the name.</summary>
    public const string AgainOption = "again";

    private const string ConfirmNamePrompt = "profile.confirmName";
    private const string NamePrompt = "profile.name";
    private const string OrganisationPrompt = "profile.organisation";
    private const string LanguagePrompt = "profile.language";

    private readonly ConversationStates states;
    private readonly IOrganisationLookup organisations;
    private readonly ILogger<ProfileDialog> logger;

    public ProfileDialog(ConversationStates states, IOrganisationLookup organisations, ILogger<ProfileDialog> logger)
        : base(DialogId)
    {
        this.states = states;
        this.organisations = organisations;
        this.logger = logger;
        AddDialog(new WaterfallDialog("profile.steps", [ConfirmTeamsNameAsync, AskNameAsync, AskOrganisationAsync, AskLanguageAsync, SaveProfileAsync]));
        AddDialog(new ConfirmPrompt(ConfirmNamePrompt) { RecognizeAnyLanguage = true });   // the language is not known yet
        AddDialog(new TextPrompt(NamePrompt, (prompt, _) => Task.FromResult(IsOneLine(prompt, MaxNameLength))));
        AddDialog(new TextPrompt(OrganisationPrompt, (prompt, _) => Task.FromResult(IsOneLine(prompt, MaxOrganisationLength))));
        AddDialog(new ChoicePrompt(LanguagePrompt));
    }

    private static async Task<DialogTurnResult> ConfirmTeamsNameAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // A Teams display name is the user's to choose too: one that breaks the name rules (a link, formatting, too
        // long, several lines) is not offered for a yes — the name is asked for, with the rules.
        var teamsName = step.Context.Activity.From?.Name?.Trim();
        if (string.IsNullOrEmpty(teamsName) || !KeepsNameRules(teamsName))
        {
            return await step.NextAsync(false, cancellationToken).ConfigureAwait(false);
        }

        step.Values["teamsName"] = teamsName;
        var texts = step.Context.GetTexts();
        var question = Equals(step.Options, AgainOption) || step.Options is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } o && o.GetString() == AgainOption
            ? texts.ConfirmNameAgain(teamsName)
            : texts.ConfirmName(teamsName);
        return await step.PromptAsync(ConfirmNamePrompt, PromptOptions.Text(question, texts.ConfirmNameRetry(teamsName)), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is true && step.GetValue<string>("teamsName") is { } teamsName)
        {
            return await step.NextAsync(teamsName, cancellationToken).ConfigureAwait(false);
        }

        var texts = step.Context.GetTexts();
        return await step.PromptAsync(NamePrompt, PromptOptions.Text(texts.AskName, texts.NameRules), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> AskOrganisationAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values["name"] = step.Result as string;
        var texts = step.Context.GetTexts();
        return await step.PromptAsync(OrganisationPrompt, PromptOptions.Text(texts.AskOrganisation, texts.OrganisationRules), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskLanguageAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var match = await organisations.FindAsync(step.Result as string ?? "", cancellationToken).ConfigureAwait(false);
        step.Values["organisation"] = match.Name;
        step.Values["organisationId"] = match.Id;

        var texts = step.Context.GetTexts();
        var options = PromptOptions.Text(texts.AskLanguage, texts.AskLanguageRetry);
        options.Choices = LanguageChoices();
        return await step.PromptAsync(LanguagePrompt, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The longest name the bot keeps: it is shown on cards sent to managers, hosts and partners.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest organisation name the bot keeps.</summary>
    public const int MaxOrganisationLength = 200;

    /// <summary>A name that keeps <see cref="NameRule"/> within <paramref name="maxLength"/> characters.</summary>
    private static bool IsOneLine(PromptValidatorContext<string> prompt, int maxLength) =>
        prompt.Recognized.Succeeded && NameRule.Keeps(prompt.Recognized.Value, maxLength);

    /// <summary>Whether a person's name keeps the name rules (<see cref="NameRule"/>, at most <see cref="MaxNameLength"/> characters).</summary>
    internal static bool KeepsNameRules(string? name) => NameRule.Keeps(name, MaxNameLength);

    /// <summary>The six languages, each by its own name (and its English name as a synonym).</summary>
    public static List<Choice> LanguageChoices() =>
        [.. ConversationTexts.All.Select(t => new Choice(t.LanguageName, t.Language, LanguageEnglishName(t.Language)))];

    /// <summary>Whether this turn has just saved a profile (the first-use questions ended in it).</summary>
    public static bool SavedThisTurn(ITurnContext turnContext) => turnContext.TurnState.ContainsKey(SavedThisTurnKey);

    private const string SavedThisTurnKey = "HiTechTex.ProfileSavedThisTurn";

    private async Task<DialogTurnResult> SaveProfileAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var choice = (FoundChoice)step.Result!;
        var texts = ConversationTexts.All[choice.Index];
        var profile = new UserProfile(
            step.GetValue<string>("name") ?? "",
            step.GetValue<string>("organisation") ?? "",
            step.GetValue<string>("organisationId"),
            texts.Language);
        await states.Profile.SetAsync(step.Context, profile, cancellationToken).ConfigureAwait(false);
        step.Context.UseProfileName(profile.Name);
        step.Context.TurnState[SavedThisTurnKey] = true;
        Log.ProfileCaptured(logger, step.Context.Activity.Conversation?.Id, profile.Language);

        // From here on the bot speaks the language just chosen, already in this turn.
        step.Context.UseTexts(texts);
        await step.Context.SendActivityAsync(ConversationTurn.Plain(texts.ProfileSaved(profile.Name)), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(profile, cancellationToken).ConfigureAwait(false);
    }

    private static string LanguageEnglishName(string code) => code switch
    {
        "pt" => "Portuguese",
        "es" => "Spanish",
        "it" => "Italian",
        "tr" => "Turkish",
        "cs" => "Czech",
        _ => "English",
    };
}
