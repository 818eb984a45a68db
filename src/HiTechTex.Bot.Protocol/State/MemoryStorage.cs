using System.Globalization;
using System.Text.Json;

namespace HiTechTex.Bot.Protocol.State;

/// <summary>
/// A thread-safe in-process <see cref="IStorage"/> with the same ETag rules as the durable store. For tests and
/// as the reference implementation; state is lost when the process ends.
/// </summary>
public sealed class MemoryStorage : IPrefixDeletingStorage
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (string Json, string ETag)> items = new(StringComparer.Ordinal);
    private long version;

    /// <summary>The number of stored items (for tests).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return items.Count;
            }
        }
    }

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var key in keys)
            {
                if (items.TryGetValue(key, out var item))
                {
                    // Stored as text so that no caller can mutate what another turn will read.
                    using var document = JsonDocument.Parse(item.Json);
                    result[key] = new StoreItem(document.RootElement.Clone(), item.ETag);
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        lock (gate)
        {
            // Check every item before writing any, so a conflict leaves the store untouched.
            foreach (var (key, change) in changes)
            {
                items.TryGetValue(key, out var current);
                var exists = current.ETag is not null;
                var conflict = change.ETag switch
                {
                    "*" => false,
                    null or "" => exists,
                    _ => !exists || !string.Equals(current.ETag, change.ETag, StringComparison.Ordinal),
                };
                if (conflict)
                {
                    return Task.FromException<IReadOnlyDictionary<string, string>>(
                        new StorageConcurrencyException(key, change.ETag, current.ETag));
                }
            }

            foreach (var (key, change) in changes)
            {
                var etag = (++version).ToString(CultureInfo.InvariantCulture);
                items[key] = (change.Value.GetRawText(), etag);
                etags[key] = etag;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(etags);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (gate)
        {
            foreach (var key in keys)
            {
                items.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        lock (gate)
        {
            var doomed = items.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            foreach (var key in doomed)
            {
                items.Remove(key);
            }

            return Task.FromResult(doomed.Count);
        }
    }

    /// <inheritdoc />
    public Task<int> DeleteByPrefixAndSuffixAsync(string prefix, string suffix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentException.ThrowIfNullOrEmpty(suffix);
        lock (gate)
        {
            var doomed = items.Keys
                .Where(k => k.Length >= prefix.Length + suffix.Length
                    && k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith(suffix, StringComparison.Ordinal))
                .ToList();
            foreach (var key in doomed)
            {
                items.Remove(key);
            }

            return Task.FromResult(doomed.Count);
        }
    }
}
