namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// "This reminder of this registration was sent (or is being sent)": inserted with ON CONFLICT DO NOTHING before
/// sending, so only one instance ever sends it.
/// </summary>
internal sealed class CoachingReminderClaim
{
    public Guid RegistrationId { get; set; }

    /// <summary>How long before the start the reminder is, in minutes (1440, 60).</summary>
    public int MinutesBefore { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }
}
