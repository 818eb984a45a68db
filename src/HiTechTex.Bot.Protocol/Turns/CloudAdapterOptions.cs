namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>Settings of the <see cref="CloudAdapter"/>.</summary>
public sealed class CloudAdapterOptions
{
    /// <summary>
    /// What the user sees when a turn fails. Deliberately generic: the exception text never reaches the user.
    /// </summary>
    public string ErrorMessage { get; set; } =
        "Sorry, something went wrong on my side and I could not finish that. Please try again in a moment.";
}
