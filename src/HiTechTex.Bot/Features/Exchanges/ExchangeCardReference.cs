namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// A card about an application that the bot sent (table <c>ExchangeCards</c>): where, to whom, so that after every
/// transition each one is replaced (PUT) with the view of its recipient.
/// </summary>
internal sealed class ExchangeCardReference
{
    public long Id { get; set; }

    public Guid ExchangeId { get; set; }

    public string RecipientAadObjectId { get; set; } = "";

    public string ConversationId { get; set; } = "";

    public string ActivityId { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }
}
