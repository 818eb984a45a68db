namespace HiTechTex.Bot.Hosting;

/// <summary>Source-generated log messages of the host (event ids 1340–1359).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1340, Level = LogLevel.Warning,
        Message = "DANGER: DangerouslyAllowUnauthenticatedRequests is ON ({EnvironmentName}). Requests without a token are accepted on /api/messages. Use this for local development only, never in production.")]
    public static partial void UnauthenticatedRequestsAllowed(ILogger logger, string environmentName);

    [LoggerMessage(EventId = 1341, Level = LogLevel.Warning,
        Message = "MicrosoftAppId is not set: every request to /api/messages is rejected with 401.")]
    public static partial void AuthenticationNotConfigured(ILogger logger);

    [LoggerMessage(EventId = 1342, Level = LogLevel.Information, Message = "Applying database migrations ({Provider})")]
    public static partial void MigratingDatabase(ILogger logger, string provider);

    [LoggerMessage(EventId = 1343, Level = LogLevel.Information, Message = "Database is up to date")]
    public static partial void DatabaseMigrated(ILogger logger);

    [LoggerMessage(EventId = 1344, Level = LogLevel.Information, Message = "Signing key {Name} made and stored in the database (links are signed with it when no secret is configured)")]
    public static partial void SigningKeyCreated(ILogger logger, string name);

    [LoggerMessage(EventId = 1345, Level = LogLevel.Warning,
        Message = "The PostgreSQL connection string has 'Include Error Detail=true' ({EnvironmentName}): database error details, which hold the key values of a failed statement, reach the logs. Remove it outside development.")]
    public static partial void DatabaseErrorDetailIncluded(ILogger logger, string environmentName);

    [LoggerMessage(EventId = 1346, Level = LogLevel.Warning,
        Message = "The stored state {Key} is not readable JSON: read as empty, and replaced by the next save")]
    public static partial void StateDocumentUnreadable(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 1347, Level = LogLevel.Warning,
        Message = "An activity was marked as processed, but the housekeeping after the mark (re-activating the conversation's reference, cleaning up old marks) failed: the turn runs; the next activity retries it")]
    public static partial void MarkHousekeepingFailed(ILogger logger, Exception exception);
}
