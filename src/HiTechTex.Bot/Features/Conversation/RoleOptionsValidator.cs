using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// Stops the host when a role is configured wrongly: a key that is not an Entra object id (GUID) would silently
/// give nobody the role, and an empty organisation list would make a manager of nothing.
/// </summary>
internal sealed class RoleOptionsValidator : IValidateOptions<RoleOptions>
{
    public ValidateOptionsResult Validate(string? name, RoleOptions options)
    {
        var failures = new List<string>();
        foreach (var (objectId, organisations) in options.ClusterManagers)
        {
            if (!Guid.TryParse(objectId, out _))
            {
                failures.Add($"{RoleOptions.SectionName}:ClusterManagers:{objectId} — the key must be the user's Entra object id (a GUID).");
            }

            if (organisations is null || organisations.Count == 0 || organisations.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{RoleOptions.SectionName}:ClusterManagers:{objectId} — list at least one organisation id, none empty.");
            }
        }

        for (var i = 0; i < options.Coordinators.Count; i++)
        {
            if (!Guid.TryParse(options.Coordinators[i], out _))
            {
                failures.Add($"{RoleOptions.SectionName}:Coordinators:{i} — '{options.Coordinators[i]}' is not an Entra object id (a GUID).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
