using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>Reads the roles from <see cref="RoleOptions"/> (current configuration, so a reload applies).</summary>
internal sealed class RoleService(IOptionsMonitor<RoleOptions> options) : IRoleService
{
    public UserRoles GetRoles(string? aadObjectId)
    {
        if (string.IsNullOrWhiteSpace(aadObjectId) || !Guid.TryParse(aadObjectId, out var id))
        {
            return UserRoles.None;
        }

        var current = options.CurrentValue;
        var managed = current.ClusterManagers
            .Where(m => Guid.TryParse(m.Key, out var key) && key == id)
            .SelectMany(m => m.Value)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var coordinator = current.Coordinators.Any(c => Guid.TryParse(c, out var key) && key == id);
        return managed.Count == 0 && !coordinator ? UserRoles.None : new UserRoles(managed, coordinator);
    }

    public bool IsClusterManagerOf(string? aadObjectId, string organisationId) =>
        GetRoles(aadObjectId).ManagedOrganisationIds.Contains(organisationId, StringComparer.OrdinalIgnoreCase);

    public bool IsCoordinator(string? aadObjectId) => GetRoles(aadObjectId).IsCoordinator;
}
