namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// "This reminder of this registration was sent (or is being sent)": inserted with ON CONFLICT DO NOTHING before
/// sending, so only one instance ever sends it. Beside it while it is being sent: its sending mark (<see cref="SendingMarkOf"/>).
/// </summary>
internal sealed class CoachingReminderClaim
{
    public Guid RegistrationId { get; set; }

    /// <summary>How long before the start the reminder is, in minutes (1440, 60).</summary>
    public int MinutesBefore { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>
    /// How old a sending mark must be before its send is taken as killed: longer than any send (the connector client's
    /// retries included) — the exchanges' bound.
    /// </summary>
    public static TimeSpan InFlightBound => Exchanges.ExchangeDeliveryClaim.InFlightBound;

    /// <summary>
    /// The <see cref="MinutesBefore"/> of the mark "this reminder is being sent", written with its claim (same
    /// <see cref="ClaimedAt"/>) and removed once the send ended: a negative number, so that it never is a reminder's own
    /// claim (a reminder under a minute has 0), and no migration is needed. Left behind only by a killed process.
    /// </summary>
    public static int SendingMarkOf(int minutesBefore) => -1 - minutesBefore;

    /// <summary>The reminder a sending mark (<see cref="SendingMarkOf"/>) stands for.</summary>
    public static int MinutesOfSendingMark(int mark) => -1 - mark;
}
