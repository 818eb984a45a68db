namespace HiTechTex.Bot.Tests.Persistence;

public sealed class SqlStoragePostgreSqlTests(PostgreSqlDatabaseFixture database) : SqlStorageTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
