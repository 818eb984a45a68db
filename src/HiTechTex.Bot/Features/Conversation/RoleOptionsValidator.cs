using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// Stops the host when a role is configured wrongly: a key that is not an Entra object id (GUID) would silently
/// give nobody the role, and an empty organisation list would make a manager of nothing. An id is written as Teams
/// sends it (<see cref="IsObjectId"/>): the role service read "{…}", 32 digits without hyphens or spaces around one as
/// the same person, but the checks that compare the configured text (the export link's coordinator, the introductions'
/// managers, the exchange approvers) did not — such a coordinator was offered the export and never given a link.
/// </summary>
internal sealed class RoleOptionsValidator : IValidateOptions<RoleOptions>
{
    public ValidateOptionsResult Validate(string? name, RoleOptions options)
    {
        var failures = new List<string>();
        foreach (var (objectId, organisations) in options.ClusterManagers)
        {
            if (!IsObjectId(objectId))
            {
                failures.Add($"{RoleOptions.SectionName}:ClusterManagers:{objectId} — the key must be the user's Entra object id (a GUID as Entra shows it, 00000000-0000-0000-0000-000000000000).");
            }

            if (organisations is null || organisations.Count == 0 || organisations.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{RoleOptions.SectionName}:ClusterManagers:{objectId} — list at least one organisation id, none empty.");
            }
        }

        for (var i = 0; i < options.Coordinators.Count; i++)
        {
            if (!IsObjectId(options.Coordinators[i]))
            {
                failures.Add($"{RoleOptions.SectionName}:Coordinators:{i} — '{options.Coordinators[i]}' is not an Entra object id (a GUID as Entra shows it, 00000000-0000-0000-0000-000000000000).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>An Entra object id as Teams sends it (<c>aadObjectId</c>): 8-4-4-4-12 hexadecimal digits with hyphens, in either case, nothing around.</summary>
    internal static bool IsObjectId(string? id) => id is { Length: 36 } && Guid.TryParseExact(id, "D", out _);
}
