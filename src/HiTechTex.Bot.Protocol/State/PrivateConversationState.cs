using System.Text.Json;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.State;

/// <summary>
/// State per member of a conversation, stored under <c>{channelId}/conversations/{conversationId}/users/{userId}</c>
/// (the Bot Framework's PrivateConversationState). In a group chat or a channel, a dialog stack kept here belongs to
/// the member who started it: another member's message cannot answer its prompts.
/// </summary>
public sealed class PrivateConversationState(IStorage storage, JsonSerializerOptions? jsonOptions = null)
    : BotState(storage, nameof(PrivateConversationState), jsonOptions)
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId;
        var conversationId = activity.Conversation?.Id;
        var userId = activity.From?.Id;
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(userId))
        {
            throw new InvalidOperationException("PrivateConversationState needs activity.channelId, activity.conversation.id and activity.from.id.");
        }

        return MembersPrefixOf(channelId, conversationId) + userId;
    }

    /// <summary>
    /// What the keys of every member's state in one conversation start with
    /// (<see cref="IPrefixDeletingStorage.DeleteByPrefixAsync"/> deletes them all).
    /// </summary>
    public static string MembersPrefixOf(string channelId, string conversationId) =>
        ConversationState.StorageKeyOf(channelId, conversationId) + "/users/";

    /// <summary>
    /// The start and the end of the keys of one user's state in every conversation of a channel
    /// (<see cref="IPrefixDeletingStorage.DeleteByPrefixAndSuffixAsync"/> deletes them all).
    /// </summary>
    public static (string Prefix, string Suffix) KeysOfUser(string channelId, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return ($"{channelId}/conversations/", $"/users/{userId}");
    }
}
