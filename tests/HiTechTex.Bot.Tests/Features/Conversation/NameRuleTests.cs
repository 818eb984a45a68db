using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// The one rule for names others read (profile, Teams display name, directory): nothing that formats on a card or in a
/// message, breaks the line, hides or turns text around — and every real name, in any script, still passes.
/// </summary>
public sealed class NameRuleTests
{
    /// <summary>The security tester's name: a line separator, fake bold status, a right-to-left override, HTML and a heading.</summary>
    public const string Repro = "Eve\u2028**Status: Approved by CITEVE manager** \u202Eevil\u202C <b>hi</b> # H";

    public static TheoryData<string> RealNames() =>
    [
        "José María Ñúñez-García", "Anne-Marie O'Brien", "Şükrü Çağlar", "Jiří Dvořák", "Gülşen Öztürk (CITEVE)", "Dr. J. Smith",
        "Zoë O'Brien-Müller", "Ana (Sousa) & Filhos, Lda.", "CITEVE [PT]", "3D Textiles", "Jose\u0301 Sousa",   // a combining accent
        "Αλέξανδρος Παπαδόπουλος", "Алексей Смирнов", "山田 太郎", "김민준", "محمد رضا", "דוד כהן", "राजेश कुमार",
        "می\u200Cخواهم",        // Persian: ZWNJ keeps the letters apart
        "क्\u200Dष",            // Devanagari: ZWJ asks for a half form
        "Ana\u00A0Sousa", "Ana 👩‍🔬 Sousa",   // a no-break space; an emoji sequence joined by ZWJ
    ];

    public static TheoryData<string> RefusedNames() =>
    [
        Repro,
        "Ana\u2028Sousa", "Ana\u2029Sousa", "Ana\nSousa", "Ana\tSousa", "Ana\u0085Sousa",        // separators and controls
        "Ana \u202Easuos", "Ana \u202Asousa", "Ana \u202Bsousa", "Ana \u202Csousa", "Ana \u202Dsousa",   // embeddings and overrides
        "Ana \u2066sousa\u2069", "Ana \u2067sousa", "Ana \u2068sousa", "Ana\u200E", "Ana\u200F",          // isolates and marks
        "Ana\u200BSousa", "Ana\uFEFFSousa", "Ana\u00ADSousa", "Ana\u2060Sousa", "Ana\U000E0041",         // invisible format characters
        "**Ana**", "Ana *Sousa*", "_Ana_", "Ana__Sousa", "~~Ana~~", "`Ana`", "<b>Ana</b>", "Ana <i>S</i>", "Ana &#x202E; Sousa",
        "Ana &lt;b&gt;", "# Ana", "#Ana", "  ## Ana", "- Ana", "+ Ana", "1. Ana", "2) Ana",
        "[Verify your account](https://phish.example/login)", "Ana https://phish.example", "Ana www.phish.example", "Ana mailto:x@phish.example",
    ];

    [Theory]
    [MemberData(nameof(RealNames))]
    public void Keeps_RealNamesInAnyScript_AreAccepted(string name)
    {
        Assert.True(NameRule.Keeps(name, ProfileDialog.MaxNameLength), name);
        Assert.True(PartnerRecord.IsPlainLine(name), name);
    }

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public void Keeps_FormattingHiddenOrLineBreakingText_IsRefused(string name)
    {
        Assert.False(NameRule.Keeps(name, ProfileDialog.MaxNameLength));
        Assert.False(ProfileDialog.KeepsNameRules(name));
    }

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public void IsPlainLine_TheDirectorysNames_FollowTheSameRule(string name) => Assert.False(PartnerRecord.IsPlainLine(name));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!")]
    [InlineData("\u200C\u200D")]
    public void Keeps_NoLetterOrDigit_IsRefused(string name) => Assert.False(NameRule.Keeps(name, ProfileDialog.MaxNameLength));

    [Fact]
    public void Keeps_LongerThanTheMaximum_IsRefused()
    {
        Assert.True(NameRule.Keeps(new string('A', 100), 100));
        Assert.False(NameRule.Keeps(new string('A', 101), 100));
    }

    [Theory]
    [InlineData(Repro, "Eve **Status: Approved by CITEVE manager** evil <b>hi</b> # H")]
    [InlineData("Ana\u2029\u2029Sousa", "Ana Sousa")]
    [InlineData("Ana\u200B\u00ADSousa\uFEFF", "AnaSousa")]
    [InlineData("می\u200Cخواهم", "می\u200Cخواهم")]
    [InlineData("Ana 👩‍🔬", "Ana 👩‍🔬")]
    [InlineData("José María", "José María")]
    public void ForCard_AStoredNameBreakingTheLineOrTurningTextAround_KeepsOnlyWhatShows(string stored, string expected) =>
        Assert.Equal(expected, NameRule.ForCard(stored));

    [Theory]
    [InlineData("Ana Sousa", "Ana Sousa")]
    [InlineData("Gülşen Öztürk (CITEVE)", "Gülşen Öztürk (CITEVE)")]
    [InlineData("Anne-Marie O'Brien & Filhos, Lda.", "Anne-Marie O'Brien & Filhos, Lda.")]
    [InlineData("**Approved**", @"\*\*Approved\*\*")]
    [InlineData("_a_ ~~b~~ `c`", @"\_a\_ \~\~b\~\~ \`c\`")]
    [InlineData("<b>hi</b> # H", @"\<b\>hi\</b\> \# H")]
    [InlineData("[Verify](https://phish.example)", @"\[Verify\](https://phish.example)")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("Ana &#x202E; &amp;", @"Ana &\#x202E; \&amp;")]   // '&' then '\#' is no entity
    public void EscapeMarkdown_WhatMarkdownOrHtmlWouldRead_IsEscaped(string text, string expected) =>
        Assert.Equal(expected, NameRule.EscapeMarkdown(text));

    [Fact]
    public void ForMessage_TheReproName_ShowsLiterallyOnOneLine() =>
        Assert.Equal(@"Eve \*\*Status: Approved by CITEVE manager\*\* evil \<b\>hi\</b\> \# H", NameRule.ForMessage(Repro));

    [Fact]
    public void Keeps_HalfASurrogatePair_IsRefused()
    {
        Assert.False(NameRule.Keeps("Ana \uD800 Sousa", ProfileDialog.MaxNameLength));   // (theory data would turn it into U+FFFD)
        Assert.False(PartnerRecord.IsPlainLine("Ana \uDC00"));
    }

    [Fact]
    public void ForCard_HalfASurrogatePair_Goes() => Assert.Equal("Ana", NameRule.ForCard("Ana \uD83D"));

    /// <summary>Real people's names, with apostrophes, hyphens, initials and dots, in several scripts: all still people's names.</summary>
    public static TheoryData<string> RealPersonNames() =>
    [
        "O'Brien", "Çağla Şimşek", "Jiří Nováček", "María-José", "李小龍", "Anne-Marie O'Brien", "Dr. J. Smith", "J.R.R. Tolkien",
        "J.Wu", "A.Li", "A.Kumar", "St.John Smith", "Ana Sousa (CITEVE)", "Jean-Luc Picard Jr.", "Mª José", "Ana 2nd", "Ana 1.5",
        "Gülşen Öztürk", "Αλέξανδρος", "محمد رضا", "Ana 👩‍🔬 Sousa", "Dr. A.B. Smith", "Mary-Jane St.John", "Ana Sousa / Rui Lima",
        "Ana Sousa (R&D / QA)", "Ana @ CITEVE",
    ];

    /// <summary>What no person's name is: a formula or mention lookalike, a bare web address, or a name holding one.</summary>
    public static TheoryData<string, string> NotPersonNames() => new()
    {
        { "=HYPERLINK(\"https://phish.example\",\"Ana\")", nameof(PersonNameIssue.LeadingSymbol) },
        { "=1+1", nameof(PersonNameIssue.LeadingSymbol) },
        { "@everyone", nameof(PersonNameIssue.LeadingSymbol) },
        { "@Ana Sousa", nameof(PersonNameIssue.LeadingSymbol) },
        { "+351 912 345 678", nameof(PersonNameIssue.LeadingSymbol) },
        { "-Ana", nameof(PersonNameIssue.LeadingSymbol) },
        { "  =SUM(A1:A9)", nameof(PersonNameIssue.LeadingSymbol) },
        { "＝cmd", nameof(PersonNameIssue.LeadingSymbol) },   // the full-width equals sign
        { "phish.example", nameof(PersonNameIssue.WebAddress) },
        { "evil.com", nameof(PersonNameIssue.WebAddress) },
        { "EVIL.COM", nameof(PersonNameIssue.WebAddress) },
        { "login.microsoftonline.evil.cz", nameof(PersonNameIssue.WebAddress) },
        { "citeve.pt", nameof(PersonNameIssue.WebAddress) },
        { "evil.com.", nameof(PersonNameIssue.WebAddress) },
        { "xn--80ak6aa92e.com", nameof(PersonNameIssue.WebAddress) },
        { "bücher.de", nameof(PersonNameIssue.WebAddress) },
        { "Ana evil.com", nameof(PersonNameIssue.WebAddress) },
        { "Ana (citeve.pt)", nameof(PersonNameIssue.WebAddress) },
        { "Support: account-verify.online", nameof(PersonNameIssue.WebAddress) },
        { "Ana evil.com/login", nameof(PersonNameIssue.WebAddress) },   // a host with a path
        { "evil.com/", nameof(PersonNameIssue.WebAddress) },
        { "evil.xyz/login", nameof(PersonNameIssue.WebAddress) },
        { "bit.ly/x", nameof(PersonNameIssue.WebAddress) },
        { "t.co/abc", nameof(PersonNameIssue.WebAddress) },   // one letter before a country code: initials alone, an address with a path
        { "evil.com:8080/login", nameof(PersonNameIssue.WebAddress) },
        { "evil.com?next=x", nameof(PersonNameIssue.WebAddress) },
        { "Ana/evil.com", nameof(PersonNameIssue.WebAddress) },
        { "ana@evil.com", nameof(PersonNameIssue.EmailAddress) },
        { "Ana Sousa ana.sousa@citeve.pt", nameof(PersonNameIssue.EmailAddress) },
        { "ana@evil.com/x", nameof(PersonNameIssue.EmailAddress) },
        { "Ana (ana@evil.com)", nameof(PersonNameIssue.EmailAddress) },
    };

    [Theory]
    [MemberData(nameof(RealPersonNames))]
    public void KeepsPersonName_RealNames_AreAccepted(string name)
    {
        Assert.Equal(PersonNameIssue.None, NameRule.CheckPerson(name));
        Assert.True(NameRule.KeepsPersonName(name, ProfileDialog.MaxNameLength), name);
        Assert.True(ProfileDialog.KeepsNameRules(name), name);
    }

    [Theory]
    [MemberData(nameof(NotPersonNames))]
    public void KeepsPersonName_FormulaMentionOrWebAddress_IsRefusedWithItsReason(string name, string issue)
    {
        Assert.Equal(issue, NameRule.CheckPerson(name).ToString());
        Assert.False(NameRule.KeepsPersonName(name, ProfileDialog.MaxNameLength), name);
        Assert.False(ProfileDialog.KeepsNameRules(name), name);
    }

    [Theory]
    [InlineData("=Norte")]
    [InlineData("@Textiles Lda.")]
    [InlineData("citeve.pt")]
    public void IsPlainLine_AnOrganisationOrPlaceFromTheDirectory_IsNotHeldToThePersonRule(string name) =>
        // The directory's names are trusted (their exports neutralise formulas: SpreadsheetText).
        Assert.True(PartnerRecord.IsPlainLine(name));

    [Fact]
    public void ForMessage_Null_IsEmpty() => Assert.Equal("", NameRule.ForMessage(null));
}
