using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>Recognises the activities that install or remove the bot (spec §1.3, checklist 13–14).</summary>
public static class InstallationEvents
{
    /// <summary>True when <paramref name="member"/> is the bot itself: its id equals <c>recipient.id</c> (ordinal).</summary>
    public static bool IsBot(this Activity activity, ChannelAccount? member) =>
        member?.Id is { Length: > 0 } id && string.Equals(id, activity.Recipient?.Id, StringComparison.Ordinal);

    /// <summary><c>installationUpdate</c> with action <c>add</c> or <c>add-upgrade</c>.</summary>
    public static bool IsInstallationAdd(this Activity activity) =>
        activity.IsType(ActivityTypes.InstallationUpdate) &&
        (ActionIs(activity, "add") || ActionIs(activity, "add-upgrade"));

    /// <summary><c>installationUpdate</c> with action <c>remove</c> or <c>remove-upgrade</c>.</summary>
    public static bool IsInstallationRemove(this Activity activity) =>
        activity.IsType(ActivityTypes.InstallationUpdate) &&
        (ActionIs(activity, "remove") || ActionIs(activity, "remove-upgrade"));

    /// <summary><c>conversationUpdate</c> whose <c>membersAdded</c> contains the bot.</summary>
    public static bool IsBotAdded(this Activity activity) =>
        activity.IsType(ActivityTypes.ConversationUpdate) && activity.MembersAdded?.Any(activity.IsBot) == true;

    /// <summary><c>conversationUpdate</c> whose <c>membersRemoved</c> contains the bot.</summary>
    public static bool IsBotRemoved(this Activity activity) =>
        activity.IsType(ActivityTypes.ConversationUpdate) && activity.MembersRemoved?.Any(activity.IsBot) == true;

    /// <summary>The bot was installed or added to the conversation.</summary>
    public static bool IsBotInstalled(this Activity activity) => activity.IsInstallationAdd() || activity.IsBotAdded();

    /// <summary>
    /// <c>conversationUpdate</c> with <c>channelData.eventType</c> <c>teamHardDeleted</c>: the team is gone for good
    /// (a soft <c>teamDeleted</c> can still be restored, <c>teamRestored</c>, and is not this).
    /// </summary>
    public static bool IsTeamHardDeleted(this Activity activity) =>
        activity.IsType(ActivityTypes.ConversationUpdate) && activity.ChannelData is { ValueKind: System.Text.Json.JsonValueKind.Object }
        && string.Equals(activity.GetTeamsChannelData().EventType, "teamHardDeleted", StringComparison.OrdinalIgnoreCase);

    /// <summary>The bot was uninstalled or removed from the conversation, or its team was permanently deleted.</summary>
    public static bool IsBotUninstalled(this Activity activity) =>
        activity.IsInstallationRemove() || activity.IsBotRemoved() || activity.IsTeamHardDeleted();

    // BB lower-cases the action before comparing, so compare case-insensitively.
    private static bool ActionIs(Activity activity, string action) =>
        string.Equals(activity.Action, action, StringComparison.OrdinalIgnoreCase);
}
