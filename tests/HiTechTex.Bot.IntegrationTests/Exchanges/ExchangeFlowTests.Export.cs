using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Hosting.Pages;
using HiTechTex.Bot.IntegrationTests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>
/// "export exchanges": the coordinator gets a short-lived signed link to the bot's own host (Teams shows no data: URL
/// file), served through the real pipeline; anything but a valid, current link opens nothing.
/// </summary>
public abstract partial class ExchangeFlowTests
{
    [SkippableFact]
    public async Task Export_CoordinatorsLink_CsvOfTheDataAtDownloadTimeWithBomAndDownloadHeaders()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var first = await SubmitAsync(host, client, NoticeSmeIds[12]);
        await SeedProfileAsync(host, coordinator);

        await PostAsync(client, Message(coordinator, "export exchanges"));

        var message = connector.To(coordinator.ConversationId)[^1].Activity;
        Assert.Null(message.Attachments);
        Assert.DoesNotContain("data:", message.Text, StringComparison.Ordinal);
        Assert.Contains("works for 15 min", message.Text, StringComparison.Ordinal);
        var link = ExportLinkIn(message.Text);
        Assert.StartsWith("https://bot.example.org/exchanges/export.csv?e=", link, StringComparison.Ordinal);

        using var response = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("exchanges-2027-02-01.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl?.NoStore);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.StartsWith("Reference;Status;VisitingOrganisation", csv, StringComparison.Ordinal);
        Assert.Contains($"{await ReferenceAsync(host, first)};Waiting for the visiting cluster;Têxtil Minho 12 (test SME);PT", csv, StringComparison.Ordinal);

        // Made when fetched: an application submitted after the link was given is in the next download.
        var applicantTwo = await SubmitAsOtherApplicantAsync(host, client, NoticeSmeIds[13]);
        var again = await DownloadAsync(client, link);
        Assert.Contains($"{await ReferenceAsync(host, applicantTwo)};Waiting for the visiting cluster;Têxtil Minho 13 (test SME)", again, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Export_PortugueseCoordinator_ColumnNamesStatusAndActivityLabelsInPortugueseWithTheCodesKept()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var first = await SubmitAsync(host, client, NoticeSmeIds[15]);
        await SeedProfileAsync(host, coordinator, language: "pt");
        string link, csv;
        try
        {
            await PostAsync(client, Message(coordinator, "export exchanges"));
            link = ExportLinkIn(connector.To(coordinator.ConversationId)[^1].Activity.Text);
            csv = await DownloadAsync(client, link);
        }
        finally
        {
            // The class shares one database: the other tests expect the coordinator's profile in English, whatever order xUnit runs them in.
            await SeedProfileAsync(host, coordinator);
        }

        Assert.Contains("&l=pt&", link, StringComparison.Ordinal);
        var reference = await ReferenceAsync(host, first);
        var row = csv.Split("\r\n").Single(l => l.StartsWith(reference + ";", StringComparison.Ordinal)).Split(';');
        Assert.Equal(ExchangeTexts.Portuguese.Statuses[ExchangeStatus.Stage1], row[1]);
        Assert.Equal("Stage1", row[14]);

        // The column names in Portuguese too (they were English), the code columns' names kept for scripts.
        var header = csv.Split("\r\n")[0];
        Assert.StartsWith("Referência;Estado;Organização visitante;", header, StringComparison.Ordinal);
        Assert.EndsWith(";Data de criação;StatusCode;ActivityTypeCode", header, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Export_ExpiredTamperedOrOtherKindOfLink_RefusedWithAPageAndWithoutData()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        await SubmitAsync(host, client, NoticeSmeIds[14]);
        await SeedProfileAsync(host, coordinator);
        await PostAsync(client, Message(coordinator, "export exchanges"));
        var link = new Uri(ExportLinkIn(connector.To(coordinator.ConversationId)[^1].Activity.Text));
        var query = QueryHelpers.ParseQuery(link.Query);
        string e = query["e"]!, s = query["s"]!;
        var tampered = (s[0] == 'A' ? "B" : "A") + s[1..];
        var later = (long.Parse(e, System.Globalization.CultureInfo.InvariantCulture) + 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // A calendar link's signature (another kind of link the bot signs), on the export's path, and the export's on the calendar's.
        string calendarSignature;
        Guid sessionId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var registration = new CoachingRegistration { Id = Guid.NewGuid(), SessionId = Guid.NewGuid(), Status = RegistrationStatus.Confirmed };
            var calendar = new Uri(scope.ServiceProvider.GetRequiredService<CalendarLinks>().For(registration)!);
            calendarSignature = QueryHelpers.ParseQuery(calendar.Query)["s"]!;
            sessionId = registration.SessionId;
        }

        string[] refused =
        [
            "/exchanges/export.csv",
            $"/exchanges/export.csv?e={e}",
            $"/exchanges/export.csv?s={s}",
            $"/exchanges/export.csv?e={e}&l=en&s={tampered}",
            $"/exchanges/export.csv?e={later}&l=en&s={s}",
            $"/exchanges/export.csv?e={e}&l=en&s={calendarSignature}",
            $"/exchanges/export.csv?e={e}&l=pt&s={s}",
            $"/exchanges/export.csv/other?e={e}&l=en&s={s}",
            $"/coaching/calendar/{sessionId:D}.ics?r={Guid.NewGuid():N}&s={s}",
        ];
        foreach (var path in refused)
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            var page = await AssertRefusalPageAsync(response);
            var expected = path.Contains("l=pt", StringComparison.Ordinal) ? LinkPageTexts.Of("pt") : LinkPageTexts.English;
            Assert.Contains($"<h1>{expected.InvalidTitle}</h1>", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Reference", page, StringComparison.Ordinal);
        }

        using (var valid = await client.GetAsync(link.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        }

        time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        using var expired = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        var expiredPage = await AssertRefusalPageAsync(expired);
        Assert.Contains("<h1>This link has expired</h1>", expiredPage, StringComparison.Ordinal);
        Assert.Contains("works for 15 minutes only", expiredPage, StringComparison.Ordinal);
        Assert.Contains("type “export exchanges”", expiredPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Reference", expiredPage, StringComparison.Ordinal);

        // Tampered and expired: not signed by the bot, so "not valid" — nobody learns more from a forged link.
        using var tamperedExpired = await client.GetAsync($"/exchanges/export.csv?e={e}&l=en&s={tampered}");
        Assert.Equal(HttpStatusCode.NotFound, tamperedExpired.StatusCode);
    }

    [SkippableFact]
    public async Task Export_ExpiredLink_410PageInTheLinksLanguageElseTheBrowsers()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();

        // The links a Portuguese and an English coordinator get (the profile's language is signed into the link as l=;
        // the chat that gives them is covered above). Made here, so no profile of the shared database changes language.
        var links = host.Services.GetRequiredService<ExchangeExportLinks>();
        var portuguese = new Uri(links.For(coordinator.AadObjectId, "pt")!).PathAndQuery;
        var english = new Uri(links.For(coordinator.AadObjectId, "en")!).PathAndQuery;
        Assert.Contains("&l=pt&", portuguese, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMinutes(16));

        // The Portuguese coordinator's link, opened in a Portuguese browser.
        var page = await ExpiredPageAsync(client, portuguese, "pt-PT,pt;q=0.9,en;q=0.5");
        Assert.Contains("<html lang=\"pt\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Esta ligação expirou</h1>", page, StringComparison.Ordinal);
        Assert.Contains("só funciona durante 15 minutos", page, StringComparison.Ordinal);
        Assert.Contains("escreva «exportar intercâmbios»", page, StringComparison.Ordinal);

        // The link's language wins over the browser's; a link without one (an English one: "l" unsaid is English)
        // is said in the browser's.
        Assert.Contains("<h1>Esta ligação expirou</h1>", await ExpiredPageAsync(client, portuguese, "cs-CZ"), StringComparison.Ordinal);
        Assert.Contains("<h1>This link has expired</h1>", await ExpiredPageAsync(client, english, "pt-PT"), StringComparison.Ordinal);
        var withoutLanguage = english.Replace("&l=en", "", StringComparison.Ordinal);
        Assert.Contains("<h1>Esta ligação expirou</h1>", await ExpiredPageAsync(client, withoutLanguage, "pt-PT"), StringComparison.Ordinal);
        Assert.Contains("<h1>Platnost tohoto odkazu vypršela</h1>", await ExpiredPageAsync(client, withoutLanguage, "fr-FR, cs;q=0.8"), StringComparison.Ordinal);
        Assert.Contains("<h1>This link has expired</h1>", await ExpiredPageAsync(client, withoutLanguage, null), StringComparison.Ordinal);

        // HEAD: the status and the headers, no body. Another method: 405, saying which are allowed.
        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, portuguese)))
        {
            Assert.Equal(HttpStatusCode.Gone, head.StatusCode);
            Assert.Equal("text/html; charset=utf-8", head.Content.Headers.ContentType?.ToString());
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }

        using var post = await client.PostAsync(portuguese, new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(["GET", "HEAD"], post.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Empty(await post.Content.ReadAsByteArrayAsync());
    }

    [SkippableFact]
    public async Task Export_MarkupInTheAddressAndHeaders_NothingOfTheRequestOnThePage()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        const string Script = "<script>alert(1)</script>";
        var escaped = Uri.EscapeDataString(Script);

        foreach (var path in new[]
        {
            $"/exchanges/export.csv?e={escaped}&l={escaped}&s={escaped}",
            $"/exchanges/export.csv/{escaped}?l={escaped}",
            $"/exchanges/export.csv?e=1&s={escaped}&{escaped}={escaped}",
            $"/coaching/calendar/{escaped}.ics?r={escaped}&s={escaped}",
            $"/coaching/calendar/{Guid.NewGuid():D}.ics?r={Guid.NewGuid():N}&s={escaped}",
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept-Language", Script);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var page = await AssertRefusalPageAsync(response);
            Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("alert", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("script", page, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<h1>This link is not valid</h1>", page, StringComparison.Ordinal);
        }
    }

    /// <summary>The refusal page's headers, and its text.</summary>
    private static async Task<string> AssertRefusalPageAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'none'; style-src 'unsafe-inline';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Null(response.Content.Headers.ContentDisposition);
        var page = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        return page;
    }

    private static async Task<string> ExpiredPageAsync(HttpClient client, string pathAndQuery, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        return await AssertRefusalPageAsync(response);
    }

    /// <summary>
    /// Asked for in a group chat, the export is handed to the coordinator's 1:1 chat: the group sees a mention and
    /// nothing of the link, the link comes only in the 1:1 chat, after Continue.
    /// </summary>
    [SkippableFact]
    public async Task Export_AskedInAGroupChat_LinkOnlyInTheCoordinatorsOneToOneChat()
    {
        SkipUnlessAvailable();
        const string group = "19:export-group@thread.v2";
        using var host = CreateHost();
        var client = host.CreateClient();
        await SeedProfileAsync(host, coordinator);
        var inGroup = Message(coordinator, "export exchanges");
        inGroup["conversation"] = new JsonObject { ["id"] = group, ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = Support.Activities.TenantId };

        await PostAsync(client, inGroup);

        var personal = ExchangeConnector.PersonalConversationOf(coordinator.AadObjectId);
        var note = Assert.Single(connector.To(group));
        Assert.DoesNotContain("export.csv", note.Activity.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(connector.All, x => x.ConversationId != personal && (x.Activity.Text ?? "").Contains("export.csv", StringComparison.Ordinal));
        var moved = Assert.Single(connector.To(personal));
        Assert.DoesNotContain("export.csv", moved.CardJson, StringComparison.Ordinal);

        var button = JsonNode.Parse(moved.CardJson)!["actions"]![0]!["data"]!.AsObject();
        await PostAsync(client, Support.Activities.Base("message", personal, a =>
        {
            a["from"] = From(coordinator);
            a["conversation"] = new JsonObject { ["id"] = personal, ["conversationType"] = "personal", ["tenantId"] = Support.Activities.TenantId };
            a["value"] = button.DeepClone();
        }));

        var link = ExportLinkIn(connector.To(personal)[^1].Activity.Text);
        Assert.StartsWith("Reference;Status;", await DownloadAsync(client, link), StringComparison.Ordinal);
        Assert.Single(connector.To(group));
    }

    /// <summary>The export link in the coordinator's message ("[download the CSV file](https://…)").</summary>
    private static string ExportLinkIn(string? text)
    {
        var match = ExportLinkPattern().Match(text ?? "");
        Assert.True(match.Success, $"no export link in: {text}");
        return match.Groups[1].Value;
    }

    private static async Task<string> DownloadAsync(HttpClient client, string link)
    {
        using var response = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes.AsSpan(3));
    }

    private async Task<Guid> SubmitAsOtherApplicantAsync(BotHostFactory host, HttpClient client, string visitingId)
    {
        var other = new ExchangeUser("Olga");
        await SeedProfileAsync(host, other, organisationId: visitingId);
        await PostAsync(client, Message(other, "apply for exchange"));
        await PostAsync(client, Submit(other, LastFormId(other), "submit", visitingId));
        return await SingleApplicationIdAsync(host, other);
    }

    [GeneratedRegex(@"\]\((https://[^)\s]+)\)")]
    private static partial Regex ExportLinkPattern();
}
