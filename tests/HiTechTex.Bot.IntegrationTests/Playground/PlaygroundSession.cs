using System.Net.Http.Json;
using System.Text;

namespace HiTechTex.Bot.IntegrationTests.Playground;

/// <summary>
/// The real bot process (the built <c>HiTechTex.Bot.dll</c>) and the Microsoft 365 Agents Playground pointed at it,
/// both on free loopback ports, with a throw-away SQLite database and events recording. Shared by the tests of one
/// class; both processes are killed, with their process trees, on dispose.
/// </summary>
public sealed class PlaygroundSession : IAsyncLifetime
{
    /// <summary>The personal chat the Playground creates for its default user (<c>--conversation-id</c>).</summary>
    public const string ConversationId = "hitechtex-e2e-personal";

    /// <summary>The Playground's default mock user (no <c>.m365agentsplayground.yml</c>): its id and Entra object id.</summary>
    public const string UserId = "user-id-0";

    public const string UserAadObjectId = "00000000-0000-0000-0000-0000000000020";

    /// <summary>The Playground's default tenant and bot account.</summary>
    public const string TenantId = "00000000-0000-0000-0000-0000000000001";

    public const string BotId = "00000000-0000-0000-0000-00000000000011";

    public const string SetupHint = "run `npm ci --prefix tools/playground` (CI installs it)";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly string workDirectory = Path.Combine(Path.GetTempPath(), "hitechtex-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<ExternalProcess> others = [];
    private ExternalProcess? bot;
    private ExternalProcess? playground;
    private string? node;

    /// <summary>
    /// Whether the Playground installs the bot by itself when its UI opens (as Teams does on first open). Off for the
    /// API-driven tests, which install explicitly; on for the browser journeys.
    /// </summary>
    public bool SendInstallationActivity { get; init; }

    /// <summary>More environment for the bot process (configuration keys with <c>__</c> separators).</summary>
    public IReadOnlyDictionary<string, string> BotEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>The Playground's <c>.m365agentsplayground.yml</c> (mock users, team, tenant); its defaults when null.</summary>
    public string? PlaygroundConfigYaml { get; init; }

    public string BotBaseUrl { get; private set; } = "";

    public string PlaygroundBaseUrl { get; private set; } = "";

    public int PlaygroundPort { get; private set; }

    /// <summary>The serviceUrl the Playground puts on every activity: its mock connector.</summary>
    public string ConnectorUrl => PlaygroundBaseUrl + "/_connector";

    public string DatabasePath => Path.Combine(workDirectory, "bot.db");

    /// <summary>The SQLite connection string the bot was given (no pooling, so the file can be deleted afterwards).</summary>
    public string ConnectionString => $"Data Source={DatabasePath};Pooling=False";

    public string RecordingPath => Path.Combine(workDirectory, "events_recording.log");

    public string PlaygroundLogPath => Path.Combine(workDirectory, "playground.log");

    public async Task InitializeAsync()
    {
        node = RepositoryPaths.FindNode()
            ?? throw new InvalidOperationException($"`node` is not on PATH. Install Node.js 20+ and {SetupHint}.");
        if (!File.Exists(RepositoryPaths.PlaygroundCli))
        {
            throw new InvalidOperationException(
                $"The Microsoft 365 Agents Playground is not installed ({RepositoryPaths.PlaygroundCli} is missing): {SetupHint}.");
        }

        if (!File.Exists(RepositoryPaths.BotAssembly))
        {
            throw new InvalidOperationException($"The bot was not built next to the tests: {RepositoryPaths.BotAssembly} is missing.");
        }

        Directory.CreateDirectory(workDirectory);
        if (PlaygroundConfigYaml is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(workDirectory, ".m365agentsplayground.yml"), PlaygroundConfigYaml);
        }

        try
        {
            await StartBotAsync();
            await StartPlaygroundAsync(node);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}{Environment.NewLine}{Diagnostics()}", ex);
        }
    }

    /// <summary>
    /// Starts one more Playground against the same bot, as another Teams user of the same tenant (its own
    /// <c>.m365agentsplayground.yml</c>, port, personal chat and mock connector): what a second person sees in Teams.
    /// Returns its base URL; the process ends with the session.
    /// </summary>
    public async Task<string> StartAnotherPlaygroundAsync(string name, string configYaml, string conversationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(configYaml);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        if (node is null || bot is null)
        {
            throw new InvalidOperationException("Initialize the session first.");
        }

        var directory = Path.Combine(workDirectory, name);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, ".m365agentsplayground.yml"), configYaml);
        var (process, baseUrl) = await StartPlaygroundProcessAsync(node, name, directory, conversationId);
        others.Add(process);
        return baseUrl;
    }

    /// <summary>Asks the Playground to install the bot in the personal chat (installationUpdate + conversationUpdate).</summary>
    public async Task InstallAsync()
    {
        using var response = await http.PostAsJsonAsync(
            $"{PlaygroundBaseUrl}/_debug/conversation/{Uri.EscapeDataString(ConversationId)}/installation", new { });
        await EnsureSuccessAsync(response, "installation");
    }

    /// <summary>Makes the default user type <paramref name="text"/> in the personal chat.</summary>
    public async Task SendMessageAsync(string text)
    {
        using var response = await http.PostAsJsonAsync(
            $"{PlaygroundBaseUrl}/_conversation/v1/conversations/{Uri.EscapeDataString(ConversationId)}/messages",
            new { from = new { id = UserId }, text, textFormat = "plain" });
        await EnsureSuccessAsync(response, "message");
    }

    /// <summary>Everything the Playground recorded so far, in both directions.</summary>
    public IReadOnlyList<RecordedExchange> Recording() => PlaygroundRecording.Read(RecordingPath);

    /// <summary>Both processes' output, the Playground's own log and its recording: what a failed test prints.</summary>
    public string Diagnostics()
    {
        var text = new StringBuilder();
        Section("bot output", bot?.Output ?? "(not started)");
        Section("playground output", playground?.Output ?? "(not started)");
        Section("playground log", ReadShared(PlaygroundLogPath));
        Section("playground events recording", ReadShared(RecordingPath));
        foreach (var other in others)
        {
            Section($"{other.Name} output", other.Output);
            Section($"{other.Name} log", ReadShared(Path.Combine(workDirectory, other.Name, "playground.log")));
        }

        return text.ToString();

        void Section(string title, string content) =>
            text.AppendLine($"===== {title} =====").AppendLine(content.Length > 0 ? content : "(empty)");
    }

    /// <summary>Fail-fast check for waits: a reason when either process has died.</summary>
    public string? ProcessExitReason() =>
        bot?.ExitReason() ?? playground?.ExitReason() ?? others.Select(o => o.ExitReason()).FirstOrDefault(r => r is not null);

    public async Task DisposeAsync()
    {
        foreach (var other in others)
        {
            await other.DisposeAsync();
        }

        if (playground is not null)
        {
            await playground.DisposeAsync();
        }

        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        http.Dispose();
        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless; failing the run over it is not worth it.
        }
    }

    private async Task StartBotAsync()
    {
        // A port free when picked may be taken before the bot listens on it: then it exits at once saying so, and is
        // started again on another port (twice at most).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartBotOnceAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && bot is { HasExited: true } exited
                && exited.Output.Contains("already in use", StringComparison.OrdinalIgnoreCase))
            {
                await exited.DisposeAsync();
                bot = null;
            }
        }
    }

    private async Task StartBotOnceAsync()
    {
        var port = FreeTcpPort.Next();
        BotBaseUrl = $"http://127.0.0.1:{port}";
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = BotBaseUrl,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["DangerouslyAllowUnauthenticatedRequests"] = "true",
                ["MicrosoftAppId"] = "",
                ["ConnectionStrings__Bot"] = ConnectionString,
                ["Logging__Console__FormatterName"] = "simple",
                ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            };
        foreach (var (key, value) in BotEnvironment)
        {
            environment[key] = value;
        }

        bot = ExternalProcess.Start("bot", dotnet, [RepositoryPaths.BotAssembly], Path.GetDirectoryName(RepositoryPaths.BotAssembly)!, environment);

        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await http.GetAsync($"{BotBaseUrl}/healthz");
                return response.IsSuccessStatusCode;
            },
            StartupTimeout,
            $"the bot's /healthz at {BotBaseUrl}",
            bot.ExitReason);

        // /readyz answers 200 once the database does (migrations are applied at start-up).
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await http.GetAsync($"{BotBaseUrl}/readyz");
                return response.IsSuccessStatusCode;
            },
            StartupTimeout,
            $"the bot's /readyz at {BotBaseUrl}",
            bot.ExitReason);
    }

    private async Task StartPlaygroundAsync(string node)
    {
        var (process, baseUrl) = await StartPlaygroundProcessAsync(node, "playground", workDirectory, ConversationId);
        playground = process;
        PlaygroundBaseUrl = baseUrl;
        PlaygroundPort = new Uri(baseUrl).Port;
    }

    private async Task<(ExternalProcess Process, string BaseUrl)> StartPlaygroundProcessAsync(string node, string name, string directory, string conversationId)
    {
        var port = FreeTcpPort.Next();
        var baseUrl = $"http://127.0.0.1:{port}";
        var process = ExternalProcess.Start(
            name,
            node,
            [
                "-r", RepositoryPaths.BindLocalhostPreload,
                RepositoryPaths.PlaygroundCli,
                "-e", $"{BotBaseUrl}/api/messages",
                "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-c", "msteams",
                "--su", baseUrl + "/_connector",
                "--conversation-id", conversationId,
                "--enable-events-recording",
                "--disable-telemetry",
            ],
            workingDirectory: directory,
            new Dictionary<string, string>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["PLAYGROUND_BIND_HOST"] = "127.0.0.1",
                ["SEND_INSTALLATION_ACTIVITY"] = SendInstallationActivity ? "true" : "false",
                ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(directory, "playground.log"),
                ["M365_AGENTS_PLAYGROUND_RECORDING_FILE"] = Path.Combine(directory, "events_recording.log"),
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = Path.Combine(directory, ".m365agentsplayground.yml"),
            });
        string? ExitReason() => bot?.ExitReason() ?? process.ExitReason();

        try
        {
            // Non-interactive, the Playground prints only "Listening on <port>"; when the port was taken in the meantime it
            // silently takes another one, and the serviceUrl given to the bot would then be wrong.
            await Eventually.UntilAsync(
                () => process.Output.Contains("Listening on ", StringComparison.Ordinal),
                StartupTimeout,
                $"the {name} to listen",
                ExitReason);
            if (!process.Output.Contains($"Listening on {port}", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The {name} did not get port {port} (taken meanwhile?); rerun the test.");
            }

            await Eventually.UntilAsync(
                async () =>
                {
                    using var response = await http.GetAsync($"{baseUrl}/_debug/ping");
                    return response.IsSuccessStatusCode;
                },
                StartupTimeout,
                $"the {name}'s /_debug/ping at {baseUrl}",
                ExitReason);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            // The Playground writes why it stopped (e.g. an invalid .m365agentsplayground.yml) only to its log file.
            var output = process.Output;
            await process.DisposeAsync();
            throw new InvalidOperationException(
                $"{ex.Message}{Environment.NewLine}===== {name} output ====={Environment.NewLine}{output}"
                + $"{Environment.NewLine}===== {name} log ====={Environment.NewLine}{ReadShared(Path.Combine(directory, "playground.log"))}",
                ex);
        }

        return (process, baseUrl);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"The Playground refused the {what} request: {(int)response.StatusCode} {body}");
        }
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return "(no file)";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
