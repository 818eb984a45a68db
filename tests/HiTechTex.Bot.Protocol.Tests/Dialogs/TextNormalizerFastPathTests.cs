using System.Globalization;
using System.Text;
using HiTechTex.Bot.Protocol.Dialogs;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>
/// <see cref="TextNormalizer.Fold"/> returns ASCII text lower-cased without decomposing it (issue 3's benchmark: it runs
/// several times per turn): the same results as the former algorithm, six languages, and so the same interruptions.
/// </summary>
public sealed class TextNormalizerFastPathTests
{
    [Theory]
    [InlineData("")]
    [InlineData("hi")]
    [InlineData("YES")]
    [InlineData("Cancel, please!")]
    [InlineData("Amanhã 10:00")]
    [InlineData("Não!")]
    [InlineData("¿Cancelar?")]
    [InlineData("Annulla, per favore")]
    [InlineData("İPTAL ET")]
    [InlineData("ıptal")]
    [InlineData("Zrušit")]
    [InlineData("Straße Æsir œuvre Łódź")]
    [InlineData("e\u0301")]
    [InlineData("ok 👍")]
    [InlineData("<at>Giulia</at> cancel")]
    public void FoldAndNormalize_GiveWhatTheFormerAlgorithmGave(string text)
    {
        foreach (var variant in new[] { text, text.ToUpperInvariant(), " " + text + " " })
        {
            Assert.Equal(FormerFold(variant), TextNormalizer.Fold(variant));
        }
    }

    [Theory]
    [InlineData("cancel", InterruptionKind.Cancel)]
    [InlineData("please cancel", InterruptionKind.Cancel)]
    [InlineData("hi", InterruptionKind.None)]
    [InlineData("yes", InterruptionKind.None)]
    [InlineData("help", InterruptionKind.Help)]
    [InlineData("İptal", InterruptionKind.Cancel)]
    public void Interruptions_AreRecognizedAsBefore(string text, InterruptionKind kind)
    {
        Assert.Equal(kind, InterruptionRecognizer.Recognize(text));
    }

    // TextNormalizer.Fold before the ASCII fast path, as it was.
    private static string FormerFold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var lowered = text.Replace('ı', 'i').Replace('İ', 'i').ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(lowered.Length);
        foreach (var c in lowered)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
