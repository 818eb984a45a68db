namespace HiTechTex.Bot.Tests.Persistence;

public sealed class SqlProcessedActivityStorePostgreSqlTests(PostgreSqlDatabaseFixture database)
    : SqlProcessedActivityStoreTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
