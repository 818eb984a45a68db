namespace HiTechTex.Bot.Features.Partners;

/// <summary>One entry of the partner directory.</summary>
/// <param name="Country">ISO 3166-1 alpha-2 code (PT, ES, IT, TR, CZ, …).</param>
/// <param name="DescriptionLanguage">ISO 639-1 code of <paramref name="Description"/>; it picks the analyzer.</param>
/// <param name="Capabilities">Capability ids of <see cref="TextileTaxonomy"/>.</param>
/// <param name="ClusterId">Id of the cluster organisation this one is a member of, if any.</param>
/// <param name="ListingConsent">The organisation agreed to be listed; the search shows only consenting entries.</param>
public sealed record Organisation(
    string Id,
    string Name,
    OrganisationKind Kind,
    string Country,
    string Region,
    string City,
    GeoPoint Location,
    string? Website,
    string Description,
    string DescriptionLanguage,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<ValueChainStage> Stages,
    IReadOnlyList<PartnerService> Services,
    IReadOnlyList<string> Languages,
    string? ClusterId,
    IReadOnlyList<PartnerContact> Contacts,
    bool ListingConsent,
    DateTimeOffset LastUpdated,
    bool IsDemo);
