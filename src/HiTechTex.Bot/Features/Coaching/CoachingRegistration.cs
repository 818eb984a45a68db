namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// One person's registration for a session; at most one row per (session, user), so a double click or a Teams
/// retry can never create a second one.
/// </summary>
internal sealed class CoachingRegistration
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public string UserAadObjectId { get; set; } = "";

    public string UserName { get; set; } = "";

    public string? TenantId { get; set; }

    public string? Email { get; set; }

    /// <summary>The conversation the user registered from, for proactive messages.</summary>
    public string? ConversationId { get; set; }

    /// <summary>The user's language when registering (for reminders and notifications).</summary>
    public string? Language { get; set; }

    /// <summary>The user's IANA time zone when registering (Teams' <c>localTimezone</c>): the times of reminders and notices.</summary>
    public string? TimeZone { get; set; }

    public RegistrationStatus Status { get; set; }

    /// <summary>Arrival order within the session (taken under the session's row lock).</summary>
    public long Sequence { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
