namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// The one rule for a person's Entra object id (Teams' <c>aadObjectId</c>) in the exchanges. It is a GUID, which Teams,
/// the directory's contacts and the configuration (<c>Roles</c>) may write in either case, so it names the same person
/// in any case: compared ignoring case in memory (<see cref="Same"/>) and in SQL (the column's <c>lower()</c> against
/// <see cref="Key"/>: "=" tells cases apart on PostgreSQL and on SQLite alike). Stored as Teams sent it, never rewritten.
/// A Teams user id (29:…) is opaque and compared exactly; an organisation id is the directory's own (the form accepts
/// only ids the directory finds) and compared exactly in SQL.
/// </summary>
internal static class AadObjectIds
{
    public static StringComparer Comparer { get; } = StringComparer.OrdinalIgnoreCase;

    public static bool Same(string? one, string? other) => Comparer.Equals(one, other);

    /// <summary>The id as SQL looks it up: compared with the column's <c>ToLower()</c> (<c>lower()</c> on both providers).</summary>
    public static string Key(string aadObjectId)
    {
        ArgumentNullException.ThrowIfNull(aadObjectId);
        return aadObjectId.ToLowerInvariant();
    }
}
