namespace HiTechTex.Bot.Features.Partners;

/// <summary>What the directory starts with: the six Hi-Tech-TEX partners and, when configured, the demo set.</summary>
public static class PartnerSeedData
{
    public static IReadOnlyList<Organisation> Create(PartnersOptions options) =>
        options.SeedDemoData
            ? [.. HiTechTexPartners.All, .. DemoOrganisationGenerator.Generate(options.DemoOrganisationCount, options.DemoSeed)]
            : HiTechTexPartners.All;
}
