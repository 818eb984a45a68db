using System.Text.RegularExpressions;
using HiTechTex.Bot.IntegrationTests.Playground;
using Xunit.Abstractions;

namespace HiTechTex.Bot.IntegrationTests.Browser;

/// <summary>
/// The README followed literally: its first command (run the bot) and its Playground command are read from README.md
/// and run as written, from the checkout's root, then the URL it says to open is opened in headless Chromium and the
/// bot is chatted with there. Only the per-user data folder is pointed at a fresh temp folder (so the default SQLite
/// database is new, as on a fresh machine) and the test runner's ASP.NET Core variables are not passed on.
/// </summary>
[Trait("Category", "E2E")]
[Collection(PlaygroundCollection.Name)]
public sealed partial class ReadmeQuickStartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BuildAndStartTimeout = TimeSpan.FromMinutes(6);

    [SkippableFact]
    public async Task Readme_RunCommandThenPlaygroundCommand_ChatWorksInTheBrowser()
    {
        Skip.If(BrowserJourney.FindChromium() is null, "No Chromium installed (apt-get install -y chromium); CI installs it.");
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.RepositoryRoot, "README.md"));
        var runCommand = FirstShellBlockAfter(readme, "## The two commands");
        var playgroundSection = Section(readme, "## Chat with the bot locally");
        var playgroundCommand = FirstShellBlockAfter(readme, "## Chat with the bot locally");
        var playgroundUrl = OpenUrl().Match(playgroundSection) is { Success: true } open
            ? open.Groups["url"].Value.TrimEnd('/')
            : throw new InvalidOperationException("The README's Playground section names no URL to open (\"open <http://…>\").");
        var botUrl = ListensOn().Match(readme) is { Success: true } listens
            ? listens.Groups["url"].Value
            : throw new InvalidOperationException("The README does not say where the bot listens (\"It listens on `http://…/api/messages`\").");
        Assert.StartsWith("dotnet run", runCommand, StringComparison.Ordinal);
        Skip.If(!FreeTcpPort.IsFree(new Uri(botUrl).Port) || !FreeTcpPort.IsFree(new Uri(playgroundUrl).Port),
            $"A port the README uses ({new Uri(botUrl).Port} or {new Uri(playgroundUrl).Port}) is taken on this machine: stop what runs there.");

        var dataFolder = Path.Combine(Path.GetTempPath(), "hitechtex-readme-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var environment = new Dictionary<string, string> { ["XDG_DATA_HOME"] = dataFolder, ["TEAMSAPPTESTER_BROWSER"] = "none" };
        string[] notInherited = ["ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ConnectionStrings__Bot"];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        ExternalProcess? bot = null;
        ExternalProcess? playground = null;
        try
        {
            output.WriteLine($"$ {runCommand}");
            bot = ExternalProcess.Start("readme bot", "bash", ["-c", runCommand], RepositoryPaths.RepositoryRoot, environment, notInherited);
            var health = new Uri(new Uri(botUrl), "/readyz");
            await Eventually.UntilAsync(() => IsOkAsync(http, health), BuildAndStartTimeout, $"the bot of `{runCommand}` at {health}", bot.ExitReason);
            Assert.True(File.Exists(Path.Combine(dataFolder, "HiTechTex.Bot", "hitechtex-bot.db")), "The default SQLite database is where the README says.");

            output.WriteLine($"$ {playgroundCommand}");
            playground = ExternalProcess.Start("readme playground", "bash", ["-c", playgroundCommand], RepositoryPaths.RepositoryRoot, environment, notInherited);
            await Eventually.UntilAsync(() => IsOkAsync(http, new Uri(playgroundUrl + "/")), BuildAndStartTimeout, $"the Playground of `{playgroundCommand}` at {playgroundUrl}", () => playground.ExitReason() ?? bot.ExitReason());

            await using var journey = await BrowserJourney.OpenAsync("readme-quick-start", playgroundUrl, output);
            await journey.StepAsync("opening the Playground installs the app: the welcome", () => journey.ExpectTextAsync("Welcome to the Hi-Tech-TEX partnership bot"));
            await journey.StepAsync("a message gets an answer", async () =>
            {
                await journey.SendAsync("hello");
                await journey.ExpectTextAsync("Shall I call you");
            });
        }
        catch
        {
            output.WriteLine($"===== bot output =====\n{bot?.Output}\n===== playground output =====\n{playground?.Output}");
            throw;
        }
        finally
        {
            if (playground is not null)
            {
                await playground.DisposeAsync();
            }

            if (bot is not null)
            {
                await bot.DisposeAsync();
            }

            TryDelete(dataFolder);
        }
    }

    [Fact]
    public void FirstShellBlockAfter_FindsTheCommandOfTheSection()
    {
        const string text = "# T\n```sh\nnot this\n```\n## Run\nSome words.\n\n```sh\ndotnet run --project x\n```\n## Next\n```sh\nnor this\n```\n";

        Assert.Equal("dotnet run --project x", FirstShellBlockAfter(text, "## Run"));
        Assert.Throws<InvalidOperationException>(() => FirstShellBlockAfter(text, "## Missing"));
    }

    internal static string FirstShellBlockAfter(string markdown, string heading)
    {
        var section = Section(markdown, heading);
        var block = ShellBlock().Match(section);
        return block.Success
            ? block.Groups["command"].Value.Trim()
            : throw new InvalidOperationException($"The README section \"{heading}\" has no ```sh block.");
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"The README has no section \"{heading}\".");
        }

        var next = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return next < 0 ? markdown[start..] : markdown[start..next];
    }

    private static async Task<bool> IsOkAsync(HttpClient http, Uri uri)
    {
        using var response = await http.GetAsync(uri);
        return response.IsSuccessStatusCode;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    [GeneratedRegex(@"```sh\n(?<command>[^`]+?)\n```")]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"open <(?<url>http://[^>]+)>")]
    private static partial Regex OpenUrl();

    [GeneratedRegex(@"It listens on `(?<url>http://[^`/]+)/api/messages`")]
    private static partial Regex ListensOn();
}
