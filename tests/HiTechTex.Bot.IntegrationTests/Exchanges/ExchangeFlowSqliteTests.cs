using HiTechTex.Bot.IntegrationTests.Persistence;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

public sealed class ExchangeFlowSqliteTests(SqliteHostDatabase database) : ExchangeFlowTests(database), IClassFixture<SqliteHostDatabase>;
