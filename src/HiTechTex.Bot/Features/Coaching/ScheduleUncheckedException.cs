namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// Graph's <c>getSchedule</c> answered, for the organizer's mailbox, an <c>error</c> (an unknown mailbox, no permission
/// to read it) instead of its free/busy: the calendar could not be checked — which is not "free".
/// </summary>
internal sealed class ScheduleUncheckedException(string responseCode)
    : Exception($"getSchedule answered an error for the mailbox: {responseCode}");
