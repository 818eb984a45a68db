namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// A feature that keeps a user's time zone (coaching registrations, for reminders and notices) and follows it when the
/// user's Teams client reports another (<c>localTimezone</c>). Called only when the zone differs from the one last seen
/// for the user, never per turn. Register with <c>services.AddScoped&lt;ITimeZoneListener, MyListener&gt;()</c>.
/// </summary>
internal interface ITimeZoneListener
{
    /// <param name="aadObjectId">The user (<c>from.aadObjectId</c>).</param>
    /// <param name="timeZone">The IANA time zone the user's client now reports (valid on this host).</param>
    /// <param name="cancellationToken">The turn's cancellation.</param>
    Task TimeZoneChangedAsync(string aadObjectId, string timeZone, CancellationToken cancellationToken);
}
