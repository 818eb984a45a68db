using System.Text.RegularExpressions;
using HiTechTex.Bot.IntegrationTests.Playground;

namespace HiTechTex.Bot.IntegrationTests.Deployment;

/// <summary>
/// The Dockerfile cannot be built here (no container daemon, no registry for base images), so what can drift is
/// checked against the repository: every path it copies exists, the project it publishes is the bot, and the
/// entry point is the assembly that project builds.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, "Dockerfile"));

    [Fact]
    public void Copy_EverySourceFromTheBuildContext_ExistsInTheRepository()
    {
        var sources = CopyLine().Matches(Dockerfile)
            .Select(m => m.Groups["sources"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .SelectMany(parts => parts[..^1])
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.True(
            File.Exists(Path.Combine(RepositoryPaths.RepositoryRoot, source)) || Directory.Exists(Path.Combine(RepositoryPaths.RepositoryRoot, source)),
            $"Dockerfile copies {source}, which is not in the repository."));
    }

    [Fact]
    public void Publish_TheBotProject_EntryPointIsItsAssembly()
    {
        Assert.Contains("dotnet publish src/HiTechTex.Bot/HiTechTex.Bot.csproj", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"HiTechTex.Bot.dll\"]", Dockerfile, StringComparison.Ordinal);
        Assert.Equal("HiTechTex.Bot.dll", Path.GetFileName(RepositoryPaths.BotAssembly));
    }

    [Fact]
    public void Restore_EveryProjectTheBotReferences_IsCopiedBeforeRestore()
    {
        var beforeRestore = Dockerfile[..Dockerfile.IndexOf("RUN dotnet restore", StringComparison.Ordinal)];
        var botProject = File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, "src", "HiTechTex.Bot", "HiTechTex.Bot.csproj"));
        var referenced = ProjectReference().Matches(botProject).Select(m => Path.GetFileName(m.Groups["path"].Value.Replace('\\', '/'))).ToList();

        Assert.NotEmpty(referenced);
        Assert.All(referenced, project => Assert.Contains(project, beforeRestore, StringComparison.Ordinal));
    }

    [Fact]
    public void Image_RunsAsNonRootInProduction()
    {
        Assert.Contains("USER $APP_UID", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Production", Dockerfile, StringComparison.Ordinal);
        Assert.DoesNotContain("DangerouslyAllowUnauthenticatedRequests", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void SqliteDefault_IsTheFolderTheImageMakesWritable()
    {
        // The default database lives in the per-user data folder; in the image that is $XDG_DATA_HOME, which must be
        // the folder made writable for the non-root user (and the one to mount a volume on).
        var folder = XdgDataHome().Match(Dockerfile);

        Assert.True(folder.Success, "The Dockerfile does not set XDG_DATA_HOME.");
        Assert.Contains($"mkdir -p {folder.Groups["folder"].Value} && chown -R $APP_UID {folder.Groups["folder"].Value}", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_CopiesNoDevelopmentSettings()
    {
        // appsettings.Development.json turns on unauthenticated requests and the demo data; the image must not carry it.
        Assert.DoesNotContain("appsettings.Development", Dockerfile, StringComparison.Ordinal);
        Assert.DoesNotContain("COPY appsettings*", Dockerfile, StringComparison.Ordinal);
        Assert.DoesNotContain("COPY . ", Dockerfile, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"XDG_DATA_HOME=(?<folder>/\S+)")]
    private static partial Regex XdgDataHome();

    [GeneratedRegex(@"^COPY (?!--from)(?<sources>.+)$", RegexOptions.Multiline)]
    private static partial Regex CopyLine();

    [GeneratedRegex(@"<ProjectReference Include=""(?<path>[^""]+)""")]
    private static partial Regex ProjectReference();
}
