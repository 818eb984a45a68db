namespace HiTechTex.Bot.Features.Coaching;

/// <summary>The created event: its id on the organizer's calendar and the Teams join link.</summary>
internal sealed record CalendarEventResult(string EventId, string? JoinUrl);
