namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// One transition of an application (table <c>ExchangeAuditEntries</c>): who, when, what, with which comment. The
/// (exchange, version) key is unique, so a transition can only ever be recorded once.
/// </summary>
internal sealed class ExchangeAuditEntry
{
    public long Id { get; set; }

    public Guid ExchangeId { get; set; }

    /// <summary>The application's version after this transition.</summary>
    public int Version { get; set; }

    public string ActorAadObjectId { get; set; } = "";

    public string ActorName { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public ExchangeAction Action { get; set; }

    public ExchangeStatus FromStatus { get; set; }

    public ExchangeStatus ToStatus { get; set; }

    public string? Comment { get; set; }
}
