using HiTechTex.Bot.IntegrationTests.Playground;
using Xunit.Abstractions;

namespace HiTechTex.Bot.IntegrationTests.Browser;

/// <summary>
/// The journeys of the product in a real Teams-like client: the Microsoft 365 Agents Playground UI in headless
/// Chromium, against the real bot process (fresh SQLite database per journey). Screenshots of every step go to the
/// folder each test names in its output. Needs <c>npm ci --prefix tools/playground</c> and Debian's <c>chromium</c>.
/// </summary>
[Trait("Category", "E2E")]
public sealed class TeamsJourneyTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task JourneyA_Install_ShowsWelcomeCardWithTheThreeJourneys()
    {
        Skip.If(BrowserJourney.FindChromium() is null, "No Chromium installed (apt-get install -y chromium); CI installs it.");
        var session = new PlaygroundSession { SendInstallationActivity = true };
        await session.InitializeAsync();
        try
        {
            await using var journey = await BrowserJourney.OpenAsync("a-install-welcome", session, output);

            // Opening the chat installs the bot (installationUpdate + conversationUpdate), which welcomes once.
            await journey.StepAsync("welcome card after install", async () =>
            {
                await journey.ExpectTextAsync("Welcome to the Hi-Tech-TEX partnership bot");
                await journey.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Find partners", Exact = true }).Last.WaitForAsync();
                await journey.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Apply for an exchange", Exact = true }).Last.WaitForAsync();
                await journey.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Book a session", Exact = true }).Last.WaitForAsync();
            });
            Assert.Equal(1, await journey.CountTextAsync("Welcome to the Hi-Tech-TEX partnership bot"));

            // The first message starts the first-use profile, in the user's Teams name; then the menu again.
            var welcomes = await journey.CountTextAsync("Welcome to the Hi-Tech-TEX partnership bot");
            await CompleteProfileAsync(journey, "CITEVE");
            await journey.StepAsync("the menu after the profile", () => journey.ExpectMoreTextAsync("Welcome to the Hi-Tech-TEX partnership bot", welcomes));
        }
        catch
        {
            output.WriteLine(session.Diagnostics());
            throw;
        }
        finally
        {
            await session.DisposeAsync();
        }
    }

    /// <summary>The first-use profile through the UI: Teams name confirmed, organisation typed, English chosen.</summary>
    private static async Task CompleteProfileAsync(BrowserJourney journey, string organisation)
    {
        await journey.StepAsync("profile: confirm the Teams name", async () =>
        {
            await journey.SendAsync("hello");
            await journey.ExpectTextAsync("Shall I call you Alex Wilber?");
            await journey.ClickButtonAsync("Yes");
            await journey.ExpectTextAsync("Which organisation do you work for?");
        });
        await journey.StepAsync("profile: organisation and language", async () =>
        {
            await journey.SendAsync(organisation);
            await journey.ExpectTextAsync("Which language do you prefer?");
            await journey.ClickButtonAsync("English");
            await journey.ExpectTextAsync("Your profile is saved.");
        });
    }
}
