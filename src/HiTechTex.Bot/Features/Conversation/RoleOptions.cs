namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// Who holds a role, from configuration only: <c>Roles:ClusterManagers:&lt;aadObjectId&gt;</c> = the organisation ids
/// the user manages, <c>Roles:Coordinators</c> = the aadObjectIds of the programme coordinators.
/// </summary>
internal sealed class RoleOptions
{
    public const string SectionName = "Roles";

    public Dictionary<string, List<string>> ClusterManagers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Coordinators { get; set; } = [];
}
