namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>A date or date-time the user gave, interpreted in the user's time zone.</summary>
/// <param name="Value">The moment, with the user's UTC offset at that moment (midnight when no time was given).</param>
/// <param name="HasTime">False for a plain date.</param>
/// <param name="TimeZone">The IANA id of the zone used, or a fixed offset such as <c>UTC+03:00</c>.</param>
public sealed record DateTimeResolution(DateTimeOffset Value, bool HasTime, string TimeZone)
{
    /// <summary>The calendar date in the user's zone.</summary>
    public DateOnly Date => DateOnly.FromDateTime(Value.DateTime);

    /// <summary>The wall-clock time in the user's zone, when given.</summary>
    public TimeOnly? Time => HasTime ? TimeOnly.FromDateTime(Value.DateTime) : null;
}
