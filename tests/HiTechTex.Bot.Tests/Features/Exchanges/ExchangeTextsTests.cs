using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

public sealed partial class ExchangeTextsTests
{
    public static TheoryData<string> Languages => ["en", "pt", "es", "it", "tr", "cs"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void WeekendReasons_EachLanguage_NameTheirField(string language)
    {
        var texts = ExchangeTexts.Resolve(language);

        Assert.StartsWith(texts.StartDate, texts.Problems[EligibilityProblem.StartOnWeekend], StringComparison.Ordinal);
        Assert.StartsWith(texts.EndDate, texts.Problems[EligibilityProblem.EndOnWeekend], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Resolve_EachLanguage_HasEveryStatusActionActivityAndReason(string language)
    {
        var texts = ExchangeTexts.Resolve(language);

        Assert.Equal(language, texts.Language);
        Assert.All(Enum.GetValues<ExchangeStatus>(), s => Assert.False(string.IsNullOrWhiteSpace(texts.Statuses[s])));
        Assert.All(Enum.GetValues<ExchangeAction>(), a => Assert.False(string.IsNullOrWhiteSpace(texts.Actions[a])));
        Assert.All(Enum.GetValues<ExchangeActivityType>(), t => Assert.False(string.IsNullOrWhiteSpace(texts.ActivityTypes[t])));
        Assert.All(Enum.GetValues<EligibilityProblem>(), p => Assert.False(string.IsNullOrWhiteSpace(texts.Problems[p])));
        // What a Retry now tried, named in its summary: every retryable problem (the applicant's messages by ApplicantNotices).
        Assert.All(Enum.GetValues<ExchangeStuckReason>().Where(r => r is not ExchangeStuckReason.NoApprover and not ExchangeStuckReason.ApplicantNotReached),
            r => Assert.False(string.IsNullOrWhiteSpace(texts.RetryProblems[r])));
        Assert.All(Enum.GetValues<ExchangeApplicantNotice>(), n => Assert.False(string.IsNullOrWhiteSpace(texts.ApplicantNotices[n])));
        Assert.NotEmpty(texts.ApplyCommands);
        Assert.NotEmpty(texts.PendingApprovalsCommands);
        Assert.NotEmpty(texts.StepByStepCommands);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Resolve_TranslatedLanguage_DiffersFromEnglish(string language)
    {
        var texts = ExchangeTexts.Resolve(language);

        Assert.Equal(language == "en", texts.NotAllowed == ExchangeTexts.English.NotAllowed);
        Assert.Equal(language == "en", texts.Statuses[ExchangeStatus.Stage2] == ExchangeTexts.English.Statuses[ExchangeStatus.Stage2]);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void ExportColumns_EachLanguage_FourteenDistinctNamesThatNeedNoQuotingAndAreNotTheCodeColumns(string language)
    {
        var columns = ExchangeTexts.Resolve(language).ExportColumns;

        Assert.Equal(ExchangeTexts.English.ExportColumns.Count, columns.Count);
        Assert.Equal(14, columns.Count);
        Assert.Equal(columns.Count, columns.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(columns, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c));
            Assert.Equal(c, ExchangeReports.Quote(c));
            Assert.DoesNotContain(c, new[] { "StatusCode", "ActivityTypeCode" });
        });
        Assert.Equal(language == "en", columns.SequenceEqual(ExchangeTexts.English.ExportColumns));
    }

    [Fact]
    public void Italian_EveryExchangeText_SaysCandidaturaNeverDomanda()
    {
        // An application to the programme is a "candidatura" (and applying "candidarsi"), everywhere the bot shows it:
        // the exchange texts, and the other features' Italian texts that speak of exchanges. What people type may
        // still say "domanda" (the commands and the recognizer's vocabulary read it).
        var exchangeTexts = ShownTexts(ExchangeTexts.Italian).ToList();
        var aboutExchanges = new object[] { ConversationTexts.It, PartnerTexts.Italian, CoachingTexts.Italian }
            .SelectMany(ShownTexts)
            .Where(t => ExchangeWord().IsMatch(t))
            .ToList();

        Assert.NotEmpty(exchangeTexts);
        Assert.Contains(exchangeTexts, t => t.Contains("candidatura di scambio", StringComparison.Ordinal));
        Assert.Contains(aboutExchanges, t => t.Contains("candidature di scambio", StringComparison.Ordinal));
        Assert.All(exchangeTexts.Concat(aboutExchanges), t => Assert.DoesNotMatch(Domanda(), t));
    }

    /// <summary>Every text a texts object shows (its strings, lists and dictionaries), not the commands people type.</summary>
    private static IEnumerable<string> ShownTexts(object texts) =>
        texts.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && !p.Name.EndsWith("Commands", StringComparison.Ordinal))
            .SelectMany(p => Strings(p.GetValue(texts)));

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string text => [text],
        IDictionary dictionary => dictionary.Values.Cast<object?>().SelectMany(Strings),
        IEnumerable items => items.Cast<object?>().SelectMany(Strings),
        _ => [],
    };

    [GeneratedRegex(@"\bdomand[ae]\b", RegexOptions.IgnoreCase)]
    private static partial Regex Domanda();

    [GeneratedRegex(@"\bscamb(io|i)\b|ClusterXchange", RegexOptions.IgnoreCase)]
    private static partial Regex ExchangeWord();

    [Fact]
    public void Resolve_UnknownLanguage_English() => Assert.Same(ExchangeTexts.English, ExchangeTexts.Resolve("de"));

    [Fact]
    public void Commands_AcrossLanguagesAndJourneys_NoneClaimedTwice()
    {
        var all = ExchangeTexts.All.SelectMany(t => t.ApplyCommands.Select(c => ("apply", c))
            .Concat(t.MyApplicationsCommands.Select(c => ("mine", c)))
            .Concat(t.WithdrawCommands.Select(c => ("withdraw", c)))
            .Concat(t.PendingApprovalsCommands.Select(c => ("pending", c)))
            .Concat(t.ProgressCommands.Select(c => ("progress", c)))
            .Concat(t.ExportCommands.Select(c => ("export", c)))
            .Concat(t.StuckCommands.Select(c => ("stuck", c)))
            .Concat(t.StepByStepCommands.Select(c => ("stepByStep", c))))
            .Select(p => (p.Item1, Command: TypedCommand.Fold(p.c)))
            .Distinct()
            .ToList();

        Assert.Equal(all.Count, all.Select(p => p.Command).Distinct().Count());
    }
}
