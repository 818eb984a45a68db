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

    public static TheoryData<string, string> GoingToACountryOutsideThePartnership => new()
    {
        { "I want to go to France in March", "en" },
        { "quero ir a França em março", "pt" },
        { "quiero viajar a Francia en marzo", "es" },
        { "vorrei andare in Francia a marzo", "it" },
        { "martta Fransa'ya gitmek istiyorum", "tr" },
        { "chci jet do Francie v březnu", "cs" },
    };

    [Theory]
    [MemberData(nameof(GoingToACountryOutsideThePartnership))]
    public void Recognize_GoingToACountryOutsideThePartnership_IsApplyWithThatCountryNotAKeyword(string text, string language)
    {
        var result = recognizer.Recognize(text, null);

        // The form then says the country is outside (ExchangeFormSeed) instead of searching hosts for its name.
        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal(language, result.Language);
        Assert.Equal("FR", result.Entities.Country);
        Assert.Equal(new DateOnly(2027, 3, 1), result.Entities.Month);
        Assert.False(result.Entities.Hosting);
    }

    public static TheoryData<string, string, string> OfferingToHost => new()
    {
        { "we'd like to host a visitor from Spain in May", "en", "ES" },
        { "gostaríamos de acolher um visitante de Espanha em maio", "pt", "ES" },
        { "queremos acoger a un visitante de Italia en mayo", "es", "IT" },
        { "vorremmo ospitare un visitatore dalla Spagna a maggio", "it", "ES" },
        { "mayısta İspanya'dan bir ziyaretçi ağırlamak istiyoruz", "tr", "ES" },
        { "chceme v květnu hostit návštěvu ze Španělska", "cs", "ES" },
    };

    [Theory]
    [MemberData(nameof(OfferingToHost))]
    public void Recognize_OfferingToHostAVisitor_IsAPartnerSearchInThatCountryNotAnApplication(string text, string language, string country)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.True(result.Entities.Hosting);
        Assert.Equal(language, result.Language);
        Assert.Equal(country, result.Entities.Country);
        Assert.Empty(result.Entities.Keywords);
    }

    [Theory]
    [InlineData("we would like to host someone", "en")]
    [InlineData("podemos receber um visitante", "pt")]
    [InlineData("nos gustaría ser anfitriones de un intercambio", "es")]
    [InlineData("vorremmo accogliere uno scambio", "it")]
    [InlineData("ev sahipliği yapmak istiyoruz", "tr")]
    [InlineData("chtěli bychom přijmout stážistu", "cs")]
    public void Recognize_OfferingToHostWithoutACountry_IsAPartnerSearchWithoutFilters(string text, string language)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.True(result.Entities.Hosting);
        Assert.Equal(language, result.Language);
        Assert.Null(result.Entities.Country);
        Assert.Empty(result.Entities.Keywords);
    }

    [Theory]
    [InlineData("find a host organisation in Italy", Intent.FindPartners)]
    [InlineData("I want to apply for an exchange with a host in Italy", Intent.ApplyForExchange)]
    [InlineData("quero candidatar me a um intercambio com uma organização de acolhimento em Itália", Intent.ApplyForExchange)]
    [InlineData("cerco un'organizzazione ospitante in Spagna", Intent.FindPartners)]
    [InlineData("hledám hostitelskou organizaci v Itálii", Intent.FindPartners)]
    public void Recognize_AVisitorLookingForAHost_IsNoHostingOffer(string text, Intent expected)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(expected, result.Intent);
        Assert.False(result.Entities.Hosting);
    }

    [Fact]
    public void Recognize_DecliningToHost_StartsNothing()
    {
        var result = recognizer.Recognize("we don't want to host visitors", null);

        Assert.Equal(Intent.None, result.Intent);
        Assert.True(result.Declined);
    }

    public static TheoryData<string, string, string, string, int> GoingToACity => new()
    {
        { "I want to travel to Lisbon in June", "en", "Lisbon", "PT", 6 },
        { "quero ir a Lisboa em junho", "pt", "Lisbon", "PT", 6 },
        { "quiero viajar a Prato en junio", "es", "Prato", "IT", 6 },
        { "vorrei andare a Barcellona a giugno", "it", "Barcelona", "ES", 6 },
        { "haziranda İzmir'e gitmek istiyorum", "tr", "İzmir", "TR", 6 },
        { "chci jet do Liberce v červnu", "cs", "Liberec", "CZ", 6 },
    };

    [Theory]
    [MemberData(nameof(GoingToACity))]
    public void Recognize_GoingToACityOfThePartnership_IsApplyWithTheCityAndItsCountry(string text, string language, string city, string country, int month)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal(language, result.Language);
        Assert.Equal(city, result.Entities.City);
        Assert.Equal(country, result.Entities.Country);
        Assert.Equal(new DateOnly(2027, month, 1), result.Entities.Month);
    }

    public static TheoryData<string, string> PartnerRegionCities()
    {
        var data = new TheoryData<string, string>();
        foreach (var region in HiTechTex.Bot.Features.Partners.PartnerGeography.Regions)
        {
            foreach (var city in region.Cities)
            {
                data.Add(city.Name, region.Country);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PartnerRegionCities))]
    public void Recognize_GoingToAnyCityOfThePartnerRegions_IsApplyInItsCountry(string city, string country)
    {
        var result = recognizer.Recognize($"I want to go to {city} in March", null);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal(country, result.Entities.Country);
        Assert.True(result.Entities.City == city || result.Entities.Region == city, $"{city}: city {result.Entities.City}, region {result.Entities.Region}");
    }

    [Fact]
    public void Recognize_PartnerSearchInACity_KeepsTheCityAsAWordWithoutACountryFilter()
    {
        var result = recognizer.Recognize("find partners in Prato", null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Null(result.Entities.Country);
        Assert.Contains("prato", result.Entities.Keywords, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("I want to go home")]
    [InlineData("burs başvurusu yapmak istiyorum")]
    public void Recognize_NoCityNamed_NoCity(string text)
    {
        Assert.Null(recognizer.Recognize(text, null).Entities.City);
    }
}
