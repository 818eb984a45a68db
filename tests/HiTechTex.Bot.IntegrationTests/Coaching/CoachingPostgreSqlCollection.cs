namespace HiTechTex.Bot.IntegrationTests.Coaching;

/// <summary>
/// The two-instance PostgreSQL tests run one class at a time: each starts two hosts and hundreds of concurrent
/// transactions, and two such classes side by side on a small CI machine measure the machine, not the code.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CoachingPostgreSqlCollection
{
    public const string Name = "Coaching on PostgreSQL";
}
