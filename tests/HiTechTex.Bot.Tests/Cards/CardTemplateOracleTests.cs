using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards.Templating;

namespace HiTechTex.Bot.Tests.Cards;

/// <summary>
/// The C# engine against the official one: every case of Oracle/cases expanded by adaptivecards-templating 2.3.1
/// (tools/cards/generate-oracle.js) must come out the same, JSON-semantically, including the cases where it throws.
/// </summary>
public sealed class CardTemplateOracleTests
{
    public static TheoryData<string> Cases() => new(CardTestFiles.CaseNames());

    [Fact]
    public void Corpus_HasAtLeastFortyCasesEachWithExpectedOutput()
    {
        var names = CardTestFiles.CaseNames().ToList();

        Assert.True(names.Count >= 40, $"only {names.Count} oracle cases");
        Assert.All(names, n => Assert.True(File.Exists(Path.Combine(CardTestFiles.OracleDirectory, "expected", n + ".json")), $"no expected output for {n}"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expand_OracleCase_MatchesOfficialEngine(string name)
    {
        var testCase = CardTestFiles.ReadCase(name);
        var expected = CardTestFiles.ReadExpected(name);

        switch (expected["phase"]?.GetValue<string>())
        {
            case "parse":
                Assert.Throws<CardTemplateException>(() => CardTemplate.Parse(testCase["template"]!.ToJsonString()));
                return;
            case "expand":
                var template = CardTemplate.Parse(testCase["template"]!.ToJsonString());
                Assert.Throws<CardTemplateException>(() => template.Expand(testCase["data"]?.DeepClone()));
                return;
        }

        var actual = CardTemplate.Parse(testCase["template"]!.ToJsonString()).Expand(testCase["data"]?.DeepClone());

        AssertJsonEqual(expected["output"], actual);
    }

    internal static void AssertJsonEqual(JsonNode? expected, JsonNode? actual)
    {
        // Round-trip the actual output so that both sides are parsed JSON (numbers compare by value).
        var normalized = actual is null ? null : JsonNode.Parse(actual.ToJsonString());
        Assert.True(
            JsonNode.DeepEquals(expected, normalized),
            $"expected:\n{expected?.ToJsonString()}\nactual:\n{normalized?.ToJsonString()}");
    }
}
