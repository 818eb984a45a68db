namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Where the session's Teams meeting (Graph event) stands, shown to coordinators.</summary>
internal enum CalendarSyncState
{
    /// <summary>Graph is not configured: participants get an .ics file instead.</summary>
    NotConfigured = 0,
    Pending = 1,
    Synced = 2,
    Failed = 3,
}
