namespace HiTechTex.Bot.Features.Conversation;

/// <summary>No directory: the organisation is what the user typed, without an id.</summary>
internal sealed class TypedOrganisationLookup : IOrganisationLookup
{
    public Task<OrganisationLookupResult> FindAsync(string typedName, int maxChoices, CancellationToken cancellationToken) =>
        Task.FromResult(OrganisationLookupResult.None);

    public Task<OrganisationMatch?> FindNamedAsync(string text, CancellationToken cancellationToken) => Task.FromResult<OrganisationMatch?>(null);
}
