using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>The role commands asked for in one's own words ("candidaturas pendentes", "how many exchanges so far?").</summary>
internal sealed partial class MainDialog
{
    /// <summary>
    /// What a typed text asks of the role commands (<see cref="RoleCommandRecognizer"/>), checked before the intents so
    /// that "tenho candidaturas para aprovar?" is not an application form: for someone who has the role (from the
    /// configuration, <see cref="IRoleService"/>), the journey of the command with the command itself as its text (the
    /// journey then runs it as if typed — and checks the role again); for someone without it, a refusal when the text is
    /// clearly a manager's or coordinator's (pending approvals, members, progress, export); else nothing (a participant's
    /// "a new session" is the recognizer's).
    /// </summary>
    private RoleRequest? RoleCommandOf(ITurnContext context, string? typed)
    {
        var command = RoleCommandRecognizer.Recognize(typed);
        if (command == RoleCommand.None)
        {
            return null;
        }

        var roles = services.GetService<IRoleService>()?.GetRoles(context.Activity.From?.AadObjectId) ?? UserRoles.None;
        var language = context.GetTexts().Language;
        var exchanges = ExchangeTexts.Resolve(language);
        var coaching = CoachingTexts.Resolve(language);
        var (allowed, canonical, refusal) = command switch
        {
            RoleCommand.PendingApprovals => (roles.IsClusterManager, exchanges.PendingApprovalsCommands[0], RoleRefusal.ClusterManagers),
            RoleCommand.ManageMembers => (roles.IsClusterManager, PartnerTexts.Resolve(language).ManageMembersCommands[0], RoleRefusal.ClusterManagers),
            RoleCommand.ExchangeProgress => (roles.IsCoordinator, exchanges.ProgressCommands[0], RoleRefusal.Coordinators),
            RoleCommand.ExportExchanges => (roles.IsCoordinator, exchanges.ExportCommands[0], RoleRefusal.Coordinators),
            RoleCommand.StuckApplications => (roles.IsCoordinator, exchanges.StuckCommands[0], RoleRefusal.Coordinators),
            RoleCommand.NewSession => (roles.IsCoordinator, coaching.NewSessionCommands[0], RoleRefusal.None),
            _ => (roles.IsCoordinator, coaching.ImportCommands[0], RoleRefusal.None),
        };

        if (allowed && CommandOf(canonical) is { } journey)
        {
            return new RoleRequest(journey, canonical, RoleRefusal.None);
        }

        return refusal == RoleRefusal.None ? null : new RoleRequest(null, canonical, refusal);
    }

    /// <summary>The refusal's text, then the help card (what the person can do).</summary>
    private async Task RefuseRoleCommandAsync(ITurnContext context, RoleRefusal refusal, CancellationToken cancellationToken)
    {
        var texts = context.GetTexts();
        var text = refusal == RoleRefusal.ClusterManagers ? texts.OnlyForClusterManagers : texts.OnlyForCoordinators;
        await context.SendActivityAsync(text, cancellationToken).ConfigureAwait(false);
        await context.SendActivityAsync(ConversationCards.AsMessage(HelpCard(context)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A role command understood: the journey to start with the command's text, or who it is for.</summary>
    private sealed record RoleRequest(IJourney? Journey, string Command, RoleRefusal Refusal);

    private enum RoleRefusal
    {
        None,
        ClusterManagers,
        Coordinators,
    }
}
