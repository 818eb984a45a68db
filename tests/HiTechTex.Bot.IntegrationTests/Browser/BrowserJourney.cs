using System.Globalization;
using System.Text.RegularExpressions;
using HiTechTex.Bot.IntegrationTests.Playground;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HiTechTex.Bot.IntegrationTests.Browser;

/// <summary>
/// One user journey through the real Agents Playground UI in headless Chromium (Debian's <c>chromium</c>, driven by
/// Playwright with <c>ExecutablePath</c>), against the real bot process of a <see cref="PlaygroundSession"/>.
/// Every step saves a screenshot under <see cref="ScreenshotDirectory"/>; a failed step says which step failed and
/// what the chat showed.
/// </summary>
public sealed class BrowserJourney : IAsyncDisposable
{
    /// <summary>Overrides the browser executable (default <c>/usr/bin/chromium</c>).</summary>
    public const string ChromiumVariable = "HTT_CHROMIUM";

    /// <summary>Overrides where screenshots go (default <c>artifacts/journeys</c> in the checkout).</summary>
    public const string ScreenshotsVariable = "HTT_JOURNEY_SCREENSHOTS";

    private static readonly float StepTimeoutMs = 30_000;

    private readonly string name;
    private readonly ITestOutputHelper output;
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private int step;

    private BrowserJourney(string name, ITestOutputHelper output, IPlaywright playwright, IBrowser browser, IPage page, string screenshotDirectory)
    {
        this.name = name;
        this.output = output;
        this.playwright = playwright;
        this.browser = browser;
        Page = page;
        ScreenshotDirectory = screenshotDirectory;
    }

    public IPage Page { get; }

    public string ScreenshotDirectory { get; }

    /// <summary>The Chromium to drive, or null when none is installed (the journey is then skipped, and CI fails on skips).</summary>
    public static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable(ChromiumVariable);
        foreach (var candidate in new[] { configured, "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Opens the Playground's chat in a fresh browser; the screenshot folder is emptied and named in the output.</summary>
    public static Task<BrowserJourney> OpenAsync(string name, PlaygroundSession session, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(session);
        return OpenAsync(name, session.PlaygroundBaseUrl, output);
    }

    /// <summary>Opens the Playground at <paramref name="playgroundUrl"/> .</summary>
    public static async Task<BrowserJourney> OpenAsync(string name, string playgroundUrl, ITestOutputHelper output)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(playgroundUrl);
        ArgumentNullException.ThrowIfNull(output);
        var chromium = FindChromium() ?? throw new InvalidOperationException("No Chromium: apt-get install -y chromium (CI does).");
        var root = Environment.GetEnvironmentVariable(ScreenshotsVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryPaths.RepositoryRoot, "artifacts", "journeys");
        var directory = Path.Combine(root, name);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        output.WriteLine($"Journey '{name}': screenshots in {directory}");

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        page.SetDefaultTimeout(StepTimeoutMs);
        var journey = new BrowserJourney(name, output, playwright, browser, page, directory);
        await journey.StepAsync("open the Playground", () => page.GotoAsync(playgroundUrl + "/", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded }));
        return journey;
    }

    /// <summary>
    /// Runs one step and screenshots the result. On failure: a screenshot named <c>FAILED</c> and an exception that names
    /// the step and quotes the end of the chat.
    /// </summary>
    public async Task StepAsync(string description, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        step++;
        var file = Path.Combine(ScreenshotDirectory, $"{step:00}-{Slug(description)}.png");
        try
        {
            await action();
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            output.WriteLine($"  step {step}: {description} ✓ ({Path.GetFileName(file)})");
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or InvalidOperationException)
        {
            var failed = Path.Combine(ScreenshotDirectory, $"{step:00}-FAILED-{Slug(description)}.png");
            await TryAsync(() => Page.ScreenshotAsync(new PageScreenshotOptions { Path = failed, FullPage = true }));
            var screen = await TryAsync(() => Page.Locator("body").InnerTextAsync()) ?? "(page text unavailable)";
            throw new JourneyStepException(
                $"Journey '{name}' failed at step {step} \"{description}\": {ex.Message}{Environment.NewLine}"
                + $"Screenshot: {failed}{Environment.NewLine}On screen (end):{Environment.NewLine}{Tail(screen, 2500)}",
                ex);
        }
    }

    /// <summary>Types into the message box and presses Enter, as a user does.</summary>
    public async Task SendAsync(string text)
    {
        // The compose box is a Lexical editor (role textbox); the log panel is contenteditable too.
        var box = Page.Locator("[contenteditable=\"true\"][data-lexical-editor=\"true\"]").First;
        await box.ClickAsync();
        await Page.Keyboard.TypeAsync(text);
        await Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Waits until <paramref name="text"/> is on screen (the last occurrence, so new messages count).</summary>
    public Task ExpectTextAsync(string text) =>
        Page.GetByText(text, new PageGetByTextOptions { Exact = false }).Last.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });

    /// <summary>How many times <paramref name="text"/> is on screen now.</summary>
    public Task<int> CountTextAsync(string text) => Page.GetByText(text, new PageGetByTextOptions { Exact = false }).CountAsync();

    /// <summary>Waits until <paramref name="text"/> is on screen more than <paramref name="before"/> times.</summary>
    public async Task ExpectMoreTextAsync(string text, int before)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(StepTimeoutMs);
        while (await CountTextAsync(text) <= before)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"\"{text}\" did not appear again (still {before} time(s) on screen).");
            }

            await Page.WaitForTimeoutAsync(100);
        }
    }

    /// <summary>Clicks the last (newest) card button with that title.</summary>
    public Task ClickButtonAsync(string title) =>
        Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = title, Exact = true }).Last.ClickAsync();

    /// <summary>Fills the last (newest) card input with that label or placeholder.</summary>
    public async Task FillAsync(string labelOrPlaceholder, string value)
    {
        var byLabel = Page.GetByLabel(labelOrPlaceholder);
        var input = await byLabel.CountAsync() > 0 ? byLabel.Last : Page.GetByPlaceholder(labelOrPlaceholder).Last;
        await input.FillAsync(value);
    }

    /// <summary>
    /// Chooses, in the last (newest) choice set with that label, the first option whose title contains
    /// <paramref name="optionText"/>. The Playground renders compact choice sets as Fluent UI comboboxes (an input with
    /// role combobox whose options pop up as a listbox), so the choice is made as a person does: open, click the option.
    /// </summary>
    public async Task SelectAsync(string label, string optionText)
    {
        var combobox = Page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = label }).Last;
        await combobox.ClickAsync();
        var options = Page.GetByRole(AriaRole.Option);
        await options.First.WaitForAsync();
        var titles = await options.AllInnerTextsAsync();
        var index = titles.ToList().FindIndex(o => o.Contains(optionText, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new InvalidOperationException($"\"{label}\" has no option with \"{optionText}\"; it offers: {string.Join(" | ", titles)}");
        }

        await options.Nth(index).ClickAsync();
        await options.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }

    /// <summary>
    /// Sets the last (newest) date input with that label. The Playground renders Input.Date as a Fluent UI date picker
    /// that takes no typed text: the date is picked as a person does, in its calendar (next month until the day shows).
    /// </summary>
    public async Task FillDateAsync(string label, DateOnly date)
    {
        var input = Page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = label }).Last;
        await input.ClickAsync();
        var calendar = Page.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = "Calendar" });
        await calendar.WaitForAsync();
        var english = CultureInfo.GetCultureInfo("en-US").DateTimeFormat;
        var day = calendar.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions
        {
            Name = $"{date.Day}, {english.GetMonthName(date.Month)}, {date.Year}",
            Exact = true,
        });
        for (var months = 0; await day.CountAsync() == 0; months++)
        {
            if (months > 36)
            {
                throw new InvalidOperationException($"The date picker \"{label}\" never showed {date:yyyy-MM-dd}.");
            }

            await calendar.Locator("button[title^='Next month']").ClickAsync();
        }

        await day.First.ClickAsync();
        await calendar.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        if ((await input.InputValueAsync()).Length == 0)
        {
            throw new InvalidOperationException($"The date picker \"{label}\" did not take {date:yyyy-MM-dd}.");
        }
    }

    /// <summary>Waits until no card button with that title is on screen (e.g. after an Action.Execute replaced the card).</summary>
    public Task ExpectNoButtonAsync(string title) =>
        Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = title, Exact = true }).First
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    private static string Slug(string text) =>
        Regex.Replace(text.ToLower(CultureInfo.InvariantCulture), "[^a-z0-9]+", "-").Trim('-') is { Length: > 0 } slug
            ? slug[..Math.Min(slug.Length, 60)]
            : "step";

    private static string Tail(string text, int length) => text.Length <= length ? text : "…" + text[^length..];

    private static async Task<T?> TryAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (PlaywrightException)
        {
            return default;
        }
    }
}
