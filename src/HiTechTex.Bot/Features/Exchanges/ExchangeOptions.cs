namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>The <c>Exchanges</c> section: the ClusterXchange rules each partnership tunes (domain.md).</summary>
internal sealed class ExchangeOptions
{
    public const string SectionName = "Exchanges";

    /// <summary>How many completed exchanges the pilot aims at.</summary>
    public int Target { get; set; } = 80;

    /// <summary>ISO 3166-1 alpha-2 codes of the COSME countries (EU members plus participating countries).</summary>
    public List<string> CosmeCountries { get; set; } = [];

    /// <summary>The lump-sum cap in euros per host country (ISO code); <see cref="DefaultLumpSum"/> for the others.</summary>
    public Dictionary<string, decimal> LumpSumByHostCountry { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public decimal DefaultLumpSum { get; set; } = 780m;

    /// <summary>Public holidays per host country (ISO code → dates), excluded from working days.</summary>
    public Dictionary<string, List<DateOnly>> PublicHolidays { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public int MinimumWorkingDays { get; set; } = 3;

    /// <summary>Under this many working days the lump sum is halved.</summary>
    public int FullLumpSumWorkingDays { get; set; } = 5;

    /// <summary>Under this distance (km, between the two organisations) the lump sum is halved.</summary>
    public double FullLumpSumDistanceKm { get; set; } = 200;

    /// <summary>A pending approver is reminded once after this many days.</summary>
    public int ReminderAfterDays { get; set; } = 3;

    /// <summary>How often the follow-up service looks for reminders and closing reports to ask for.</summary>
    public TimeSpan FollowUpInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The time zone in which "today" is read, and the times on cards for a reader whose own zone the bot does not know
    /// (shown with the zone named).
    /// </summary>
    public string TimeZone { get; set; } = "Europe/Lisbon";

    /// <summary>How long a CSV export link works after the coordinator asked for it.</summary>
    public TimeSpan ExportLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Secret (at least <see cref="Hosting.LinkKeys.MinSecretLength"/> characters, of at least <see cref="Hosting.LinkKeys.MinDistinctCharacters"/> different ones) that signs the export links; empty:
    /// the key stored in the bot's database (<see cref="Hosting.LinkKeys"/>), the same on every instance and after a restart.
    /// </summary>
    public string ExportLinkSecret { get; set; } = "";

    /// <summary>Public https address of the bot for the export links; empty: <c>https://{Teams:BotDomain}</c>.</summary>
    public string PublicBaseUrl { get; set; } = "";
}
