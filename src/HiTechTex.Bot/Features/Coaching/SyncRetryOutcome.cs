namespace HiTechTex.Bot.Features.Coaching;

/// <summary>What the coordinator's "Retry calendar sync" did (<see cref="CatalogService.RetrySyncAsync"/>).</summary>
internal enum SyncRetryOutcome
{
    NotFound = 0,

    /// <summary>The sync had failed: what it needs is queued again.</summary>
    Requeued = 1,

    /// <summary>Nothing failed: the calendar is in sync.</summary>
    AlreadyInSync = 2,

    /// <summary>A sync is under way already (a retry just queued, a double click): nothing queued again.</summary>
    AlreadyPending = 3,

    /// <summary>The session has ended: its calendar is no longer changed.</summary>
    SessionOver = 4,

    /// <summary>Graph is not configured (participants get calendar files): there is no calendar sync to retry.</summary>
    NotConfigured = 5,
}
