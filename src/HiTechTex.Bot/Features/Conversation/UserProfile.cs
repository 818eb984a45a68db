namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// What the bot knows about a user, kept in <c>UserState</c>. Roles are deliberately not here: they come only from
/// configuration (<see cref="IRoleService"/>), never from anything the user said.
/// </summary>
/// <param name="Name">How the bot addresses the user.</param>
/// <param name="Organisation">The organisation's name as typed or as found in the directory.</param>
/// <param name="OrganisationId">The directory id of the organisation, when the lookup knew it.</param>
/// <param name="Language">The preferred language: en, pt, es, it, tr or cs.</param>
internal sealed record UserProfile(string Name, string Organisation, string? OrganisationId, string Language);
