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
}
