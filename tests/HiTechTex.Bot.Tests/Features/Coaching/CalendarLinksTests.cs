using HiTechTex.Bot.Features.Coaching;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>Where the confirmation's calendar link points.</summary>
public sealed class CalendarLinksTests
{
    private static readonly Guid SessionId = Guid.Parse("5d0f8a52-6a4e-4c52-9b7a-3f1e2d6c9a10");

    [Theory]
    [InlineData("https://bot.example.org/", "other.example.org", "https://bot.example.org/coaching/calendar/5d0f8a52-6a4e-4c52-9b7a-3f1e2d6c9a10.ics")]
    [InlineData("", "bot.example.org", "https://bot.example.org/coaching/calendar/5d0f8a52-6a4e-4c52-9b7a-3f1e2d6c9a10.ics")]
    [InlineData("", "", "http://localhost:3978/coaching/calendar/5d0f8a52-6a4e-4c52-9b7a-3f1e2d6c9a10.ics")]
    public void For_Settings_PublicUrlThenBotDomainThenListeningAddress(string publicBaseUrl, string botDomain, string expected)
    {
        var links = Links(publicBaseUrl, botDomain, "http://[::]:3978");

        Assert.Equal(expected, links.For(SessionId));
    }

    [Fact]
    public void For_NothingKnown_NoLink() => Assert.Null(Links("", "", null).For(SessionId));

    private static CalendarLinks Links(string publicBaseUrl, string botDomain, string? listening)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:BotDomain"] = botDomain }).Build();
        var services = new ServiceCollection();
        if (listening is not null)
        {
            var features = new FeatureCollection();
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(listening);
            features.Set<IServerAddressesFeature>(addresses);
            services.AddSingleton(Mock.Of<IServer>(s => s.Features == features));
        }

        return new CalendarLinks(Options.Create(new CoachingOptions { PublicBaseUrl = publicBaseUrl }), configuration, services.BuildServiceProvider());
    }
}
