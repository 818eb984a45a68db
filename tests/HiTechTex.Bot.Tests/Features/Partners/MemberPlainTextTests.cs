using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>The member editor's refusal names what the name rule refuses: not only links, the formatting characters too.</summary>
public sealed class MemberPlainTextTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public void MemberPlainText_EachLanguage_NamesTheRefusedCharactersAndLeadingMarkers(string language)
    {
        var text = PartnerTexts.Resolve(language).MemberPlainText;

        Assert.Contains("* _ ~ ` < >", text, StringComparison.Ordinal);
        Assert.Contains("# - +", text, StringComparison.Ordinal);
        Assert.Contains("\"1.\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Braga *Têxteis*")]
    [InlineData("Braga_Lda")]
    [InlineData("a ~ b")]
    [InlineData("`code`")]
    [InlineData("<b>Braga</b>")]
    [InlineData("# Braga")]
    [InlineData("- Braga")]
    [InlineData("+ Braga")]
    [InlineData("1. Braga")]
    public void IsPlainLine_EachCharacterTheTextNames_Refused(string name)
    {
        // What the text names is what the rule refuses: a refusal must not list a character the rule allows, nor miss one.
        Assert.False(PartnerRecord.IsPlainLine(name));
        Assert.False(NameRule.IsPlain(name));
    }
}
