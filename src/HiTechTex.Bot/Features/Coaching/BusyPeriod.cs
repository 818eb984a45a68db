namespace HiTechTex.Bot.Features.Coaching;

/// <summary>A busy slot on an organizer's calendar.</summary>
internal sealed record BusyPeriod(DateTimeOffset Start, DateTimeOffset End, string? Subject);
