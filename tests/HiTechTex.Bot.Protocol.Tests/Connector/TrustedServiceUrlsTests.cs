using HiTechTex.Bot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

/// <summary>Checklist 27: which serviceUrls may receive the connector token.</summary>
public sealed class TrustedServiceUrlsTests
{
    private readonly TrustedServiceUrls trusted = new(Options.Create(new BotOptions()));

    [Fact]
    public void IsTrusted_VerifiedAuthorityWithOtherCaseAndPath_IsTrusted()
    {
        trusted.Trust("http://127.0.0.1:5123/amer/");

        Assert.True(trusted.IsTrusted("HTTP://127.0.0.1:5123"));
        Assert.True(trusted.IsTrusted("http://127.0.0.1:5123/other/v3"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5124/amer/")]
    [InlineData("https://127.0.0.1:5123/amer/")]
    [InlineData("http://localhost:5123/amer/")]
    public void IsTrusted_OtherPortSchemeOrHost_IsNotTrusted(string serviceUrl)
    {
        trusted.Trust("http://127.0.0.1:5123/amer/");

        Assert.False(trusted.IsTrusted(serviceUrl));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://SMBA.trafficmanager.net/teams/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc", true)]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("http://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://teams.microsoft.com/", false)]
    [InlineData("https://evilteams.microsoft.com/", false)]
    [InlineData("https://teams.microsoft.com.evil.example/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/", false)]
    [InlineData("https://user@smba.trafficmanager.net/", false)]
    [InlineData("not a url", false)]
    [InlineData("", false)]
    public void IsTrusted_AllowList_MatchesExactHostsAndSubdomainsOverHttps(string serviceUrl, bool expected)
    {
        Assert.Equal(expected, trusted.IsTrusted(serviceUrl));
    }

    [Fact]
    public void Trust_FromManyThreads_KeepsEveryAuthority()
    {
        Parallel.For(0, 200, i => trusted.Trust($"http://127.0.0.1:{6000 + i}/"));

        Assert.All(Enumerable.Range(0, 200), i => Assert.True(trusted.IsTrusted($"http://127.0.0.1:{6000 + i}")));
    }
}
