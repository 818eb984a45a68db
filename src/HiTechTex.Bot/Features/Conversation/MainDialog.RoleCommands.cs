using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// The role commands — typed as the menu has them ("pending approvals", "stuck applications", in any of the six
/// languages) or asked for in one's own words ("candidaturas pendentes", "how many exchanges so far?"): the one place
/// that decides whether the person may have them, and the polite refusal when not.
/// </summary>
internal sealed partial class MainDialog
{
    /// <summary>
    /// The role command <paramref name="typed"/> is as a whole message — a cluster manager's "pending approvals" or
    /// "manage members", a coordinator's "exchange progress", "export exchanges", "stuck applications", "new session" or
    /// "import sessions", in any of the six languages — or <see cref="RoleCommand.None"/>.
    /// </summary>
    internal static RoleCommand ExactRoleCommandOf(string? typed) => ExactRoleCommandOf(FoldedText.Of(typed));

    /// <summary><see cref="ExactRoleCommandOf(string?)"/> of a text folded once for the turn.</summary>
    private static RoleCommand ExactRoleCommandOf(FoldedText typed)
    {
        if (typed.Folded is not { } folded)
        {
            return RoleCommand.None;
        }

        bool Exchanges(Func<ExchangeTexts, IReadOnlyList<string>> list) => ExchangeTexts.All.Any(t => TypedCommand.ContainsFolded(list(t), folded));
        return Exchanges(t => t.PendingApprovalsCommands) ? RoleCommand.PendingApprovals
            : Exchanges(t => t.ProgressCommands) ? RoleCommand.ExchangeProgress
            : Exchanges(t => t.ExportCommands) ? RoleCommand.ExportExchanges
            : Exchanges(t => t.StuckCommands) ? RoleCommand.StuckApplications
            : PartnerTexts.All.Any(t => TypedCommand.ContainsFolded(t.ManageMembersCommands, folded)) ? RoleCommand.ManageMembers
            : CoachingTexts.All.Any(t => TypedCommand.ContainsFolded(t.NewSessionCommands, folded)) ? RoleCommand.NewSession
            : CoachingTexts.All.Any(t => TypedCommand.ContainsFolded(t.ImportCommands, folded)) ? RoleCommand.ImportSessions
            : RoleCommand.None;
    }

    /// <summary>
    /// What a typed text asks of the role commands — the whole message one of them (<see cref="ExactRoleCommandOf"/>), else
    /// in one's own words (<see cref="RoleCommandRecognizer"/>) — checked before the intents so that "tenho candidaturas
    /// para aprovar?" is not an application form: for someone who has the role (from the configuration,
    /// <see cref="IRoleService"/>), the journey of the command with the command as its text (the journey then runs it as
    /// if typed — and checks the role again); for someone without it, a refusal when the text is clearly a manager's or
    /// coordinator's (pending approvals, members, progress, stuck applications, export, and "new session" or "import
    /// sessions" typed as the menu has them); else nothing (a participant's "a new session" is the recognizer's). The
    /// coaching journey still checks the role itself: its card buttons can be forged.
    /// "Pending approvals" is also the list of a host organisation's contact (in the directory with their Entra id), who
    /// decides its second stage without being a cluster manager: theirs is never refused.
    /// </summary>
    /// <param name="exact">
    /// <see cref="ExactRoleCommandOf(FoldedText)"/> of <paramref name="typed"/>, which the caller has already worked out:
    /// the text is neither folded nor matched against every language's command lists again.
    /// </param>
    private async Task<RoleRequest?> RoleCommandOfAsync(ITurnContext context, FoldedText typed, RoleCommand exact, CancellationToken cancellationToken)
    {
        var command = exact != RoleCommand.None ? exact : RoleCommandRecognizer.Recognize(typed.Text);
        if (command == RoleCommand.None)
        {
            return null;
        }

        var person = context.Activity.From?.AadObjectId;
        var roles = RolesOf(context);
        var language = context.GetTexts().Language;
        var exchanges = ExchangeTexts.Resolve(language);
        var coaching = CoachingTexts.Resolve(language);
        // A coordinator's coaching commands are refused only typed as the menu has them (a participant's "a new session" in
        // their own words is the recognizer's: booking one), and never to a coordinator (were the coaching journey not
        // there, the words would go on as before rather than be called someone else's).
        var sessionRefusal = exact != RoleCommand.None && !roles.IsCoordinator ? RoleRefusal.SessionCoordinators : RoleRefusal.None;
        var (allowed, canonical, refusal) = command switch
        {
            RoleCommand.PendingApprovals => (roles.IsClusterManager, exchanges.PendingApprovalsCommands[0], RoleRefusal.ClusterManagers),
            RoleCommand.ManageMembers => (roles.IsClusterManager, PartnerTexts.Resolve(language).ManageMembersCommands[0], RoleRefusal.ClusterManagers),
            RoleCommand.ExchangeProgress => (roles.IsCoordinator, exchanges.ProgressCommands[0], RoleRefusal.Coordinators),
            RoleCommand.ExportExchanges => (roles.IsCoordinator, exchanges.ExportCommands[0], RoleRefusal.Coordinators),
            RoleCommand.StuckApplications => (roles.IsCoordinator, exchanges.StuckCommands[0], RoleRefusal.Coordinators),
            RoleCommand.NewSession => (roles.IsCoordinator, coaching.NewSessionCommands[0], sessionRefusal),
            _ => (roles.IsCoordinator, coaching.ImportCommands[0], sessionRefusal),
        };

        if (!allowed && command == RoleCommand.PendingApprovals)
        {
            allowed = await IsDirectoryContactAsync(person, cancellationToken).ConfigureAwait(false);
        }

        // Typed as the menu has it: the journey gets the words as typed (it reads every language's).
        // (Folding trims, so the words as typed fold as the trimmed ones do: not folded again.)
        var text = exact != RoleCommand.None ? typed.Text!.Trim() : canonical;
        if (allowed && CommandOf(exact != RoleCommand.None ? typed with { Text = text } : FoldedText.Of(text)) is { } journey)
        {
            return new RoleRequest(journey, text, RoleRefusal.None);
        }

        return refusal == RoleRefusal.None ? null : new RoleRequest(null, text, refusal);
    }

    /// <summary>The sender's roles, from the configuration (<see cref="IRoleService"/>); none without a role service.</summary>
    private UserRoles RolesOf(ITurnContext context) =>
        services.GetService<IRoleService>()?.GetRoles(context.Activity.From?.AadObjectId) ?? UserRoles.None;

    /// <summary>
    /// Whether <paramref name="action"/> is a coordinator's card button — the progress card's "Stuck applications", the
    /// stuck list's "Retry now" (<see cref="ExchangeVerbs.Stuck"/>, <see cref="ExchangeVerbs.RetryDelivery"/>) — clicked by
    /// someone who is no coordinator: refused as the typed commands are (<see cref="RefuseRoleCommandAsync"/>), whom it is
    /// for and what they can do instead, rather than a bare line. The exchange journey still checks the role itself.
    /// </summary>
    private bool CoordinatorButtonRefused(ITurnContext context, string? action) =>
        action is ExchangeVerbs.Stuck or ExchangeVerbs.RetryDelivery && !RolesOf(context).IsCoordinator;

    /// <summary>
    /// Whether the person is a contact of an organisation in the directory, with their Entra object id: a host's contact
    /// decides the second stage of the applications to visit it (<see cref="ExchangeApprovers"/>).
    /// </summary>
    private async Task<bool> IsDirectoryContactAsync(string? person, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(person) || services.GetService<IPartnerDirectory>() is not { } directory)
        {
            return false;
        }

        var organisations = await directory.ListAsync(cancellationToken).ConfigureAwait(false);
        return organisations.Any(o => o.Contacts.Any(c => string.Equals(c.EntraObjectId, person, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// The refusal's text — whom the command is for, that roles come from the partnership's configuration, and what the
    /// person can type instead — then the help card (what the person can do). In a group chat or a channel both go to
    /// the person's 1:1 chat, as a personal journey asked for there does (<see cref="ContinuePrivatelyAsync"/>), and the
    /// group gets only a line that mentions them; with no 1:1 chat reachable, the group gets a short line that mentions
    /// them and says the command is not available to them — neither names the roles nor shows the help card to the group.
    /// <paramref name="button"/>: the card action of the turn, if any — a coordinator's button
    /// (<see cref="CoordinatorButtonRefused"/>) is logged as a warning, since only coordinators are sent those cards: the
    /// click is a forged or forwarded card, not somebody typing a command they do not have.
    /// </summary>
    private async Task RefuseRoleCommandAsync(ITurnContext context, RoleRefusal refusal, string? button, CancellationToken cancellationToken)
    {
        var texts = context.GetTexts();
        var text = refusal switch
        {
            RoleRefusal.ClusterManagers => texts.OnlyForClusterManagers,
            RoleRefusal.SessionCoordinators => texts.OnlySessionCoordinators,
            _ => texts.OnlyForCoordinators,
        };
        if (CoordinatorButtonRefused(context, button))
        {
            Log.CoordinatorButtonRefused(logger, button!, context.Activity.From?.AadObjectId, context.Activity.Conversation?.Id);
        }
        else
        {
            Log.RoleCommandRefused(logger, refusal.ToString(), context.Activity.Conversation?.Id);
        }

        if (!context.Activity.IsGroupConversation())
        {
            await context.SendActivityAsync(text, cancellationToken).ConfigureAwait(false);
            await context.SendActivityAsync(ConversationCards.AsMessage(HelpCard(context)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var message = new Activity { Type = ActivityTypes.Message, Text = text, Attachments = [HelpCard(context)] };
        var sent = await SendPrivatelyAsync(context, message, cancellationToken).ConfigureAwait(false);
        Log.RoleRefusalInGroup(logger, context.Activity.Conversation?.Id, sent.Status.ToString());
        var note = sent.IsSent ? texts.RoleRefusalSentPrivately : texts.RoleCommandNotForYou;
        if (!sent.IsSent && PrivateChatLink(context.Activity.Recipient?.Id) is { } link)
        {
            note += $" [{texts.OpenPrivateChat}]({link})";
        }

        await context.SendActivityAsync(MentionHelper.MentionMessage(context.Activity.From, note), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A role command understood: the journey to start with the command's text, or who it is for.</summary>
    private sealed record RoleRequest(IJourney? Journey, string Command, RoleRefusal Refusal);

    private enum RoleRefusal
    {
        None,
        ClusterManagers,
        Coordinators,

        /// <summary>Creating or importing coaching sessions: the coordinators', with what a participant types instead.</summary>
        SessionCoordinators,
    }
}
