namespace HiTechTex.Bot.Features.Partners;

/// <summary>An entry of the directory with its version, which changes with every write of it (a form carries it to detect a stale save).</summary>
public sealed record VersionedOrganisation(Organisation Organisation, long Version);
