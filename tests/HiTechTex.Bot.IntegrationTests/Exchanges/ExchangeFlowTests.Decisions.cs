using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

public abstract partial class ExchangeFlowTests
{
    [SkippableFact]
    public async Task Decisions_RequestChangesResubmitThenHostContactRejects_CommentsAuditedAndApplicantTold()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();

        // A member SME of CITEVE's cluster: CITEVE's manager decides stage 1.
        var id = await SubmitAsync(host, client, MemberSmeId);
        Assert.Contains(connector.To(ExchangeConnector.PersonalConversationOf(visitingManager.AadObjectId)), s => s.CardJson.Contains("Malhas do Porto", StringComparison.Ordinal));

        Assert.Contains("Please write a comment", await InvokeAsync(client, visitingManager, ExchangeVerbs.RequestChanges, id, 2), StringComparison.Ordinal);
        await InvokeAsync(client, visitingManager, ExchangeVerbs.RequestChanges, id, 2, comment: "Please add the day-by-day agenda.");
        Assert.Equal((ExchangeStatus.ChangesRequested, 3), await StatusAsync(host, id));
        var sentBack = Assert.Single(connector.To(applicant.ConversationId), s => s.Activity.Text?.Contains("is now: Changes requested", StringComparison.Ordinal) == true);
        Assert.EndsWith($"{visitingManager.Name} wrote: “Please add the day-by-day agenda.”", sentBack.Activity.Text, StringComparison.Ordinal);
        Assert.Equal("plain", sentBack.Activity.TextFormat);

        // The applicant edits and submits again: back to stage 1 (the application itself doesn't block its own resubmission).
        await PostAsync(client, Activities.Base("message", applicant.ConversationId, a =>
        {
            a["from"] = From(applicant);
            a["value"] = new System.Text.Json.Nodes.JsonObject { ["action"] = ExchangeVerbs.Edit, ["exchangeId"] = id.ToString() };
        }));
        var editForm = connector.To(applicant.ConversationId)[^1].CardJson;
        Assert.Contains("Changes requested", editForm, StringComparison.Ordinal);
        Assert.Contains($"\"TextRun\",\"text\":\"{visitingManager.Name}: Please add the day-by-day agenda.\"", editForm, StringComparison.Ordinal);
        await PostAsync(client, Submit(applicant, LastFormId(applicant), "submit", MemberSmeId));
        Assert.Equal((ExchangeStatus.Stage1, 5), await StatusAsync(host, id));

        await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, id, 5);
        Assert.Contains(connector.To(ExchangeConnector.PersonalConversationOf(hostContact.AadObjectId)), s => s.CardJson.Contains("exchange.approve", StringComparison.Ordinal));

        // The host organisation's contact (by Entra id in the directory) decides stage 2.
        var rejected = await InvokeAsync(client, hostContact, ExchangeVerbs.Reject, id, 6, comment: "No capacity in March.");
        Assert.Contains("No capacity in March.", rejected, StringComparison.Ordinal);
        Assert.Equal((ExchangeStatus.Rejected, 7), await StatusAsync(host, id));
        Assert.Contains(connector.To(applicant.ConversationId), s => s.Activity.Text?.Contains("is now: Rejected", StringComparison.Ordinal) == true
            && s.Activity.Text.Contains("wrote: “No capacity in March.”", StringComparison.Ordinal));

        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var audit = await store.AuditAsync(id, CancellationToken.None);
        Assert.Equal(
            [ExchangeAction.Created, ExchangeAction.Submitted, ExchangeAction.ChangesRequested, ExchangeAction.Submitted, ExchangeAction.Approved, ExchangeAction.Rejected],
            audit.Select(a => a.Action));
        Assert.Equal(["Please add the day-by-day agenda.", "No capacity in March."], audit.Where(a => a.Comment is not null).Select(a => a.Comment));
        Assert.Equal(hostContact.AadObjectId, audit[^1].ActorAadObjectId);
        Assert.False(await store.HasCountingApplicationAsync(MemberSmeId, Guid.Empty, applicant.AadObjectId, CancellationToken.None));
    }
}
