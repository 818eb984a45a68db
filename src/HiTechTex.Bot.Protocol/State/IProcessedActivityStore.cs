using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.State;

/// <summary>
/// Remembers which activities the bot has already taken, so a redelivery (Teams resends an activity it got no
/// answer for within ~15 s) does not run the bot twice. Shared by all bot instances.
/// </summary>
public interface IProcessedActivityStore
{
    /// <summary>
    /// Marks the activity as processed. Returns <c>true</c> the first time, <c>false</c> when it was already marked
    /// (by this or another instance); the check and the mark are one atomic step.
    /// </summary>
    Task<bool> TryMarkProcessedAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the activity as processed and, when this is its first mark, stores <paramref name="reference"/> (the
    /// conversation's reference, as <see cref="IConversationReferenceStore.SaveAsync"/> would) in the same atomic write
    /// — one round trip to the database instead of two on a conversation's first activity. A store that cannot combine
    /// the two only marks (this default) and says so in <see cref="ActivityMark.ReferenceSaved"/>; the caller then saves
    /// the reference itself.
    /// </summary>
    async Task<ActivityMark> TryMarkProcessedAsync(
        string channelId, string conversationId, string activityId, ConversationReference? reference, CancellationToken cancellationToken) =>
        new(await TryMarkProcessedAsync(channelId, conversationId, activityId, cancellationToken).ConfigureAwait(false), ReferenceSaved: false);
}

/// <summary>The outcome of <see cref="IProcessedActivityStore.TryMarkProcessedAsync(string, string, string, ConversationReference?, CancellationToken)"/>.</summary>
/// <param name="IsFirst">The activity was not marked before: run the bot.</param>
/// <param name="ReferenceSaved">The reference was stored with the mark.</param>
public readonly record struct ActivityMark(bool IsFirst, bool ReferenceSaved);
