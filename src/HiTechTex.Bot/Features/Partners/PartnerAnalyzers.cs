using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Cz;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Tr;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// The analysis of the partner index. Each description is indexed into the field of its language with that
/// language's stemming analyzer; names and a catch-all text field use a language-neutral analyzer (lower case, the
/// stop words of all six languages, diacritics folded) that the typo-tolerant fuzzy queries run against.
/// </summary>
internal static class PartnerAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The languages with their own description field, "desc_{language}".</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "pt", "es", "it", "tr", "cs"];

    public static string DescriptionField(string language) => "desc_" + language;

    public static CharArraySet StopWords { get; } = CreateStopWords();

    public static Analyzer Create()
    {
        var neutral = Neutral();
        var perLanguage = new Dictionary<string, Analyzer>
        {
            [DescriptionField("en")] = new EnglishAnalyzer(Version),
            [DescriptionField("pt")] = new PortugueseAnalyzer(Version),
            [DescriptionField("es")] = new SpanishAnalyzer(Version),
            [DescriptionField("it")] = new ItalianAnalyzer(Version),
            [DescriptionField("tr")] = new TurkishAnalyzer(Version),
            [DescriptionField("cs")] = new CzechAnalyzer(Version),
        };
        return new PerFieldAnalyzerWrapper(neutral, perLanguage);
    }

    /// <summary>The terms <paramref name="analyzer"/> produces for <paramref name="text"/> in <paramref name="field"/>.</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private static Analyzer Neutral() => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        // Stop words before folding: the lists are spelt with diacritics ("não", "için").
        stream = new StopFilter(Version, stream, StopWords);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    private static CharArraySet CreateStopWords()
    {
        var set = new CharArraySet(Version, 1024, ignoreCase: true);
        set.UnionWith(EnglishAnalyzer.DefaultStopSet);
        foreach (var language in new[] { PortugueseAnalyzer.DefaultStopSet, SpanishAnalyzer.DefaultStopSet, ItalianAnalyzer.DefaultStopSet, TurkishAnalyzer.DefaultStopSet, CzechAnalyzer.DefaultStopSet })
        {
            set.UnionWith(language);
        }

        return set.AsReadOnly();
    }
}
