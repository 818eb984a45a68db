using System.Text.Json;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.State;

/// <summary>State per user and channel, stored under <c>{channelId}/users/{userId}</c>.</summary>
public sealed class UserState(IStorage storage, JsonSerializerOptions? jsonOptions = null)
    : BotState(storage, nameof(UserState), jsonOptions)
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId;
        var userId = activity.From?.Id;
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(userId))
        {
            throw new InvalidOperationException("UserState needs activity.channelId and activity.from.id.");
        }

        return StorageKeyOf(channelId, userId);
    }

    /// <summary>
    /// The storage key of one user's state outside that user's turn (e.g. to address a proactive message in their
    /// language), from the channel id and the user's channel account id of their stored conversation reference.
    /// </summary>
    public static string StorageKeyOf(string channelId, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return $"{channelId}/users/{userId}";
    }
}
