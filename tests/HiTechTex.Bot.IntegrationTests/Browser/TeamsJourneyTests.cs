using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Playground;
using Xunit.Abstractions;

namespace HiTechTex.Bot.IntegrationTests.Browser;

/// <summary>
/// The journeys of the product in a real Teams-like client: the Microsoft 365 Agents Playground UI in headless
/// Chromium, against the real bot process (fresh SQLite database per journey). Screenshots of every step go to the
/// folder each test names in its output. Needs <c>npm ci --prefix tools/playground</c> and Debian's <c>chromium</c>.
/// </summary>
[Trait("Category", "E2E")]
[Collection(PlaygroundCollection.Name)]
public sealed class TeamsJourneyTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task JourneyA_Install_ShowsWelcomeCardWithTheThreeJourneys()
    {
        Skip.If(BrowserJourney.FindChromium() is null, "No Chromium installed (apt-get install -y chromium); CI installs it.");
        await WithPlaygroundAsync(async session =>
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
        });
    }

    [SkippableFact]
    public async Task JourneyB_FindPartnersInFreeText_ResultsDetailsIntroductionDeliveredAndAccepted()
    {
        Skip.If(BrowserJourney.FindChromium() is null, "No Chromium installed (apt-get install -y chromium); CI installs it.");

        // The Italian results belong to the Tuscan cluster (Tecnotessile); demo organisations have no contact with a
        // Teams identity, so the request goes to that cluster's manager: a second Teams user in a Playground of their own.
        var environment = new Dictionary<string, string>
        {
            [$"Roles__ClusterManagers__{SecondUser.AadObjectId}__0"] = HiTechTexPartners.TecnotessileId,
        };
        await WithPlaygroundAsync(environment, async session =>
        {
            await using var manager = await OpenSecondUserAsync(session, "b-find-partners-cluster-manager");
            await using var journey = await BrowserJourney.OpenAsync("b-find-partners", session, output);
            await journey.StepAsync("welcome card", () => journey.ExpectTextAsync("Welcome to the Hi-Tech-TEX partnership bot"));
            await CompleteProfileAsync(journey, "CITEVE");

            await journey.StepAsync("free text → results card", async () =>
            {
                await journey.SendAsync("I need a finishing lab in Italy for antimicrobial treatment");
                await journey.ExpectTextAsync("Partners found");
                await journey.Page.GetByText("matches:", new() { Exact = false }).First.WaitForAsync();
            });
            await journey.StepAsync("details of the first result", async () =>
            {
                await journey.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Details", Exact = true }).First.ClickAsync();
                await journey.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Request introduction", Exact = true }).Last.WaitForAsync();
            });
            await journey.StepAsync("request an introduction → sent", async () =>
            {
                await journey.FillAsync("A short message for the introduction", "We look for an antimicrobial finishing trial on knitted fabric.");
                await journey.ClickButtonAsync("Request introduction");
                await journey.ExpectTextAsync("has been sent. I'll let you know when they answer.");
            });
            await journey.StepAsync("the details card changes in place: nothing left to request twice", async () =>
            {
                await journey.ExpectTextAsync("Introduction requested — waiting for an answer.");
                await journey.ExpectNoButtonAsync("Request introduction");
            });

            // The cluster manager's Teams: the request arrives as a card; Accept (Action.Execute) updates it in place.
            await manager.StepAsync("the request arrives in the cluster manager's chat", async () =>
            {
                await manager.ExpectTextAsync("Introduction request");
                await manager.ExpectTextAsync("We look for an antimicrobial finishing trial on knitted fabric.");
            });
            await manager.StepAsync("accept → the card changes in place", async () =>
            {
                await manager.ClickButtonAsync("Accept");
                await manager.ExpectTextAsync($"Accepted by {SecondUser.Name}");
                await manager.ExpectNoButtonAsync("Accept");
            });
            await journey.StepAsync("the requester is told, with the contact details", () =>
                journey.ExpectTextAsync("accepted your introduction request. You can contact them:"));
        });
    }

    [SkippableFact]
    public async Task JourneyC_ApplyForAnExchange_ManagerApprovesWithActionExecute_CardChanges()
    {
        Skip.If(BrowserJourney.FindChromium() is null, "No Chromium installed (apt-get install -y chromium); CI installs it.");

        // The applicant (the Playground's default user) works for CITEVE; the second user manages the CITEVE cluster, so
        // stage 1 of the approval is theirs.
        var environment = new Dictionary<string, string>
        {
            [$"Roles__ClusterManagers__{SecondUser.AadObjectId}__0"] = HiTechTexPartners.CiteveId,
        };
        var (first, last) = ExchangeWeek(DateOnly.FromDateTime(DateTime.UtcNow));
        await WithPlaygroundAsync(environment, async session =>
        {
            await using var manager = await OpenSecondUserAsync(session, "c-exchange-cluster-manager");
            await using var journey = await BrowserJourney.OpenAsync("c-apply-exchange", session, output);
            await journey.StepAsync("welcome card", () => journey.ExpectTextAsync("Welcome to the Hi-Tech-TEX partnership bot"));
            await CompleteProfileAsync(journey, "CITEVE");

            await journey.StepAsync("the welcome card's button opens the form", async () =>
            {
                await journey.ClickButtonAsync("Apply for an exchange");
                await journey.ExpectTextAsync("Apply for a ClusterXchange exchange");
            });
            // The activity type, objectives, agenda and outcomes, then the host search and Check.
            await journey.StepAsync("fill the required content, search the host, check", async () =>
            {
                await journey.SelectAsync("Activity type", "Knowledge sharing");
                await journey.FillAsync("Objectives", "Learn how CLUTEX runs its nanofibre pilot line.");
                await journey.FillAsync("Agenda (day by day)", "Mon: welcome. Tue-Wed: pilot line. Thu: lessons learnt.");
                await journey.FillAsync("Expected outcomes", "A joint project idea on nanofibre membranes.");
                await journey.FillAsync("Search for the host organisation", "Liberec");
                await journey.ClickButtonAsync("Check");
                await journey.ExpectMoreTextAsync("Apply for a ClusterXchange exchange", 1);
                await journey.SelectAsync("Host organisation", "CLUTEX");
            });
            await journey.StepAsync("the dates, check → eligible", async () =>
            {
                await journey.FillDateAsync("First working day", first);
                await journey.FillDateAsync("Last working day", last);
                await journey.ClickButtonAsync("Check");
                await journey.ExpectTextAsync("Eligible: all rules are met.");
            });
            await journey.StepAsync("submit for approval", async () =>
            {
                await journey.ClickButtonAsync("Submit for approval");
                await journey.ExpectTextAsync("Waiting for the visiting cluster");
            });

            // The manager's Teams: the approval card arrives; Approve is an Action.Execute whose answer replaces the card.
            await manager.StepAsync("the approval card arrives in the manager's chat", async () =>
            {
                await manager.ExpectTextAsync("Waiting for the visiting cluster");
                await manager.ExpectTextAsync("Learn how CLUTEX runs its nanofibre pilot line.");
            });
            await manager.StepAsync("approve → the card changes in place", async () =>
            {
                await manager.ClickButtonAsync("Approve");
                await manager.ExpectTextAsync("Waiting for the host");
                await manager.ExpectNoButtonAsync("Approve");
            });
            await journey.StepAsync("the applicant is told", () =>
                journey.ExpectTextAsync("is now: Waiting for the host."));
        });
    }

    [SkippableFact]
    public async Task JourneyD_RegisterForASession_ConfirmationWithCalendarFileThenCancel()
    {
        Skip.If(BrowserJourney.FindChromium() is null, "No Chromium installed (apt-get install -y chromium); CI installs it.");
        await WithPlaygroundAsync(async session =>
        {
            await using var journey = await BrowserJourney.OpenAsync("d-book-session", session, output);
            await journey.StepAsync("welcome card", () => journey.ExpectTextAsync("Welcome to the Hi-Tech-TEX partnership bot"));
            await CompleteProfileAsync(journey, "CITEVE");

            await journey.StepAsync("upcoming sessions", async () =>
            {
                await journey.SendAsync("sessions");
                await journey.ExpectTextAsync("Upcoming sessions");
            });
            await journey.StepAsync("details of the first session", async () =>
            {
                await journey.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Details", Exact = true }).First.ClickAsync();
                await journey.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Register", Exact = true }).Last.WaitForAsync();
            });
            await journey.StepAsync("register → confirmation with the .ics (no Graph locally)", async () =>
            {
                await journey.ClickButtonAsync("Register");
                await journey.ExpectTextAsync("You're registered for");
                await journey.ExpectTextAsync("Add to my calendar (.ics)");
            });
            await journey.StepAsync("the .ics button opens the signed calendar file; the session id alone opens nothing", async () =>
            {
                // Whatever the Playground opens it in (a tab, a download), the browser asks for the card's URL.
                var requested = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                void OnRequest(object? sender, Microsoft.Playwright.IRequest r)
                {
                    if (r.Url.Contains("/coaching/calendar/", StringComparison.Ordinal))
                    {
                        requested.TrySetResult(r.Url);
                    }
                }

                journey.Page.Context.Request += OnRequest;
                try
                {
                    // An Action.OpenUrl: the Playground renders it as a link, not a button.
                    await journey.Page.GetByText("Add to my calendar (.ics)", new() { Exact = true }).Last.ClickAsync();
                    await requested.Task.WaitAsync(TimeSpan.FromSeconds(30));
                }
                finally
                {
                    journey.Page.Context.Request -= OnRequest;
                }

                var link = new Uri(requested.Task.Result);
                Assert.Contains("&s=", link.Query, StringComparison.Ordinal);
                using var http = new HttpClient();
                using var file = await http.GetAsync(link);
                Assert.Equal(System.Net.HttpStatusCode.OK, file.StatusCode);
                Assert.Contains("BEGIN:VCALENDAR", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                using var bare = await http.GetAsync(link.GetLeftPart(UriPartial.Path));
                Assert.Equal(System.Net.HttpStatusCode.NotFound, bare.StatusCode);
            });
            await journey.StepAsync("cancel my registration", async () =>
            {
                await journey.ClickButtonAsync("Cancel my registration");
                // Asked first, on the session's card; only its "Yes" cancels.
                await journey.ExpectTextAsync("Cancel your registration for");
                await journey.ClickButtonAsync("Yes, cancel my registration");
                await journey.ExpectTextAsync("is cancelled.");
            });
        });
    }

    /// <summary>
    /// A fresh bot process and Playground (which installs the bot when its UI opens) for one journey; on failure the
    /// output carries both processes' logs.
    /// </summary>
    private Task WithPlaygroundAsync(Func<PlaygroundSession, Task> journey) =>
        WithPlaygroundAsync(new Dictionary<string, string>(), journey);

    private async Task WithPlaygroundAsync(IReadOnlyDictionary<string, string> botEnvironment, Func<PlaygroundSession, Task> journey)
    {
        var session = new PlaygroundSession { SendInstallationActivity = true, BotEnvironment = botEnvironment };
        await session.InitializeAsync();
        try
        {
            await journey(session);
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

    /// <summary>
    /// The second person: a Playground of their own (another Teams user of the same tenant) whose chat is opened, which
    /// installs the bot for them, so the bot knows their 1:1 chat before anything is sent to it.
    /// </summary>
    private async Task<BrowserJourney> OpenSecondUserAsync(PlaygroundSession session, string name)
    {
        var url = await session.StartAnotherPlaygroundAsync("second-user", SecondUser.PlaygroundConfigYaml(), "hitechtex-e2e-second-user");
        var journey = await BrowserJourney.OpenAsync(name, url, output);
        try
        {
            await journey.StepAsync("welcome card after install", () => journey.ExpectTextAsync("Welcome to the Hi-Tech-TEX partnership bot"));
            return journey;
        }
        catch
        {
            await journey.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A Monday-to-Thursday week at least three weeks after <paramref name="today"/> with no Czech public holiday in it
    /// (the host in journey c is in Liberec): four working days, eligible.
    /// </summary>
    internal static (DateOnly First, DateOnly Last) ExchangeWeek(DateOnly today)
    {
        var monday = today.AddDays(21);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        // Fixed Czech public holidays; Easter (March 20 – April 30) and Christmas – New Year are skipped as a whole.
        string[] fixedHolidays = ["05-01", "05-08", "07-05", "07-06", "09-28", "10-28", "11-17"];
        while (Enumerable.Range(0, 4).Select(monday.AddDays).Any(d =>
            fixedHolidays.Contains(d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            || (d.Month == 12 && d.Day >= 20) || (d.Month == 1 && d.Day <= 3)
            || (d.Month == 3 && d.Day >= 20) || d.Month == 4))
        {
            monday = monday.AddDays(7);
        }

        return (monday, monday.AddDays(3));
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
