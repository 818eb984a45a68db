using System.Globalization;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;

namespace HiTechTex.Bot.Language;

/// <summary>
/// The product's reading of dates for the protocol's <see cref="DateTimePrompt"/>: a day and a month name in any of the
/// six languages ("2 marzo", "2 marzo 2027", "3 de dezembro", "3. prosince", "dal 2 marzo al 6 marzo" → 2 March), a
/// date without a year being the next such day (<see cref="DateParser"/>).
/// </summary>
internal sealed class DateTextRecognizer : IDateRecognizer
{
    public DateOnly? Recognize(string text, CultureInfo culture, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dates = DateParser.Find(TextNormalizer.Tokenize(IntentText.Bounded(text)), today);
        return dates.Count > 0 ? dates[0].Date : null;
    }
}
