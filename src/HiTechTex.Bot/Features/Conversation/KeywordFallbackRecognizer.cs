using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// FALLBACK ONLY — registered with TryAdd so that the host starts before the real recognizers
/// (<c>AddLanguageUnderstanding</c> in <c>Language/</c>) are wired in. It knows a few English words per intent and
/// returns the remaining words as keywords; nothing else (no countries, dates, other languages).
/// </summary>
internal sealed class KeywordFallbackRecognizer : IIntentRecognizer
{
    // Checked in order: "my applications" before "apply", "my sessions" before "session".
    private static readonly (Intent Intent, string[] Words)[] Rules =
    [
        (Intent.MyApplications, ["my applications", "my application"]),
        (Intent.MySessions, ["my sessions", "my bookings"]),
        (Intent.Help, ["help"]),
        (Intent.Cancel, ["cancel"]),
        (Intent.FindPartners, ["partners", "partner", "find"]),
        (Intent.ApplyForExchange, ["exchange", "apply", "clusterxchange"]),
        (Intent.RegisterForCoaching, ["coaching", "session", "sessions", "training", "book"]),
    ];

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "i", "want", "to", "for", "in", "with", "me", "please", "some", "of", "on", "need", "like", "would", "looking", "search",
    };

    public Task<RecognizedIntent> RecognizeAsync(string text, string? locale, TimeZoneInfo? timeZone, CancellationToken cancellationToken)
    {
        var normalized = " " + string.Join(' ', Words(text)) + " ";
        foreach (var (intent, words) in Rules)
        {
            var matched = words.FirstOrDefault(w => normalized.Contains(" " + w + " ", StringComparison.Ordinal));
            if (matched is null)
            {
                continue;
            }

            var intentWords = Rules.SelectMany(r => r.Words).SelectMany(w => w.Split(' ')).ToHashSet(StringComparer.Ordinal);
            var keywords = Words(text).Where(w => !intentWords.Contains(w) && !StopWords.Contains(w)).ToList();
            return Task.FromResult(new RecognizedIntent(intent, 0.6, new IntentEntities { Keywords = keywords }, "en", "keyword-fallback"));
        }

        return Task.FromResult(RecognizedIntent.NoneIntent);
    }

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '.', '!', '?', ';', ':'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
