using HiTechTex.Bot.IntegrationTests.Playground;

namespace HiTechTex.Bot.IntegrationTests.Browser;

/// <summary>
/// The second Teams user of the browser journeys (a cluster manager): the Agents Playground configuration that the
/// README's two-person try uses too (<c>tools/playground/manager.m365agentsplayground.yml</c>), so the journeys test the
/// shipped file.
/// </summary>
internal static class SecondUser
{
    public const string Name = "Megan Bowen";

    /// <summary>Her Entra object id: a real GUID, which <c>Roles:ClusterManagers:&lt;aadObjectId&gt;</c> needs.</summary>
    public const string AadObjectId = "00000000-0000-0000-0000-000000000021";

    public static string ConfigPath => Path.Combine(RepositoryPaths.PlaygroundDirectory, "manager.m365agentsplayground.yml");

    /// <summary>The yml, checked to name the same tenant and bot as the built-in user's Playground and this user.</summary>
    public static string PlaygroundConfigYaml()
    {
        var yaml = File.ReadAllText(ConfigPath);
        foreach (var expected in new[] { $"tenantId: {PlaygroundSession.TenantId}", $"id: {PlaygroundSession.BotId}", $"aadObjectId: {AadObjectId}", $"name: {Name}" })
        {
            if (!yaml.Contains(expected, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{ConfigPath} no longer has \"{expected}\".");
            }
        }

        return yaml;
    }
}
