using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A double click on the application form's Save: the first click saves it and says "Draft saved" with the application's
/// card; the second (after the form ended) says nothing more — not "Draft saved" again, nor "this form is no longer
/// active, nothing was saved", which was untrue. A second Submit says the application is submitted already.
/// </summary>
public sealed partial class ExchangeFormDoubleClickTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private readonly ExchangeDialogTestHost host = new();
    private string? formId;

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Save_ClickedTwice_DraftSavedOnceAndTheSecondClickGetsNoDuplicateMessage()
    {
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send("apply for an exchange")
            .AssertReply(r => formId = FormIdOf(r), "the form")
            .Send(() => Click(formId!, "save"))
            .AssertReply(En.DraftSaved)
            .AssertReply(r => Assert.Single(r.Attachments ?? []), "the application's card")
            .Send(() => Click(formId!, "save"))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(ExchangeStatus.Draft, Assert.Single(await host.ApplicationsAsync()).Status);
    }

    [Fact]
    public async Task Submit_ClickedTwice_SecondToldItIsSubmittedAlready()
    {
        await host.Conversation.SeedProfileAsync("en");
        string? second = null;

        await host.Conversation.Flow()
            .Send("apply for an exchange")
            .AssertReply(r => formId = FormIdOf(r), "the form")
            .Send(() => Click(formId!, "submit"))
            .AssertReply(r => Assert.Single(r.Attachments ?? []), "the application's card")
            .Send(() => Click(formId!, "submit"))
            .AssertReply(r => second = r.Text, "already submitted")
            .AssertNoReply()
            .StartTestAsync();

        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(ExchangeStatus.Stage1, application.Status);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, En.AlreadySubmittedFormat, application.Reference), second);
    }

    [Fact]
    public async Task Save_AfterTheFormWasCancelled_StillToldTheFormEndedAndNothingSaved()
    {
        // Only a card that was saved is known: a cancelled form's Save keeps the main dialog's answer.
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send("apply for an exchange")
            .AssertReply(r => formId = FormIdOf(r), "the form")
            .Send(() => host.Conversation.Submit(new { formId, op = "cancel", formNoInputs = true }))
            .AssertReply(En.FormCancelled)
            .Send(() => Click(formId!, "save"))
            .AssertReply(ConversationTexts.For("en").FormEnded)
            .AssertReply(r => Assert.Single(r.Attachments ?? []), "the menu")
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    private Activity Click(string id, string op) => host.Conversation.Submit(new
    {
        formId = id, op, visitingId = "hitechtex-citeve", hostQuery = "clutex", hostId = "hitechtex-clutex",
        startDate = "2027-03-01", endDate = "2027-03-05", activityType = "KnowledgeSharing",
        objectives = "Learn the nonwoven pilot line.", agenda = "Day 1: lab.", outcomes = "A joint proposal.",
    });

    private static string FormIdOf(Activity reply)
    {
        var id = FormIdPattern().Match(reply.Text + string.Concat((reply.Attachments ?? []).Select(a => JsonSerializer.Serialize(a.Content)))).Groups[1].Value;
        Assert.NotEmpty(id);
        return id;
    }

    [GeneratedRegex("\"formId\":\"([0-9a-f]{32})\"")]
    private static partial Regex FormIdPattern();
}
