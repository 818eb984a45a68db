namespace HiTechTex.Bot.Tests.Persistence;

public sealed class SqlStorageSqliteTests(SqliteDatabaseFixture database) : SqlStorageTests(database), IClassFixture<SqliteDatabaseFixture>;
