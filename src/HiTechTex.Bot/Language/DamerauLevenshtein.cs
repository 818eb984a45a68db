namespace HiTechTex.Bot.Language;

/// <summary>Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
internal static class DamerauLevenshtein
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are at most <paramref name="max"/> edits apart.</summary>
    public static bool IsWithin(string a, string b, int max) => IsWithin(a.AsSpan(), b.AsSpan(), max);

    /// <inheritdoc cref="IsWithin(string, string, int)"/>
    public static bool IsWithin(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return false;
        }

        // The recognizer only ever asks for one edit: a linear, allocation-free check (the matrix below allocated
        // per word pair and made a sentence cost milliseconds across the whole vocabulary).
        return max switch
        {
            < 0 => false,
            0 => a.SequenceEqual(b),
            1 => IsWithinOne(a, b),
            _ => Distance(a.ToString(), b.ToString()) <= max,
        };
    }

    /// <summary>
    /// Optimal-string-alignment distance ≤ 1: equal, one substitution, one adjacent transposition, or one
    /// insertion/deletion. Same answer as <c>Distance(a, b) &lt;= 1</c>.
    /// </summary>
    private static bool IsWithinOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var prefix = a.CommonPrefixLength(b);
        if (prefix == a.Length && prefix == b.Length)
        {
            return true;
        }

        var restA = a[prefix..];
        var restB = b[prefix..];
        if (restA.Length == restB.Length)
        {
            // Substitution: the tails after the first difference are equal. Transposition: the two differing
            // characters are swapped neighbours and the rest is equal.
            return restA[1..].SequenceEqual(restB[1..]) ||
                (restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..]));
        }

        // One insertion or deletion: skipping the first differing character of the longer word makes them equal.
        return restA.Length > restB.Length ? restA[1..].SequenceEqual(restB) : restB[1..].SequenceEqual(restA);
    }

    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
