using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// "delete my data" (six languages): after a yes/no question that says what goes and what stays, deletes the user's
/// profile (their user state: name, organisation, language) and their unfinished dialogs in group chats and channels
/// (their member state there). Their unfinished conversation in this chat ends with this dialog, so the end-of-turn
/// save stores an empty dialog stack. What stays, and says so: exchange applications,
/// session registrations and introduction requests (records of the programme, which the privacy notice says how to
/// have removed). The address of their 1:1 chat (its conversation reference: ids, name, locale) is deleted too unless
/// something still needs a message (<see cref="IPersonalRecords"/>: an application in progress, a registration to come,
/// a request waiting for its answer, a request sent to them that they have not answered, being a partner's Teams contact
/// in the directory, a manager's or coordinator's role) — then it is kept and the answer says for what.
/// The user is always the sender: nothing in the activity can name another user's data. Started by <see cref="DeleteDataJourney"/>.
/// </summary>
internal sealed class DeleteDataDialog : ComponentDialog
{
    public const string DialogId = "profile.delete";

    private const string ConfirmPromptId = "profile.delete.confirm";

    private readonly ConversationStates states;
    private readonly IServiceProvider services;
    private readonly ILogger<DeleteDataDialog> logger;

    public DeleteDataDialog(ConversationStates states, IServiceProvider services, ILogger<DeleteDataDialog> logger)
        : base(DialogId)
    {
        this.states = states;
        this.services = services;
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
            // No profile to ask about; the chat's address is theirs too, and nothing to confirm: it goes unless needed.
            if ((await AwaitingNoticesAsync(step.Context, cancellationToken).ConfigureAwait(false)).Count > 0
                || services.GetService<IConversationReferenceStore>() is null)
            {
                await step.Context.SendActivityAsync(texts.NoDataToDelete, cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }

            await step.Context.SendActivityAsync(texts.NoProfileChatDeleted, cancellationToken).ConfigureAwait(false);
            await DeleteChatAddressAsync(step.Context, cancellationToken).ConfigureAwait(false);
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

        // What still needs a message is read (from the features' records) before anything is deleted: a failure there
        // fails the turn with nothing deleted, so the error message's "try again" is true and the next yes deletes it all
        // (it used to leave the profile and group dialogs deleted behind "something went wrong").
        var awaiting = await AwaitingNoticesAsync(step.Context, cancellationToken).ConfigureAwait(false);
        await states.User.DeleteAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var activity = step.Context.Activity;
        var groupDialogs = string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.From?.Id)
            ? 0
            : await states.EraseUserDialogsAsync(activity.ChannelId, activity.From.Id, cancellationToken).ConfigureAwait(false);
        Log.UserDataDeleted(logger, activity.Conversation?.Id, groupDialogs);
        if (awaiting.Count > 0)
        {
            Log.ChatAddressKept(logger, activity.Conversation?.Id, string.Join(",", awaiting));
            var records = awaiting.Where(kind => kind != PersonalRecordKind.Role).Select(kind => kind switch
            {
                PersonalRecordKind.ExchangeApplication => texts.KeptForExchanges,
                PersonalRecordKind.SessionRegistration => texts.KeptForSessions,
                PersonalRecordKind.IntroductionToAnswer => texts.KeptForIntroductionAnswers,
                PersonalRecordKind.DirectoryContact => texts.KeptAsDirectoryContact,
                _ => texts.KeptForIntroductions,
            }).ToList();
            var roles = awaiting.Contains(PersonalRecordKind.Role) ? services.GetService<IRoleService>()?.GetRoles(activity.From?.AadObjectId) : null;
            var text = texts.DataDeletedChatKept(records, roles?.ManagedOrganisationIds.Count > 0, roles?.IsCoordinator == true);
            await step.Context.SendActivityAsync(ConversationTurn.Plain(text), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // The answer goes out first (through this turn's reference), then the address is forgotten.
        await step.Context.SendActivityAsync(texts.DataDeleted, cancellationToken).ConfigureAwait(false);
        await DeleteChatAddressAsync(step.Context, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What of the user's records may still need a message from the bot, by kind (none: the address can go).</summary>
    private async Task<List<PersonalRecordKind>> AwaitingNoticesAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var from = context.Activity.From;
        var kinds = new List<PersonalRecordKind>();
        if (from?.Id is not { Length: > 0 } userId)
        {
            return kinds;
        }

        foreach (var records in services.GetServices<IPersonalRecords>())
        {
            if (!kinds.Contains(records.Kind) && await records.AwaitNoticesAsync(from.AadObjectId, userId, cancellationToken).ConfigureAwait(false))
            {
                kinds.Add(records.Kind);
            }
        }

        if (services.GetService<IRoleService>()?.GetRoles(from.AadObjectId) is { } roles && (roles.ManagedOrganisationIds.Count > 0 || roles.IsCoordinator))
        {
            kinds.Add(PersonalRecordKind.Role);
        }

        return kinds;
    }

    /// <summary>
    /// Deletes the stored address of the user's 1:1 chat with the bot (this chat's, and the one found by their Entra id
    /// if another): the bot then writes to them only after they write again, which stores it anew (its in-memory
    /// fingerprint is forgotten, so the next message saves it).
    /// </summary>
    private async Task DeleteChatAddressAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        if (services.GetService<IConversationReferenceStore>() is not { } references)
        {
            return;
        }

        var cache = services.GetService<ConversationReferenceCache>();
        var activity = context.Activity;
        var chats = new List<string>();
        if (!activity.IsGroupConversation() && activity.Conversation?.Id is { Length: > 0 } current)
        {
            chats.Add(current);
        }

        if (activity.From?.AadObjectId is { Length: > 0 } aad && activity.GetTenantId() is { Length: > 0 } tenant
            && await references.FindPersonalAsync(aad, tenant, cancellationToken).ConfigureAwait(false) is { Reference.Conversation.Id: { Length: > 0 } personal }
            && !chats.Contains(personal, StringComparer.Ordinal))
        {
            chats.Add(personal);
        }

        foreach (var chat in chats)
        {
            await references.DeleteAsync(chat, cancellationToken).ConfigureAwait(false);
            cache?.Forget(chat);
        }

        Log.ChatAddressDeleted(logger, activity.Conversation?.Id, chats.Count);
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
    /// Whether <paramref name="typed"/> is one of the delete commands, or asks the same in ordinary words ("please delete
    /// my data", "borra mis datos", "verilerimi silin": <see cref="DeleteDataRequest"/>): the main dialog starts this
    /// journey without the first-use profile questions (asking a new user for their name and organisation so that they
    /// can delete them would be absurd), and during them or another journey's question it is no answer but this request.
    /// Checked from the texts, so that a new user's ordinary first message builds no journey.
    /// </summary>
    public static bool IsCommand(string? typed) =>
        typed is not null && (TypedCommand.MatchesAny(AllCommands, typed) || DeleteDataRequest.IsRequest(typed));

    // The six languages' delete commands (folded once by TypedCommand, not on every turn).
    private static readonly string[] AllCommands = [.. ConversationTexts.All.SelectMany(t => t.DeleteDataCommands)];
}
