namespace HiTechTex.Bot.Language;

/// <summary>Understands a user's free text: which journey they want and the details they gave.</summary>
public interface IIntentRecognizer
{
    /// <param name="text">What the user typed (bot mention already removed).</param>
    /// <param name="locale">The activity's BCP-47 locale (e.g. <c>pt-PT</c>), a hint only: users mix languages.</param>
    /// <param name="timeZone">
    /// The user's time zone, in which relative dates ("tomorrow", "in a week", "next month") are read: near midnight the
    /// user's today is not the server's. Null: the host's zone.
    /// </param>
    /// <param name="cancellationToken">Cancels the recognition.</param>
    Task<RecognizedIntent> RecognizeAsync(string text, string? locale, TimeZoneInfo? timeZone, CancellationToken cancellationToken);
}
