namespace HiTechTex.Bot.Features.Conversation;

/// <summary>No directory yet: the organisation is what the user typed, without an id.</summary>
internal sealed class TypedOrganisationLookup : IOrganisationLookup
{
    public Task<OrganisationMatch> FindAsync(string typedName, CancellationToken cancellationToken) =>
        Task.FromResult(new OrganisationMatch(typedName.Trim(), null));
}
