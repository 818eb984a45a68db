using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// The rules' answer ("how many exchanges can I do?") says that an organisation goes on ONE exchange visit in the
/// programme — not once per host, as it read before ("an organisation may visit a host once").
/// </summary>
public sealed class ExchangeRulesTextTests
{
    // Per language: a word saying "one/only one", and the old per-host phrasing that must not come back.
    public static TheoryData<string, string, string> Meanings => new()
    {
        { "en", "only one exchange", "visit a host once" },
        { "pt", "um só intercâmbio", "visitar um anfitrião uma vez" },
        { "es", "un solo intercambio", "visitar a un anfitrión una vez" },
        { "it", "un solo scambio", "visitare un ospitante una sola volta" },
        { "tr", "yalnızca bir değişim", "bir ev sahibini yalnızca bir kez" },
        { "cs", "jen jednu", "hostitele navštívit jednou" },
    };

    [Theory]
    [MemberData(nameof(Meanings))]
    public void ExchangeRules_SaysOneVisitInTheProgramme_NotOncePerHost(string language, string one, string perHost)
    {
        var rules = ConversationTexts.For(language).ExchangeRules;

        Assert.Contains(one, rules, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(perHost, rules, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("3", rules, StringComparison.Ordinal);   // the stay's length is still said
    }

    // The apply command the rules answer tells the user to type, written as the Teams command menu (manifest) shows it:
    // Portuguese said "candidatar a intercambio", Turkish "degisime basvur", Czech "zadost o vymenu" — without accents.
    [Theory]
    [InlineData("en", "\"apply for exchange\"")]
    [InlineData("pt", "\"candidatar a intercâmbio\"")]
    [InlineData("es", "\"solicitar intercambio\"")]
    [InlineData("it", "\"candidatura scambio\"")]
    [InlineData("tr", "\"değişime başvur\"")]
    [InlineData("cs", "\"žádost o výměnu\"")]
    public void ExchangeRules_QuotesTheApplyCommandWithItsAccents(string language, string quoted)
    {
        Assert.Contains(quoted, ConversationTexts.For(language).ExchangeRules, StringComparison.Ordinal);
    }

    // Per language: who may take part (COSME countries), the lump sum, and — honestly — whom to ask for what the bot does
    // not know (the amount paid, a deadline): "how much money do I get?", "who can apply?" are answered with these.
    public static TheoryData<string, string, string> FundingAndEligibility => new()
    {
        { "en", "lump sum", "programme coordinator" },
        { "pt", "montante fixo", "coordenador do programa" },
        { "es", "cantidad fija", "coordinador del programa" },
        { "it", "somma forfettaria", "coordinatore del programma" },
        { "tr", "götürü", "program koordinatörüne" },
        { "cs", "paušální", "koordinátora programu" },
    };

    [Theory]
    [MemberData(nameof(FundingAndEligibility))]
    public void ExchangeRules_SaysWhoMayTakePartTheLumpSumAndWhomToAsk(string language, string lumpSum, string coordinator)
    {
        var rules = ConversationTexts.For(language).ExchangeRules;

        Assert.Contains("COSME", rules, StringComparison.Ordinal);
        Assert.Contains(lumpSum, rules, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(coordinator, rules, StringComparison.OrdinalIgnoreCase);
    }
}
