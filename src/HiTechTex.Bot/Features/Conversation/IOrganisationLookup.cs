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

    /// <summary>
    /// The one organisation listed in the directory (it agreed to be listed, as the search shows) that
    /// <paramref name="text"/> names exactly — its whole name, one of its parts ("CITEVE", "NTT"), its id or its initials —
    /// or null: a word inside names, or several organisations, name none (<see cref="NamedOrganisation"/>).
    /// </summary>
    Task<OrganisationMatch?> FindNamedAsync(string text, CancellationToken cancellationToken);
}
