using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>Organisations and rules the exchange tests share.</summary>
internal static class ExchangeTestData
{
    public static readonly DateOnly Today = new(2027, 2, 1);

    /// <summary>A Monday.</summary>
    public static readonly DateOnly Monday = new(2027, 3, 1);

    public static Organisation Citeve => Partner(HiTechTexPartners.CiteveId);

    public static Organisation Clutex => Partner(HiTechTexPartners.ClutexId);

    public static Organisation Ateval => Partner(HiTechTexPartners.AtevalId);

    public static Organisation AeiTextils => Partner(HiTechTexPartners.AeiTextilsId);

    public static ExchangeOptions Options(Action<ExchangeOptions>? configure = null)
    {
        var options = new ExchangeOptions
        {
            CosmeCountries = ["PT", "ES", "IT", "TR", "CZ"],
            LumpSumByHostCountry = new(StringComparer.OrdinalIgnoreCase) { ["CZ"] = 780m, ["IT"] = 1100m },
            DefaultLumpSum = 600m,
        };
        configure?.Invoke(options);
        return options;
    }

    public static IOptionsMonitor<T> Monitor<T>(T options) => new FixedMonitor<T>(options);

    /// <summary>An organisation at <paramref name="location"/> in <paramref name="country"/>, else like CITEVE.</summary>
    public static Organisation At(string id, string country, GeoPoint location) => Citeve with { Id = id, Country = country, Location = location };

    private static Organisation Partner(string id) => HiTechTexPartners.All.Single(o => o.Id == id);

    private sealed class FixedMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
