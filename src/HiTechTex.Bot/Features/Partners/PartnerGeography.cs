namespace HiTechTex.Bot.Features.Partners;

/// <summary>The six Hi-Tech-TEX regions and the country names a query may use, in the six languages.</summary>
public static class PartnerGeography
{
    public static IReadOnlyList<PartnerRegion> Regions { get; } =
    [
        new("PT", "Norte", "pt", ["North Portugal", "Northern Portugal", "Região Norte", "Minho"],
        [
            new("Vila Nova de Famalicão", new(41.408, -8.519)), new("Guimarães", new(41.444, -8.296)), new("Braga", new(41.545, -8.426)),
            new("Barcelos", new(41.538, -8.615)), new("Porto", new(41.150, -8.611)), new("Santo Tirso", new(41.343, -8.477)),
        ]),
        new("ES", "Catalonia", "es", ["Catalunya", "Cataluña", "Catalunha", "Catalogna", "Katalonya", "Katalánsko"],
        [
            new("Terrassa", new(41.563, 2.008)), new("Sabadell", new(41.548, 2.107)), new("Mataró", new(41.540, 2.445)),
            new("Igualada", new(41.579, 1.617)), new("Barcelona", new(41.387, 2.170)), new("Manresa", new(41.728, 1.824)),
        ]),
        new("ES", "Valencia", "es", ["Comunitat Valenciana", "Comunidad Valenciana", "Valencian Community", "València"],
        [
            new("Ontinyent", new(38.821, -0.606)), new("Alcoi", new(38.698, -0.474)), new("Cocentaina", new(38.745, -0.440)),
            new("Bocairent", new(38.767, -0.611)), new("Valencia", new(39.470, -0.376)), new("Crevillent", new(38.249, -0.809)),
        ]),
        new("IT", "Tuscany", "it", ["Toscana", "Toscane", "Toskana", "Toskánsko"],
        [
            new("Prato", new(43.880, 11.097)), new("Firenze", new(43.769, 11.256)), new("Pistoia", new(43.933, 10.917)),
            new("Montemurlo", new(43.926, 11.038)), new("Empoli", new(43.718, 10.946)), new("Lucca", new(43.843, 10.505)),
        ]),
        new("TR", "Aegean", "tr", ["Ege", "Ege Bölgesi", "Egeo", "Egeu", "Egeo turco"],
        [
            new("Denizli", new(37.776, 29.086)), new("İzmir", new(38.423, 27.143)), new("Uşak", new(38.682, 29.408)),
            new("Manisa", new(38.612, 27.426)), new("Aydın", new(37.848, 27.845)), new("Buldan", new(38.045, 28.831)),
        ]),
        new("CZ", "Severovýchod", "cs", ["Northeast Czechia", "North-East Czech Republic", "Liberecký kraj", "Královéhradecký kraj"],
        [
            new("Liberec", new(50.767, 15.056)), new("Hradec Králové", new(50.209, 15.832)), new("Náchod", new(50.417, 16.163)),
            new("Trutnov", new(50.561, 15.913)), new("Jablonec nad Nisou", new(50.724, 15.171)), new("Dvůr Králové nad Labem", new(50.432, 15.814)),
        ]),
    ];

    /// <summary>Country names by ISO code, in EN, PT, ES, IT, TR, CS (plus the local name).</summary>
    public static IReadOnlyDictionary<string, string[]> CountryNames { get; } = new Dictionary<string, string[]>
    {
        ["PT"] = ["Portugal", "Portogallo", "Portekiz", "Portugalsko", "Portugalsku"],
        ["ES"] = ["Spain", "Espanha", "España", "Spagna", "İspanya", "Španělsko", "Španělsku"],
        ["IT"] = ["Italy", "Itália", "Italia", "İtalya", "Itálie", "Itálii"],
        ["TR"] = ["Turkey", "Türkiye", "Turquia", "Turquía", "Turchia", "Turecko", "Turecku"],
        ["CZ"] = ["Czechia", "Czech Republic", "Chéquia", "República Checa", "Chequia", "Repubblica Ceca", "Cechia", "Çekya", "Česko", "Česká republika", "Česku"],
    };

    /// <summary>
    /// The six regions' names as the cards show them to a reader of EN, PT, ES, IT, TR, CS (in that order): the directory
    /// stores one canonical name per region, in English for some ("Tuscany", "Aegean") and in the local language for
    /// others ("Norte", "Severovýchod"), which Italian, Turkish or Portuguese cards used to show as they were.
    /// </summary>
    private static readonly Dictionary<string, string[]> RegionDisplayNames = new(StringComparer.Ordinal)
    {
        ["Norte"] = ["Norte", "Norte", "Norte", "Norte", "Norte", "Norte"],
        ["Catalonia"] = ["Catalonia", "Catalunha", "Cataluña", "Catalogna", "Katalonya", "Katalánsko"],
        ["Valencia"] = ["Valencia", "Valência", "Valencia", "Valencia", "Valensiya", "Valencie"],
        ["Tuscany"] = ["Tuscany", "Toscana", "Toscana", "Toscana", "Toskana", "Toskánsko"],
        ["Aegean"] = ["Aegean", "Egeu", "Egeo", "Egeo", "Ege", "Egejský region"],
        ["Severovýchod"] = ["North-East Czechia", "Nordeste da Chéquia", "Noreste de Chequia", "Nord-Est della Cechia", "Kuzeydoğu Çekya", "Severovýchod"],
    };

    private static readonly string[] DisplayLanguages = ["en", "pt", "es", "it", "tr", "cs"];

    /// <summary>
    /// The region's name for a reader of <paramref name="language"/> (ISO 639-1): one of the six regions, by its canonical
    /// name or an alias, in that language; any other region (an entry added by a cluster manager) as the directory has it.
    /// </summary>
    public static string RegionNameIn(string? region, string? language)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            return region ?? "";
        }

        var index = Array.IndexOf(DisplayLanguages, language);
        return index >= 0 && FindRegion(region) is { } known && RegionDisplayNames.TryGetValue(known.Name, out var names) ? names[index] : region;
    }

    public static PartnerRegion? FindRegion(string name) =>
        Regions.FirstOrDefault(r => string.Equals(TextFolding.Fold(r.Name), TextFolding.Fold(name), StringComparison.Ordinal)
            || r.Aliases.Any(a => string.Equals(TextFolding.Fold(a), TextFolding.Fold(name), StringComparison.Ordinal)));

    internal static VocabularyMatcher CountryMatcher() =>
        new(CountryNames.SelectMany(c => c.Value.Select(n => (c.Key, n))));

    /// <summary>Region names, aliases and city names, all keyed by the canonical region name.</summary>
    internal static VocabularyMatcher RegionMatcher() =>
        new(Regions.SelectMany(r => r.Aliases.Append(r.Name).Concat(r.Cities.Select(c => c.Name)).Select(n => (r.Name, n))));
}
