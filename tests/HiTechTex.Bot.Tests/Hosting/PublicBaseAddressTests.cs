using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Tests.Features.Exchanges;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Tests.Hosting;

/// <summary>One rule for both public base addresses links in cards start with: Coaching:PublicBaseUrl, Exchanges:PublicBaseUrl.</summary>
public sealed class PublicBaseAddressTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("https://bot.example.org", true)]
    [InlineData("https://bot.example.org/teams/", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("bot.example.org", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://bot.example.org", false)]
    [InlineData("file:///var/www", false)]
    [InlineData("https://bot.example.org/?tenant=1", false)]
    [InlineData("https://bot.example.org/#top", false)]
    [InlineData("https://admin:s3cret@bot.example.org", false)]   // the user name and password would be in every link of a card
    public void Validators_PublicBaseUrl_AbsoluteHttpOrHttpsWithoutQueryOrFragment_TheFailureNamesTheKey(string url, bool valid)
    {
        var results = new (string Key, ValidateOptionsResult Result)[]
        {
            ("Coaching:PublicBaseUrl", new CoachingOptionsValidator().Validate(null, new CoachingOptions { PublicBaseUrl = url })),
            ("Exchanges:PublicBaseUrl", new HiTechTex.Bot.Features.Exchanges.ExchangeOptionsValidator().Validate(null, ExchangeTestData.Options(o => o.PublicBaseUrl = url))),
        };

        foreach (var (key, result) in results)
        {
            Assert.Equal(valid, result.Succeeded);
            if (!valid)
            {
                Assert.Contains($"{key} must be an absolute http(s) address without a user name and password, a query or a fragment", result.FailureMessage, StringComparison.Ordinal);
            }
        }
    }
}
