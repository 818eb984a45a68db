using System.Collections.Frozen;
using System.Text;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>What a short social message is: a greeting, thanks, an acknowledgement or a goodbye.</summary>
internal enum SmallTalkKind
{
    None,
    Greeting,
    Thanks,
    Acknowledgement,
    Goodbye,
}

/// <summary>
/// Recognizes whole messages that are small talk — "hello", "thanks!", "ok", "👍", "tchau", "děkuji" — in the six
/// languages (<see cref="ConversationTexts"/>' phrase lists), so that the main dialog answers them as a person would
/// instead of "Sorry, I didn't understand that". Case, accents, surrounding punctuation, a trailing smiley and emoji
/// skin tones are ignored; anything longer ("hi, I need a finishing lab in Italy") is not small talk and goes to the
/// recognizer. Checked before the recognizer, so small talk never costs an Azure OpenAI call.
/// </summary>
internal static class SmallTalk
{
    private const int MaxLength = 40;

    /// <summary>
    /// The longest message of emoji alone still read as a reaction: more than Teams delivers (it caps a message at about
    /// 28 KB), so that any real one is, while a forged megabyte costs no scan.
    /// </summary>
    private const int MaxEmojiLength = 32 * 1024;

    private static readonly FrozenDictionary<string, SmallTalkKind> Phrases = Build();

    // The emoji the phrase list gives a meaning to, for a message of one of them repeated.
    private static readonly KeyValuePair<string, SmallTalkKind>[] EmojiPhrases = [.. Phrases.Where(p => IsEmojiOnly(p.Key))];

    private static readonly FrozenSet<string> HowAreYou = ConversationTexts.All.SelectMany(t => t.HowAreYouPhrases).Select(Normalize).ToFrozenSet(StringComparer.Ordinal);

    // Longest first, so that "hi there, how are you" is "hi there" + "how are you".
    private static readonly string[] Greetings = [.. ConversationTexts.All.SelectMany(t => t.GreetingPhrases).Select(Normalize)
        .Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(g => g.Length)];

    public static SmallTalkKind Recognize(string? text)
    {
        // A long message is small talk only when it is emoji alone ("🎉🎉🎉…" past 40 characters went to the recognizer).
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxEmojiLength || (text.Length > MaxLength && !IsEmojiOnly(text)))
        {
            return SmallTalkKind.None;
        }

        var key = Normalize(text);
        if (key.Length > 0 && Phrases.TryGetValue(key, out var kind))
        {
            return kind;
        }

        // Emoji alone: one of the above repeated ("👍👍", "🙏🙏") means the same; any other ("🎉", "❤️", "😂👏") is a
        // reaction, taken as an acknowledgement — not "Sorry, I didn't understand that", nor a call to the recognizer.
        if (IsEmojiOnly(key))
        {
            var compact = string.Concat(key.Where(c => !char.IsWhiteSpace(c)));
            foreach (var (emoji, meaning) in EmojiPhrases)
            {
                if (compact.Replace(emoji, "", StringComparison.Ordinal).Length == 0)
                {
                    return meaning;
                }
            }

            return SmallTalkKind.Acknowledgement;
        }

        // A greeting and "how are you?": "hi, how are you?", "olá, tudo bem?", "ciao, come va?", "ahoj, jak se máš?".
        var comma = key.Replace(",", " ", StringComparison.Ordinal);
        var words = string.Join(' ', comma.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var greeting in Greetings)
        {
            if (words.Length > greeting.Length + 1 && words.StartsWith(greeting + " ", StringComparison.Ordinal)
                && HowAreYou.Contains(Normalize(words[(greeting.Length + 1)..])))
            {
                return SmallTalkKind.Greeting;
            }
        }

        return SmallTalkKind.None;
    }

    /// <summary>
    /// Whether <paramref name="text"/> (as typed or normalized) is emoji and spaces only: symbols (So, Sk: pictographs,
    /// skin tones, regional indicators), the joiners and selectors of emoji sequences (zero-width joiner, variation
    /// selectors, the tags of a subdivision's flag) and keycaps ("1️⃣", "#️⃣"), at least one of them above the Latin-1 range
    /// so that "©" or "°" alone is not taken for one.
    /// </summary>
    private static bool IsEmojiOnly(string text)
    {
        var pictograph = false;
        var keycapBase = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (keycapBase && rune.Value is not (0xFE0F or 0xFE0E or 0x20E3))
            {
                return false;   // a digit, "#" or "*" is an emoji only as a keycap's base
            }

            if (rune.Value == 0x20E3)
            {
                pictograph |= keycapBase;
                keycapBase = false;
                continue;
            }

            if (Rune.IsWhiteSpace(rune) || rune.Value is 0x200D or 0xFE0F or 0xFE0E || rune.Value is >= 0xE0020 and <= 0xE007F)
            {
                continue;
            }

            if (rune.Value is >= '0' and <= '9' or '#' or '*')
            {
                keycapBase = true;
                continue;
            }

            if (Rune.GetUnicodeCategory(rune) is not (System.Globalization.UnicodeCategory.OtherSymbol or System.Globalization.UnicodeCategory.ModifierSymbol))
            {
                return false;
            }

            pictograph |= rune.Value > 0x2000;
        }

        return pictograph && !keycapBase;
    }

    /// <summary>Folded (lower case, no accents), without emoji skin tones, surrounding punctuation or a closing smiley.</summary>
    internal static string Normalize(string text)
    {
        var folded = TypedCommand.Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            if (rune.Value is < 0x1F3FB or > 0x1F3FF && rune.Value != 0xFE0F)
            {
                builder.Append(rune.ToString());   // skin-tone modifiers and the emoji variation selector dropped
            }
        }

        var trimmed = builder.ToString().Trim();
        foreach (var smiley in (ReadOnlySpan<string>)[":-)", ":)", "🙂", "😊", "😀"])
        {
            if (trimmed.Length > smiley.Length && trimmed.EndsWith(smiley, StringComparison.Ordinal))
            {
                trimmed = trimmed[..^smiley.Length];
                break;
            }
        }

        return string.Join(' ', trimmed.Trim(' ', '!', '.', '?', ',', ';', ':', '¡', '¿', '~', '-').Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static FrozenDictionary<string, SmallTalkKind> Build()
    {
        var phrases = new Dictionary<string, SmallTalkKind>(StringComparer.Ordinal)
        {
            ["👋"] = SmallTalkKind.Greeting,
            ["🙏"] = SmallTalkKind.Thanks,
            ["👍"] = SmallTalkKind.Acknowledgement,
            ["👌"] = SmallTalkKind.Acknowledgement,
            ["🙂"] = SmallTalkKind.Acknowledgement,
            ["😊"] = SmallTalkKind.Acknowledgement,
        };
        foreach (var texts in ConversationTexts.All)
        {
            Add(texts.GreetingPhrases, SmallTalkKind.Greeting);
            Add(texts.HowAreYouPhrases, SmallTalkKind.Greeting);
            Add(texts.ThanksPhrases, SmallTalkKind.Thanks);
            Add(texts.AcknowledgementPhrases, SmallTalkKind.Acknowledgement);
            Add(texts.GoodbyePhrases, SmallTalkKind.Goodbye);
        }

        return phrases.ToFrozenDictionary(StringComparer.Ordinal);

        void Add(IEnumerable<string> list, SmallTalkKind kind)
        {
            foreach (var phrase in list)
            {
                phrases.TryAdd(Normalize(phrase), kind);   // the first language's meaning wins ("ciao" greets)
            }
        }
    }
}
