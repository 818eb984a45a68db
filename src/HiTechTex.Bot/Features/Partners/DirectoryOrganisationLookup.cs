using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// The profile's organisation question against the directory (<see cref="OrganisationNameMatcher"/>): its whole name,
/// short name, id or initials is sure; one organisation named by whole words is sure too; anything else — several
/// organisations, or one only by the start of its words — is a short choice for the user, of the organisations that
/// agreed to be listed (one that did not is found only by its own name).
/// </summary>
internal sealed class DirectoryOrganisationLookup(IPartnerDirectory directory) : IOrganisationLookup
{
    public async Task<OrganisationLookupResult> FindAsync(string typedName, int maxChoices, CancellationToken cancellationToken)
    {
        var organisations = await directory.ListAsync(cancellationToken).ConfigureAwait(false);
        // One more than is offered: to tell one whole-word match from the first of several.
        var found = OrganisationNameMatcher.Find(organisations, typedName, Math.Max(maxChoices, 2) + 1);
        var exact = found.Where(f => f.Closeness == OrganisationNameMatcher.Closeness.Exact).ToList();
        if (exact.Count == 1)
        {
            return new OrganisationLookupResult(Match(exact[0].Organisation), []);
        }

        if (found.Count == 1 && found[0].Closeness == OrganisationNameMatcher.Closeness.Words)
        {
            return new OrganisationLookupResult(Match(found[0].Organisation), []);
        }

        // A list shows organisations the user did not name: only those that agreed to be listed (as the search shows).
        var listed = OrganisationNameMatcher.Find(organisations.Where(o => o.ListingConsent), typedName, maxChoices);
        return new OrganisationLookupResult(null, [.. listed.Select(f => Match(f.Organisation))]);
    }

    public async Task<OrganisationMatch?> FindNamedAsync(string text, CancellationToken cancellationToken)
    {
        var organisations = await directory.ListAsync(cancellationToken).ConfigureAwait(false);
        // Only exact names: one whole word of a name ("Denizli", "Textile") is a city or a word more often than an
        // organisation, and a non-listed organisation is one the search does not show either.
        // Two at most: one exact match tells itself from the first of several.
        var found = OrganisationNameMatcher.Find(organisations.Where(o => o.ListingConsent), text, 2);
        var exact = found.Where(f => f.Closeness == OrganisationNameMatcher.Closeness.Exact).ToList();
        return exact.Count == 1 ? Match(exact[0].Organisation) : null;
    }

    private static OrganisationMatch Match(Organisation organisation) =>
        new(organisation.Name, organisation.Id, $"{organisation.Name} ({organisation.City}, {organisation.Country})");
}
