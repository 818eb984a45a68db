namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>Who acts, as Teams identified them (<c>from.aadObjectId</c>, <c>from.id</c>, tenant) — never from card data.</summary>
/// <param name="TimeZone">The IANA time zone the person's Teams client reported with this turn (<c>localTimezone</c>), when
/// this host knows it: the zone of the times on the cards they are shown now.</param>
internal sealed record ExchangeActor(string AadObjectId, string Name, string UserId, string TenantId, string? TimeZone = null);
