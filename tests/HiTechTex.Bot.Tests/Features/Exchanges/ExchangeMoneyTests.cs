using HiTechTex.Bot.Features.Exchanges;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>The lump sum in the reader's language: one placement of the sign for full and halved amounts, the locale's separators.</summary>
public sealed class ExchangeMoneyTests
{
    private const char Nbsp = '\u00A0';

    [Theory]
    [InlineData("en", 780, "€780")]
    [InlineData("en", 1100, "€1,100")]
    [InlineData("pt", 780, "780 €")]
    [InlineData("pt", 1100, "1 100 €")]
    [InlineData("es", 1100, "1.100 €")]
    [InlineData("it", 1100, "1.100 €")]
    [InlineData("tr", 1100, "1.100 €")]
    [InlineData("cs", 1100, "1 100 €")]
    [InlineData("pt", 387.5, "387,50 €")]
    [InlineData("en", 387.5, "€387.50")]
    public void Euros_Language_LocaleSeparatorsAndSignPlacement(string language, double amount, string expected) =>
        Assert.Equal(expected.Replace(' ', Nbsp), ExchangeMoney.Euros((decimal)amount, language));

    [Theory]
    [InlineData("en", "€1,100", "€550 (half of the €1,100 cap")]
    [InlineData("pt", "1 100 €", "550 € (metade do limite de 1 100 €")]
    [InlineData("es", "1.100 €", "550 € (la mitad del límite de 1.100 €")]
    [InlineData("it", "1.100 €", "550 € (metà del tetto di 1.100 €")]
    [InlineData("tr", "1.100 €", "550 € (1.100 € tavanın yarısı")]
    [InlineData("cs", "1 100 €", "550 € (polovina stropu 1 100 €")]
    public void LumpSumText_FullAndHalved_SameCurrencyStyleInEachLanguage(string language, string full, string halved)
    {
        var texts = ExchangeTexts.Resolve(language);

        var fullText = ExchangeCards.LumpSumText(new LumpSumEstimate(1100m, 1100m, false, false, 5, 200), texts);
        var halvedText = ExchangeCards.LumpSumText(new LumpSumEstimate(1100m, 550m, true, false, 5, 200), texts);

        Assert.Equal(Spaced(full), fullText);
        Assert.StartsWith(Spaced(halved), halvedText, StringComparison.Ordinal);
    }

    /// <summary>The no-break spaces of an amount ("1 100 €") written as plain spaces in the cases.</summary>
    private static string Spaced(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(?<=\d) (?=\d|€)", Nbsp.ToString());

    [Theory]
    [InlineData("en", "under 7 working days or under 150 km")]
    [InlineData("pt", "menos de 7 dias úteis ou menos de 150 km")]
    [InlineData("es", "menos de 7 días laborables o menos de 150 km")]
    [InlineData("it", "meno di 7 giorni lavorativi o meno di 150 km")]
    [InlineData("tr", "7 iş gününden az veya 150 km'den az")]
    [InlineData("cs", "méně než 7 pracovních dní nebo méně než 150 km")]
    public void LumpSumText_Halved_ThresholdsFromTheConfiguration(string language, string expected)
    {
        var text = ExchangeCards.LumpSumText(new LumpSumEstimate(1100m, 550m, true, false, 7, 150), ExchangeTexts.Resolve(language));

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("200", text, StringComparison.Ordinal);
    }
}
