namespace HiTechTex.Bot.Features.Coaching;

/// <summary>With Graph: the organizer's free/busy from <c>getSchedule</c> (application Calendars.Read).</summary>
internal sealed class GraphOrganizerSchedule(ICalendarGateway calendar) : IOrganizerSchedule
{
    public Task<IReadOnlyList<BusyPeriod>> BusyAsync(string organizerMailbox, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        calendar.GetScheduleAsync(organizerMailbox, start, end, cancellationToken);
}
