using System.Collections.Frozen;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// Time-zone ids as the bot keeps and shows them — a session's, a participant's, a reader's — one rule for every
/// feature: the IANA id as the time-zone database spells it.
/// </summary>
internal static class TimeZoneIds
{
    /// <summary>The ids of the host's zones that are not links (GetSystemTimeZones lists "America/New_York", not "US/Eastern").</summary>
    /// <remarks>Keyed ignoring case: on Linux a zone is a file, so "europe/lisbon" is found only through this list.</remarks>
    private static readonly Lazy<Dictionary<string, string>> CanonicalZones =
        new(() => TimeZoneInfo.GetSystemTimeZones().DistinctBy(z => z.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(z => z.Id, z => z.Id, StringComparer.OrdinalIgnoreCase));

    /// <summary>IANA ids that ICU maps to no Windows zone (links to European cities since tzdata 2024b).</summary>
    private static readonly FrozenSet<string> ZonesWithoutWindowsZone = FrozenSet.Create(StringComparer.Ordinal, "CET", "EET", "MET", "WET");

    /// <summary>
    /// The id a session's zone is stored and shown with: the IANA id as the time-zone database spells it
    /// ("europe/lisbon" → "Europe/Lisbon"), a Windows id converted ("GMT Standard Time" → "Europe/London"), a link
    /// replaced by the zone it names when .NET knows it and the rules are the same ("US/Eastern" → "America/New_York");
    /// null for a zone this host does not know.
    /// </summary>
    public static string? Canonical(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (typed.Length is > 0 and <= 64 && CanonicalZones.Value.TryGetValue(typed, out var listed))
        {
            return listed;
        }

        if (typed.Length is 0 or > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(typed, out var zone))
        {
            return null;
        }

        var id = zone.Id;
        if (!zone.HasIanaId && TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana))
        {
            return iana;
        }

        if (CanonicalZones.Value.TryGetValue(id, out var canonical))
        {
            return canonical;
        }

        // Not listed: a link ("US/Eastern"), or a file of the zoneinfo folder that is no IANA zone ("posixrules",
        // "localtime", "Factory", "right/Asia/Tokyo", "posix/Asia/Tokyo") — the file is found, so it alone proves nothing.
        // ICU's zone data, not the folder, says which: it maps every IANA zone and link to a Windows zone but the four
        // old European zones.
        if (!TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out var windows))
        {
            return ZonesWithoutWindowsZone.Contains(id) ? id : null;
        }

        // A link: through its Windows zone to that zone's IANA id, kept only when it is the same clock (Europe/Lisbon's
        // Windows zone maps back to Europe/London, which is not).
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(windows, out var target)
            && CanonicalZones.Value.ContainsKey(target)
            && TimeZoneInfo.TryFindSystemTimeZoneById(target, out var targetZone)
            && targetZone.HasSameRules(zone)
                ? target
                : id;
    }

    /// <summary>
    /// A time zone Teams sent (<c>activity.localTimezone</c>) or the bot kept, when it is one this host knows, as its
    /// canonical IANA id (<see cref="Canonical"/>: a Windows id is kept and shown as the IANA zone it names), else null.
    /// </summary>
    public static string? Known(string? timeZone) =>
        timeZone is { Length: > 0 and <= 64 } ? Canonical(timeZone) : null;
}
