namespace HiTechTex.Bot.Protocol.State;

/// <summary>
/// An <see cref="IStorage"/> that can also delete every key that starts with a prefix: what removing the bot from a
/// group chat or a channel needs, where each member's <see cref="PrivateConversationState"/> has a key of its own and
/// the members are not known (spec checklist 14: stored data is deleted when the bot is removed).
/// </summary>
public interface IPrefixDeletingStorage : IStorage
{
    /// <summary>
    /// Deletes every key that starts with <paramref name="prefix"/> (compared ordinally, character for character —
    /// no wildcards); returns how many were deleted.
    /// </summary>
    Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every key that starts with <paramref name="prefix"/> and ends with <paramref name="suffix"/> (ordinal,
    /// no wildcards; a key must be at least as long as both): one user's state in every conversation — their
    /// <see cref="PrivateConversationState"/> under <c>{channelId}/conversations/…/users/{userId}</c> — when they ask for
    /// their data to be deleted. Returns how many were deleted.
    /// </summary>
    Task<int> DeleteByPrefixAndSuffixAsync(string prefix, string suffix, CancellationToken cancellationToken = default);
}
