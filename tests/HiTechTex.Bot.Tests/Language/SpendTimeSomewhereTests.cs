using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// "I'd like to spend two weeks at a lab in Italy": spending some time somewhere is an exchange visit there, with the
/// country, the month and the stay's length — before, a lab made it a partner search, and "spend one week" (only "a
/// week" and "two weeks" were travel words) got the help card.
/// </summary>
public sealed class SpendTimeSomewhereTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(Now));

    public static TheoryData<string, string, string, int, bool> Stays => new()
    {
        { "I'd like to spend two weeks at a lab in Italy", "en", "IT", 14, false },
        { "I'd like to spend one week in Italy in March", "en", "IT", 7, true },
        { "gostaria de passar duas semanas num laboratório em Espanha", "pt", "ES", 14, false },
        { "gostaria de passar uma semana em Itália em março", "pt", "IT", 7, true },
        { "me gustaría pasar dos semanas en un laboratorio en Italia", "es", "IT", 14, false },
        { "quisiera pasar una semana en Italia en marzo", "es", "IT", 7, true },
        { "vorrei trascorrere due settimane in un laboratorio in Spagna", "it", "ES", 14, false },
        { "vorrei passare una settimana in Spagna a marzo", "it", "ES", 7, true },
        { "İtalya'da bir laboratuvarda iki hafta geçirmek istiyorum", "tr", "IT", 14, false },
        { "martta İspanya'da bir hafta geçirmek istiyorum", "tr", "ES", 7, true },
        { "chtěl bych strávit dva týdny v laboratoři v Itálii", "cs", "IT", 14, false },
        { "chci strávit týden ve Španělsku v březnu", "cs", "ES", 7, true },
    };

    [Theory]
    [MemberData(nameof(Stays))]
    public void Recognize_SpendingTimeSomewhere_IsAnExchangeWithCountryMonthAndLength(string text, string language, string country, int days, bool march)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal(language, result.Language);
        Assert.Equal(country, result.Entities.Country);
        Assert.Equal(days, result.Entities.StayDays);
        Assert.Equal(march ? new DateOnly(2027, 3, 1) : null, result.Entities.Month);
    }

    [Theory]
    [InlineData("are there labs in Italy? I'm travelling there in March")]
    [InlineData("I'm going to Italy in March, are there partners there?")]
    [InlineData("find a lab in Italy for two weeks of tests")]
    public void Recognize_ASearchBesideTravel_IsStillASearch(string text)
    {
        Assert.Equal(Intent.FindPartners, recognizer.Recognize(text, null).Intent);
    }
}
