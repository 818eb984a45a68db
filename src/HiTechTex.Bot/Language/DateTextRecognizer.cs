using System.Globalization;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;

namespace HiTechTex.Bot.Language;

/// <summary>
/// The product's reading of dates for the protocol's <see cref="DateTimePrompt"/>: a day and a month name in any of the
/// six languages ("2 marzo", "2 marzo 2027", "3 de dezembro", "3. prosince", "dal 2 marzo al 6 marzo" → 2 March), a
/// date without a year being the next such day (<see cref="DateParser"/>; "dal 2 al 6 marzo" → 2 March too). A day on no calendar written first ("dal
/// 31 febbraio al 6 marzo") is no date: never the next one in the text (<see cref="NoSuchDayIn"/> says which it was).
/// </summary>
internal sealed class DateTextRecognizer : IDateRecognizer
{
    public DateOnly? Recognize(string text, CultureInfo culture, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = TextNormalizer.Tokenize(IntentText.Bounded(text));
        var dates = DateParser.Find(tokens, today);
        if (dates.Count == 0)
        {
            return null;
        }

        var noSuchDays = DateParser.FindNoSuchDays(tokens, today);
        return noSuchDays.Count > 0 && noSuchDays[0].Span.Start < dates[0].Span.Start ? null : dates[0].Date;
    }

    /// <summary>The first date <paramref name="text"/> writes that is on no calendar ("31 February", "30/02/2027"), when it comes before any real one; else null.</summary>
    public static NoSuchDate? NoSuchDayIn(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var tokens = TextNormalizer.Tokenize(IntentText.Bounded(text));
        var noSuchDays = DateParser.FindNoSuchDays(tokens, today);
        if (noSuchDays.Count == 0)
        {
            return null;
        }

        var dates = DateParser.Find(tokens, today);
        return dates.Count == 0 || noSuchDays[0].Span.Start < dates[0].Span.Start ? noSuchDays[0].Day : null;
    }
}
