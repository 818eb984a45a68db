using System.Globalization;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>
/// Reads dates that <see cref="DateTimePrompt"/>'s own recognizer does not (it knows ISO and numeric dates, relative
/// days, weekdays and times): a bot plugs in its own reading of, say, month names in its users' languages ("2 marzo",
/// "3 de dezembro", "3. prosince"). Asked only when the text gives no date the prompt can read itself.
/// </summary>
public interface IDateRecognizer
{
    /// <summary>
    /// The first date <paramref name="text"/> names, resolved against <paramref name="today"/> (the user's today; a date
    /// written without a year is the next such day), or null.
    /// </summary>
    DateOnly? Recognize(string text, CultureInfo culture, DateOnly today);
}
