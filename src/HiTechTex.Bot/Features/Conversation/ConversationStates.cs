using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// The conversation and user state of one turn (scoped), over a <see cref="DeferredStorage"/> so that
/// <see cref="SaveAsync"/> writes both in one all-or-nothing batch.
/// <para>
/// The dialog stack is the sender's own: in a 1:1 chat it is the conversation's state; in a group chat or a channel
/// it is kept per member (<see cref="PrivateConversationState"/>), so one member's message never answers another
/// member's prompt or form.
/// </para>
/// </summary>
internal sealed class ConversationStates
{
    private readonly DeferredStorage storage;
    private readonly IStatePropertyAccessor<DialogState> sharedDialogState;
    private readonly IStatePropertyAccessor<DialogState> privateDialogState;
    private readonly IStatePropertyAccessor<DateTimeOffset?> sharedLastActive;
    private readonly IStatePropertyAccessor<DateTimeOffset?> privateLastActive;
    private readonly IStatePropertyAccessor<Dictionary<string, string>> channelThreads;

    private readonly IStorage store;

    private readonly ILogger<ConversationStates>? logger;

    public ConversationStates(IStorage storage, ILogger<ConversationStates>? logger = null)
    {
        store = storage;
        this.logger = logger;
        this.storage = new DeferredStorage(storage);
        Conversation = new ConversationState(this.storage);
        PrivateConversation = new PrivateConversationState(this.storage);
        User = new UserState(this.storage);
        sharedDialogState = Conversation.CreateProperty<DialogState>("dialogState");
        privateDialogState = PrivateConversation.CreateProperty<DialogState>("dialogState");
        sharedLastActive = Conversation.CreateProperty<DateTimeOffset?>("lastActive");
        privateLastActive = PrivateConversation.CreateProperty<DateTimeOffset?>("lastActive");
        Profile = User.CreateProperty<UserProfile>("profile");
        TimeZone = User.CreateProperty<string>("timeZone");
        channelThreads = User.CreateProperty<Dictionary<string, string>>("channelThreads");
    }

    public ConversationState Conversation { get; }

    public PrivateConversationState PrivateConversation { get; }

    public UserState User { get; }

    /// <summary>The dialog stack of the turn's sender (see the class remarks).</summary>
    public IStatePropertyAccessor<DialogState> DialogStateOf(ITurnContext turnContext) =>
        IsPerMember(turnContext.Activity) ? privateDialogState : sharedDialogState;

    public IStatePropertyAccessor<UserProfile> Profile { get; }

    /// <summary>The time zone last seen from the user's Teams client, as the <see cref="ITimeZoneListener"/>s were told it.</summary>
    public IStatePropertyAccessor<string> TimeZone { get; }

    /// <summary>
    /// Reads the conversation and the user state of the turn in ONE storage read (a state whose key the activity
    /// lacks is left out). Every turn reads the profile, and a message turn its dialog stack right after: two
    /// round trips to the database become one.
    /// </summary>
    public Task LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return Task.CompletedTask;
        }

        var hasConversation = !string.IsNullOrEmpty(activity.Conversation?.Id);
        var hasUser = !string.IsNullOrEmpty(activity.From?.Id);
        BotState dialogHolder = IsPerMember(activity) ? PrivateConversation : Conversation;
        BotState[] wanted = (hasConversation, hasUser) switch
        {
            (true, true) => [dialogHolder, User],
            (true, false) => [Conversation],
            (false, true) => [User],
            _ => [],
        };
        return wanted.Length == 0 ? Task.CompletedTask : BotState.LoadAllAsync(turnContext, wanted, false, cancellationToken);
    }

    /// <summary>
    /// The bot was uninstalled or removed from the turn's conversation (spec checklist 14): deletes what is stored for
    /// it — the conversation's state, every member's state in it (when the store can delete by prefix; otherwise the
    /// hourly purge takes them after <c>Conversation:DialogExpiry</c>) and, for a 1:1 chat, the user's profile. In a
    /// group chat or a team the profile of whoever removed the bot is theirs, not the group's, and is kept. Nothing of
    /// the turn is saved afterwards. Returns how many member states were deleted.
    /// </summary>
    public async Task<int> EraseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return 0;
        }

        if (ErasesProfile(activity) && activity.From?.Id is { Length: > 0 } userId)
        {
            await store.DeleteAsync([UserState.StorageKeyOf(activity.ChannelId, userId)], cancellationToken).ConfigureAwait(false);
        }

        return await EraseConversationAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether removing the bot from the activity's conversation deletes the remover's profile: only in a 1:1 chat. A
    /// group chat or a team is recognised by any of its signs — <c>isGroup</c>, its <c>conversationType</c>, a team in the
    /// channel data, or a conversation id of a group chat or channel (Teams gives those <c>19:…@thread…</c>, a 1:1 chat
    /// <c>a:…</c>) — so an uninstall that lacks the type fields never takes a member's profile with the group's bot.
    /// </summary>
    internal static bool ErasesProfile(Protocol.Schema.Activity activity) =>
        !string.IsNullOrEmpty(activity.From?.Id)
        && !activity.IsGroupConversation()
        && TeamConversations.TeamIdOf(activity) is null
        && activity.Conversation?.Id?.StartsWith("19:", StringComparison.Ordinal) != true;

    /// <summary>
    /// Deletes one conversation's state and every member's state in it (another channel or thread of a team the bot
    /// was removed from); returns how many member states were deleted.
    /// </summary>
    public async Task<int> EraseConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await store.DeleteAsync([ConversationState.StorageKeyOf(channelId, conversationId)], cancellationToken).ConfigureAwait(false);
        return store is IPrefixDeletingStorage members
            ? await members.DeleteByPrefixAsync(PrivateConversationState.MembersPrefixOf(channelId, conversationId), cancellationToken).ConfigureAwait(false)
            : 0;
    }

    /// <summary>
    /// Deletes the user's own dialog state in every conversation of the channel — what they started in group chats and
    /// channels and did not finish (in a 1:1 chat the dialog is the conversation's, handled by the turn). For "delete my
    /// data"; returns how many were deleted (0 when the store cannot delete by key pattern: the hourly purge then takes
    /// them after <c>Conversation:DialogExpiry</c>).
    /// </summary>
    public async Task<int> EraseUserDialogsAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        if (store is not IPrefixDeletingStorage keys)
        {
            return 0;
        }

        var (prefix, suffix) = PrivateConversationState.KeysOfUser(channelId, userId);
        return await keys.DeleteByPrefixAndSuffixAsync(prefix, suffix, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The stored profile, or null (also when the activity has no user to key it on). A stored profile this build cannot
    /// read counts as none (<see cref="ReadOrForgetAsync"/>): the first-use questions replace it.
    /// </summary>
    public async Task<UserProfile?> GetProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.From?.Id))
        {
            return null;
        }

        return await ReadOrForgetAsync(Profile, turnContext, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The time zone last seen from the user's Teams client (<see cref="TimeZone"/>), or null.</summary>
    public Task<string?> GetTimeZoneAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        ReadOrForgetAsync(TimeZone, turnContext, cancellationToken);

    /// <summary>
    /// A stored value, or default when this build cannot read it (a value of another JSON type: written by a newer
    /// build, or by hand) — then logged and dropped from the turn's state, so the rest of the turn sees it absent and the
    /// save writes the state without it. Throwing failed every turn of that user for good (user state is never purged).
    /// </summary>
    private async Task<T?> ReadOrForgetAsync<T>(IStatePropertyAccessor<T> property, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            return await property.GetAsync(turnContext, null, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException exception)
        {
            if (logger is not null)
            {
                Log.StateValueUnreadable(logger, property.Name, turnContext.Activity.Conversation?.Id, exception);
            }

            await property.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return default;
        }
    }

    /// <summary>
    /// Drops the sender's unfinished dialog when it has been waiting longer than <paramref name="expiry"/> (zero:
    /// never); returns how long it had waited when it was dropped, else null.
    /// </summary>
    public async Task<TimeSpan?> ExpireIdleDialogAsync(ITurnContext turnContext, TimeSpan expiry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (expiry <= TimeSpan.Zero || !HasDialogHolder(turnContext.Activity))
        {
            return null;
        }

        var lastActive = await ReadOrForgetAsync(LastActiveOf(turnContext), turnContext, cancellationToken).ConfigureAwait(false);
        if (lastActive is not { } since || now - since <= expiry)
        {
            return null;
        }

        await DialogStateOf(turnContext).DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await LastActiveOf(turnContext).DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        return now - since;
    }

    /// <summary>
    /// Stamps the sender's dialog with the time of this turn while it waits for an answer, and removes the stamp
    /// once nothing waits (so a finished conversation is not rewritten on every turn).
    /// </summary>
    public async Task TouchDialogAsync(ITurnContext turnContext, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!HasDialogHolder(turnContext.Activity))
        {
            return;
        }

        var dialog = await DialogStateOf(turnContext).GetAsync(turnContext, null, cancellationToken).ConfigureAwait(false);
        var lastActive = LastActiveOf(turnContext);
        var waits = dialog?.DialogStack.Count > 0;
        if (waits)
        {
            await lastActive.SetAsync(turnContext, now, cancellationToken).ConfigureAwait(false);
        }
        else if (await ReadOrForgetAsync(lastActive, turnContext, cancellationToken).ConfigureAwait(false) is not null)
        {
            await lastActive.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }

        await NoteChannelThreadAsync(turnContext, waits, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Most channels one user keeps a thread noted for (<see cref="NoteChannelThreadAsync"/>); the oldest goes first.</summary>
    internal const int MaxNotedChannelThreads = 20;

    /// <summary>
    /// The channel a channel conversation belongs to: its id without the thread's <c>;messageid=…</c> (Teams gives each
    /// thread of a channel its own conversation id, <c>19:…@thread.tacv2;messageid=&lt;root&gt;</c>); null outside channels.
    /// </summary>
    internal static string? ChannelOf(Protocol.Schema.Activity activity)
    {
        if (activity.Conversation is not { Id: { Length: > 0 } id } conversation
            || !string.Equals(conversation.ConversationType, "channel", StringComparison.Ordinal))
        {
            return null;
        }

        var thread = id.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread > 0 ? id[..thread] : id;
    }

    /// <summary>The root message id of a channel thread's conversation id (<c>…;messageid=&lt;root&gt;</c>), or null.</summary>
    internal static string? ThreadRootOf(string conversationId)
    {
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread > 0 && conversationId[(thread + ";messageid=".Length)..] is { Length: > 0 } root ? root : null;
    }

    /// <summary>
    /// In a channel, which thread the sender's dialog waits in is noted in their user state (per channel): a message
    /// posted elsewhere in the channel — a new top-level post is a new thread, another conversation — can then be told
    /// where the question is (<see cref="WaitingThreadElsewhereAsync"/>). Written only when it changes.
    /// </summary>
    private async Task NoteChannelThreadAsync(ITurnContext turnContext, bool waits, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!IsPerMember(activity) || ChannelOf(activity) is not { } channel)
        {
            return;
        }

        var conversationId = activity.Conversation!.Id!;
        var noted = await ReadOrForgetAsync(channelThreads, turnContext, cancellationToken).ConfigureAwait(false);
        var current = noted is not null && noted.TryGetValue(channel, out var thread) ? thread : null;
        if (waits && current != conversationId)
        {
            var updated = new Dictionary<string, string>(noted ?? [], StringComparer.Ordinal);
            updated.Remove(channel);
            while (updated.Count >= MaxNotedChannelThreads)
            {
                updated.Remove(updated.Keys.First());
            }

            updated[channel] = conversationId;
            await channelThreads.SetAsync(turnContext, updated, cancellationToken).ConfigureAwait(false);
        }
        else if (!waits && current == conversationId)
        {
            await ForgetChannelThreadAsync(turnContext, noted!, channel, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ForgetChannelThreadAsync(ITurnContext turnContext, Dictionary<string, string> noted, string channel, CancellationToken cancellationToken)
    {
        var updated = new Dictionary<string, string>(noted, StringComparer.Ordinal);
        updated.Remove(channel);
        if (updated.Count == 0)
        {
            await channelThreads.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await channelThreads.SetAsync(turnContext, updated, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The conversation id of another thread of this channel where the sender's dialog still waits for an answer (its
    /// member state read to be sure: a stack, not older than <paramref name="expiry"/>), or null. A note that no longer
    /// holds (the dialog ended there, expired or was purged) is forgotten.
    /// </summary>
    public async Task<string?> WaitingThreadElsewhereAsync(ITurnContext turnContext, TimeSpan expiry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!IsPerMember(activity) || string.IsNullOrEmpty(activity.ChannelId) || ChannelOf(activity) is not { } channel)
        {
            return null;
        }

        var noted = await ReadOrForgetAsync(channelThreads, turnContext, cancellationToken).ConfigureAwait(false);
        if (noted is null || !noted.TryGetValue(channel, out var there) || there == activity.Conversation!.Id)
        {
            return null;
        }

        var key = PrivateConversationState.MembersPrefixOf(activity.ChannelId, there) + activity.From!.Id;
        var items = await store.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        if (items.TryGetValue(key, out var item) && Waits(item.Value, expiry, now))
        {
            return there;
        }

        await ForgetChannelThreadAsync(turnContext, noted, channel, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static bool Waits(System.Text.Json.JsonElement state, TimeSpan expiry, DateTimeOffset now)
    {
        if (state.ValueKind != System.Text.Json.JsonValueKind.Object
            || !state.TryGetProperty("dialogState", out var dialog) || dialog.ValueKind != System.Text.Json.JsonValueKind.Object
            || !dialog.TryGetProperty("dialogStack", out var stack) || stack.ValueKind != System.Text.Json.JsonValueKind.Array
            || stack.GetArrayLength() == 0)
        {
            return false;
        }

        return expiry <= TimeSpan.Zero
            || (state.TryGetProperty("lastActive", out var stamp) && stamp.ValueKind == System.Text.Json.JsonValueKind.String
                && stamp.TryGetDateTimeOffset(out var since) && now - since <= expiry);
    }

    /// <summary>Saves what changed in the turn, both states in one batch.</summary>
    /// <exception cref="StorageConcurrencyException">Another turn saved first; nothing was written.</exception>
    public async Task SaveAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await Conversation.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        await PrivateConversation.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        await User.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        await storage.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    // A member needs an id to have a stack of their own; without one (never from Teams) the conversation's is used.
    private static bool IsPerMember(Protocol.Schema.Activity activity) =>
        activity.IsGroupConversation() && !string.IsNullOrEmpty(activity.From?.Id);

    private IStatePropertyAccessor<DateTimeOffset?> LastActiveOf(ITurnContext turnContext) =>
        IsPerMember(turnContext.Activity) ? privateLastActive : sharedLastActive;

    private static bool HasDialogHolder(Protocol.Schema.Activity activity) =>
        !string.IsNullOrEmpty(activity.ChannelId) && !string.IsNullOrEmpty(activity.Conversation?.Id);
}
