namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Without Graph: the organizer is busy during their other sessions of the catalog.</summary>
internal sealed class CatalogOrganizerSchedule(CatalogService catalog) : IOrganizerSchedule
{
    public async Task<IReadOnlyList<BusyPeriod>> BusyAsync(string organizerMailbox, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var sessions = await catalog.OverlappingAsync(organizerMailbox, start, end, except: null, cancellationToken);
        return [.. sessions.Select(s => new BusyPeriod(s.StartsAt, s.EndsAt, s.Title))];
    }
}
