using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// "delete my data" (six languages): after a yes/no question that says what goes and what stays, deletes the user's
/// profile (their user state: name, organisation, language) and their unfinished dialogs in group chats and channels
/// (their member state there). Their unfinished conversation in this chat ends with this dialog, so the end-of-turn
/// save stores an empty dialog stack. What stays, and says so: exchange applications,
/// session registrations and introduction requests (records of the programme, which the privacy notice says how to
/// have removed), and the chat's conversation reference (the bot still tells them about those records). The user is
/// always the sender: nothing in the activity can name another user's data. Started by <see cref="DeleteDataJourney"/>.
/// </summary>
internal sealed class DeleteDataDialog : ComponentDialog
{
    public const string DialogId = "profile.delete";

    private const string ConfirmPromptId = "profile.delete.confirm";

    private readonly ConversationStates states;
    private readonly ILogger<DeleteDataDialog> logger;

    public DeleteDataDialog(ConversationStates states, ILogger<DeleteDataDialog> logger)
        : base(DialogId)
    {
        this.states = states;
        this.logger = logger;
        AddDialog(new WaterfallDialog("profile.delete.steps", [AskAsync, DeleteAsync]));
        AddDialog(new ConfirmPrompt(ConfirmPromptId));
    }

    /// <summary>
    /// The answers the delete question takes before it gives up. Running out of them means no: nothing is deleted
    /// (<see cref="ConversationTexts.DeleteDataGaveUp"/> says so, and how to ask again).
    /// </summary>
    public const int ConfirmAttempts = 3;

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = step.Context.GetTexts();
        if (await states.GetProfileAsync(step.Context, cancellationToken).ConfigureAwait(false) is null)
        {
            await step.Context.SendActivityAsync(texts.NoDataToDelete, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var options = PromptOptions.Text(texts.ConfirmDeleteData, texts.ConfirmDeleteDataRetry);
        options.MaxAttempts = ConfirmAttempts;
        options.TooManyAttemptsPrompt = Activity.CreateMessage(texts.DeleteDataGaveUp);
        return await step.PromptAsync(ConfirmPromptId, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> DeleteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = step.Context.GetTexts();
        if (step.Result is PromptAttemptsExceeded)
        {
            // No yes after the question's attempts: a no (DeleteDataGaveUp was said) — nothing is deleted.
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is not true)
        {
            await step.Context.SendActivityAsync(texts.DataKept, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        await states.User.DeleteAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var activity = step.Context.Activity;
        var groupDialogs = string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.From?.Id)
            ? 0
            : await states.EraseUserDialogsAsync(activity.ChannelId, activity.From.Id, cancellationToken).ConfigureAwait(false);
        Log.UserDataDeleted(logger, activity.Conversation?.Id, groupDialogs);
        await step.Context.SendActivityAsync(texts.DataDeleted, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Deleting one's data: the delete commands in six languages. Personal; asks for no profile first (<see cref="IsCommand"/>).</summary>
internal sealed class DeleteDataJourney(DeleteDataDialog dialog) : IJourney
{
    public Dialog Dialog => dialog;

    public IReadOnlyCollection<Intent> Intents { get; } = [];

    public IReadOnlyCollection<string> CardActions { get; } = [];

    public IReadOnlyCollection<string> Commands { get; } =
        [.. ConversationTexts.All.SelectMany(t => t.DeleteDataCommands).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Whether <paramref name="typed"/> is one of the delete commands: the main dialog starts this journey without the
    /// first-use profile questions (asking a new user for their name and organisation so that they can delete them
    /// would be absurd). Checked from the texts, so that a new user's ordinary first message builds no journey.
    /// </summary>
    public static bool IsCommand(string? typed) =>
        typed is not null && ConversationTexts.All.SelectMany(t => t.DeleteDataCommands).Any(c => TypedCommand.Matches(c, typed));
}
