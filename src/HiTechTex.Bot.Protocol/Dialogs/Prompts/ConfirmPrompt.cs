using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question in the user's language (EN, PT, ES, IT, TR, CS), with Yes/No buttons. Answers in the
/// user's language and in English are understood, accent-insensitive ("nao" = "não"), including common
/// variants and chat shorthands ("ok", "okey", "claro", "va bene", "tamam", "tmm", "evt", "jasně", "jj") and a leading
/// yes/no ("yes please").
/// </summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    private static readonly Dictionary<string, (string Yes, string No, string[] Yeses, string[] Noes)> Languages = new(StringComparer.Ordinal)
    {
        ["en"] = ("Yes", "No",
            ["yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "okey", "of course", "absolutely", "correct", "right", "yes please"],
            ["no", "n", "nope", "nah", "not really", "never", "no thanks", "no thank you"]),
        ["pt"] = ("Sim", "Não",
            ["sim", "s", "claro", "com certeza", "certo", "pode ser", "ok", "isso", "exato", "sim por favor"],
            ["não", "n", "nunca", "de jeito nenhum", "não obrigado", "não obrigada"]),
        ["es"] = ("Sí", "No",
            ["sí", "s", "claro", "por supuesto", "vale", "de acuerdo", "ok", "correcto", "sí por favor"],
            ["no", "n", "nunca", "para nada", "no gracias"]),
        ["it"] = ("Sì", "No",
            ["sì", "s", "certo", "certamente", "va bene", "ok", "d'accordo", "esatto", "sì grazie"],
            ["no", "n", "mai", "assolutamente no", "no grazie"]),
        ["tr"] = ("Evet", "Hayır",
            ["evet", "evt", "e", "tamam", "tmm", "tamamdır", "olur", "tabii", "tabi", "ok", "okey", "kesinlikle", "peki"],
            ["hayır", "h", "yok", "olmaz", "istemiyorum", "hayır teşekkürler"]),
        ["cs"] = ("Ano", "Ne",
            ["ano", "jo", "jj", "jojo", "jasně", "dobře", "ok", "okej", "souhlasím", "určitě", "ano prosím"],
            ["ne", "n", "nikoli", "vůbec ne", "ne děkuji", "ne díky"]),
    };

    // Answers of one language that are ordinary words of another of the six: Czech "ne" ("no") is Italian "ne" ("of
    // it") and Turkish "ne" ("what?"); Turkish "e" ("yes") is Portuguese and Italian "e" ("and"). In the user's language
    // (the locale) they are answers; across all languages (RecognizeAnyLanguage, the language not known yet) they count
    // only in a message clearly of their language — one with a letter only that language writes ("ne, děkuji"): alone
    // they are asked again.
    private static readonly HashSet<string> SharedWords = new(["ne", "e"], StringComparer.Ordinal);

    // The one-letter words that join words in each language ("and", "or"): typed alone on a client of that language they
    // are a slip or a fragment, never an answer — English "y" (yes) is Spanish "and", so a Spanish client's "y" is asked
    // again; Czech "a" is "and" (no Czech yes: "ano", "jj", "jo"); Turkish "e" stays a yes on a Turkish client ("and" is
    // "ve"), English "y" on an English one.
    private static readonly Dictionary<string, string[]> Conjunctions = new(StringComparer.Ordinal)
    {
        ["pt"] = ["e", "o"],
        ["es"] = ["y", "e", "o", "u"],
        ["it"] = ["e", "o"],
        ["cs"] = ["a", "i"],
    };

    // The letters that only one of the six languages writes (as typed, lower case): what makes a message clearly of it.
    private static readonly Dictionary<string, string> OwnLetters = new(StringComparer.Ordinal)
    {
        ["cs"] = "ěščřžůťďň",
        ["tr"] = "ışğ",
    };

    // The answers above normalized once (TextNormalizer.Normalize), as every answer is compared with them.
    private static readonly Dictionary<string, (string[] Yeses, string[] Noes)> NormalizedAnswers = Languages.ToDictionary(
        language => language.Key,
        language => (Normalized(language.Value.Yeses), Normalized(language.Value.Noes)),
        StringComparer.Ordinal);

    // The same without the shared words (SharedWords): what the all-language pass reads in a message not clearly of the language.
    private static readonly Dictionary<string, (string[] Yeses, string[] Noes)> UnsharedAnswers = NormalizedAnswers.ToDictionary(
        language => language.Key,
        language => (Unshared(language.Value.Yeses), Unshared(language.Value.Noes)),
        StringComparer.Ordinal);

    // The Yes/No card of each language, built once (an element is immutable: every prompt may send the same one).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Yes, string No), System.Text.Json.JsonElement> YesNoCards = new();

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var words = WordsFor(GetLocale(turnContext));
        if (options.Style != ChoiceListStyle.AdaptiveCard)
        {
            return SendAsync(turnContext, PickPrompt(options, isRetry), cancellationToken);
        }

        // The buttons name this question (a prompt begun before they did has no id: the shared card of its language).
        var card = PromptIdOf(state) is { } promptId
            ? PromptActivities.ButtonsCardContent([words.Yes, words.No], promptId)
            : YesNoCards.GetOrAdd((words.Yes, words.No), static pair => PromptActivities.ButtonsCardContent([pair.Yes, pair.No]));
        return SendAsync(turnContext, PickPrompt(options, isRetry), cancellationToken, Attachment.AdaptiveCard(card));
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var answer = Recognize(PromptActivities.GetAnswerText(turnContext.Activity), GetLocale(turnContext), RecognizeAnyLanguage);
        return Task.FromResult(answer is { } value
            ? PromptRecognizerResult<bool>.Success(value)
            : PromptRecognizerResult<bool>.Failure());
    }

    /// <summary>
    /// Also understand yes and no in the other known languages when the locale's (and English) give no answer — for a
    /// question asked before the user's language is known ("sim" on an English client on first use).
    /// </summary>
    public bool RecognizeAnyLanguage { get; init; }

    /// <summary>
    /// True for yes, false for no, null when neither (or both) is recognised in <paramref name="text"/> — as the prompt
    /// reads its answer (also for a caller that must tell a yes or no from something else before the prompt sees it).
    /// </summary>
    public static bool? Recognize(string? text, string? locale, bool anyLanguage = false)
    {
        var input = TextNormalizer.Normalize(text);
        if (input.Length == 0)
        {
            return null;
        }

        // The button numbers, as in the Bot Framework's "(1) Yes or (2) No".
        if (input is "1" or "2")
        {
            return input == "1";
        }

        var language = TextNormalizer.Language(locale);
        if (Conjunctions.TryGetValue(language, out var conjunctions) && Array.IndexOf(conjunctions, input) >= 0)
        {
            return null;
        }

        foreach (var lang in language == "en" ? ["en"] : (string[])[language, "en"])
        {
            if (!NormalizedAnswers.TryGetValue(lang, out var words))
            {
                continue;
            }

            var yes = Matches(input, words.Yeses);
            var no = Matches(input, words.Noes);
            if (yes != no)
            {
                return yes;
            }
        }

        if (anyLanguage)
        {
            // Across all of them: an answer only when no language reads it the other way; a word that is an ordinary word
            // of another language ("ne", "e") only in a message clearly of its own (SharedWords).
            var lowered = text!.ToLowerInvariant();
            var answers = NormalizedAnswers.Select(l => OwnLetters.TryGetValue(l.Key, out var letters) && lowered.AsSpan().IndexOfAny(letters) >= 0
                ? l.Value
                : UnsharedAnswers[l.Key]).ToList();
            var yes = answers.Any(w => Matches(input, w.Yeses));
            var no = answers.Any(w => Matches(input, w.Noes));
            if (yes != no)
            {
                return yes;
            }
        }

        return null;
    }

    private static (string Yes, string No, string[] Yeses, string[] Noes) WordsFor(string? locale) =>
        Languages.TryGetValue(TextNormalizer.Language(locale), out var words) ? words : Languages["en"];

    private static string[] Normalized(string[] phrases) => [.. phrases.Select(TextNormalizer.Normalize)];

    private static string[] Unshared(string[] normalized) => [.. normalized.Where(p => !SharedWords.Contains(p))];

    /// <summary>Whether <paramref name="input"/> is one of the <paramref name="normalized"/> phrases, or starts with one and a space.</summary>
    private static bool Matches(string input, string[] normalized)
    {
        foreach (var phrase in normalized)
        {
            // A single letter ("s", "n") only as the whole answer: as a prefix it would match too much.
            if (input == phrase
                || (phrase.Length > 1 && input.Length > phrase.Length && input[phrase.Length] == ' ' && input.StartsWith(phrase, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
