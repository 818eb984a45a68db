namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// The time zones of the official engine's convertFromUTC: the ids of adaptive-expressions' TimeZoneConverter table
/// (OfficialTimeZones.g.cs), spelled exactly as there, a Windows id read as the IANA zone the table maps it to. The host
/// knows more ("Europe/Bratislava", "Europe/Kyiv", "europe/lisbon"); the official engine fails the card on those, so
/// this one does too, instead of rendering a card the official engine would not.
/// </summary>
internal static partial class OfficialTimeZones
{
    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        var iana = WindowsToIanaIds.GetValueOrDefault(id, id);
        if (Valid.Contains(iana) && TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var found))
        {
            zone = found;
            return true;
        }

        zone = TimeZoneInfo.Utc;
        return false;
    }
}
