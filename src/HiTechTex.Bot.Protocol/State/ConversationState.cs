using System.Text.Json;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.State;

/// <summary>State per conversation, stored under <c>{channelId}/conversations/{conversationId}</c>.</summary>
public sealed class ConversationState(IStorage storage, JsonSerializerOptions? jsonOptions = null)
    : BotState(storage, nameof(ConversationState), jsonOptions)
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId;
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(conversationId))
        {
            throw new InvalidOperationException("ConversationState needs activity.channelId and activity.conversation.id.");
        }

        return StorageKeyOf(channelId, conversationId);
    }

    /// <summary>The storage key of one conversation's state.</summary>
    public static string StorageKeyOf(string channelId, string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return $"{channelId}/conversations/{conversationId}";
    }
}
