using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// Who may decide at each stage, from configuration and the directory only. A cluster manager of an organisation
/// (<c>Roles:ClusterManagers</c>) manages it and the organisations whose <see cref="Organisation.ClusterId"/> is it.
/// Stage 1 and the closing report: the visiting side's managers. Stage 2: the host organisation's contacts with an
/// Entra object id and the host side's managers. A reassigned stage has exactly its assignee. Never the applicant:
/// someone who manages their own organisation (or is a contact of the host) does not decide on their own application —
/// it goes to the stage's other approvers, and when there is none the applicant is told to contact the coordinator.
/// </summary>
internal sealed class ExchangeApprovers(IOptionsMonitor<RoleOptions> roles, IPartnerDirectory directory)
{
    /// <summary>The people who may decide the application's current step now (empty when nothing is pending).</summary>
    public async Task<IReadOnlyList<string>> CurrentAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(application, cancellationToken).ConfigureAwait(false);
        if (application.AssignedApproverAadObjectId is { } assigned && application.Status is ExchangeStatus.Stage1 or ExchangeStatus.Stage2)
        {
            // The candidate's own id: a row written before reassignments stored it may hold another case of it.
            return OwnId(candidates, assigned) is { } candidate ? [candidate] : [];
        }

        return candidates;
    }

    /// <summary>
    /// Everyone entitled to the current step, whatever the assignment (the people a stage can be reassigned to) — the
    /// applicant never.
    /// </summary>
    public async Task<IReadOnlyList<string>> CandidatesAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return [.. (await EntitledAsync(application, cancellationToken).ConfigureAwait(false))
            .Where(a => !AadObjectIds.Same(a, application.ApplicantAadObjectId))];
    }

    /// <summary>
    /// The id of <paramref name="people"/> that <paramref name="aadObjectId"/> names, ignoring case, as they hold it — the
    /// one the directory, the chats and the cards know; null when it names none of them.
    /// </summary>
    public static string? OwnId(IReadOnlyList<string> people, string aadObjectId) =>
        people.FirstOrDefault(p => AadObjectIds.Same(p, aadObjectId));

    /// <summary>True when the applicant is among the people the current step's rules name (they manage their own organisation).</summary>
    public async Task<bool> ApplicantIsEntitledAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return (await EntitledAsync(application, cancellationToken).ConfigureAwait(false)).Contains(application.ApplicantAadObjectId, AadObjectIds.Comparer);
    }

    private async Task<IReadOnlyList<string>> EntitledAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        switch (application.Status)
        {
            case ExchangeStatus.Stage1 or ExchangeStatus.ReportSubmitted:
                var visiting = await directory.FindAsync(application.VisitingOrganisationId, cancellationToken).ConfigureAwait(false);
                return visiting is null ? [] : ManagersOf(visiting);
            case ExchangeStatus.Stage2:
                return await HostSideAsync(application, cancellationToken).ConfigureAwait(false);
            default:
                return [];
        }
    }

    /// <summary>True when the person manages the visiting side (validates reports, sees the application).</summary>
    public async Task<bool> IsVisitingManagerAsync(ExchangeApplication application, string aadObjectId, CancellationToken cancellationToken)
    {
        var visiting = await directory.FindAsync(application.VisitingOrganisationId, cancellationToken).ConfigureAwait(false);
        return visiting is not null && ManagersOf(visiting).Contains(aadObjectId, AadObjectIds.Comparer);
    }

    /// <summary>True when the person is on the host side (contact or manager).</summary>
    public async Task<bool> IsHostSideAsync(ExchangeApplication application, string aadObjectId, CancellationToken cancellationToken) =>
        (await HostSideAsync(application, cancellationToken).ConfigureAwait(false)).Contains(aadObjectId, AadObjectIds.Comparer);

    /// <summary>The host organisation's people: its contacts with an Entra object id and its managers.</summary>
    public async Task<IReadOnlyList<string>> HostSideAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var host = await directory.FindAsync(application.HostOrganisationId, cancellationToken).ConfigureAwait(false);
        return host is null
            ? []
            : [.. host.Contacts.Select(c => c.EntraObjectId).OfType<string>().Where(id => id.Length > 0)
                .Concat(ManagersOf(host)).Distinct(AadObjectIds.Comparer)];
    }

    public bool IsCoordinator(string aadObjectId) =>
        roles.CurrentValue.Coordinators.Any(c => AadObjectIds.Same(c, aadObjectId));

    /// <summary>The organisation ids a person manages (their own and, through them, the members).</summary>
    public IReadOnlyList<string> ManagedBy(string aadObjectId) =>
        [.. roles.CurrentValue.ClusterManagers
            .Where(m => AadObjectIds.Same(m.Key, aadObjectId))
            .SelectMany(m => m.Value)
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    private IReadOnlyList<string> ManagersOf(Organisation organisation) =>
        [.. roles.CurrentValue.ClusterManagers
            .Where(m => m.Value.Any(id => string.Equals(id, organisation.Id, StringComparison.OrdinalIgnoreCase)
                || (organisation.ClusterId is { } cluster && string.Equals(id, cluster, StringComparison.OrdinalIgnoreCase))))
            .Select(m => m.Key)
            .Distinct(AadObjectIds.Comparer)];
}
