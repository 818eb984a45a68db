namespace HiTechTex.Bot.Features.Conversation;

/// <summary>An organisation as the lookup resolved it; <paramref name="Id"/> is null when it is not in a directory.</summary>
internal sealed record OrganisationMatch(string Name, string? Id);
