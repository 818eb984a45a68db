namespace HiTechTex.Bot.Features.Partners;

/// <summary>Configuration section "Partners".</summary>
public sealed class PartnersOptions
{
    public const string SectionName = "Partners";

    /// <summary>Add the generated demo organisations to the directory (off in production once real members are imported).</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>How many demo organisations to generate (spread evenly over the six regions).</summary>
    public int DemoOrganisationCount { get; set; } = 330;

    /// <summary>Seed of the demo generator: the same seed gives the same organisations.</summary>
    public int DemoSeed { get; set; } = DemoOrganisationGenerator.DefaultSeed;

    /// <summary>Folder of the search index; empty keeps the index in memory (rebuilt at every start).</summary>
    public string? IndexPath { get; set; }
}
