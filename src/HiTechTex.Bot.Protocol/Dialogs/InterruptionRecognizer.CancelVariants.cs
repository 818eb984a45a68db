namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// Cancel as people also type it: a slip of the keyboard on the cancel word ("cancle", "cancell", "cancelr", "anulla",
/// "zrusti") and the everyday ways of saying "I don't want to go on" ("forget it", "no quiero seguir", "não quero
/// continuar", "non voglio continuare", "devam etmek istemiyorum", "nechci pokračovat") — the whole message, like the
/// other commands (with the same lead-ins and courtesy around it).
/// </summary>
public static partial class InterruptionRecognizer
{
    // The cancel words a typo of which still cancels: long enough (six letters or more) that one slip does not make
    // another word of them. Shorter ones ("iptal", "stop", "quit") must be typed right.
    private static readonly string[] TypoTolerantCancelWords = ["cancel", "cancelar", "annulla", "annullare", "zrusit"];

    // Typed by the user, normalized like the phrases (lower case, no accents, punctuation as spaces).
    private static readonly HashSet<string> MoreCancelPhrases = new(
        new[]
        {
            "forget it", "forget about it", "forget that", "i changed my mind", "i ve changed my mind", "i have changed my mind",
            "i don t want to continue", "i dont want to continue", "i do not want to continue",
            "i don t want to go on", "i dont want to go on", "i do not want to go on",
            "não quero continuar", "não quero seguir", "já não quero continuar", "já não quero", "esquece isso", "esqueça", "esqueca",
            "deixa", "deixa para lá", "deixa pra lá", "mudei de ideias", "mudei de ideia",
            "no quiero seguir", "no quiero continuar", "ya no quiero seguir", "ya no quiero continuar", "ya no quiero", "olvídate",
            "déjalo estar", "cambié de opinión", "he cambiado de opinión",
            "non voglio continuare", "non voglio più continuare", "non voglio andare avanti", "non voglio più", "lascia stare",
            "lasciamo perdere", "lasciamo stare", "dimentica", "dimenticalo", "ho cambiato idea",
            "devam etmek istemiyorum", "artık devam etmek istemiyorum", "unut", "unut gitsin", "unut bunu", "fikrimi değiştirdim",
            "nechci pokračovat", "už nechci pokračovat", "už nechci", "zapomeň na to", "nech to být", "rozmyslel jsem si to",
            "rozmyslela jsem si to",
        }.Select(TextNormalizer.Normalize),
        StringComparer.Ordinal);

    /// <summary>Whether <paramref name="normalized"/> (lead-ins and courtesy already set aside) is one of these cancels.</summary>
    private static bool IsCancelVariant(string normalized) =>
        MoreCancelPhrases.Contains(normalized)
        || (!normalized.Contains(' ', StringComparison.Ordinal) && TypoTolerantCancelWords.Any(word => IsOneSlipFrom(normalized, word)));

    /// <summary>
    /// One letter left out, one added, or two neighbours swapped ("cancl", "cancell", "cancle"). Not one letter replaced
    /// by another: that makes real words of the cancel word ("cancer").
    /// </summary>
    internal static bool IsOneSlipFrom(string typed, string word)
    {
        if (typed.Length == word.Length)
        {
            var first = -1;
            for (var i = 0; i < typed.Length; i++)
            {
                if (typed[i] != word[i])
                {
                    first = i;
                    break;
                }
            }

            return first >= 0 && first + 1 < typed.Length
                && typed[first] == word[first + 1] && typed[first + 1] == word[first]
                && string.Equals(typed[(first + 2)..], word[(first + 2)..], StringComparison.Ordinal);
        }

        var (longer, shorter) = typed.Length > word.Length ? (typed, word) : (word, typed);
        if (longer.Length != shorter.Length + 1)
        {
            return false;
        }

        for (var i = 0; i < longer.Length; i++)
        {
            if (string.Equals(longer.Remove(i, 1), shorter, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
