using System.Globalization;

namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>formatDateTime and convertFromUTC.</summary>
internal static partial class FunctionTable
{
    private static EvalResult EvaluateFormatDateTime(Expression expression, EvaluationState state) =>
        ApplyWithState(
            (args, s) =>
            {
                if (args[0] is not string timestamp)
                {
                    return EvalResult.Fail($"{JsValue.ToStringCoerced(args[0])} is not a valid datetime string.");
                }

                if (!TryParseTimestamp(timestamp, out var instant))
                {
                    return EvalResult.Fail($"{timestamp} is not a valid datetime string.");
                }

                var (format, locale) = DetermineFormatAndLocale(args, 3, DateTimeFormatting.DefaultFormat, s.EffectiveLocale);
                if (locale.Length == 0)
                {
                    // Day.js's locale('') returns a string, so the official call chain fails.
                    return EvalResult.Fail("An empty locale is not supported.");
                }

                return EvalResult.Ok(DateTimeFormatting.FormatDayjs(instant.ToUniversalTime(), format));
            })(expression, state);

    private static EvalResult EvaluateConvertFromUtc(Expression expression, EvaluationState state)
    {
        var (args, error) = EvaluateChildren(expression, state);
        if (error is not null)
        {
            return EvalResult.Fail(error);
        }

        var (format, locale) = DetermineFormatAndLocale(args, 4, DateTimeFormatting.NonUtcDefaultFormat, state.EffectiveLocale);
        if (args[0] is not string timestamp || args[1] is not string zoneId)
        {
            return EvalResult.Fail($"{expression} should contain an ISO format timestamp, an origin time zone string and an optional output format string.");
        }

        // The official check: new Date(ts).toISOString() === ts, i.e. exactly yyyy-MM-ddTHH:mm:ss.fffZ.
        if (!DateTimeOffset.TryParseExact(timestamp, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return EvalResult.Fail($"{timestamp} is not a ISO format datetime string.");
        }

        if (!OfficialTimeZones.TryFind(zoneId, out var zone))
        {
            return EvalResult.Fail($"{zoneId} is not a valid timezone");
        }

        if (locale.Length == 0)
        {
            return EvalResult.Fail($"{format} is not a valid timestamp format");
        }

        return EvalResult.Ok(DateTimeFormatting.FormatDayjs(TimeZoneInfo.ConvertTime(instant, zone), format));
    }

    /// <summary>FunctionUtils.determineFormatAndLocale (the locale is cut to its language, as Day.js wants).</summary>
    private static (string Format, string Locale) DetermineFormatAndLocale(List<object?> args, int maxArgs, string format, string locale)
    {
        if (args.Count == maxArgs && args[^1] is string lastArg && args[^2] is string formatArg)
        {
            format = formatArg.Length > 0 ? DateTimeFormatting.TimestampFormatter(formatArg) : DateTimeFormatting.DefaultFormat;
            locale = lastArg.Length > 2 ? lastArg[..2] : lastArg;
        }
        else if (args.Count == maxArgs - 1 && args[maxArgs - 2] is string onlyFormat)
        {
            format = DateTimeFormatting.TimestampFormatter(onlyFormat);
        }

        return (format, locale);
    }

    /// <summary>
    /// The timestamps JavaScript's Date accepts that matter here: ISO 8601 with or without an offset. Without one it is
    /// UTC (formatDateTime appends a 'Z'). Precision is cut to milliseconds, as in a JavaScript Date.
    /// </summary>
    private static bool TryParseTimestamp(string text, out DateTimeOffset instant)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out instant))
        {
            return false;
        }

        instant = new DateTimeOffset(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerMillisecond), instant.Offset);
        return true;
    }
}
