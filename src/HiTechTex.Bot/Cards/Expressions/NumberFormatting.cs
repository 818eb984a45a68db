using System.Globalization;
using System.Text;

namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// d3-format's fixed-point format <c>",.Nf"</c> with the locale table adaptive-expressions ships (localeInfo.ts):
/// grouped integer part, locale decimal mark, U+2212 as the minus sign, native digits where the locale has them.
/// An unknown locale falls back to d3's default (en-US separators), as the official engine does.
/// </summary>
internal static class NumberFormatting
{
    private const string Minus = "\u2212";

    private static readonly NumberLocale Default = new(".", ",", [3], null);

    private static readonly Dictionary<string, NumberLocale> Locales = new(StringComparer.Ordinal)
    {
        ["ar-MA"] = new(",", ".", [3], null),
        ["en-IN"] = new(".", ",", [3, 2, 2, 2, 2, 2, 2, 2, 2, 2], null),
        ["ar-BH"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-PS"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["en-IE"] = new(".", ",", [3], null),
        ["it-IT"] = new(",", ".", [3], null),
        ["ar-EG"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-IQ"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-EH"] = new(".", ",", [3], null),
        ["ar-AE"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-MR"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["uk-UA"] = new(",", "\u00a0", [3], null),
        ["ca-ES"] = new(",", ".", [3], null),
        ["sv-SE"] = new(",", "\u00a0", [3], null),
        ["ja-JP"] = new(".", ",", [3], null),
        ["es-ES"] = new(",", ".", [3], null),
        ["fi-FI"] = new(",", "\u00a0", [3], null),
        ["ar-DZ"] = new(",", ".", [3], null),
        ["en-GB"] = new(".", ",", [3], null),
        ["cs-CZ"] = new(",", "\u00a0", [3], null),
        ["ar-TD"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["de-CH"] = new(",", "\'", [3], null),
        ["nl-NL"] = new(",", ".", [3], null),
        ["es-BO"] = new(",", ".", [3], null),
        ["ar-SY"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-JO"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["en-CA"] = new(".", ",", [3], null),
        ["ar-ER"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-LB"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["fr-CA"] = new(",", "\u00a0", [3], null),
        ["ar-TN"] = new(",", ".", [3], null),
        ["ar-YE"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ru-RU"] = new(",", "\u00a0", [3], null),
        ["en-US"] = new(".", ",", [3], null),
        ["ar-SS"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-SO"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["hu-HU"] = new(",", "\u00a0", [3], null),
        ["pt-BR"] = new(",", ".", [3], null),
        ["ar-DJ"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-SD"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-001"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-LY"] = new(",", ".", [3], null),
        ["ar-SA"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["ar-KW"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["pl-PL"] = new(",", ".", [3], null),
        ["ar-QA"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["mk-MK"] = new(",", ".", [3], null),
        ["ko-KR"] = new(".", ",", [3], null),
        ["es-MX"] = new(".", ",", [3], null),
        ["ar-IL"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["zh-CN"] = new(".", ",", [3], null),
        ["de-DE"] = new(",", ".", [3], null),
        ["ar-OM"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["fr-FR"] = new(",", "\u00a0", [3], null),
        ["ar-KM"] = new("\u066b", "\u066c", [3], "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"),
        ["he-IL"] = new(".", ",", [3], null),
    };

    /// <summary>JavaScript's <c>Math.round(num * 10^digits) / 10^digits</c>.</summary>
    public static double RoundToPrecision(double value, int digits)
    {
        var scale = Math.Pow(10, digits);
        return JsRound(value * scale) / scale;
    }

    /// <summary>JavaScript's <c>Math.round</c>: halves go towards +∞.</summary>
    private static double JsRound(double value)
    {
        if (!double.IsFinite(value))
        {
            return value;
        }

        var floor = Math.Floor(value);
        return value - floor >= 0.5 ? floor + 1 : floor;
    }

    /// <summary>Formats <paramref name="value"/> with <paramref name="precision"/> decimals in <paramref name="locale"/>.</summary>
    public static string FormatFixed(double value, int precision, string locale)
    {
        var info = Locales.GetValueOrDefault(locale, Default);
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var fixedText = ToFixed(Math.Abs(value), precision);
        if (negative && double.Parse(fixedText, NumberStyles.Float, CultureInfo.InvariantCulture) == 0)
        {
            negative = false;
        }

        var integerPart = fixedText;
        var suffix = string.Empty;
        for (var i = 0; i < fixedText.Length; i++)
        {
            if (!char.IsAsciiDigit(fixedText[i]))
            {
                suffix = fixedText[i] == '.' ? info.Decimal + fixedText[(i + 1)..] : fixedText[i..];
                integerPart = fixedText[..i];
                break;
            }
        }

        var result = (negative ? Minus : string.Empty) + Group(integerPart, info) + suffix;
        if (info.Numerals is { } numerals)
        {
            var sb = new StringBuilder(result.Length);
            foreach (var c in result)
            {
                sb.Append(char.IsAsciiDigit(c) ? numerals[c - '0'] : c);
            }

            result = sb.ToString();
        }

        return result;
    }

    /// <summary>JavaScript's <c>Number.prototype.toFixed</c> for a non-negative value.</summary>
    private static string ToFixed(double value, int precision) =>
        value >= 1e21 || !double.IsFinite(value)
            ? JsValue.NumberToString(value)
            : value.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Group(string digits, NumberLocale info)
    {
        var parts = new List<string>();
        var i = digits.Length;
        var j = 0;
        var size = info.Grouping[0];
        while (i > 0 && size > 0)
        {
            var start = Math.Max(0, i - size);
            parts.Add(digits[start..i]);
            i -= size;
            j = (j + 1) % info.Grouping.Length;
            size = info.Grouping[j];
        }

        parts.Reverse();
        return string.Join(info.Thousands, parts);
    }

    private sealed record NumberLocale(string Decimal, string Thousands, int[] Grouping, string? Numerals);
}
