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
}
