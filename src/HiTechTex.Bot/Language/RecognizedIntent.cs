namespace HiTechTex.Bot.Language;

/// <summary>The result of recognition: the intent, how sure the recognizer is, and the entities found.</summary>
/// <param name="Intent">The best intent (<see cref="Intent.None"/> when nothing fits).</param>
/// <param name="Score">Confidence from 0 to 1.</param>
/// <param name="Entities">What the text says about the request.</param>
/// <param name="Language">The detected language (ISO 639-1: en, pt, es, it, tr, cs), when known.</param>
/// <param name="Source">Which recognizer answered (<c>local</c> or <c>azure-openai</c>), for logs and tests.</param>
public sealed record RecognizedIntent(Intent Intent, double Score, IntentEntities Entities, string? Language = null, string Source = "local")
{
    public static RecognizedIntent NoneIntent { get; } = new(Intent.None, 0, IntentEntities.Empty);

    /// <summary>
    /// The text named a journey and said the user does not want it ("I don't want to apply", "não quero candidatar-me"):
    /// the intent is then <see cref="Intent.None"/>, and the bot answers that rather than "I didn't understand".
    /// </summary>
    public bool Declined { get; init; }

    /// <summary>
    /// The local reading's partner search for people at organisations somewhere, with nothing else said ("stakeholders in
    /// Portugal", "Çorlu'daki paydaşlar", "players of the textile sector in Italy"): evidence strong enough that a model's
    /// None gives way to it (<see cref="AzureOpenAIIntentRecognizer"/>) — a model may not know a small Turkish town.
    /// </summary>
    internal bool PeopleSomewhere { get; init; }
}
