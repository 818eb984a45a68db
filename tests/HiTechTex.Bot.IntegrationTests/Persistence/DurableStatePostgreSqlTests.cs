namespace HiTechTex.Bot.IntegrationTests.Persistence;

public sealed class DurableStatePostgreSqlTests(PostgreSqlHostDatabase database) : DurableStateTests(database), IClassFixture<PostgreSqlHostDatabase>;
