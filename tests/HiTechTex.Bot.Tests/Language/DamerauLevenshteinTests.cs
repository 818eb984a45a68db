using HiTechTex.Bot.Language;
using HiTechTex.Bot.Language.Vocabulary;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// The linear one-edit check that replaced the distance matrix on the recognizer's hot path gives exactly the old
/// answer (<c>Distance(a, b) &lt;= 1</c>) on the whole vocabulary and its one- and two-edit misspellings.
/// </summary>
public sealed class DamerauLevenshteinTests
{
    [Fact]
    public void IsWithinOne_VocabularyAndMisspellings_AgreesWithTheDistanceMatrix()
    {
        var words = VocabularyWords().ToList();
        var compared = 0;
        foreach (var word in words)
        {
            var variants = Misspellings(word).SelectMany(v => Misspellings(v).Take(40).Prepend(v)).Distinct().ToList();
            foreach (var other in variants.Concat(words.Where(w => Math.Abs(w.Length - word.Length) <= 1).Take(60)))
            {
                var expected = DamerauLevenshtein.Distance(word, other) <= 1;
                Assert.True(expected == DamerauLevenshtein.IsWithin(word, other, 1), $"'{word}' vs '{other}': expected {expected}");
                Assert.True(expected == DamerauLevenshtein.IsWithin(other, word, 1), $"'{other}' vs '{word}': expected {expected}");
                compared++;
            }
        }

        Assert.True(compared > 50_000, $"only {compared} pairs compared");
    }

    [Theory]
    [InlineData("ab", "ba", true)]
    [InlineData("abc", "bca", false)]
    [InlineData("abcd", "acbd", true)]
    [InlineData("abcd", "badc", false)]
    [InlineData("", "a", true)]
    [InlineData("", "ab", false)]
    [InlineData("same", "same", true)]
    public void IsWithin_EdgeCases_MatchesDistance(string a, string b, bool expected)
    {
        Assert.Equal(expected, DamerauLevenshtein.IsWithin(a, b, 1));
        Assert.Equal(expected, DamerauLevenshtein.Distance(a, b) <= 1);
    }

    [Fact]
    public void IsWithin_MaxTwo_StillUsesTheFullDistance()
    {
        Assert.True(DamerauLevenshtein.IsWithin("search", "research", 2));
        Assert.False(DamerauLevenshtein.IsWithin("search", "researches", 2));
        Assert.True(DamerauLevenshtein.IsWithin("abc", "abc", 0));
        Assert.False(DamerauLevenshtein.IsWithin("abc", "abd", 0));
    }

    private static IEnumerable<string> VocabularyWords()
    {
        var phrases = Languages.All.SelectMany(l => l.Intents.Values.SelectMany(p => p).Concat(l.StopWords).Concat(l.TopicMarkers))
            .Concat(new[] { Gazetteer.Countries, Gazetteer.Regions, Gazetteer.OrganisationKinds, Gazetteer.Topics }.SelectMany(g => g.SelectMany(e => e.Names)));
        return phrases
            .Select(p => p.Split('=')[0])
            .SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => TextNormalizer.Normalize(w.TrimEnd('*')))
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Misspellings(string word)
    {
        const string Letters = "aeiorstnxz";
        for (var i = 0; i < word.Length; i++)
        {
            yield return word.Remove(i, 1);
            yield return word[..i] + Letters[i % Letters.Length] + word[(i + 1)..];
            if (i + 1 < word.Length)
            {
                yield return word[..i] + word[i + 1] + word[i] + word[(i + 2)..];
            }
        }

        for (var i = 0; i <= word.Length; i++)
        {
            yield return word.Insert(i, Letters[(i * 3) % Letters.Length].ToString());
        }
    }
}
