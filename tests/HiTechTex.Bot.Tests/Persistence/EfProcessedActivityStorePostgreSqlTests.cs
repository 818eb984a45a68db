namespace HiTechTex.Bot.Tests.Persistence;

public sealed class EfProcessedActivityStorePostgreSqlTests(PostgreSqlDatabaseFixture database)
    : EfProcessedActivityStoreTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
