namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// Resolves what a user typed as their organisation. The seam for the partner directory (partners issue); until
/// then <see cref="TypedOrganisationLookup"/> keeps the typed name.
/// </summary>
internal interface IOrganisationLookup
{
    Task<OrganisationMatch> FindAsync(string typedName, CancellationToken cancellationToken);
}
