using System.Text.RegularExpressions;

namespace HiTechTex.Bot.Features;

/// <summary>
/// Text in the CSV files people open in a spreadsheet (the exchange export, the partner directory export): a field that
/// starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> is a formula to Excel and LibreOffice, so it is written with a
/// leading apostrophe ("'=HYPERLINK(…)") and shows as typed. Numbers ("-8.4") are left as they are. The rule reverses
/// exactly, so the partner import gives back the original: written, a value that starts with any number of apostrophes
/// and then one of those characters gets one more apostrophe; read, such a value loses one.
/// </summary>
internal static partial class SpreadsheetText
{
    /// <summary>The field as written to a CSV file: one apostrophe more when a spreadsheet would read it as a formula.</summary>
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return LooksLikeFormula(value) ? "'" + value : value;
    }

    /// <summary>The field as read from a CSV file: the apostrophe <see cref="Neutralise"/> added taken off again.</summary>
    public static string Restore(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.StartsWith('\'') && LooksLikeFormula(value[1..]) ? value[1..] : value;
    }

    private static bool LooksLikeFormula(string value)
    {
        var text = value.TrimStart('\'');
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' && !(text.Length == value.Length && NegativeNumber().IsMatch(value));
    }

    // A coordinate such as "-8.4": a number to the spreadsheet too, not a formula.
    [GeneratedRegex(@"^-[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NegativeNumber();
}
