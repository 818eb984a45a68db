using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// Remembers, per conversation, a fingerprint of the reference last written to the store, so that refreshing the
/// reference on every inbound activity costs a write only when something changed (a new serviceUrl, say). Entries
/// expire, so a reference marked inactive elsewhere is re-activated by the next activity after at most
/// <see cref="TimeToLive"/>.
/// </summary>
/// <remarks>
/// An entry keeps a 128-bit hash of the fingerprint text (truncated SHA-256) and the time, not the text (~0.5 KB): the
/// cache is bounded by <see cref="MaxEntries"/> conversations, and at that size the text alone was ~5 MB of heap.
/// Two different references of one conversation hashing alike — the only way this could skip a needed write — is
/// a 2<sup>-128</sup> chance. The entry count is kept by the cache itself: <c>ConcurrentDictionary.Count</c> takes
/// every lock of the dictionary, which on every turn cost more than the rest of the cache.
/// </remarks>
public sealed class ConversationReferenceCache(TimeProvider timeProvider)
{
    /// <summary>How long a remembered fingerprint is trusted.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(10);

    /// <summary>Above this many conversations the cache starts over rather than grow without bound.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    // Conversations added since the last start-over (approximate under races; it only decides when to start over).
    private int count;

    /// <summary>The conversations remembered now (for tests).</summary>
    internal int Count => entries.Count;

    /// <summary>True when <paramref name="fingerprint"/> is what was last saved for the conversation, recently.</summary>
    public bool IsUnchanged(string conversationId, string fingerprint) =>
        entries.TryGetValue(conversationId, out var entry) &&
        entry.Fingerprint == Hash(fingerprint) &&
        timeProvider.GetUtcNow() - entry.SavedAt < TimeToLive;

    public void Remember(string conversationId, string fingerprint)
    {
        var entry = new Entry(Hash(fingerprint), timeProvider.GetUtcNow());
        if (entries.ContainsKey(conversationId))
        {
            entries[conversationId] = entry;
            return;
        }

        if (Interlocked.Increment(ref count) > MaxEntries)
        {
            entries.Clear();
            Interlocked.Exchange(ref count, 1);
        }

        entries[conversationId] = entry;
    }

    public void Forget(string conversationId)
    {
        if (entries.TryRemove(conversationId, out _))
        {
            Interlocked.Decrement(ref count);
        }
    }

    private static UInt128 Hash(string fingerprint)
    {
        var length = Encoding.UTF8.GetMaxByteCount(fingerprint.Length);
        var rented = length <= 1024 ? null : new byte[length];
        Span<byte> utf8 = rented ?? stackalloc byte[1024];
        var written = Encoding.UTF8.GetBytes(fingerprint, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..written], hash);
        return MemoryMarshal.Read<UInt128>(hash);
    }

    private readonly record struct Entry(UInt128 Fingerprint, DateTimeOffset SavedAt);
}
