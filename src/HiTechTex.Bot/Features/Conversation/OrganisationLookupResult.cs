namespace HiTechTex.Bot.Features.Conversation;

/// <summary>What <see cref="IOrganisationLookup"/> found for a typed organisation name.</summary>
/// <param name="Sure">The one organisation the name means (its whole name, short name, id or initials), if any.</param>
/// <param name="Choices">Otherwise the organisations it may mean, closest first; <see cref="OrganisationMatch.Label"/> shows each.</param>
internal sealed record OrganisationLookupResult(OrganisationMatch? Sure, IReadOnlyList<OrganisationMatch> Choices)
{
    public static OrganisationLookupResult None { get; } = new(null, []);
}
