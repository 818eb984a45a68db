using HiTechTex.Bot.Protocol.State;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>A <see cref="MemoryStorage"/> that records the keys of every read, so tests can count round trips.</summary>
internal sealed class CountingStorage : IStorage
{
    private readonly MemoryStorage inner = new();

    public List<IReadOnlyCollection<string>> Reads { get; } = [];

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        Reads.Add([.. keys]);
        return inner.ReadAsync(keys, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(changes, cancellationToken);

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(keys, cancellationToken);
}
