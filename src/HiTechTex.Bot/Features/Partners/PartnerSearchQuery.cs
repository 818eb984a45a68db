namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// A partner search: free text in any of the six languages plus optional hard filters (each narrows the results).
/// </summary>
/// <param name="Country">ISO 3166-1 alpha-2 code.</param>
/// <param name="Region">Canonical region name or an alias ("Toscana").</param>
/// <param name="Capability">A capability id of <see cref="TextileTaxonomy"/>.</param>
public sealed record PartnerSearchQuery(
    string? Text,
    string? Country = null,
    string? Region = null,
    OrganisationKind? Kind = null,
    string? Capability = null,
    ValueChainStage? Stage = null,
    PartnerService? Service = null,
    int Skip = 0,
    int Take = 5)
{
    /// <summary>ISO 3166-1 alpha-2 codes of countries whose organisations are left out ("not in Italy").</summary>
    public IReadOnlyList<string> ExceptCountries { get; init; } = [];

    /// <summary>Names of regions whose organisations are left out ("not in Tuscany"), as stored or in any of the six languages.</summary>
    public IReadOnlyList<string> ExceptRegions { get; init; } = [];
}
