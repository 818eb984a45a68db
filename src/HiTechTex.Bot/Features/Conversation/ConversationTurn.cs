using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>The language of the current turn, kept in the turn state so every dialog speaks the same one.</summary>
internal static class ConversationTurn
{
    private const string TextsKey = "HiTechTex.ConversationTexts";

    /// <summary>Speaks <paramref name="texts"/> for the rest of the turn, the dialog engine's own messages included.</summary>
    public static void UseTexts(this ITurnContext turnContext, ConversationTexts texts)
    {
        turnContext.TurnState[TextsKey] = texts;
        turnContext.TurnState[TurnStateKeys.ErrorMessage] = texts.TurnFailed;   // should the turn fail, said in this language
        turnContext.TurnState[TurnStateKeys.Locale] = PromptLocale(turnContext.Activity.Locale, texts.Language);
        turnContext.SetDialogMessages(new ConversationDialogMessages(texts));
    }

    /// <summary>
    /// The locale free text is understood in (<see cref="TurnStateKeys.Locale"/>, set by <see cref="UseTexts"/>): the
    /// profile's language, else the Teams client's. The recognizer keeps it for a message that says no other language
    /// ("Porto", "cancelar"): a Portuguese user on an English client is read as Portuguese.
    /// </summary>
    public static string? UnderstandingLocale(this ITurnContext turnContext) =>
        turnContext.TurnState.TryGetValue(TurnStateKeys.Locale, out var locale) && locale is string { Length: > 0 } spoken
            ? spoken
            : turnContext.Activity.Locale;

    /// <summary>
    /// The zone free text's relative dates ("tomorrow", "in a week") are read in: the user's, as the date prompt reads
    /// it (<see cref="DateTimePrompt.UserTimeZone"/>); null when the client reports none (the recognizer's own zone).
    /// </summary>
    public static TimeZoneInfo? UnderstandingTimeZone(this ITurnContext turnContext) => DateTimePrompt.UserTimeZone(turnContext.Activity);

    /// <summary>The user's today (<see cref="UnderstandingTimeZone"/>), else today in <paramref name="fallback"/>.</summary>
    public static DateOnly UnderstandingToday(this ITurnContext turnContext, TimeProvider clock, TimeZoneInfo fallback) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), turnContext.UnderstandingTimeZone() ?? fallback).DateTime);

    /// <summary>
    /// The locale prompts recognize and label answers in (<see cref="TurnStateKeys.Locale"/>): the Teams client's when it
    /// speaks the chosen language (its regional date order: en-GB is day first, en-US month first), else the chosen
    /// language in the partnership's region — a Portuguese user on an English client types "sim" and dates day first.
    /// </summary>
    internal static string PromptLocale(string? clientLocale, string language)
    {
        if (clientLocale is not null && clientLocale.StartsWith(language, StringComparison.OrdinalIgnoreCase)
            && (clientLocale.Length == language.Length || clientLocale[language.Length] is '-' or '_'))
        {
            return clientLocale;
        }

        return ConversationTexts.RegionalCulture(language).Name;
    }

    /// <summary>What <see cref="PersonName"/> gives when no name is known.</summary>
    public const string UnknownName = "—";

    private const string ProfileNameKey = "HiTechTex.ProfileName";

    /// <summary>Keeps the name of the sender's profile for the rest of the turn (set when it is read or saved).</summary>
    public static void UseProfileName(this ITurnContext turnContext, string? name) => turnContext.TurnState[ProfileNameKey] = name ?? "";

    /// <summary>
    /// The sender's name as others read it on cards (an approval card's applicant, "Accepted by …", a history line): the
    /// profile's when it keeps the name rules (<see cref="NameRule"/>: one line, at most 100 characters, nothing that
    /// formats, hides or turns text around; a profile saved before a rule may break it); else the Teams display name when
    /// it keeps them too (a Teams name is the user's to choose); else "—".
    /// </summary>
    public static string PersonName(this ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        // A profile saved before the rules grew (formatting, bidi and zero-width characters) may hold a name they now
        // refuse: it is not put on new cards.
        if (turnContext.TurnState.TryGetValue(ProfileNameKey, out var stored) && stored is string { Length: > 0 } profileName
            && ProfileDialog.KeepsNameRules(profileName))
        {
            return profileName;
        }

        var teamsName = turnContext.Activity.From?.Name?.Trim();
        return teamsName is { Length: > 0 } && ProfileDialog.KeepsNameRules(teamsName) ? teamsName : UnknownName;
    }

    /// <summary>The texts chosen for the turn, else those of the activity's locale.</summary>
    public static ConversationTexts GetTexts(this ITurnContext turnContext) =>
        turnContext.TurnState.TryGetValue(TextsKey, out var value) && value is ConversationTexts texts
            ? texts
            : ConversationTexts.Resolve(null, turnContext.Activity.Locale);

    /// <summary>
    /// Where a later message meant for the sender alone goes (a status change, a reminder, contact details): the
    /// turn's conversation when it is a 1:1 chat; null in a group chat or a channel, whose other members must not
    /// read it — callers then use the sender's 1:1 chat (<c>ProactiveMessengerExtensions.SendToPersonAsync</c>).
    /// </summary>
    public static string? PersonalChatId(this Activity activity) =>
        activity.IsGroupConversation() ? null : activity.Conversation?.Id;

    /// <summary>
    /// The bot's name as the chat shows it (the activity's recipient, safe in a message), for "start with @HiTechTex";
    /// "HiTechTex" when Teams sent none.
    /// </summary>
    public static string BotName(this Activity activity) =>
        activity.Recipient?.Name is { Length: > 0 } name ? NameRule.ForMessage(name) : "HiTechTex";

    /// <summary>A message shown literally: for texts that contain what the user typed (never markdown or HTML).</summary>
    public static Activity Plain(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" };
}
