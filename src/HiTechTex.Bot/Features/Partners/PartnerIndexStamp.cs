using System.Globalization;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// Identifies the content an index was built from: the layout version, the number of organisations and their latest
/// change, and (for the database-backed directory) the change counter it was built at. At start-up a stamp that differs from the directory's means the index is stale and is rebuilt.
/// </summary>
public sealed record PartnerIndexStamp(int LayoutVersion, int Count, DateTimeOffset LastUpdated, long Sequence = 0)
{
    /// <summary>Bump when the document layout or analysis changes, so existing on-disk indexes are rebuilt.</summary>
    public const int CurrentLayout = 1;

    public static PartnerIndexStamp Of(IEnumerable<Organisation> organisations)
    {
        var listed = organisations.Where(o => o.ListingConsent).ToList();
        return new(CurrentLayout, listed.Count, listed.Count == 0 ? DateTimeOffset.MinValue : listed.Max(o => o.LastUpdated));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{LayoutVersion}|{Count}|{LastUpdated.UtcTicks}|{Sequence}");

    public static PartnerIndexStamp? Parse(string? text)
    {
        var parts = text?.Split('|');
        long sequence = 0;
        return parts is { Length: 3 or 4 }
            && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var layout)
            && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var count)
            && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ticks)
            && (parts.Length == 3 || long.TryParse(parts[3], CultureInfo.InvariantCulture, out sequence))
            ? new(layout, count, new DateTimeOffset(ticks, TimeSpan.Zero), sequence)
            : null;
    }
}
