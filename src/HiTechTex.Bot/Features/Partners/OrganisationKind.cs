namespace HiTechTex.Bot.Features.Partners;

/// <summary>What an organisation in the partner directory is.</summary>
public enum OrganisationKind
{
    Sme,
    LargeCompany,
    ClusterOrganisation,
    /// <summary>Research and technology organisation / technology centre.</summary>
    Rto,
    University,
    /// <summary>Innovation accelerator, digital innovation hub or incubator.</summary>
    Accelerator,
    /// <summary>Facility or service provider.</summary>
    FacilityProvider,
}
