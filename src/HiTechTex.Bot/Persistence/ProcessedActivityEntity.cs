namespace HiTechTex.Bot.Persistence;

/// <summary>An activity the bot has already taken (<see cref="SqlProcessedActivityStore"/>), kept for a day.</summary>
internal sealed class ProcessedActivityEntity
{
    public required string ChannelId { get; set; }

    public required string ConversationId { get; set; }

    public required string ActivityId { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
