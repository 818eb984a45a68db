using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// The search a user asked for, as it travels in card data (free text plus filter values). Read from untrusted card
/// data: an unknown country, kind, capability, service or stage is dropped, the text is cut to 200 characters and the
/// offset bounded.
/// </summary>
internal sealed record PartnerQuery(string Q, string Country, string Kind, string Capability, string Service, string Stage, int Skip)
{
    public const int MaxTextLength = 200;

    private static readonly HashSet<string> KnownCountries = ["PT", "ES", "IT", "TR", "CZ"];

    /// <summary>Whether the directory can hold organisations of the country (ISO 3166 alpha-2): the partnership's five.</summary>
    public static bool Covers(string country) => KnownCountries.Contains(country.ToUpperInvariant());

    public static PartnerQuery Empty { get; } = new("", "", "", "", "", "", 0);

    /// <summary>
    /// The countries left out ("find partners not in Italy"): their codes, comma-separated ("IT" or "IT,ES"), none the
    /// <see cref="Country"/> chosen; "" for none.
    /// </summary>
    public string Except { get; init; } = "";

    /// <summary>
    /// The partner regions left out ("find partners not in Tuscany"): their canonical names (<see cref="PartnerGeography"/>),
    /// comma-separated ("Tuscany" or "Norte,Tuscany"); "" for none.
    /// </summary>
    public string ExceptRegions { get; init; } = "";

    public bool IsEmpty => Q.Length == 0 && Country.Length == 0 && Kind.Length == 0 && Capability.Length == 0 && Service.Length == 0 && Stage.Length == 0
        && Except.Length == 0 && ExceptRegions.Length == 0;

    /// <summary>The countries left out, as codes.</summary>
    public IReadOnlyList<string> ExceptCountries => Except.Length == 0 ? [] : Except.Split(',');

    /// <summary>The partner regions left out, by their canonical names.</summary>
    public IReadOnlyList<string> ExceptRegionNames => ExceptRegions.Length == 0 ? [] : ExceptRegions.Split(',');

    /// <summary>Reads the fields of card data; everything not recognised is ignored.</summary>
    public static PartnerQuery FromCardData(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d)
        {
            return Empty;
        }

        var skip = d.TryGetProperty("skip", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? n
            : CardInput.TryGetText(s, out var skipText) && int.TryParse(skipText, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        return Create(Read(d, "q"), Read(d, "country"), Read(d, "kind"), Read(d, "capability"), Read(d, "service"), Read(d, "stage"), skip,
            (Read(d, "except") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            (Read(d, "exceptRegions") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    public static PartnerQuery Create(string? q, string? country = null, string? kind = null, string? capability = null,
        string? service = null, string? stage = null, int skip = 0, IEnumerable<string>? except = null, IEnumerable<string>? exceptRegions = null)
    {
        var text = Shorten((q ?? "").Trim());

        var countryCode = (country ?? "").Trim().ToUpperInvariant();
        return new PartnerQuery(
            text,
            KnownCountries.Contains(countryCode) ? countryCode : "",
            // Every filter read by one rule (a card's choice, a typed filter, tampered data): trimmed, any case, an
            // unknown value dropped — the kind, service and stage as the capability ("fabric" is Fabric, "Yarn,Fabric" nothing).
            EnumName.Find<OrganisationKind>(kind)?.ToString() ?? "",
            capability is not null && TextileTaxonomy.IsCapability(capability.Trim()) ? TextileTaxonomy.Find(capability.Trim())!.Id : "",
            EnumName.Find<PartnerService>(service)?.ToString() ?? "",
            EnumName.Find<ValueChainStage>(stage)?.ToString() ?? "",
            Math.Clamp(skip, 0, 1000))
        {
            // Known countries only, each once, never the one chosen (a country picked on the filters card wins).
            Except = string.Join(',', (except ?? []).Take(KnownCountries.Count * 2).Select(c => c.Trim().ToUpperInvariant())
                .Where(c => KnownCountries.Contains(c) && c != countryCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            // The partnership's regions only, by their canonical names ("Toscana" is "Tuscany"), each once.
            ExceptRegions = string.Join(',', (exceptRegions ?? []).Take(PartnerGeography.Regions.Count * 2)
                .Select(r => r.Length <= 100 ? PartnerGeography.FindRegion(r.Trim())?.Name : null).OfType<string>()
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
        };
    }

    public PartnerSearchQuery ToSearch(int take) => new(
        Q.Length == 0 ? null : Q,
        Country: Country.Length == 0 ? null : Country,
        Kind: Kind.Length == 0 ? null : Enum.Parse<OrganisationKind>(Kind),
        Capability: Capability.Length == 0 ? null : Capability,
        Stage: Stage.Length == 0 ? null : Enum.Parse<ValueChainStage>(Stage),
        Service: Service.Length == 0 ? null : Enum.Parse<PartnerService>(Service),
        Skip: Skip,
        Take: take)
    {
        ExceptCountries = ExceptCountries,
        ExceptRegions = ExceptRegionNames,
    };

    /// <summary>The query as card data (every field a string, so the templates never see a missing value).</summary>
    public JsonObject ToJson() => new()
    {
        ["q"] = Q,
        ["country"] = Country,
        ["kind"] = Kind,
        ["capability"] = Capability,
        ["service"] = Service,
        ["stage"] = Stage,
        ["except"] = Except,
        ["exceptRegions"] = ExceptRegions,
    };

    /// <summary>
    /// The text cut to <see cref="MaxTextLength"/> at a word's end (a long pasted text searched "… st", a half word, and
    /// was shown as "“tintura … tintura ”"); a single word longer than that is cut inside it, never inside an emoji (half
    /// of one made the search throw). The chat's search and the message extension's.
    /// </summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxTextLength)
        {
            return text;
        }

        var cut = Utf16Text.Cut(text, MaxTextLength);
        if (!char.IsWhiteSpace(text[MaxTextLength]))
        {
            var lastSpace = cut.LastIndexOfAny([' ', '\t', '\n', '\r']);
            if (lastSpace > 0)
            {
                cut = cut[..lastSpace];
            }
        }

        return cut.TrimEnd();
    }

    private static string? Read(JsonElement data, string name) => CardInput.TryGetText(data, name, out var text) ? text : null;
}
