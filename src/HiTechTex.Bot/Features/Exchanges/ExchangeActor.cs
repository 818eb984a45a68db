namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>Who acts, as Teams identified them (<c>from.aadObjectId</c>, <c>from.id</c>, tenant) — never from card data.</summary>
internal sealed record ExchangeActor(string AadObjectId, string Name, string UserId, string TenantId);
