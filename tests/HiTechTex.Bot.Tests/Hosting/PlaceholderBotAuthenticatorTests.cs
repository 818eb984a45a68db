using HiTechTex.Bot.Hosting.Placeholders;
using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Tests.Hosting;

public sealed class PlaceholderBotAuthenticatorTests
{
    [Theory]
    [InlineData(false, null, null, false)]
    [InlineData(true, null, null, true)]
    [InlineData(true, null, "Bearer x", false)]
    [InlineData(true, "11111111-1111-1111-1111-111111111111", null, false)]
    public async Task AuthenticateAsync_Settings_OnlyExplicitDevModeWithoutTokenPasses(bool allowUnauthenticated, string? appId, string? header, bool expected)
    {
        var options = new BotOptions { DangerouslyAllowUnauthenticatedRequests = allowUnauthenticated, MicrosoftAppId = appId };
        var authenticator = new PlaceholderBotAuthenticator(Options.Create(options));

        var result = await authenticator.AuthenticateAsync(header, Activity.CreateMessage("hi"), CancellationToken.None);

        Assert.Equal(expected, result.Succeeded);
        Assert.Equal(expected, result.IsAnonymous);
    }
}
