namespace HiTechTex.Bot.Features.Conversation;

/// <summary>The roles of one user.</summary>
/// <param name="ManagedOrganisationIds">The organisations the user is cluster manager of (empty: not a manager).</param>
/// <param name="IsCoordinator">Programme coordinator.</param>
internal sealed record UserRoles(IReadOnlyList<string> ManagedOrganisationIds, bool IsCoordinator)
{
    public static UserRoles None { get; } = new([], false);

    public bool IsClusterManager => ManagedOrganisationIds.Count > 0;
}
