using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// The local recognizer's language detection over <see cref="LanguageDetectionCorpus"/>: every message detected as its
/// language, with no Teams locale and with each of the six (a Spanish message on a Portuguese client is Spanish); and
/// a message that belongs to no one language ("Porto", "coaching") is the locale's language, never another.
/// </summary>
public sealed class LanguageDetectionTests
{
    private static readonly string?[] Locales = [null, "en-US", "pt-PT", "es-ES", "it-IT", "tr-TR", "cs-CZ"];

    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Recognize_Corpus_EveryMessageDetectedAsItsLanguageWhateverTheLocale()
    {
        var failures = new List<string>();
        var perLanguage = new Dictionary<string, (int Right, int Total)>();
        foreach (var (text, language) in LanguageDetectionCorpus.All)
        {
            foreach (var locale in Locales)
            {
                var detected = recognizer.Recognize(text, locale).Language;
                var (right, total) = perLanguage.GetValueOrDefault(language);
                perLanguage[language] = (right + (detected == language ? 1 : 0), total + 1);
                if (detected != language)
                {
                    failures.Add($"[{language}] \"{text}\" (locale {locale ?? "none"}) detected as {detected ?? "nothing"}");
                }
            }
        }

        var accuracy = string.Join(", ", perLanguage.Select(kv => $"{kv.Key} {kv.Value.Right}/{kv.Value.Total}"));
        Assert.True(failures.Count == 0, $"Accuracy: {accuracy}\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void Corpus_HasAtLeast25MessagesPerLanguage()
    {
        foreach (var group in LanguageDetectionCorpus.All.GroupBy(m => m.Language))
        {
            Assert.True(group.Count() >= 25, $"{group.Key}: {group.Count()} messages");
        }

        Assert.Equal(6, LanguageDetectionCorpus.All.Select(m => m.Language).Distinct().Count());
    }

    /// <summary>
    /// One or two words that several of the languages write alike (place names, borrowed words, shared verbs): they
    /// are no evidence of a language, and must not be in the corpus.
    /// </summary>
    public static readonly string[] Ambiguous =
    [
        "Porto", "Prato", "Brno", "Bursa", "coaching", "partner", "workshop", "cancelar", "visita", "mentoring", "Toscana",
        "de Porto", "a Prato", "en Bursa", "partner Porto", "coaching Brno", "para Porto", "mobilita", "buscar", "o Porto",
    ];

    public static TheoryData<string, string> AmbiguousWithLocales()
    {
        var data = new TheoryData<string, string>();
        foreach (var text in Ambiguous)
        {
            foreach (var locale in Locales.OfType<string>())
            {
                data.Add(text, locale);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AmbiguousWithLocales))]
    public void Recognize_AmbiguousShortMessage_IsTheLocaleLanguage(string text, string locale)
    {
        var result = recognizer.Recognize(text, locale);

        Assert.Equal(locale[..2], result.Language);
    }

    [Fact]
    public void Corpus_HoldsNoAmbiguousMessage()
    {
        var corpus = LanguageDetectionCorpus.All.Select(m => m.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.DoesNotContain(Ambiguous, corpus.Contains);
    }

    [Theory]
    [InlineData("quiero viajar a Italia en marzo durante dos semanas", "es")]
    [InlineData("quero viajar a Itália em março durante duas semanas", "pt")]
    [InlineData("voglio andare in Spagna a marzo per due settimane", "it")]
    [InlineData("chci jet do Burse v dubnu", "cs")]
    [InlineData("Brno'ya nisan ayinda gitmek istiyorum", "tr")]
    // A country left out, and nothing else of one language: "fuera" is Spanish, "fora" Portuguese ("empresas fuera de
    // Italia" was Portuguese, the first of two languages with the same votes).
    [InlineData("empresas fuera de Italia", "es")]
    [InlineData("empresas fora de Itália", "pt")]
    [InlineData("proveedores fuera de Italia", "es")]
    [InlineData("fornecedores fora de Itália", "pt")]
    [InlineData("fabricantes fuera de Italia", "es")]
    [InlineData("fabricantes fora de Itália", "pt")]
    [InlineData("empresas excluyendo Italia", "es")]
    [InlineData("empresas excluindo Itália", "pt")]
    [InlineData("empresas fuera de España", "es")]
    [InlineData("empresas fora de Espanha", "pt")]
    // "excepto" is the Spanish spelling ("exceto" the Portuguese): "empresas excepto Italia" had no word of one language.
    [InlineData("empresas excepto Italia", "es")]
    [InlineData("proveedores excepto Italia", "es")]
    [InlineData("empresas exceto Itália", "pt")]
    [InlineData("fornecedores exceto Itália", "pt")]
    [InlineData("firmy mimo Itálii", "cs")]
    [InlineData("výrobci mimo Itálii", "cs")]
    public void Recognize_SharedWordsOfNeighbourLanguages_TheLanguageOfItsOwnWords(string text, string expected)
    {
        foreach (var locale in Locales)
        {
            Assert.Equal(expected, recognizer.Recognize(text, locale).Language);
        }
    }

    [Theory]
    [InlineData("quiero viajar a Italia en marzo durante dos semanas", "")]
    [InlineData("queria saber como funciona el intercambio de personal", "queria,saber,funciona,personal")]
    [InlineData("c'è qualche tintoria vicino a Prato?", "tintoria,vicino,prato")]
    [InlineData("quali sono i prossimi workshop?", "prossimi")]
    public void Recognize_LanguageDetectedRight_ItsStopWordsAreNoKeywords(string text, string keywords)
    {
        // Before: read as Portuguese or English, "quiero", "en", "el", "qualche", "quali", "sono" were search words.
        var result = recognizer.Recognize(text, "en-US");

        Assert.Equal(keywords, string.Join(',', result.Entities.Keywords));
    }

    [Theory]
    [InlineData("queria marcar o webinar de sexta-feira", "pt")]
    [InlineData("quería reservar el webinar del viernes", "es")]
    [InlineData("vorrei prenotare il webinar di venerdì", "it")]
    [InlineData("quali sono i prossimi workshop?", "it")]
    [InlineData("cuma günkü webinara kaydolmak istiyorum", "tr")]
    [InlineData("chtěl bych webinář v pátek", "cs")]
    public void Recognize_WebinarOrWorkshopInAnyLanguage_IsCoachingInThatLanguage(string text, string language)
    {
        // Before: "webinar" (and Italian "workshop") were English words only — the message read as English.
        var result = recognizer.Recognize(text, "en-US");

        Assert.Equal(Intent.RegisterForCoaching, result.Intent);
        Assert.Equal(language, result.Language);
    }

    /// <summary>
    /// Turkish typed in capitals: the dotted capital İ is Turkish alone, though lower-cased it is any language's "i" —
    /// "TEKSTİL FİRMASI" was the locale's language (two words no language claimed).
    /// </summary>
    [Theory]
    [InlineData("TEKSTİL FİRMASI")]
    [InlineData("TEKSTİL ŞİRKETİ")]
    [InlineData("İPLİK")]
    [InlineData("İZMİR'DE TEKSTİL FİRMASI")]
    [InlineData("DENİZLİDEN HAVLU ÜRETİCİSİ")]
    [InlineData("İSTANBUL'DA BOYAMA FİRMASI ARIYORUM")]
    public void Recognize_TurkishInCapitals_IsTurkishWhateverTheLocale(string text)
    {
        foreach (var locale in Locales)
        {
            Assert.True(recognizer.Recognize(text, locale).Language == "tr", $"\"{text}\" on locale {locale ?? "none"}");
        }
    }

    [Theory]
    [InlineData("find partners in İzmir", "en")]
    [InlineData("procuro parceiros em İzmir", "pt")]
    [InlineData("hledám partnery v İstanbulu", "cs")]
    public void Recognize_ATurkishNameInCapitalsInAnotherLanguage_StaysThatLanguage(string text, string language)
    {
        Assert.Equal(language, recognizer.Recognize(text, null).Language);
    }
}
