namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>Settings of the <see cref="CloudAdapter"/>.</summary>
public sealed class CloudAdapterOptions
{
    /// <summary>The default of <see cref="MaxActivityBytes"/>: 1 MiB.</summary>
    public const long DefaultMaxActivityBytes = 1024 * 1024;

    /// <summary>
    /// What the user sees when a turn fails. Deliberately generic: the exception text never reaches the user.
    /// </summary>
    public string ErrorMessage { get; set; } =
        "Sorry, something went wrong on my side and I could not finish that. Please try again in a moment.";

    /// <summary>
    /// The largest activity body (bytes) the messaging endpoint reads; a larger one is answered 413 without a turn.
    /// Teams' own activities are far below it (a message ~28 KB, an invoke with card data a few KB); without it only
    /// the server's limit (Kestrel: 30 MB) would stop a caller from making the bot parse a huge body.
    /// </summary>
    public long MaxActivityBytes { get; set; } = DefaultMaxActivityBytes;

    /// <summary>
    /// The Microsoft 365 tenants (directory ids) whose activities the bot takes; empty: every tenant. Any Teams tenant
    /// can add a bot by its app id (a custom app's manifest names it) and the Bot Connector's token for its activities is
    /// as valid as for the bot's own tenant's, so without this the people of any organisation could use the bot. An
    /// activity of another tenant — by <c>conversation.tenantId</c> or <c>channelData.tenant.id</c>, or with neither (no
    /// Teams activity) — is answered 403 before any turn runs: nothing is marked, stored or sent for it.
    /// </summary>
    public IList<string> AllowedTenantIds { get; set; } = [];
}
