using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Tests.Features;

/// <summary>
/// No text the bot says holds parentheses inside parentheses ("(… (…) …)"), in any of the six languages: they read
/// badly in a chat and in a screen reader. A placeholder whose value brings its own parentheses (a session's time,
/// "… (Europe/Lisbon)") is checked where it is filled, by the tests of that text.
/// </summary>
public sealed partial class TextsParenthesesTests
{
    public static TheoryData<string> Classes() => new(nameof(ConversationTexts), nameof(ExchangeTexts), nameof(CoachingTexts), nameof(PartnerTexts));

    [Theory]
    [MemberData(nameof(Classes))]
    public void Texts_EveryLanguage_NoNestedParentheses(string texts)
    {
        IEnumerable<object> blocks = texts switch
        {
            nameof(ConversationTexts) => ConversationTexts.All,
            nameof(ExchangeTexts) => ExchangeTexts.All,
            nameof(CoachingTexts) => CoachingTexts.All,
            _ => PartnerTexts.All,
        };

        var all = blocks.SelectMany(block => StringsOf(block).Select(s => (Name: $"{LanguageOf(block)}.{s.Name}", s.Text))).ToList();
        var nested = all.Where(s => NestedParentheses().IsMatch(s.Text)).Select(s => $"{s.Name}: {s.Text}").ToList();

        Assert.True(all.Count > 100, $"{texts}: only {all.Count} texts read");
        Assert.Empty(nested);
    }

    [Theory]
    [InlineData("Cancel (a (b) c)?", true)]
    [InlineData("((x))", true)]
    [InlineData("(a) and (b)", false)]
    [InlineData("a (b) c", false)]
    [InlineData("no parentheses", false)]
    public void NestedParentheses_Pattern_FindsOnlyNesting(string text, bool nested) =>
        Assert.Equal(nested, NestedParentheses().IsMatch(text));

    /// <summary>An opening parenthesis followed by another before any closing one.</summary>
    [GeneratedRegex(@"\([^()]*\(")]
    private static partial Regex NestedParentheses();

    private static string LanguageOf(object block) =>
        block.GetType().GetProperty("Language")?.GetValue(block) as string
        ?? block.GetType().GetProperty("Code")?.GetValue(block) as string
        ?? "?";

    /// <summary>Every string the block holds: its string properties and the items of its lists of strings.</summary>
    private static IEnumerable<(string Name, string Text)> StringsOf(object block)
    {
        foreach (var property in block.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            switch (property.GetValue(block))
            {
                case string text:
                    yield return (property.Name, text);
                    break;
                case IEnumerable items and not string:
                    var i = 0;
                    foreach (var item in items)
                    {
                        if (item is string text)
                        {
                            yield return ($"{property.Name}[{i}]", text);
                        }

                        i++;
                    }

                    break;
            }
        }
    }
}
