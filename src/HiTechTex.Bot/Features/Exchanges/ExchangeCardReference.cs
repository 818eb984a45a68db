namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// A card about an application that the bot sent (table <c>ExchangeCards</c>): where, to whom, so that after every
/// transition each one is replaced (PUT) with the view of its recipient.
/// </summary>
internal sealed class ExchangeCardReference
{
    /// <summary>
    /// The beginning of the <see cref="ActivityId"/> of a card the connector accepted without giving its id (an empty
    /// 200/201): delivered, but not replaceable in place — an update sends a new card instead. Unique per card (the
    /// table's key includes the activity id) and never an id Teams gives.
    /// </summary>
    public const string NoActivityIdPrefix = "noid:";

    public long Id { get; set; }

    public Guid ExchangeId { get; set; }

    public string RecipientAadObjectId { get; set; } = "";

    public string ConversationId { get; set; } = "";

    public string ActivityId { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }

    /// <summary>Whether the card can be replaced in place (PUT): its conversation and activity id are known.</summary>
    public bool IsUpdatable => ConversationId.Length > 0 && ActivityId.Length > 0 && !ActivityId.StartsWith(NoActivityIdPrefix, StringComparison.Ordinal);

    /// <summary>The activity id to record for a card the connector accepted: its id, else a unique <see cref="NoActivityIdPrefix"/> one.</summary>
    public static string ActivityIdOrNone(string? activityId) =>
        string.IsNullOrWhiteSpace(activityId) ? NoActivityIdPrefix + Guid.NewGuid().ToString("N") : activityId;
}
