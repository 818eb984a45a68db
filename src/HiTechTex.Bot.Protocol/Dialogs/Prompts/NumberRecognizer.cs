using System.Globalization;
using System.Text.RegularExpressions;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>
/// Finds the first number in a message, reading separators the way the user's culture writes them:
/// "3,5" is 3.5 in pt/es/it/tr/cs, "1,000" is 1000 in en. A lone separator that cannot be a thousands
/// separator (not followed by exactly three digits) is taken as the decimal point, so "3.5" typed by a
/// Portuguese user is still 3.5.
/// </summary>
internal static partial class NumberRecognizer
{
    public static bool TryRecognize(string? text, CultureInfo culture, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = NumberToken().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var negative = match.Groups["sign"].Value is "-" or "−";
        var token = match.Groups["number"].Value;
        var decimalSeparator = culture.NumberFormat.NumberDecimalSeparator.FirstOrDefault('.');
        if (!TryParseToken(token, decimalSeparator, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    private static bool TryParseToken(string token, char decimalSeparator, out decimal value)
    {
        value = 0;
        string integerPart;
        var fraction = "";
        var decimalAt = token.LastIndexOf(decimalSeparator);
        if (decimalAt >= 0)
        {
            integerPart = token[..decimalAt];
            fraction = token[(decimalAt + 1)..];
            if (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))
            {
                return false;
            }

            if (!TryJoinGroups(integerPart, out integerPart))
            {
                return false;
            }
        }
        else if (!TryJoinGroups(token, out integerPart))
        {
            var separators = token.Where(c => !char.IsAsciiDigit(c)).ToArray();
            if (separators.Length == 1 && separators[0] is '.' or ',')
            {
                // One separator that cannot group thousands: the user's decimal point.
                var at = token.IndexOf(separators[0]);
                integerPart = token[..at];
                fraction = token[(at + 1)..];
            }
            else
            {
                // "3 4": only the first number.
                integerPart = new string(token.TakeWhile(char.IsAsciiDigit).ToArray());
            }
        }

        var invariant = fraction.Length > 0 ? $"{integerPart}.{fraction}" : integerPart;
        return decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Joins "1.234.567" / "1 234" / "1,234" when every group after the first has three digits.</summary>
    private static bool TryJoinGroups(string part, out string digits)
    {
        var groups = part.Split(GroupSeparators);
        digits = string.Concat(groups);
        if (groups.Length == 1)
        {
            return groups[0].Length > 0;
        }

        var separators = part.Where(c => !char.IsAsciiDigit(c)).Distinct().Count();
        return separators == 1 && groups[0].Length is > 0 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }

    private static readonly char[] GroupSeparators = ['.', ',', ' ', '\u00A0', '\u202F', '\''];

    [GeneratedRegex(@"(?<![\p{L}\d])(?<sign>[-−+]?)(?<number>\d+(?:[.,'\u00A0\u202F ]\d+)*)")]
    private static partial Regex NumberToken();
}
