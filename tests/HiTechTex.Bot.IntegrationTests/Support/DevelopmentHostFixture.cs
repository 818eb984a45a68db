namespace HiTechTex.Bot.IntegrationTests.Support;

/// <summary>One Development host (dev mode: no token needed) shared by a test class, on its own SQLite file.</summary>
public sealed class DevelopmentHostFixture : IDisposable
{
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    public DevelopmentHostFixture()
    {
        Factory = new BotHostFactory(databasePath);
        Client = Factory.CreateClient();
    }

    internal BotHostFactory Factory { get; }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        BotHostFactory.DeleteDatabase(databasePath);
    }
}
