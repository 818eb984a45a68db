namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// A follow-up message that was sent (table <c>ExchangeReminders</c>). Its key (exchange, kind, recipient) is what
/// makes "once" hold across bot instances: the row is inserted with ON CONFLICT DO NOTHING before sending, and only
/// the instance whose insert took sends.
/// </summary>
internal sealed class ExchangeReminder
{
    public Guid ExchangeId { get; set; }

    /// <summary><c>Stage1:&lt;version&gt;</c>, <c>Stage2:&lt;version&gt;</c> or <c>report</c>.</summary>
    public string Kind { get; set; } = "";

    public string RecipientAadObjectId { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }
}
