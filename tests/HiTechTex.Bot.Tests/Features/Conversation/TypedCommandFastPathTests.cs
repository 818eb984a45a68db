using System.Globalization;
using System.Text;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// The per-turn understanding is cheaper (issue 3's benchmark): <see cref="TypedCommand.Fold"/> returns ASCII text lower-cased
/// without decomposing it, and a command list is folded once (<see cref="TypedCommand.MatchesAny"/>) instead of once per
/// command and turn. Both must answer exactly as before: checked against the former algorithm on the six languages'
/// commands and sentences, ASCII or not.
/// </summary>
public sealed class TypedCommandFastPathTests
{
    private static readonly string[] Sentences =
    [
        "", " ", "hi", "yes", "Yes", "HELP", " /Help ", "/ help", "  /  cancel  ", "/", "//x", "?", "ok 👍", "👍",
        "delete my data", "Delete My Data please", "/Língua", "LÍNGUA", "língua", "Olá, quero apagar os meus dados",
        "apague os meus dados", "¿Qué datos guardan?", "borra mis datos", "Ciao, sono Giulia", "cancella i miei dati",
        "Benim adım Ayşe", "İSTANBUL", "ısparta", "verilerimi silin", "Çalışıyorum", "Jmenuji se Řehoř", "smažte moje data",
        "Straße", "Ærø", "œuvre", "it’s me", "e\u0301", "\tTab\t", "ŁÓDŹ", "Ñandú", "mañana 10:00", "Crème brûlée",
    ];

    public static TheoryData<string> Inputs()
    {
        // Each text once ("ŁÓDŹ" is its own upper case): xUnit skips a repeated case with a warning.
        var texts = Sentences.Concat(AllCommandLists().SelectMany(list => list))
            .SelectMany(input => new[] { input, input.ToUpperInvariant(), " /" + input + " " })
            .Distinct(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var text in texts)
        {
            data.Add(text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Fold_GivesWhatTheFormerAlgorithmGave(string text)
    {
        Assert.Equal(FormerFold(text), TypedCommand.Fold(text));
    }

    [Fact]
    public void MatchesAny_AnswersAsComparingWithEveryCommand()
    {
        var typed = Sentences.Concat(AllCommandLists().SelectMany(list => list))
            .SelectMany(input => new[] { input, input.ToUpperInvariant(), " /" + input + " " })
            .ToList();
        foreach (var list in AllCommandLists())
        {
            foreach (var text in typed)
            {
                Assert.Equal(list.Any(c => FormerFold(c) == FormerFold(text)), TypedCommand.MatchesAny(list, text));
                Assert.Equal(list.Any(c => FormerFold(c) == FormerFold(text)), TypedCommand.ContainsFolded(list, TypedCommand.Fold(text)));
            }

            // Every command is found in its own list, however typed.
            Assert.All(list, command => Assert.True(TypedCommand.MatchesAny(list, " /" + command.ToUpperInvariant())));
        }
    }

    [Theory]
    [InlineData("delete my data", true)]
    [InlineData("/APAGAR OS MEUS DADOS", true)]
    [InlineData("please delete my data", true)]
    [InlineData("hi", false)]
    [InlineData("yes", false)]
    [InlineData("do you delete my data after the exchange?", false)]
    public void DeleteDataCommand_IsRecognizedAsBefore(string typed, bool expected)
    {
        Assert.Equal(expected, DeleteDataJourney.IsCommand(typed));
    }

    private static IEnumerable<IReadOnlyList<string>> AllCommandLists()
    {
        foreach (var texts in ConversationTexts.All)
        {
            yield return texts.ProfileCommands;
            yield return texts.LanguageCommands;
            yield return texts.DeleteDataCommands;
        }

        foreach (var texts in ExchangeTexts.All)
        {
            yield return texts.ApplyCommands;
            yield return texts.MyApplicationsCommands;
            yield return texts.WithdrawCommands;
            yield return texts.PendingApprovalsCommands;
            yield return texts.ProgressCommands;
            yield return texts.ExportCommands;
            yield return texts.StuckCommands;
            yield return texts.StepByStepCommands;
        }

        foreach (var texts in CoachingTexts.All)
        {
            yield return texts.ListCommands;
            yield return texts.MineCommands;
            yield return texts.NewSessionCommands;
            yield return texts.ImportCommands;
        }

        foreach (var texts in PartnerTexts.All)
        {
            yield return texts.ManageMembersCommands;
        }
    }

    // TypedCommand.Fold before the ASCII fast path, as it was.
    private static string FormerFold(string text)
    {
        var decomposed = text.Trim().TrimStart('/').Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
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

/// <summary>
/// <see cref="ConversationTexts.Supported"/> compares an ASCII locale without building its lower-cased code (it runs twice
/// per turn): the same answers as before.
/// </summary>
public sealed class SupportedLanguageFastPathTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("EN-us")]
    [InlineData("pt-BR")]
    [InlineData("pt_PT")]
    [InlineData(" es-ES")]
    [InlineData("it")]
    [InlineData("tr-TR")]
    [InlineData("cs-CZ")]
    [InlineData("Cs")]
    [InlineData("de-DE")]
    [InlineData("-en")]
    [InlineData("english")]
    [InlineData("tİ-TR")]
    [InlineData("İT")]
    [InlineData("Kts")]
    [InlineData("çs")]
    public void Supported_GivesWhatTheFormerCodeGave(string? locale)
    {
        Assert.Equal(FormerSupported(locale), ConversationTexts.Supported(locale));
        Assert.Equal(ConversationTexts.For(FormerSupported(locale) ?? "en").Language, ConversationTexts.Resolve(null, locale).Language);
    }

    private static string? FormerSupported(string? languageOrLocale)
    {
        if (string.IsNullOrWhiteSpace(languageOrLocale))
        {
            return null;
        }

        var dash = languageOrLocale.IndexOfAny(['-', '_']);
        var code = (dash > 0 ? languageOrLocale[..dash] : languageOrLocale).Trim().ToLowerInvariant();
        return ConversationTexts.All.Any(t => t.Language == code) ? code : null;
    }
}
