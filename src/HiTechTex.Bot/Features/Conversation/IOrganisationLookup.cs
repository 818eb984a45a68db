namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// Resolves what a user typed as their organisation against the partner directory (the Partners feature registers
/// it); without a directory <see cref="TypedOrganisationLookup"/> keeps the typed name.
/// </summary>
internal interface IOrganisationLookup
{
    /// <summary>
    /// The organisation the user surely means (<see cref="OrganisationLookupResult.Sure"/>), or the few they may mean
    /// (<see cref="OrganisationLookupResult.Choices"/>, closest first, at most <paramref name="maxChoices"/>), or neither:
    /// then the typed name is kept without an id.
    /// </summary>
    Task<OrganisationLookupResult> FindAsync(string typedName, int maxChoices, CancellationToken cancellationToken);
}
