using HiTechTex.Bot.Protocol.Dialogs;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// The dialog engine's messages for the protocol code that runs before a turn's language is chosen — the
/// de-duplication's answer to a redelivered click (<see cref="IDialogMessages.AlreadyDone"/>): each in the language of
/// the given locale (the Teams client's), English when the bot does not speak it. Inside a turn the engine uses
/// <see cref="ConversationDialogMessages"/> of the language chosen for it (the profile's first).
/// </summary>
internal sealed class ClientLocaleDialogMessages : IDialogMessages
{
    public string LostTrack(string? locale) => Of(locale).LostTrack(locale);

    public string Help(string? locale) => Of(locale).Help(locale);

    public string Cancelled(string? locale) => Of(locale).Cancelled(locale);

    public string StartingOver(string? locale) => Of(locale).StartingOver(locale);

    public string TooManyAttempts(string? locale) => Of(locale).TooManyAttempts(locale);

    public string FormIncomplete(string? locale, IReadOnlyList<string> missingInputs) => Of(locale).FormIncomplete(locale, missingInputs);

    public string FormInvalid(string? locale, IReadOnlyList<string> invalidInputs) => Of(locale).FormInvalid(locale, invalidInputs);

    public string FillInForm(string? locale) => Of(locale).FillInForm(locale);

    public string FormReceived(string? locale) => Of(locale).FormReceived(locale);

    public string FormExpired(string? locale) => Of(locale).FormExpired(locale);

    public string EarlierQuestionButton(string? locale) => Of(locale).EarlierQuestionButton(locale);

    public string ClickNotTaken(string? locale) => Of(locale).ClickNotTaken(locale);

    public string AlreadyDone(string? locale) => Of(locale).AlreadyDone(locale);

    private static ConversationDialogMessages Of(string? locale) => new(ConversationTexts.Resolve(null, locale));
}
