using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>"I want to go to Italy in March for a week": an exchange there, with its country and month.</summary>
public sealed class TravelAndMonthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(Now));

    public static TheoryData<string, string, string, int> GoingSomewhere => new()
    {
        { "I want to go to Italy in March for a week", "en", "IT", 3 },
        { "quero ir a Itália em março durante uma semana", "pt", "IT", 3 },
        { "quiero viajar a España en abril", "es", "ES", 4 },
        { "vorrei andare in Spagna a marzo per una settimana", "it", "ES", 3 },
        { "nisanda Portekiz'e gitmek istiyorum", "tr", "PT", 4 },
        { "chci jet do Itálie v březnu na týden", "cs", "IT", 3 },
    };

    [Theory]
    [MemberData(nameof(GoingSomewhere))]
    public void Recognize_GoingToACountryInAMonth_IsApplyWithCountryAndMonth(string text, string language, string country, int month)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal(language, result.Language);
        Assert.Equal(country, result.Entities.Country);
        Assert.Equal(new DateOnly(2027, month, 1), result.Entities.Month);
    }

    [Fact]
    public void Recognize_TurkishInternshipInItaly_IsApplyWithItaly()
    {
        var result = recognizer.Recognize("italyada bir hafta staj yapmak istiyorum", null);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal("IT", result.Entities.Country);
    }

    [Theory]
    [InlineData("quiero hacer un intercambio en Italia en marzo", "IT", 3)]
    [InlineData("quero candidatar me a um intercambio na Republica Checa", "CZ", null)]
    [InlineData("vorrei fare uno scambio in Turchia a maggio", "TR", 5)]
    public void Recognize_ApplyWithCountryAndMonth_KeepsThem(string text, string country, int? month)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal(country, result.Entities.Country);
        Assert.Equal(month is { } m ? new DateOnly(2027, m, 1) : null, result.Entities.Month);
    }

    [Theory]
    [InlineData("find partners in Italy")]
    [InlineData("busco socios en Italia")]
    [InlineData("cerco partner in Spagna")]
    [InlineData("I'm going to look for partners in Italy")]
    [InlineData("quero ir a um laboratório em Itália")]
    public void Recognize_PartnerSearchWithACountry_StaysFindPartners(string text)
    {
        Assert.Equal(Intent.FindPartners, recognizer.Recognize(text, null).Intent);
    }

    [Theory]
    [InlineData("I want to go home")]
    [InlineData("quero ir a uma sessão de coaching")]
    [InlineData("non voglio andare in Italia")]
    public void Recognize_TravelWithoutACountryOrDeclined_IsNoExchange(string text)
    {
        Assert.NotEqual(Intent.ApplyForExchange, recognizer.Recognize(text, null).Intent);
    }

    [Fact]
    public void Recognize_DayAndMonth_IsADateNotAMonth()
    {
        var result = recognizer.Recognize("exchange in Italy from 3 March", null);

        Assert.Equal([new DateOnly(2027, 3, 3)], result.Entities.Dates);
        Assert.Null(result.Entities.Month);
    }

    [Theory]
    [InlineData("find partners in Italy in March", "IT", 3)]
    [InlineData("busco socios en Italia para marzo", "IT", 3)]
    [InlineData("cerco partner in Spagna a maggio", "ES", 5)]
    [InlineData("I'm going to Italy in March, are there partners there?", "IT", 3)]
    public void Recognize_PartnerSearchNamingAMonth_SearchesTheCountryNotTheMonthOrTheTravelWord(string text, string country, int month)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(country, result.Entities.Country);
        Assert.Equal(new DateOnly(2027, month, 1), result.Entities.Month);
        Assert.Empty(result.Entities.Keywords);
    }

    [Theory]
    [InlineData("I want to go to Italy in May 2028", 2028)]
    [InlineData("quero ir a Itália em maio de 2027", 2027)]
    public void Recognize_GoingInAMonthOfAYear_ThatYearsMonth(string text, int year)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal(new DateOnly(year, 5, 1), result.Entities.Month);
    }

    [Fact]
    public void Recognize_GoingInAPastMonthYear_NoMonthAndNoKeywords()
    {
        var result = recognizer.Recognize("I want to go to Italy in May 2025", null);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal("IT", result.Entities.Country);
        Assert.Null(result.Entities.Month);
        Assert.DoesNotContain(result.Entities.Keywords, k => k.Equals("May", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("sezení", null)]
    [InlineData("sezení v květnu", 5)]
    [InlineData("nadcházející sezení", null)]
    public void Recognize_CzechSezeni_IsTheCoachingSessions(string text, int? month)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.RegisterForCoaching, result.Intent);
        Assert.Equal(month is { } m ? new DateOnly(2027, m, 1) : null, result.Entities.Month);
    }

    [Fact]
    public void Recognize_CzechMySezeni_StaysMySessions()
    {
        Assert.Equal(Intent.MySessions, recognizer.Recognize("moje sezení", null).Intent);
    }
}
