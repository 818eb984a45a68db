namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// The directory of organisations. Every implementation keeps <see cref="PartnerSearchIndex"/> consistent: a change
/// is visible to search as soon as the call returns.
/// </summary>
public interface IPartnerDirectory
{
    Task<Organisation?> FindAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Organisation>> ListAsync(CancellationToken cancellationToken = default);

    Task UpsertAsync(Organisation organisation, CancellationToken cancellationToken = default);

    /// <summary>The entry with its version; null when there is none.</summary>
    Task<VersionedOrganisation?> FindVersionedAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="organisation"/> only while the stored entry is still at <paramref name="expectedVersion"/>
    /// (null: only while there is no entry with its id), as one atomic step.
    /// </summary>
    /// <returns>False when it was not written (the entry changed, or appeared, in the meantime).</returns>
    Task<bool> UpsertIfVersionAsync(Organisation organisation, long? expectedVersion, CancellationToken cancellationToken = default);

    /// <returns>False when there was no organisation with that id.</returns>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}
