using System.Collections.Concurrent;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>The directory held in memory, seeded from <see cref="PartnerSeedData"/>; replaced by a database-backed one later.</summary>
internal sealed class InMemoryPartnerDirectory(PartnerSearchIndex index, IEnumerable<Organisation> seed) : IPartnerDirectory
{
    private readonly ConcurrentDictionary<string, Organisation> _organisations =
        new(seed.Select(o => KeyValuePair.Create(o.Id, o)), StringComparer.Ordinal);

    // Each entry's version (FindVersionedAsync): the writes that set it hold the lock.
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private long _lastVersion;

    public Task<Organisation?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_organisations.GetValueOrDefault(id));

    public Task<IReadOnlyList<Organisation>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Organisation>>([.. _organisations.Values.OrderBy(o => o.Id, StringComparer.Ordinal)]);

    public Task UpsertAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        lock (_versions)
        {
            _organisations[organisation.Id] = organisation;
            _versions[organisation.Id] = ++_lastVersion;
        }

        index.Upsert(organisation);
        return Task.CompletedTask;
    }

    public Task<VersionedOrganisation?> FindVersionedAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_versions)
        {
            return Task.FromResult(_organisations.TryGetValue(id, out var organisation)
                ? new VersionedOrganisation(organisation, _versions.GetValueOrDefault(id))
                : null);
        }
    }

    public Task<bool> UpsertIfVersionAsync(Organisation organisation, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        lock (_versions)
        {
            var current = _organisations.ContainsKey(organisation.Id) ? _versions.GetValueOrDefault(organisation.Id) : (long?)null;
            if (current != expectedVersion)
            {
                return Task.FromResult(false);
            }

            _organisations[organisation.Id] = organisation;
            _versions[organisation.Id] = ++_lastVersion;
        }

        index.Upsert(organisation);
        return Task.FromResult(true);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var removed = _organisations.TryRemove(id, out _);
        if (removed)
        {
            index.Delete(id);
        }

        return Task.FromResult(removed);
    }
}
