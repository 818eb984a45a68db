using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>
/// A country named with a direction ("the north of Italy", "el norte de España") or in a case form of its long name ("v
/// České republice", "Çek Cumhuriyetinde") is a partner search there. Before: "north" / "norte" / "severovýchodě" read as
/// Portugal's Norte or Czechia's Severovýchod, searched for in Italy or Spain, and "republice" or "cumhuriyetinde" stayed a
/// word to look for — no organisation matched.
/// </summary>
public sealed class PlaceNamedInOtherWordsSearchTests(SeededPartnerIndexFixture fixture) : IClassFixture<SeededPartnerIndexFixture>
{
    private readonly LocalIntentRecognizer recognizer = new(TimeProvider.System);

    [Theory]
    [InlineData("find partners in the north of Italy", "en-US", "IT")]
    [InlineData("find partners in north Italy", "en-US", "IT")]
    [InlineData("busco socios en el norte de España", "es-ES", "ES")]
    [InlineData("busco socios en el norte de Italia", "es-ES", "IT")]
    [InlineData("procuro parceiros no norte de Itália", "pt-PT", "IT")]
    [InlineData("hledám partnery na severovýchodě Itálie", "cs-CZ", "IT")]
    [InlineData("hledám partnery v České republice", "cs-CZ", "CZ")]
    [InlineData("hledám partnery z České republiky", "cs-CZ", "CZ")]
    [InlineData("Çek Cumhuriyetinde ortak arıyorum", "tr-TR", "CZ")]
    public void TypedSearch_ACountryNamedWithADirectionOrInAnotherForm_ListsEveryPartnerThere(string text, string locale, string country)
    {
        var recognized = recognizer.Recognize(text, locale);
        var query = FindPartnersDialog.QueryOf(recognized.Entities);
        var results = fixture.Index.Search(query.ToSearch(100));

        Assert.Equal(Intent.FindPartners, recognized.Intent);
        Assert.Equal(country, query.Country);
        Assert.Null(recognized.Entities.Region);
        Assert.Equal("", query.Q);
        var expected = fixture.Seed.Count(o => o.ListingConsent && o.Country == country);
        Assert.True(expected > 0);
        Assert.Equal(expected, results.Total);
    }

    [Theory]
    [InlineData("find partners in the north of Portugal", "en-US")]
    [InlineData("procuro parceiros no Norte", "pt-PT")]
    [InlineData("busco socios en el norte de Portugal", "es-ES")]
    public void TypedSearch_TheNorthOfPortugalOrNoOtherCountry_IsStillTheNorteRegion(string text, string locale)
    {
        var entities = recognizer.Recognize(text, locale).Entities;

        Assert.Equal("Norte", entities.Region);
        Assert.Equal("PT", entities.Country);
    }
}
