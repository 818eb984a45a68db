namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The organizer's busy periods, for the coordinator's conflict warning: Graph <c>getSchedule</c> when Graph is on
/// (<c>findMeetingTimes</c> is delegated-only), else the catalog's own sessions of that organizer.
/// </summary>
internal interface IOrganizerSchedule
{
    Task<IReadOnlyList<BusyPeriod>> BusyAsync(string organizerMailbox, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);
}
