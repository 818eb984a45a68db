namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// The texts the dialog engine itself says to the user. The English default is <see cref="EnglishDialogMessages"/>;
/// the product supplies its localised implementation through
/// <see cref="DialogMessagesExtensions.SetDialogMessages"/>. <c>locale</c> is the activity's BCP-47 locale.
/// </summary>
public interface IDialogMessages
{
    /// <summary>After a redeploy made the stored conversation unusable.</summary>
    string LostTrack(string? locale);

    /// <summary>The answer to "help"; the active question is asked again after it.</summary>
    string Help(string? locale);

    /// <summary>Confirms that everything was cancelled.</summary>
    string Cancelled(string? locale);

    /// <summary>Said before the conversation starts again.</summary>
    string StartingOver(string? locale);

    /// <summary>A prompt gave up after its maximum number of attempts.</summary>
    string TooManyAttempts(string? locale);

    /// <summary>A form was submitted without some required inputs (their labels as on the card; the ids of inputs without a label).</summary>
    string FormIncomplete(string? locale, IReadOnlyList<string> missingInputs);

    /// <summary>
    /// A form was submitted with inputs whose text cannot be accepted (a lone surrogate, a control character other
    /// than tab and line breaks): their labels as on the card, the ids of inputs without a label.
    /// </summary>
    string FormInvalid(string? locale, IReadOnlyList<string> invalidInputs);

    /// <summary>The user typed text while a form was waiting to be submitted.</summary>
    string FillInForm(string? locale);

    /// <summary>A form submission was accepted (shown in the card for <c>Action.Execute</c>).</summary>
    string FormReceived(string? locale);

    /// <summary>
    /// A button of an older form, no longer waited for, was pressed while another form waits: says to use the newest
    /// one (a form sent again after "Check" is a new card below the old one, which Teams keeps).
    /// </summary>
    string FormExpired(string? locale);

    /// <summary>
    /// A button of an earlier question (<see cref="Prompts.PromptButtons"/>) was pressed while another question waits:
    /// nothing was done with it; the waiting question is asked again after this.
    /// </summary>
    string EarlierQuestionButton(string? locale);

    /// <summary>
    /// Shown on the card of an <c>Action.Execute</c> click that the waiting question did not take as its answer (a retry,
    /// giving up, an earlier question's button): the reply in the chat says why — the card must not say it was received.
    /// </summary>
    string ClickNotTaken(string? locale);

    /// <summary>
    /// Shown on the card of an <c>Action.Execute</c> click that Teams delivered again (same activity id) after the first
    /// delivery was taken: nothing was done a second time (<see cref="Turns.ActivityDeduplicationMiddleware"/>, which
    /// runs before the bot, so it is given these messages and only the activity's locale).
    /// </summary>
    string AlreadyDone(string? locale);
}
