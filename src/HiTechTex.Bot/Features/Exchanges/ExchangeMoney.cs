using System.Globalization;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// Euro amounts as the reader's language writes them, with its group and decimal separators: "€1,100" in English,
/// "1 100 €" in Portuguese and Czech, "1.100 €" in Spanish, Italian and Turkish — the sign after the amount, with a
/// no-break space, everywhere but in English (Turkish style guides write the unit after the number, as the bot's Turkish
/// texts do). Whole amounts without decimals ("390 €"), others with two ("387,50 €").
/// </summary>
internal static class ExchangeMoney
{
    private const char NoBreakSpace = '\u00A0';

    public static string Euros(decimal amount, string language)
    {
        var culture = ExchangeCards.Culture(language);
        var number = amount.ToString(decimal.Truncate(amount) == amount ? "N0" : "N2", culture);
        return language == "en" ? "€" + number : number + NoBreakSpace + "€";
    }
}
