namespace HiTechTex.Bot.Features.Partners;

/// <summary>Which part of an organisation's profile a taxonomy term describes.</summary>
public enum TaxonomyFacet
{
    Capability,
    Stage,
    Service,
}
