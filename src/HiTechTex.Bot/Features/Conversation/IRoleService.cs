namespace HiTechTex.Bot.Features.Conversation;

/// <summary>The roles of a user, keyed by the Entra object id Teams sends (<c>from.aadObjectId</c>), never by text.</summary>
internal interface IRoleService
{
    UserRoles GetRoles(string? aadObjectId);

    bool IsClusterManagerOf(string? aadObjectId, string organisationId);

    bool IsCoordinator(string? aadObjectId);
}
