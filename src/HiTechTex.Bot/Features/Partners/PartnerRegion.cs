namespace HiTechTex.Bot.Features.Partners;

/// <summary>A Hi-Tech-TEX region: its canonical name (as stored in <see cref="Organisation.Region"/>), its names in other languages, and its textile cities.</summary>
public sealed record PartnerRegion(string Country, string Name, string Language, IReadOnlyList<string> Aliases, IReadOnlyList<PartnerCity> Cities);
