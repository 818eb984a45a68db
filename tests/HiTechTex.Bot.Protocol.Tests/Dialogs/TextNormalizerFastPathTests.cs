using System.Globalization;
using System.Text;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Testing.Dialogs;

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

/// <summary>
/// The yes/no answers are normalized once, not on every answer (issue 3's benchmark): whole answers and a leading yes or no
/// as before — a single letter only alone, a word only before a space.
/// </summary>
public sealed class ConfirmPromptNormalizedAnswersTests
{
    [Theory]
    [InlineData("en-US", "yes", true)]
    [InlineData("en-US", "yes please", true)]
    [InlineData("en-US", "Yes, sure!", true)]
    [InlineData("en-US", "yesterday", null)]
    [InlineData("en-US", "y", true)]
    [InlineData("en-US", "y not", null)]
    [InlineData("en-US", "no thanks", false)]
    [InlineData("en-US", "nothing", null)]
    [InlineData("pt-PT", "s", true)]
    [InlineData("pt-PT", "s por favor", null)]
    [InlineData("pt-PT", "Não, obrigado", false)]
    [InlineData("es-ES", "Sí por favor", true)]
    [InlineData("it-IT", "d'accordo", true)]
    [InlineData("tr-TR", "hayır teşekkürler", false)]
    [InlineData("cs-CZ", "ne děkuji", false)]
    [InlineData("cs-CZ", "určitě", true)]
    public void Recognize_AnswersAsBefore(string locale, string text, bool? expected)
    {
        Assert.Equal(expected, HiTechTex.Bot.Protocol.Dialogs.Prompts.ConfirmPrompt.Recognize(text, locale));
    }

    [Theory]
    [InlineData("sim", true)]
    [InlineData("evet", true)]
    [InlineData("hayir", false)]
    [InlineData("ano prosím", true)]
    [InlineData("no", false)]
    public void Recognize_AnyLanguage_AnswersAsBefore(string text, bool expected)
    {
        Assert.Equal(expected, HiTechTex.Bot.Protocol.Dialogs.Prompts.ConfirmPrompt.Recognize(text, "en-US", anyLanguage: true));
    }

    [Theory]
    [InlineData("en-US", "Yes", "No")]
    [InlineData("pt-PT", "Sim", "Não")]
    [InlineData("tr-TR", "Evet", "Hayır")]
    public async Task TheYesNoCard_KeptPerLanguage_IsTheCardBuiltEachTimeBefore(string locale, string yes, string no)
    {
        // The card of every prompt (and of a retry) is the card ButtonsCard builds, with the question's id on its
        // buttons (PromptButtons): the same id on the retry's card, another for another asking of the question.
        string? previousId = null;
        for (var run = 0; run < 2; run++)
        {
            string? id = null;
            await PromptHost.Flow(() => new ConfirmPrompt("c"), PromptOptions.Text("Confirm?", "Yes or no?"), configure: a => a.Locale = locale)
                .Send("hi").AssertReply(reply =>
                {
                    id = reply.Attachments![0].Content!.Value.GetProperty("actions")[0].GetProperty("data").GetProperty(PromptButtons.PromptKey).GetString();
                    Assert.Equal(PromptActivities.ButtonsCard([yes, no], id).Content!.Value.GetRawText(), reply.Attachments![0].Content!.Value.GetRawText());
                })
                .Send("maybe").AssertReply(reply => Assert.Equal(PromptActivities.ButtonsCard([yes, no], id).Content!.Value.GetRawText(), reply.Attachments![0].Content!.Value.GetRawText()))
                .Send(yes).AssertReply("Result: True")
                .StartTestAsync();
            Assert.NotNull(id);
            Assert.NotEqual(previousId, id);
            previousId = id;
        }
    }
}
