namespace HiTechTex.Bot.Persistence;

/// <summary>One bot-state document (<see cref="SqlStorage"/>): conversation, user or dialog state as JSON.</summary>
internal sealed class StateItemEntity
{
    public required string Key { get; set; }

    /// <summary>The JSON document as text (same column type on SQLite and PostgreSQL).</summary>
    public required string Document { get; set; }

    /// <summary>The version the optimistic-concurrency checks compare; a new one on every write.</summary>
    public required string ETag { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
