namespace HiTechTex.Bot.Features.Coaching;

/// <summary>A meeting attendee: a confirmed participant with a known address.</summary>
internal sealed record CalendarAttendee(string Email, string Name);
