using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// Czech declines the partnership's cities: "do Bursy", "v Burse", "z Ankary", "v Pratu", "v Barceloně". Those forms
/// name the city ("chci jet do Burse" was no place, so no exchange in Turkey), and a partner search looks for the city's
/// own name too (the directory writes "Bursa", not "Burse").
/// </summary>
public sealed class CzechCityFormsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(Now));

    [Theory]
    [InlineData("chci jet do Burse", "Bursa", "TR")]
    [InlineData("chci jet do Bursy v dubnu", "Bursa", "TR")]
    [InlineData("chci jet do Ankary", "Ankara", "TR")]
    [InlineData("chci jet do Manisy", "Manisa", "TR")]
    [InlineData("chci jet do Ušaku", "Uşak", "TR")]
    [InlineData("chci jet do Aydınu", "Aydın", "TR")]
    [InlineData("chci jet do Buldanu", "Buldan", "TR")]
    [InlineData("chci jet do Izmiru", "İzmir", "TR")]
    [InlineData("chci jet do Denizli", "Denizli", "TR")]
    [InlineData("chci jet do Pratu", "Prato", "IT")]
    [InlineData("chci jet do Luccy", "Lucca", "IT")]
    [InlineData("chci jet do Barcelony", "Barcelona", "ES")]
    [InlineData("chci jet do Terrassy", "Terrassa", "ES")]
    [InlineData("chci jet do Manresy", "Manresa", "ES")]
    [InlineData("chci jet do Bragy", "Braga", "PT")]
    public void Recognize_GoingToACityInACzechCase_IsAnExchangeThere(string text, string city, string country)
    {
        var result = recognizer.Recognize(text, "cs-CZ");

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal(city, result.Entities.City);
        Assert.Equal(country, result.Entities.Country);
    }

    [Theory]
    [InlineData("hledám partnera v Burse", "Bursa")]
    [InlineData("hledám partnera v Pratu", "Prato")]
    [InlineData("hledám partnera v Barceloně", "Barcelona")]
    [InlineData("hledám partnera v Liberci", "Liberec")]
    public void Recognize_PartnerSearchInACzechCityForm_SearchesTheCityName(string text, string city)
    {
        var result = recognizer.Recognize(text, "cs-CZ");

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(city, result.Entities.City);
        Assert.Contains(city, result.Entities.Keywords);
    }

    [Theory]
    [InlineData("partners in Prato", "prato")]
    [InlineData("partners in Santo Tirso", "santo,tirso")]
    [InlineData("hledám partnera v Hradci Králové", "hradci,Hradec Králové,králové")]
    public void Recognize_CityKeywords_ItsNameAddedOnlyForAnotherForm(string text, string keywords)
    {
        Assert.Equal(keywords, string.Join(',', recognizer.Recognize(text, null).Entities.Keywords));
    }
}
