using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// Date formatting as adaptive-expressions does it: a .NET-style format (<c>dd.MM.yyyy HH:mm</c>) is translated to a
/// Day.js format (datetimeFormatConverter.ts) and then rendered by Day.js's rules. Day.js only has English month and
/// day names loaded there, so names are English whatever the locale; numeric formats are the way to localize.
/// </summary>
internal static partial class DateTimeFormatting
{
    /// <summary>FunctionUtils.DefaultDateTimeFormat.</summary>
    public const string DefaultFormat = "YYYY-MM-DDTHH:mm:ss.SSS[Z]";

    /// <summary>convertFromUTC's default format.</summary>
    public const string NonUtcDefaultFormat = "YYYY-MM-DDTHH:mm:ss.SSS0000";

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary>timestampFormatter: empty → default; a format the converter rejects is used as it is.</summary>
    public static string TimestampFormatter(string? format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return DefaultFormat;
        }

        try
        {
            return ConvertCSharpFormat(format);
        }
        catch (FormatException)
        {
            return format;
        }
    }

    /// <summary>Renders <paramref name="time"/> (already in the wanted offset) with a Day.js format.</summary>
    public static string FormatDayjs(DateTimeOffset time, string format)
    {
        var offset = time.Offset;
        var zone = (offset < TimeSpan.Zero ? "-" : "+")
            + Math.Abs(offset.Hours).ToString("00", CultureInfo.InvariantCulture) + ":"
            + Math.Abs(offset.Minutes).ToString("00", CultureInfo.InvariantCulture);
        var hour12 = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        return DayjsTokens().Replace(format, match =>
        {
            if (match.Groups[1].Success)
            {
                return match.Groups[1].Value;
            }

            return match.Value switch
            {
                "YY" => time.Year.ToString(CultureInfo.InvariantCulture)[^2..],
                "YYYY" => time.Year.ToString("0000", CultureInfo.InvariantCulture),
                "M" => time.Month.ToString(CultureInfo.InvariantCulture),
                "MM" => time.Month.ToString("00", CultureInfo.InvariantCulture),
                "MMM" => Months[time.Month - 1][..3],
                "MMMM" => Months[time.Month - 1],
                "D" => time.Day.ToString(CultureInfo.InvariantCulture),
                "DD" => time.Day.ToString("00", CultureInfo.InvariantCulture),
                "d" => ((int)time.DayOfWeek).ToString(CultureInfo.InvariantCulture),
                "dd" => Weekdays[(int)time.DayOfWeek][..2],
                "ddd" => Weekdays[(int)time.DayOfWeek][..3],
                "dddd" => Weekdays[(int)time.DayOfWeek],
                "H" => time.Hour.ToString(CultureInfo.InvariantCulture),
                "HH" => time.Hour.ToString("00", CultureInfo.InvariantCulture),
                "h" => hour12.ToString(CultureInfo.InvariantCulture),
                "hh" => hour12.ToString("00", CultureInfo.InvariantCulture),
                "a" => time.Hour < 12 ? "am" : "pm",
                "A" => time.Hour < 12 ? "AM" : "PM",
                "m" => time.Minute.ToString(CultureInfo.InvariantCulture),
                "mm" => time.Minute.ToString("00", CultureInfo.InvariantCulture),
                "s" => time.Second.ToString(CultureInfo.InvariantCulture),
                "ss" => time.Second.ToString("00", CultureInfo.InvariantCulture),
                "SSS" => time.Millisecond.ToString("000", CultureInfo.InvariantCulture),
                "Z" => zone,
                // 'ZZ' and anything Day.js does not know (e.g. 'Y') fall through to the offset without colon.
                _ => zone.Replace(":", string.Empty, StringComparison.Ordinal),
            };
        });
    }

    /// <summary>
    /// datetimeFormatConverter.ts: a .NET custom date format to Day.js. Literal characters are copied as they are
    /// (Day.js may then still read them as tokens, exactly as in the official engine).
    /// </summary>
    public static string ConvertCSharpFormat(string format)
    {
        if (format.Length == 0)
        {
            return string.Empty;
        }

        if (format.Length == 1)
        {
            switch (format)
            {
                case "R" or "r" or "U" or "u":
                    throw new FormatException($"Format '{format}' is not supported in Day.js.");
                case "O" or "o":
                    format = "YYYY-MM-DDTHH:mm:ss.SSS0000Z";
                    break;
            }
        }

        var result = new StringBuilder();
        var state = ' ';
        var count = 0;
        var literal = new StringBuilder();

        void Flush(char next)
        {
            result.Append(Emit(state, count, literal));
            literal.Clear();
            state = next;
            count = next == ' ' ? 0 : 1;
        }

        foreach (var c in format)
        {
            if (state == '\\')
            {
                literal.Append(c);
                Flush(' ');
            }
            else if (state == '`')
            {
                if (c == '`')
                {
                    Flush(' ');
                }
                else
                {
                    literal.Append(c);
                }
            }
            else if (state == '\'')
            {
                if (c == '\'')
                {
                    Flush(' ');
                }
                else
                {
                    literal.Append(c);
                }
            }
            else if (MaxRun(c) is var max and > 0)
            {
                if (state == c)
                {
                    count = Math.Min(count + 1, max);
                }
                else
                {
                    Flush(c);
                }
            }
            else
            {
                switch (c)
                {
                    case 'K':
                        Flush(' ');
                        result.Append('Z');
                        break;
                    case '`' or '\'' or '\\':
                        Flush(c);
                        break;
                    case '%':
                        Flush(' ');
                        break;
                    default:
                        Flush(' ');
                        result.Append(c);
                        break;
                }
            }
        }

        if (state is '\\' or '`' or '\'')
        {
            throw new FormatException("Invalid Format String");
        }

        Flush(' ');
        return result.ToString();
    }

    /// <summary>The longest run the converter distinguishes for a pattern letter (0: not a pattern letter).</summary>
    private static int MaxRun(char c) => c switch
    {
        'd' or 'M' or 'y' => 4,
        'f' or 'F' or 'z' => 3,
        'h' or 'H' or 'm' or 's' or 't' => 2,
        'g' => 1,
        _ => 0,
    };

    private static string Emit(char state, int count, StringBuilder literal) => (state, count) switch
    {
        (' ', _) => string.Empty,
        ('d', 1) => "D",
        ('d', 2) => "DD",
        ('d', 3) => "ddd",
        ('d', _) => "dddd",
        ('f' or 'F', 3) => "SSS",
        ('f' or 'F', _) => throw new FormatException("Fractions other than fff are not supported in Day.js."),
        ('g', _) => throw new FormatException("Era not supported in Day.js"),
        ('h', 1) => "h",
        ('h', _) => "hh",
        ('H', 1) => "H",
        ('H', _) => "HH",
        ('m', 1) => "m",
        ('m', _) => "mm",
        ('M', 1) => "M",
        ('M', 2) => "MM",
        ('M', 3) => "MMM",
        ('M', _) => "MMMM",
        ('s', 1) => "s",
        ('s', _) => "ss",
        ('t', _) => "A",
        ('y', <= 2) => "YY",
        ('y', _) => "YYYY",
        ('z', <= 2) => "ZZ",
        ('z', _) => "Z",
        ('\\' or '`' or '\'', _) => literal.ToString(),
        _ => string.Empty,
    };

    /// <summary>Day.js's REGEX_FORMAT.</summary>
    [GeneratedRegex(@"\[([^\]]+)]|YYYY|YY|M{1,4}|D{1,2}|d{1,4}|H{1,2}|h{1,2}|a|A|m{1,2}|s{1,2}|Z{1,2}|SSS")]
    private static partial Regex DayjsTokens();
}
