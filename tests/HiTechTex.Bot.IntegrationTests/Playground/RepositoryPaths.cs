using System.Runtime.CompilerServices;

namespace HiTechTex.Bot.IntegrationTests.Playground;

/// <summary>Where the end-to-end test finds the repository, the built bot and the Playground install.</summary>
public static class RepositoryPaths
{
    /// <summary>Overrides the repository root (for a test assembly run outside the checkout).</summary>
    public const string RootVariable = "HITECHTEX_REPO_ROOT";

    private const string SolutionFile = "HiTechTex.Bot.sln";

    /// <summary>
    /// The checkout root: <see cref="RootVariable"/>, else the first ancestor of the test output holding the solution
    /// (the default bin/ layout), else the ancestor of this source file (build outputs moved by HTT_ARTIFACTS).
    /// </summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string PlaygroundDirectory => Path.Combine(RepositoryRoot, "tools", "playground");

    public static string PlaygroundCli =>
        Path.Combine(PlaygroundDirectory, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    public static string BindLocalhostPreload => Path.Combine(PlaygroundDirectory, "bind-localhost.js");

    /// <summary>The product host, copied next to the test assembly by the project reference (with its runtimeconfig).</summary>
    public static string BotAssembly => Path.Combine(AppContext.BaseDirectory, "HiTechTex.Bot.dll");

    /// <summary>The <c>node</c> executable on PATH, or null.</summary>
    public static string? FindNode()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in OperatingSystem.IsWindows() ? new[] { "node.exe" } : ["node"])
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        return FindAncestorWithSolution(AppContext.BaseDirectory)
            ?? FindAncestorWithSolution(Path.GetDirectoryName(sourceFile) ?? "")
            ?? throw new InvalidOperationException(
                $"Cannot find {SolutionFile} above {AppContext.BaseDirectory}; set {RootVariable} to the repository root.");
    }

    private static string? FindAncestorWithSolution(string start)
    {
        for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
