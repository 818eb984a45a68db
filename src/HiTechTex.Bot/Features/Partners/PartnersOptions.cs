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

    /// <summary>How often each instance applies directory changes made by other instances to its index.</summary>
    public TimeSpan IndexSyncInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Introduction requests one user may send per UTC day.</summary>
    public int DailyIntroductionLimit { get; set; } = 5;

    /// <summary>
    /// Days an unanswered introduction request stays the requester's one pending request to that partner; after them
    /// a new request is allowed (the old one expires then — the background sweep updates its cards and tells the requester — and can no longer be answered).
    /// </summary>
    public int IntroductionExpiryDays { get; set; } = 14;

    /// <summary>How often each instance looks for requests past their expiry, to update their cards and tell the requester.</summary>
    public TimeSpan IntroductionExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Results per page of the find-partners results card.</summary>
    public int PageSize { get; set; } = 5;
}
