namespace HiTechTex.Bot.Features.Coaching;

/// <summary>The <c>Coaching</c> section.</summary>
internal sealed class CoachingOptions
{
    public const string SectionName = "Coaching";

    /// <summary>Seed a demo catalog into an empty database at start-up (the local default).</summary>
    public bool SeedDemoCatalog { get; set; }

    /// <summary>How long before a session the reminders go out (default 24 h and 1 h).</summary>
    public List<TimeSpan> Reminders { get; set; } = [];

    /// <summary>How often the reminder scheduler looks for due reminders.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the outbox is polled for due work.</summary>
    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many booking transactions of one instance may wait on the database at once (see <see cref="BookingThrottle"/>).</summary>
    public int MaxConcurrentBookings { get; set; } = 16;

    /// <summary>The longest wait between two attempts of a failing outbox row.</summary>
    public TimeSpan OutboxMaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a proactive notice (promotion, cancellation, move) is worth sending: one not delivered within this
    /// time of the change, or by the session's start, is failed for good instead of arriving late.
    /// </summary>
    public TimeSpan OutboxNoticeMaxAge { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// How many times a Graph (calendar) row is tried before it is failed for good (it also stops once the session has
    /// ended). With the default back-off, 300 attempts are about a day.
    /// </summary>
    public int OutboxMaxAttempts { get; set; } = 300;

    /// <summary>
    /// The public https base address of this bot (e.g. <c>https://bot.example.org</c>), for the calendar-file links
    /// on cards. Empty: <c>https://{Teams:BotDomain}</c>.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// The secret that signs the calendar-file links (<see cref="Hosting.LinkKeys.SecretProblem"/>; from the environment or a key vault,
    /// never from a committed file). Empty: the key stored in the bot's database (<see cref="Hosting.LinkKeys"/>), the
    /// same on every instance and after a restart.
    /// </summary>
    public string CalendarLinkSecret { get; set; } = "";

    /// <summary>
    /// How long finished outbox rows (done or failed) and reminder claims are kept before the outbox service deletes
    /// them; at least 15 days, longer than any reminder offset, so a claim outlives its session.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The reminders in effect: the configured ones, else 24 h and 1 h.</summary>
    public IReadOnlyList<TimeSpan> EffectiveReminders =>
        Reminders.Count > 0 ? Reminders : [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];
}
