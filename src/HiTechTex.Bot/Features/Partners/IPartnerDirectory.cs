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

    /// <returns>False when there was no organisation with that id.</returns>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}
