using System.Collections.Concurrent;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>The directory held in memory, seeded from <see cref="PartnerSeedData"/>; replaced by a database-backed one later.</summary>
internal sealed class InMemoryPartnerDirectory(PartnerSearchIndex index, IEnumerable<Organisation> seed) : IPartnerDirectory
{
    private readonly ConcurrentDictionary<string, Organisation> _organisations =
        new(seed.Select(o => KeyValuePair.Create(o.Id, o)), StringComparer.Ordinal);

    public Task<Organisation?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_organisations.GetValueOrDefault(id));

    public Task<IReadOnlyList<Organisation>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Organisation>>([.. _organisations.Values.OrderBy(o => o.Id, StringComparer.Ordinal)]);

    public Task UpsertAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        _organisations[organisation.Id] = organisation;
        index.Upsert(organisation);
        return Task.CompletedTask;
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
