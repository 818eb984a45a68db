using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using HiTechTex.Bot.Protocol;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>How a journey recognizes one of its typed commands inside the message that started it.</summary>
internal static class TypedCommand
{
    // The folded forms of each command list (the lists are the texts' and journeys' own, built once): folded once, not
    // once per command and turn.
    private static readonly ConditionalWeakTable<IEnumerable<string>, FrozenSet<string>> FoldedSets = new();

    /// <summary>
    /// Whether <paramref name="typed"/> is <paramref name="command"/>: the whole message, ignoring case, accents,
    /// surrounding spaces and a leading slash ("/Língua" is "lingua").
    /// </summary>
    public static bool Matches(string command, string typed) =>
        string.Equals(Fold(command), Fold(typed), StringComparison.Ordinal);   // one notion of "the same command" (see Fold)

    /// <summary>
    /// Whether <paramref name="typed"/> is one of <paramref name="commands"/> (<see cref="Matches"/> with any of them). The
    /// list's folded forms are kept while the list lives: it must not change once asked about (the texts' command lists
    /// and the journeys' <see cref="IJourney.Commands"/> are fixed).
    /// </summary>
    public static bool MatchesAny(IEnumerable<string> commands, string typed) => FoldedSet(commands).Contains(Fold(typed));

    /// <summary>Whether the already folded <paramref name="folded"/> is one of <paramref name="commands"/> (see <see cref="MatchesAny"/>).</summary>
    public static bool ContainsFolded(IEnumerable<string> commands, string folded) => FoldedSet(commands).Contains(folded);

    /// <summary>The folded forms of <paramref name="commands"/>, computed once per list.</summary>
    public static FrozenSet<string> FoldedSet(IEnumerable<string> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return FoldedSets.GetValue(commands, static list => list.Select(Fold).ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>Lower case without accents or surrounding spaces/slash, so "/Progresso" is "progresso" (and Turkish "ı" is "i").</summary>
    public static string Fold(string text)
    {
        var lowered = text.Trim().TrimStart('/').Trim().ToLowerInvariant();
        if (Ascii.IsValid(lowered))
        {
            // Nothing to decompose, no marks, no "ı": the slow path below would return the same string.
            return lowered;
        }

        var decomposed = Utf16Text.WellFormed(lowered).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Replace('ı', 'i');
    }
}
