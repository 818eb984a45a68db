namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// A row of the partner directory (table <c>PartnerOrganisations</c>). Lists are JSON text columns (read whole, never
/// queried inside). Deletes are tombstones (<see cref="IsDeleted"/>) so that other instances see them when they sync
/// their search index by <see cref="UpdatedSeq"/>.
/// </summary>
internal sealed class OrganisationEntity
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Kind { get; set; }

    public required string Country { get; set; }

    public required string Region { get; set; }

    public required string City { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public string? Website { get; set; }

    public required string Description { get; set; }

    public required string DescriptionLanguage { get; set; }

    public required string CapabilitiesJson { get; set; }

    public required string StagesJson { get; set; }

    public required string ServicesJson { get; set; }

    public required string LanguagesJson { get; set; }

    public string? ClusterId { get; set; }

    public required string ContactsJson { get; set; }

    public bool ListingConsent { get; set; }

    public DateTimeOffset LastUpdated { get; set; }

    public bool IsDemo { get; set; }

    public bool IsDeleted { get; set; }

    /// <summary>The directory's change counter when this row last changed (<see cref="PartnerChangeCounterEntity"/>).</summary>
    public long UpdatedSeq { get; set; }
}
