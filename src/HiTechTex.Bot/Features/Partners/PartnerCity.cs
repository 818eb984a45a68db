namespace HiTechTex.Bot.Features.Partners;

/// <summary>A city of a partner region, with its real coordinates (demo organisations are placed near them).</summary>
public sealed record PartnerCity(string Name, GeoPoint Location);
