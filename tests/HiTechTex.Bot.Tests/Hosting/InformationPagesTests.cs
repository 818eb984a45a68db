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
        ["DeleteCommand"] = "delete my data",
        ["ProfileCommand"] = "my profile",
    };

    public static TheoryData<string> Pages() => [.. InformationPages.All.Select(p => p.Template)];

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryPage_WithEveryCombinationOfSwitches_RendersWithoutLeftoverTemplateSyntax(string template)
    {
        foreach (var combination in Enumerable.Range(0, 16))
        {
            var html = InformationPages.Render(template, "Title <x>", Values(
                contact: (combination & 1) != 0, expires: (combination & 2) != 0, openAi: (combination & 4) != 0, graph: (combination & 8) != 0));

            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("<title>Title &lt;x&gt;</title>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
            Assert.DoesNotContain("}}", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<!--body-->", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Privacy_SaysWhatThisDeploymentDoes()
    {
        var plain = InformationPages.Render("privacy.html", "Privacy", Values());
        var configured = InformationPages.Render("privacy.html", "Privacy", Values(contact: true, expires: false, openAi: true, graph: true));

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
        var html = InformationPages.Render("privacy.html", "Privacy", Values(@operator: "ACME <script>alert(1)</script> & \"Co\""));

        Assert.Contains("ACME &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AMissingValue_FailsInsteadOfShowingNothing()
    {
        var values = Values();
        values.Remove("Operator");

        var failure = Assert.Throws<InvalidOperationException>(() => InformationPages.Render("terms.html", "Terms", values));

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
        Assert.Equal(expected, InformationPages.Duration(TimeSpan.Parse(span, System.Globalization.CultureInfo.InvariantCulture)));

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
