using System.Globalization;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// A count with a unit that says how much of something — "interested in 3 days of training", "I need 2 weeks of
/// coaching", "5 dias de formação", "tra 3 giorni di formazione" — is no date. Before: "in 3 days of training" was a
/// start three days from today (in the recognizer's entities and at a date question), and "weeks", "dias", "giorni",
/// "dny" were words to search the sessions for. "in 3 days", "daqui a 3 dias", "za 3 dny" stay a day from today.
/// </summary>
public sealed class DurationIsNoDateTests
{
    // Thursday 26 November 2026.
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 26);
    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(Now));

    [Theory]
    [InlineData("interested in 3 days of training", "days")]
    [InlineData("I'm interested in 2 weeks of coaching", "weeks")]
    [InlineData("I need 2 weeks of coaching", "weeks")]
    [InlineData("5 dias de formação", "dias")]
    [InlineData("interessado em 5 dias de formação", "dias")]
    [InlineData("interesado en 3 días de formación", "días")]
    [InlineData("necesito 2 semanas de coaching", "semanas")]
    [InlineData("interessato a 3 giorni di formazione", "giorni")]
    [InlineData("mi interessano tra 3 giorni di formazione", "giorni")]
    [InlineData("zajímá mě 3 dny školení", "dny")]
    [InlineData("potřebuju 2 týdny koučinku", "týdny")]
    public void Recognize_ACountWithAUnitOfSomething_IsNoDateNorASearchWord(string text, string unit)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Empty(result.Entities.Dates);
        Assert.DoesNotContain(unit, result.Entities.Keywords);
        Assert.DoesNotContain(result.Entities.Keywords, k => k.All(char.IsDigit));
    }

    [Theory]
    [InlineData("interested in 3 days of training")]
    [InlineData("I need 2 weeks of coaching")]
    [InlineData("5 dias de formação")]
    [InlineData("dentro de 3 días de formación")]
    [InlineData("tra 3 giorni di formazione")]
    [InlineData("3 günlük eğitim")]
    [InlineData("3 dny školení")]
    public void DatePrompt_ACountWithAUnitOfSomething_IsNoDate(string text)
    {
        Assert.Null(new DateTextRecognizer().Recognize(text, CultureInfo.InvariantCulture, Today));
    }

    [Theory]
    [InlineData("in 3 days", "2026-11-29")]
    [InlineData("I want to go to Italy in 3 days", "2026-11-29")]
    [InlineData("daqui a 3 dias", "2026-11-29")]
    [InlineData("dentro de 3 días", "2026-11-29")]
    [InlineData("tra 3 giorni", "2026-11-29")]
    [InlineData("3 gün sonra", "2026-11-29")]
    [InlineData("za 3 dny", "2026-11-29")]
    public void DatePrompt_ATimeFromToday_StaysADate(string text, string expected)
    {
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            new DateTextRecognizer().Recognize(text, CultureInfo.InvariantCulture, Today));
    }

    [Theory]
    [InlineData("I want to go to Italy in 3 days", "2026-11-29")]
    [InlineData("quero ir a Itália daqui a 3 dias", "2026-11-29")]
    [InlineData("chci jet do Itálie za 3 dny", "2026-11-29")]
    public void Recognize_ATimeFromToday_StaysTheStartDate(string text, string expected)
    {
        Assert.Equal([DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture)], recognizer.Recognize(text, null).Entities.Dates);
    }
}

/// <summary>
/// A textile capability named with no journey's verb — "netkané textilie v Česku", "nonwovens in Italy", "teknik tekstil
/// türkiye", "dokunmamis kumas" — is a partner search. Before: "Sorry, I didn't understand that" and the help card.
/// </summary>
public sealed class CapabilityAloneIsAPartnerSearchTests
{
    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("nonwovens in Italy", "IT")]
    [InlineData("netkané textilie v Česku", "CZ")]
    [InlineData("netkane textilie v cesku", "CZ")]
    [InlineData("teknik tekstil Türkiye", "TR")]
    [InlineData("têxteis técnicos em Portugal", "PT")]
    [InlineData("tessili tecnici in Italia", "IT")]
    [InlineData("textiles técnicos en España", "ES")]
    public void Recognize_ACapabilityAndACountry_APartnerSearchThere(string text, string country)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(country, result.Entities.Country);
        Assert.NotEmpty(result.Entities.Keywords);
    }

    [Theory]
    [InlineData("dokunmamis kumas")]
    [InlineData("smart textiles")]
    [InlineData("chytré textilie")]
    public void Recognize_ACapabilityAlone_APartnerSearch(string text)
    {
        Assert.Equal(Intent.FindPartners, recognizer.Recognize(text, null).Intent);
    }
}
