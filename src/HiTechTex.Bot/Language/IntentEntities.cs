namespace HiTechTex.Bot.Language;

/// <summary>Entities recognized in free text. Countries are ISO 3166-1 alpha-2 codes (PT, ES, IT, TR, CZ, …).</summary>
public sealed record IntentEntities
{
    public static IntentEntities Empty { get; } = new();

    /// <summary>Search keywords that remain once intent words and stop words are removed (e.g. "nonwovens", "antimicrobial").</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    public string? Country { get; init; }

    /// <summary>
    /// The other countries named after <see cref="Country"/>, in order ("in Italy or Spain": Country IT, OtherCountries
    /// [ES]). A partner search looks in one country: it says so and offers these.
    /// </summary>
    public IReadOnlyList<string> OtherCountries { get; init; } = [];

    /// <summary>
    /// Countries named to be left out ("find partners not in Italy", "fora de Itália", "İtalya dışında", "mimo Itálii"),
    /// in order: none of them is <see cref="Country"/>; a partner search looks everywhere else.
    /// </summary>
    public IReadOnlyList<string> ExcludedCountries { get; init; } = [];

    public string? Region { get; init; }

    /// <summary>
    /// Partner regions named to be left out ("find partners not in Tuscany", "fora do Norte", "Ege dışında", "mimo
    /// Toskánsko"), by their canonical names (<c>Tuscany</c>, <c>Norte</c>), in order: none of them is <see cref="Region"/>;
    /// a partner search looks everywhere else.
    /// </summary>
    public IReadOnlyList<string> ExcludedRegions { get; init; } = [];

    /// <summary>
    /// A city of a partnership country, by its canonical name ("Prato", "Lisbon"). Only a travel wish or an application
    /// reads it as a place (its country becomes <see cref="Country"/> when none is named); elsewhere it stays a keyword.
    /// </summary>
    public string? City { get; init; }

    /// <summary>
    /// The text asks to host a visitor ("we'd like to host a visitor from Spain"): no application (the visiting
    /// organisation applies and chooses its host) but a partner search where the visitors may come from.
    /// </summary>
    public bool Hosting { get; init; }

    /// <summary>Organisation kind, e.g. <c>SME</c>, <c>Cluster</c>, <c>RTO</c>, <c>University</c>, <c>Accelerator</c>, <c>Facility</c>, <c>LargeCompany</c>.</summary>
    public string? OrganisationKind { get; init; }

    /// <summary>Dates mentioned, already resolved (date only).</summary>
    public IReadOnlyList<DateOnly> Dates { get; init; } = [];

    /// <summary>
    /// Dates written that are on no calendar ("30/02/2027", "31 de fevereiro"), in the order written: none of
    /// <see cref="Dates"/>, and never to be replaced by another day — the user is told, and picks the day.
    /// </summary>
    public IReadOnlyList<NoSuchDate> NoSuchDates { get; init; } = [];

    /// <summary>
    /// A month named without a day ("in March", "a marzo", "v březnu"): its first day, the next such month from today
    /// (this one included). Null when none is named, or when the recognizer does not tell months apart.
    /// </summary>
    public DateOnly? Month { get; init; }

    /// <summary>
    /// How long a stay is said to last, in calendar days: "for a week" 7, "for two weeks" 14, "for 5 days" 5
    /// (<see cref="StayLength"/>). Null when none is named.
    /// </summary>
    public int? StayDays { get; init; }

    /// <summary>
    /// A stay said in months ("for a month", "por un mes", "bir ay", "na měsíc"): its end depends on the start, so it is
    /// no number of days. Null when none is named.
    /// </summary>
    public int? StayMonths { get; init; }

    /// <summary>A coaching/training topic mentioned, e.g. "circular economy".</summary>
    public string? SessionTopic { get; init; }
}
