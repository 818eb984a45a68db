using System.Collections.Concurrent;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// Remembers, per conversation, a fingerprint of the reference last written to the store, so that refreshing the
/// reference on every inbound activity costs a write only when something changed (a new serviceUrl, say). Entries
/// expire, so a reference marked inactive elsewhere is re-activated by the next activity after at most
/// <see cref="TimeToLive"/>.
/// </summary>
public sealed class ConversationReferenceCache(TimeProvider timeProvider)
{
    /// <summary>How long a remembered fingerprint is trusted.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(10);

    /// <summary>Above this many conversations the cache starts over rather than grow without bound.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (string Fingerprint, DateTimeOffset SavedAt)> entries = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="fingerprint"/> is what was last saved for the conversation, recently.</summary>
    public bool IsUnchanged(string conversationId, string fingerprint) =>
        entries.TryGetValue(conversationId, out var entry) &&
        string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal) &&
        timeProvider.GetUtcNow() - entry.SavedAt < TimeToLive;

    public void Remember(string conversationId, string fingerprint)
    {
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[conversationId] = (fingerprint, timeProvider.GetUtcNow());
    }

    public void Forget(string conversationId) => entries.TryRemove(conversationId, out _);
}
