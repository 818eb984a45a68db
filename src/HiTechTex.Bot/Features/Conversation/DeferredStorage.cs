using HiTechTex.Bot.Protocol.State;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// An <see cref="IStorage"/> for one turn that holds back writes until <see cref="CommitAsync"/>, which sends them
/// to the real store as ONE batch. The conversation and user state are thereby saved together: the batch is
/// all-or-nothing (IStorage contract), so a concurrency conflict on either leaves both as they were.
/// </summary>
internal sealed class DeferredStorage(IStorage inner) : IStorage
{
    private readonly Dictionary<string, StoreItem> pending = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(keys, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, change) in changes)
        {
            // A second save of the same key in the turn keeps the ETag that was read, not the provisional one.
            pending[key] = pending.TryGetValue(key, out var earlier) ? change with { ETag = earlier.ETag } : change;
            etags[key] = change.ETag ?? "";
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(etags);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(keys, cancellationToken);

    /// <summary>Writes everything held back, in one batch.</summary>
    /// <exception cref="StorageConcurrencyException">Another turn changed one of the keys; nothing was written.</exception>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var batch = new Dictionary<string, StoreItem>(pending, StringComparer.Ordinal);
        pending.Clear();
        await inner.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
    }
}
