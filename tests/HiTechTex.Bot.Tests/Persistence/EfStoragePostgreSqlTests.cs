namespace HiTechTex.Bot.Tests.Persistence;

public sealed class EfStoragePostgreSqlTests(PostgreSqlDatabaseFixture database) : EfStorageTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
