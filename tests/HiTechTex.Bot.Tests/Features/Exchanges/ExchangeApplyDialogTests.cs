using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>The application form through the real main dialog, turn by turn, applicant at CITEVE (PT) unless a test says otherwise.</summary>
public sealed partial class ExchangeApplyDialogTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private readonly ExchangeDialogTestHost host = new();
    private string? formId;

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Form_ProfileOrganisationInDirectory_OffersOnlyThatOrganisationAsVisiting()
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(["hitechtex-citeve"], VisitingChoiceValues());
    }

    [Theory]
    [InlineData("save")]
    [InlineData("submit")]
    [InlineData("check")]
    public async Task Form_TamperedVisitingOrganisation_RefusedPolitelyAndNothingSaved(string op)
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit(op, visitingId: "hitechtex-aei-textils"))
            .AssertReply(r => Assert.Contains(JsonEncoded(En.VisitingNotYours), Describe(r), StringComparison.Ordinal), "the form again, with the reason")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Fact]
    public async Task Form_OwnOrganisation_Saved()
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit("save"))
            .AssertReply(En.DraftSaved)
            .StartTestAsync();

        Assert.Equal("hitechtex-citeve", Assert.Single(await host.ApplicationsAsync()).VisitingOrganisationId);
    }

    [Theory]
    [InlineData("apply for an exchange")]
    [InlineData("apply step by step")]
    public async Task Apply_ProfileOrganisationNotInDirectory_ToldPolitelyWithoutTheClusters(string command)
    {
        await host.Conversation.SeedProfileAsync("en", organisation: "Acme Smart Fabrics Lda");

        await host.Conversation.Flow()
            .Send(command)
            .AssertReply(r =>
            {
                Assert.Equal(string.Format(CultureInfo.InvariantCulture, En.NotInDirectoryFormat, "Acme Smart Fabrics Lda"), r.Text);
                Assert.Equal("plain", r.TextFormat);
                Assert.Empty(r.Attachments ?? []);
            }, "the polite answer")
            .AssertNoReply()
            .Send(() => FormSubmit("submit", visitingId: "hitechtex-aei-textils", formIdOverride: new string('0', 32)))
            .AssertReply(r => Assert.NotEqual(En.DraftSaved, r.Text), "no form waits")
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    private TestFlow OpenForm() => host.Conversation.Flow()
        .Send("apply for an exchange")
        .AssertReply(r => { formId = FormIdPattern().Match(Describe(r)).Groups[1].Value; lastForm = r; }, "the form");

    private Activity? lastForm;

    private IReadOnlyList<string> VisitingChoiceValues()
    {
        var card = JsonSerializer.SerializeToElement(Assert.Single(lastForm!.Attachments ?? []).Content);
        var visiting = card.GetProperty("body").EnumerateArray().Single(e => e.TryGetProperty("id", out var id) && id.GetString() == "visitingId");
        return [.. visiting.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!)];
    }

    private Activity FormSubmit(string op, string visitingId = "hitechtex-citeve", string? formIdOverride = null) => host.Conversation.Submit(new
    {
        formId = formIdOverride ?? formId, op, visitingId, hostQuery = "clutex", hostId = "hitechtex-clutex",
        startDate = "2027-03-01", endDate = "2027-03-05", activityType = "KnowledgeSharing",
        objectives = "Learn the nonwoven pilot line.", agenda = "Day 1: lab.", outcomes = "A joint proposal.",
    });

    private static string JsonEncoded(string text) => JsonSerializer.Serialize(text)[1..^1];

    private static string Describe(Activity reply) =>
        reply.Text + string.Concat((reply.Attachments ?? []).Select(a => JsonSerializer.Serialize(a.Content)));

    [GeneratedRegex("\"formId\":\"([0-9a-f]{32})\"")]
    private static partial Regex FormIdPattern();
}
