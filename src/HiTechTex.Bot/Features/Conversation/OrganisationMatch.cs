namespace HiTechTex.Bot.Features.Conversation;

/// <summary>An organisation as the lookup resolved it; <paramref name="Id"/> is null when it is not in a directory.</summary>
/// <param name="Label">How a choice shows it ("Name (City, PT)"); the name when null.</param>
internal sealed record OrganisationMatch(string Name, string? Id, string? Label = null);
