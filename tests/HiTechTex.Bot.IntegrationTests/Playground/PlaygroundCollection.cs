namespace HiTechTex.Bot.IntegrationTests.Playground;

/// <summary>
/// The tests that run the Agents Playground from <c>tools/playground</c> run one class at a time: the README quick-start
/// test runs <c>npm ci --prefix tools/playground</c> literally, which replaces the <c>node_modules</c> the other classes'
/// Playground processes run from.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PlaygroundCollection
{
    public const string Name = "Agents Playground";
}
