using System.Globalization;
using System.Text;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// <see cref="TextNormalizer.Normalize"/> returns ASCII text lower-cased without decomposing it, and appends characters
/// instead of a string per character (issue 3's benchmark): the same results as the former algorithm, six languages.
/// </summary>
public sealed class TextNormalizerFastPathTests
{
    [Theory]
    [InlineData("")]
    [InlineData("hi")]
    [InlineData("Yes")]
    [InlineData("I'M FROM CITEVE")]
    [InlineData("Laboratório")]
    [InlineData("İtalya")]
    [InlineData("KOBİ")]
    [InlineData("Řecko")]
    [InlineData("Isparta ısıtma")]
    [InlineData("Łódź")]
    [InlineData("Ørsted")]
    [InlineData("Straße")]
    [InlineData("Æsir œuvre")]
    [InlineData("it’s ‘quoted’")]
    [InlineData("¿Qué datos guardan?")]
    [InlineData("cosa conservate dei miei dati?")]
    [InlineData("verilerimi siliyor musunuz?")]
    [InlineData("jaké údaje uchováváte?")]
    [InlineData("vocês apagam os meus dados depois do intercâmbio?")]
    [InlineData("e\u0301")]
    [InlineData("ok 👍")]
    [InlineData("2026-12-03 10:00")]
    public void Normalize_GivesWhatTheFormerAlgorithmGave(string text)
    {
        Assert.Equal(FormerNormalize(text), TextNormalizer.Normalize(text));
        Assert.Equal(FormerNormalize(text.ToUpperInvariant()), TextNormalizer.Normalize(text.ToUpperInvariant()));
    }

    // TextNormalizer.Normalize before the fast path, as it was.
    private static string FormerNormalize(string text)
    {
        var decomposed = text.Replace('İ', 'i').ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'ı' => "i",
                'ł' => "l",
                'ø' => "o",
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                '’' or '‘' => "'",
                _ => c.ToString(),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
