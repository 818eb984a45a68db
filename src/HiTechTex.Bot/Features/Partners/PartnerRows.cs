using System.Text.Json;
using System.Text.Json.Serialization;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>Maps <see cref="Organisation"/> to and from <see cref="OrganisationEntity"/> (lists as JSON, enums by name).</summary>
internal static class PartnerRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static OrganisationEntity ToEntity(Organisation o, long sequence)
    {
        var entity = new OrganisationEntity
        {
            Id = o.Id, Name = o.Name, Kind = o.Kind.ToString(), Country = o.Country, Region = o.Region, City = o.City,
            Description = o.Description, DescriptionLanguage = o.DescriptionLanguage,
            CapabilitiesJson = "[]", StagesJson = "[]", ServicesJson = "[]", LanguagesJson = "[]", ContactsJson = "[]",
        };
        Copy(o, entity, sequence);
        return entity;
    }

    public static void Copy(Organisation o, OrganisationEntity e, long sequence)
    {
        e.Name = o.Name;
        e.Kind = o.Kind.ToString();
        e.Country = o.Country.ToUpperInvariant();
        e.Region = o.Region;
        e.City = o.City;
        e.Latitude = o.Location.Latitude;
        e.Longitude = o.Location.Longitude;
        e.Website = o.Website;
        e.Description = o.Description;
        e.DescriptionLanguage = o.DescriptionLanguage;
        e.CapabilitiesJson = JsonSerializer.Serialize(o.Capabilities, Json);
        e.StagesJson = JsonSerializer.Serialize(o.Stages, Json);
        e.ServicesJson = JsonSerializer.Serialize(o.Services, Json);
        e.LanguagesJson = JsonSerializer.Serialize(o.Languages, Json);
        e.ClusterId = o.ClusterId;
        e.ContactsJson = JsonSerializer.Serialize(o.Contacts, Json);
        e.ListingConsent = o.ListingConsent;
        e.LastUpdated = o.LastUpdated;
        e.IsDemo = o.IsDemo;
        e.IsDeleted = false;
        e.UpdatedSeq = sequence;
    }

    public static Organisation ToOrganisation(OrganisationEntity e) => new(
        e.Id, e.Name, Enum.Parse<OrganisationKind>(e.Kind), e.Country, e.Region, e.City, new GeoPoint(e.Latitude, e.Longitude),
        e.Website, e.Description, e.DescriptionLanguage,
        Read<string>(e.CapabilitiesJson), Read<ValueChainStage>(e.StagesJson), Read<PartnerService>(e.ServicesJson),
        Read<string>(e.LanguagesJson), e.ClusterId, Read<PartnerContact>(e.ContactsJson), e.ListingConsent, e.LastUpdated, e.IsDemo);

    private static T[] Read<T>(string json) => JsonSerializer.Deserialize<T[]>(json, Json) ?? [];
}
