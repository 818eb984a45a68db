using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
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
        // Until the profile is saved the bot speaks the Teams client's language of each turn, which may change between
        // two answers (a desktop in English, then a phone in Portuguese): every question is said again in this turn's
        // language (Localize), so that a message and its buttons never mix two.
        AddDialog(new ConfirmPrompt(ConfirmNamePrompt)
        {
            RecognizeAnyLanguage = true,   // the language is not known yet
            Localize = (context, options) => ConfirmNameOptions(context.GetTexts(), options.Validations),
        });
        AddDialog(new TextPrompt(NamePrompt, IsPersonNameAsync)
        {
            Localize = (context, _) => NameOptions(context.GetTexts()),
        });
        AddDialog(new TextPrompt(OrganisationPrompt, (prompt, _) => Task.FromResult(IsOneLine(prompt, MaxOrganisationLength)))
        {
            Localize = (context, _) => OrganisationOptions(context.GetTexts()),
        });
        AddDialog(new ChoicePrompt(LanguagePrompt) { Localize = (context, _) => LanguageOptions(context.GetTexts()) });
    }

    /// <summary>
    /// The answers to the language question before it gives up: typing a request there instead ("kaydımı iptal et")
    /// three times keeps the language the questions were asked in (<see cref="ConversationTexts.LanguageKept"/>).
    /// </summary>
    public const int LanguageAttempts = 3;

    /// <summary>The language question in <paramref name="texts"/>' language, with the six languages as choices.</summary>
    public static PromptOptions LanguageOptions(ConversationTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var options = PromptOptions.Text(texts.AskLanguage, texts.AskLanguageRetry);
        options.Choices = LanguageChoices();
        options.MaxAttempts = LanguageAttempts;
        options.TooManyAttemptsPrompt = Activity.CreateMessage(texts.LanguageKept);
        return options;
    }

    private static PromptOptions NameOptions(ConversationTexts texts) => PromptOptions.Text(texts.AskName, texts.NameRules);

    private static PromptOptions OrganisationOptions(ConversationTexts texts) => PromptOptions.Text(texts.AskOrganisation, texts.OrganisationRules);

    /// <summary>"Shall I call you …?" — <paramref name="validations"/> keeps the name and whether it is a first contact.</summary>
    private static PromptOptions ConfirmNameOptions(ConversationTexts texts, object? validations)
    {
        var kept = validations switch
        {
            string text => text,
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } element => element.GetString() ?? "",
            _ => "",
        };
        var again = kept.StartsWith(AgainPrefix, StringComparison.Ordinal);
        var name = kept[(again ? AgainPrefix.Length : FirstPrefix.Length)..];
        var options = PromptOptions.Text(again ? texts.ConfirmNameAgain(name) : texts.ConfirmName(name), texts.ConfirmNameRetry(name));
        options.Validations = kept;
        return options;
    }

    private const string AgainPrefix = "again:";
    private const string FirstPrefix = "first:";

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
        var again = Equals(step.Options, AgainOption) || step.Options is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } o && o.GetString() == AgainOption;
        var options = ConfirmNameOptions(step.Context.GetTexts(), (again ? AgainPrefix : FirstPrefix) + teamsName);
        return await step.PromptAsync(ConfirmNamePrompt, options, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is true && step.GetValue<string>("teamsName") is { } teamsName)
        {
            return await step.NextAsync(teamsName, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(NamePrompt, NameOptions(step.Context.GetTexts()), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> AskOrganisationAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values["name"] = step.Result as string;
        return await step.PromptAsync(OrganisationPrompt, OrganisationOptions(step.Context.GetTexts()), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskLanguageAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var match = await organisations.FindAsync(step.Result as string ?? "", cancellationToken).ConfigureAwait(false);
        step.Values["organisation"] = match.Name;
        step.Values["organisationId"] = match.Id;

        return await step.PromptAsync(LanguagePrompt, LanguageOptions(step.Context.GetTexts()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The longest name the bot keeps: it is shown on cards sent to managers, hosts and partners.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest organisation name the bot keeps.</summary>
    public const int MaxOrganisationLength = 200;

    /// <summary>A name that keeps <see cref="NameRule"/> within <paramref name="maxLength"/> characters.</summary>
    private static bool IsOneLine(PromptValidatorContext<string> prompt, int maxLength) =>
        prompt.Recognized.Succeeded && NameRule.Keeps(prompt.Recognized.Value, maxLength);

    /// <summary>
    /// A person's name: <see cref="IsOneLine"/>, and nothing a person's name never holds (<see cref="NameRule.CheckPerson"/>)
    /// — refused with the reason in the user's language before the rules ("=SUM(A1)", "@everyone", "evil.com").
    /// </summary>
    private static async Task<bool> IsPersonNameAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        if (!IsOneLine(prompt, MaxNameLength))
        {
            return false;
        }

        var issue = NameRule.CheckPerson(prompt.Recognized.Value ?? "");
        if (issue == PersonNameIssue.None)
        {
            return true;
        }

        var texts = prompt.Context.GetTexts();
        var reason = issue == PersonNameIssue.WebAddress ? texts.NameIsWebAddress : texts.NameStartsWithSymbol;
        await prompt.Context.SendActivityAsync(ConversationTurn.Plain($"{reason} {texts.NameRules}"), cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Whether a person's name keeps the name rules (<see cref="NameRule.KeepsPersonName"/>, at most
    /// <see cref="MaxNameLength"/> characters): a profile's or a Teams display name, before it goes on others' cards.
    /// </summary>
    internal static bool KeepsNameRules(string? name) => NameRule.KeepsPersonName(name, MaxNameLength);

    /// <summary>
    /// The six languages, each by its own name, and as every one of the six languages names it (accents optional, the
    /// prompt ignores them): "ingles", "inglese", "İngilizce", "angličtina" are all English.
    /// </summary>
    public static List<Choice> LanguageChoices() =>
        [.. ConversationTexts.All.Select(t => new Choice(t.LanguageName, [t.Language, .. LanguageNames[t.Language]]))];

    /// <summary>Each language as the six languages call it (EN, PT, ES, IT, TR, CS), with the usual other forms.</summary>
    private static readonly Dictionary<string, string[]> LanguageNames = new(StringComparer.Ordinal)
    {
        ["en"] = ["English", "inglês", "inglés", "inglese", "İngilizce", "angličtina", "anglicky", "angličtinu"],
        ["pt"] = ["Portuguese", "português", "portugués", "portoghese", "Portekizce", "portugalština", "portugalsky", "portugalštinu"],
        ["es"] = ["Spanish", "espanhol", "español", "castellano", "spagnolo", "İspanyolca", "španělština", "španělsky", "španělštinu"],
        ["it"] = ["Italian", "italiano", "italiano", "italiano", "İtalyanca", "italština", "italsky", "italštinu"],
        ["tr"] = ["Turkish", "turco", "turco", "turco", "Türkçe", "turečtina", "turecky", "turečtinu"],
        ["cs"] = ["Czech", "checo", "tcheco", "ceco", "Çekçe", "čeština", "česky", "češtinu"],
    };

    /// <summary>Whether this turn has just saved a profile (the first-use questions ended in it).</summary>
    public static bool SavedThisTurn(ITurnContext turnContext) => turnContext.TurnState.ContainsKey(SavedThisTurnKey);

    private const string SavedThisTurnKey = "HiTechTex.ProfileSavedThisTurn";

    private async Task<DialogTurnResult> SaveProfileAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // No language chosen after the question's attempts (LanguageKept was said): the one it was asked in.
        var texts = step.Result is FoundChoice choice ? ConversationTexts.All[choice.Index] : step.Context.GetTexts();
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
}
