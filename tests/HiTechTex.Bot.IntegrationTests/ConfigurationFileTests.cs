using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using HiTechTex.Bot.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace HiTechTex.Bot.IntegrationTests;

/// <summary>
/// The top-level appsettings.json is the one the host reads under WebApplicationFactory, in the build output and
/// after dotnet publish. (dotnet run uses the build output too: see src/HiTechTex.Bot/README.md.)
/// </summary>
public sealed class ConfigurationFileTests(DevelopmentHostFixture host) : IClassFixture<DevelopmentHostFixture>
{
    private static readonly string RepositoryRoot = Playground.RepositoryPaths.RepositoryRoot;

    [Fact]
    public void WebApplicationFactory_ReadsTheTopLevelAppSettings()
    {
        var configuration = (IConfigurationRoot)host.Factory.Services.GetRequiredService<IConfiguration>();

        var source = configuration.Providers.OfType<JsonConfigurationProvider>()
            .Single(p => p.Source.Path == "appsettings.json").Source;
        var file = Assert.IsType<PhysicalFileProvider>(source.FileProvider).GetFileInfo("appsettings.json").PhysicalPath!;

        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryRoot, "appsettings.json")), File.ReadAllBytes(file));
        Assert.Equal("Sqlite", configuration["Database:Provider"]);
    }

    /// <summary>
    /// The test hosts watch no appsettings file (<see cref="NoConfigurationWatchers"/>): with test processes side by side,
    /// watchers used up the 128 inotify instances of a Linux user.
    /// </summary>
    [Fact]
    public void TestHosts_DoNotWatchTheAppSettingsFiles()
    {
        var configuration = (IConfigurationRoot)host.Factory.Services.GetRequiredService<IConfiguration>();

        var files = configuration.Providers.OfType<JsonConfigurationProvider>().Select(p => p.Source).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, source => Assert.False(source.ReloadOnChange, source.Path));
    }

    /// <summary>
    /// The README's promise "every configuration key listed with its default": each key of appsettings.json is named
    /// there, literally, with its last part as a placeholder (<c>Exchanges:PublicHolidays:&lt;ISO&gt;</c>), or in backticks
    /// on a line about its section.
    /// </summary>
    [Fact]
    public void Readme_NamesEveryKeyOfAppSettings()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        var lines = readme.Split('\n');
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "appsettings.json")));
        var keys = new List<string>();
        Collect(document.RootElement, "", keys);

        var missing = keys.Where(key =>
        {
            var parts = key.Split(':');
            if (parts[0] == "Logging" || readme.Contains($"`{key}`", StringComparison.Ordinal) || readme.Contains($"`{key}:", StringComparison.Ordinal))
            {
                return false;
            }

            var parent = string.Join(':', parts[..^1]);
            return !(parts.Length > 1 && (readme.Contains($"`{parent}:<", StringComparison.Ordinal)
                || lines.Any(l => l.Contains($"`{parts[0]}:", StringComparison.Ordinal) && l.Contains($"`{parts[^1]}`", StringComparison.Ordinal))));
        }).ToList();

        Assert.True(missing.Count == 0, "README.md does not name: " + string.Join(", ", missing));

        static void Collect(JsonElement element, string prefix, List<string> keys)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                keys.Add(prefix);
                return;
            }

            foreach (var property in element.EnumerateObject())
            {
                Collect(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}", keys);
            }
        }
    }

    [Theory]
    [InlineData("appsettings.json")]
    [InlineData("appsettings.Development.json")]
    public void BuildOutput_HasAByteIdenticalCopy(string fileName)
    {
        var outputDirectory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;

        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryRoot, fileName)), File.ReadAllBytes(Path.Combine(outputDirectory, fileName)));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Publish_OutputHasTheTopLevelAppSettingsAndTheAppReadsThem()
    {
        var publishDirectory = Directory.CreateTempSubdirectory("hitechtex-publish-").FullName;
        var workingDirectory = Directory.CreateTempSubdirectory("hitechtex-cwd-").FullName;
        var userDataDirectory = Directory.CreateTempSubdirectory("hitechtex-userdata-").FullName;
        try
        {
            var publish = await RunDotnetAsync(
                RepositoryRoot,
                "publish", Path.Combine(RepositoryRoot, "src", "HiTechTex.Bot", "HiTechTex.Bot.csproj"),
                "--no-build", "-c", BuildConfiguration, "-o", publishDirectory);
            Assert.True(publish.ExitCode == 0, publish.Output);
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryRoot, "appsettings.json")), File.ReadAllBytes(Path.Combine(publishDirectory, "appsettings.json")));

            // Started from another working directory, the published app still finds its settings next to the binary:
            // dev mode (only in appsettings.Development.json) lets the request in, and the default SQLite file is
            // created in the per-user data folder, outside the publish directory (whose files the host watches).
            await using var app = await PublishedApp.StartAsync(publishDirectory, workingDirectory, userDataDirectory);
            using var client = new HttpClient { BaseAddress = app.BaseAddress };
            var activity = Activities.Message(Activities.NewConversationId(), "published");
            activity["deliveryMode"] = "expectReplies";
            using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("Nice to meet you! Shall I call you Alex Wilber?", body.RootElement.GetProperty("activities")[0].GetProperty("text").GetString());
            Assert.True(File.Exists(Path.Combine(userDataDirectory, "HiTechTex.Bot", "hitechtex-bot.db")));
            Assert.False(Directory.Exists(Path.Combine(publishDirectory, "data")));
        }
        finally
        {
            Directory.Delete(publishDirectory, recursive: true);
            Directory.Delete(workingDirectory, recursive: true);
            Directory.Delete(userDataDirectory, recursive: true);
        }
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    private static async Task<(int ExitCode, string Output)> RunDotnetAsync(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(DotnetHost.Path) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, await output + await error);
    }
}
