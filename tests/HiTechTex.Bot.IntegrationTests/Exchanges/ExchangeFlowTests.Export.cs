using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Exchanges;
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

        await PostAsync(client, Message(coordinator, "export exchanges"));
        var link = ExportLinkIn(connector.To(coordinator.ConversationId)[^1].Activity.Text);
        var csv = await DownloadAsync(client, link);

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
    public async Task Export_ExpiredTamperedOrOtherKindOfLink_404WithoutData()
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
            $"/exchanges/export.csv?e={e}&s={tampered}",
            $"/exchanges/export.csv?e={later}&s={s}",
            $"/exchanges/export.csv?e={e}&s={calendarSignature}",
            $"/exchanges/export.csv/other?e={e}&s={s}",
            $"/coaching/calendar/{sessionId:D}.ics?r={Guid.NewGuid():N}&s={s}",
        ];
        foreach (var path in refused)
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }

        using (var valid = await client.GetAsync(link.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        }

        time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        using var expired = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Empty(await expired.Content.ReadAsByteArrayAsync());
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
