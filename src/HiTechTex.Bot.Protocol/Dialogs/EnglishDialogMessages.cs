namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// The English texts of the dialog engine. Not sealed on purpose: a product can override one text and keep the rest.
/// </summary>
public class EnglishDialogMessages : IDialogMessages
{
    public static EnglishDialogMessages Instance { get; } = new();

    public virtual string LostTrack(string? locale) => "Sorry — I was updated and lost track of our conversation. Let's start again.";

    public virtual string Help(string? locale) =>
        "Answer the question below. You can type \"cancel\" to stop, or \"start over\" to begin again.";

    public virtual string Cancelled(string? locale) => "OK, I've cancelled that.";

    public virtual string StartingOver(string? locale) => "OK, let's start over.";

    public virtual string TooManyAttempts(string? locale) =>
        "Sorry, I still couldn't understand that, so I've stopped asking. You can start again at any time.";

    public virtual string FormIncomplete(string? locale, IReadOnlyList<string> missingInputs) =>
        $"Please fill in the required fields: {string.Join(", ", missingInputs)}.";

    public virtual string FormInvalid(string? locale, IReadOnlyList<string> invalidInputs) =>
        $"Some characters in these fields cannot be accepted; please retype them: {string.Join(", ", invalidInputs)}.";

    public virtual string FillInForm(string? locale) => "Please fill in the form above and submit it, or type \"cancel\".";

    public virtual string FormReceived(string? locale) => "Thanks, got it.";

    public virtual string FormExpired(string? locale) => "This form is no longer active: please use the newest one, further down in this chat.";

    public virtual string EarlierQuestionButton(string? locale) =>
        "That button belongs to an earlier question, so I did nothing with it. Here is the question I'm asking now:";

    public virtual string ClickNotTaken(string? locale) => "That click was not an answer to my question — see my reply in the chat.";

    public virtual string AlreadyDone(string? locale) => Turns.ActivityDeduplicationMiddleware.AlreadyDoneMessage;
}
