using HiTechTex.Bot.Hosting.Pages;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Tests.Hosting;

/// <summary>The /, /privacy and /terms pages: templates filled with what the deployment is configured to do.</summary>
public sealed class InformationPagesTests
{
    private static Dictionary<string, object> Values(
        bool contact = false, bool expires = true, bool openAi = false, bool graph = false, string @operator = "the Hi-Tech-TEX partnership") => new()
    {
        ["Operator"] = @operator,
        ["ContactEmail"] = contact ? "privacy@example.org" : "",
        ["HasContact"] = contact,
        ["DialogExpires"] = expires,
        ["DialogExpiry"] = "7 days",
        ["CoachingRetention"] = "30 days",
        ["AzureOpenAI"] = openAi,
        ["Graph"] = graph,
    };

    private static PageLanguage En => PageLanguage.English;

    private static PageLanguage Language(string code) => PageLanguage.All.Single(l => l.Code == code);

    public static TheoryData<string, string> PagesInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var (_, page) in InformationPages.All)
        {
            foreach (var language in PageLanguage.All)
            {
                data.Add(page, language.Code);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInEveryLanguage))]
    public void EveryPage_InEveryLanguage_WithEveryCombinationOfSwitches_RendersWithoutLeftoverTemplateSyntax(string page, string code)
    {
        var language = Language(code);
        foreach (var combination in Enumerable.Range(0, 16))
        {
            var html = InformationPages.Render(page, "/" + page, language, Values(
                contact: (combination & 1) != 0, expires: (combination & 2) != 0, openAi: (combination & 4) != 0, graph: (combination & 8) != 0));

            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains($"<html lang=\"{code}\">", html, StringComparison.Ordinal);
            Assert.Contains($"<title>{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(language.TitleOf(page))}</title>", html, StringComparison.Ordinal);
            Assert.Equal(language.IsTranslation, html.Contains("class=\"translation\"", StringComparison.Ordinal));
            Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
            Assert.DoesNotContain("}}", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<!--body-->", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Privacy_SaysWhatThisDeploymentDoes()
    {
        var plain = InformationPages.Render("privacy", "/privacy", En, Values());
        var configured = InformationPages.Render("privacy", "/privacy", En, Values(contact: true, expires: false, openAi: true, graph: true));

        Assert.DoesNotContain("Azure OpenAI", plain, StringComparison.Ordinal);
        Assert.Contains("Azure OpenAI", configured, StringComparison.Ordinal);
        Assert.Contains("Calendar files", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Calendar files", configured, StringComparison.Ordinal);
        Assert.Contains("Microsoft Graph", configured, StringComparison.Ordinal);
        Assert.Contains("dropped after 7 days", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("dropped after", configured, StringComparison.Ordinal);
        Assert.Contains("programme office", plain, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:privacy@example.org\">privacy@example.org</a>", configured, StringComparison.Ordinal);
        Assert.Contains("<code>delete my data</code>", plain, StringComparison.Ordinal);
        Assert.Contains("<code>my profile</code>", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredText_IsHtmlEncoded()
    {
        var html = InformationPages.Render("privacy", "/privacy", Language("pt"), Values(@operator: "ACME <script>alert(1)</script> & \"Co\""));

        Assert.Contains("ACME &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AMissingValue_FailsInsteadOfShowingNothing()
    {
        var values = Values();
        values.Remove("Operator");

        var failure = Assert.Throws<InvalidOperationException>(() => InformationPages.Render("terms", "/terms", Language("cs"), values));

        Assert.Contains("{{Operator}}", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7.00:00:00", "7 days")]
    [InlineData("1.00:00:00", "1 day")]
    [InlineData("12:00:00", "12 hours")]
    [InlineData("01:00:00", "1 hour")]
    [InlineData("1.12:00:00", "36 hours")]
    [InlineData("01:30:00", "90 minutes")]
    public void Duration_IsSaidInWholeUnits(string span, string expected) =>
        Assert.Equal(expected, En.Duration(TimeSpan.Parse(span, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("pt", "7.00:00:00", "7 dias")]
    [InlineData("es", "1.00:00:00", "1 día")]
    [InlineData("it", "12:00:00", "12 ore")]
    [InlineData("tr", "30.00:00:00", "30 gün")]
    [InlineData("cs", "1.00:00:00", "1 den")]
    [InlineData("cs", "3.00:00:00", "3 dny")]
    [InlineData("cs", "7.00:00:00", "7 dní")]
    [InlineData("cs", "01:30:00", "90 minut")]
    public void Duration_IsSaidInTheLanguage(string code, string span, string expected) =>
        Assert.Equal(expected, Language(code).Duration(TimeSpan.Parse(span, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(null, null, "en")]
    [InlineData(null, "pt-PT,pt;q=0.9,en;q=0.8", "pt")]
    [InlineData(null, "pt-BR", "pt")]
    [InlineData(null, "de-DE,de;q=0.9,it;q=0.7,en;q=0.5", "it")]
    [InlineData(null, "en;q=0.4,cs;q=0.9", "cs")]
    [InlineData(null, "tr;q=0,es", "es")]
    [InlineData(null, "fr-FR,de", "en")]
    [InlineData(null, "*", "en")]
    [InlineData("es", "pt-PT", "es")]
    [InlineData("EN", "pt-PT", "en")]
    [InlineData("xx", "it-IT", "it")]
    [InlineData("../../etc", null, "en")]
    public void Negotiate_TakesTheQueryThenTheBrowsersPreferenceThenEnglish(string? requested, string? acceptLanguage, string expected) =>
        Assert.Equal(expected, PageLanguage.Negotiate(requested, acceptLanguage).Code);

    [Theory]
    [MemberData(nameof(PagesInEveryLanguage))]
    public void EveryCommandAPageTellsTheUserToType_IsOneTheBotUnderstandsInThatLanguage(string page, string code)
    {
        var html = InformationPages.Render(page, "/" + page, Language(code), Values());
        var known = KnownCommands();

        var commands = System.Text.RegularExpressions.Regex.Matches(html, "<code>(?<c>[^<]+)</code>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["c"].Value)).ToList();

        Assert.All(commands, c => Assert.True(known.Any(k => HiTechTex.Bot.Features.Conversation.TypedCommand.Matches(k, c)), $"'{c}' ({code} {page}) is no command of the bot"));
        if (page != "terms")
        {
            Assert.NotEmpty(commands);
        }
    }

    [Theory]
    [InlineData("privacy")]
    [InlineData("terms")]
    [InlineData("home")]
    public void EveryTranslation_HasTheSameTemplateValuesAndSwitchesAsTheEnglishPage(string page)
    {
        static List<string> Tokens(string template) =>
            [.. System.Text.RegularExpressions.Regex.Matches(InformationPages.ReadTemplate(template), @"\{\{[^}]*\}\}").Select(m => m.Value).Order(StringComparer.Ordinal)];
        var english = Tokens(InformationPages.TemplateOf(page, En));

        Assert.All(PageLanguage.All.Where(l => l.IsTranslation), l => Assert.Equal(english, Tokens(InformationPages.TemplateOf(page, l))));
    }

    private static List<string> KnownCommands() =>
    [
        .. HiTechTex.Bot.Features.Conversation.ConversationTexts.All.SelectMany(t => t.ProfileCommands.Concat(t.DeleteDataCommands).Append(t.HelpWord)),
        .. HiTechTex.Bot.Features.Exchanges.ExchangeTexts.All.SelectMany(t => t.MyApplicationsCommands),
        .. HiTechTex.Bot.Features.Coaching.CoachingTexts.All.SelectMany(t => t.MineCommands),
    ];

    [Theory]
    [InlineData("the Hi-Tech-TEX partnership", "", true)]
    [InlineData("CITEVE", "privacy@citeve.pt", true)]
    [InlineData("", "", false)]
    [InlineData("CITEVE", "not an address", false)]
    [InlineData("CITEVE", "Privacy Office <privacy@citeve.pt>", false)]
    [InlineData("CITEVE", "privacy@citeve.pt?subject=x", false)]
    public void Validator_WantsAnOperatorAndAPlainAddress(string @operator, string email, bool valid)
    {
        var result = new PrivacyOptionsValidator().Validate(null, new PrivacyOptions { Operator = @operator, ContactEmail = email });

        Assert.Equal(valid, result.Succeeded);
    }
}
