using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

public sealed class ExchangeTextsTests
{
    public static TheoryData<string> Languages => ["en", "pt", "es", "it", "tr", "cs"];

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
    public void Resolve_UnknownLanguage_English() => Assert.Same(ExchangeTexts.English, ExchangeTexts.Resolve("de"));

    [Fact]
    public void Commands_AcrossLanguagesAndJourneys_NoneClaimedTwice()
    {
        var all = ExchangeTexts.All.SelectMany(t => t.ApplyCommands.Select(c => ("apply", c))
            .Concat(t.MyApplicationsCommands.Select(c => ("mine", c)))
            .Concat(t.PendingApprovalsCommands.Select(c => ("pending", c)))
            .Concat(t.ProgressCommands.Select(c => ("progress", c)))
            .Concat(t.ExportCommands.Select(c => ("export", c)))
            .Concat(t.StepByStepCommands.Select(c => ("stepByStep", c))))
            .Select(p => (p.Item1, Command: TypedCommand.Fold(p.c)))
            .Distinct()
            .ToList();

        Assert.Equal(all.Count, all.Select(p => p.Command).Distinct().Count());
    }
}
