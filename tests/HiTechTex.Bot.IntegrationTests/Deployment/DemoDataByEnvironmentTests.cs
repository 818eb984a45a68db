using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Deployment;

/// <summary>
/// The demo directory and the demo coaching catalog are for trying the bot out (<c>dotnet run</c>, the Development
/// environment), not for a deployment: a host in Production (what the Dockerfile and the README's App Service steps set,
/// and ASP.NET Core's default when no environment is set) used to show 330 invented organisations and six invented
/// sessions to real members, because appsettings.json turned both on.
/// </summary>
public sealed class DemoDataByEnvironmentTests : IDisposable
{
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Fact]
    public async Task Production_StartsWithThePartnersOnly_NoDemoOrganisationsNorSessions()
    {
        using var factory = new BotHostFactory(databasePath, "Production");
        factory.CreateClient().Dispose();

        var (partners, demo, sessions) = await CountAsync(factory);

        Assert.Equal(6, partners);
        Assert.Equal(0, demo);
        Assert.Equal(0, sessions);
    }

    [Fact]
    public async Task Development_SeedsTheDemoDirectoryAndCatalog()
    {
        using var factory = new BotHostFactory(databasePath, "Development");
        factory.CreateClient().Dispose();

        var (partners, demo, sessions) = await CountAsync(factory);

        Assert.Equal(6, partners);
        Assert.True(demo >= 300, $"{demo} demo organisations");
        Assert.Equal(6, sessions);
    }

    [Fact]
    public async Task Production_AfterADevelopmentRun_RemovesTheDemoOrganisations()
    {
        using (var development = new BotHostFactory(databasePath, "Development"))
        {
            development.CreateClient().Dispose();
            Assert.True((await CountAsync(development)).Demo > 0);
        }

        using var production = new BotHostFactory(databasePath, "Production");
        production.CreateClient().Dispose();

        Assert.Equal(0, (await CountAsync(production)).Demo);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);

    private static async Task<(int Partners, int Demo, int Sessions)> CountAsync(BotHostFactory factory)
    {
        await PartnerHost.WaitReadyAsync(factory);   // the directory is seeded in the background after start-up
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var organisations = db.Set<OrganisationEntity>().AsNoTracking().Where(o => !o.IsDeleted);
        var partners = await organisations.CountAsync(o => !o.IsDemo);
        var demo = await organisations.CountAsync(o => o.IsDemo);
        var sessions = (await scope.ServiceProvider.GetRequiredService<CatalogService>().UpcomingAsync(SessionFilter.Any, CancellationToken.None)).Count;
        return (partners, demo, sessions);
    }
}
