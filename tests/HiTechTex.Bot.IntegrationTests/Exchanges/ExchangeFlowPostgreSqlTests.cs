using HiTechTex.Bot.IntegrationTests.Persistence;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

public sealed class ExchangeFlowPostgreSqlTests(PostgreSqlHostDatabase database) : ExchangeFlowTests(database), IClassFixture<PostgreSqlHostDatabase>;
