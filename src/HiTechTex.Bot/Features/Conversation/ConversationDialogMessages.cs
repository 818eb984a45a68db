using HiTechTex.Bot.Protocol.Dialogs;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// The dialog engine's messages in the user's language. The locale argument is ignored on purpose: the language
/// was already chosen for the turn (profile first, then locale).
/// </summary>
internal sealed class ConversationDialogMessages(ConversationTexts texts) : EnglishDialogMessages
{
    public override string Help(string? locale) => texts.EngineHelp;

    public override string Cancelled(string? locale) => texts.Cancelled;

    public override string StartingOver(string? locale) => texts.StartingOver;

    public override string LostTrack(string? locale) => texts.LostTrack;

    public override string TooManyAttempts(string? locale) => texts.TooManyAttempts;

    public override string FormReceived(string? locale) => texts.FormReceived;

    public override string FormIncomplete(string? locale, IReadOnlyList<string> missingInputs) => texts.FormIncomplete(missingInputs);

    public override string FormInvalid(string? locale, IReadOnlyList<string> invalidInputs) => texts.FormInvalid(invalidInputs);

    public override string FillInForm(string? locale) => texts.FillInForm;

    public override string FormExpired(string? locale) => texts.FormExpired;

    public override string EarlierQuestionButton(string? locale) => texts.EarlierQuestionButton;

    public override string ClickNotTaken(string? locale) => texts.ClickNotTaken;

    public override string AlreadyDone(string? locale) => texts.AlreadyDone;
}
