using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>
/// Text nobody can see is no text: an approver's "Request changes" with a comment of one zero-width space was accepted
/// ("Vasco wrote: “”"), an agenda of one zero-width space made an application eligible and submitted, and a
/// right-to-left override in the objectives turned them around on the approvers' cards.
/// </summary>
public abstract partial class ExchangeFlowTests
{
    [SkippableFact]
    public async Task InvisibleText_ACommentOfOnlyAZeroWidthSpace_IsNoComment()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, MemberSmeId);

        foreach (var invisible in (string[])["\u200B", " \u202E\u200B\uFEFF ", "\u2066\u2069"])
        {
            Assert.Contains("Please write a comment", await InvokeAsync(client, visitingManager, ExchangeVerbs.RequestChanges, id, 2, comment: invisible), StringComparison.Ordinal);
            Assert.Contains("Please write a comment", await InvokeAsync(client, visitingManager, ExchangeVerbs.Reject, id, 2, comment: invisible), StringComparison.Ordinal);
        }

        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));
        Assert.DoesNotContain(connector.To(applicant.ConversationId), s => s.Activity.Text?.Contains("is now:", StringComparison.Ordinal) == true);

        // A comment with words keeps them; what would turn it around is left out, on the audit and in the notice.
        await InvokeAsync(client, visitingManager, ExchangeVerbs.RequestChanges, id, 2, comment: "Please add \u202Ethe agenda\u202C.");
        Assert.Equal((ExchangeStatus.ChangesRequested, 3), await StatusAsync(host, id));
        var notice = Assert.Single(connector.To(applicant.ConversationId), s => s.Activity.Text?.Contains("is now: Changes requested", StringComparison.Ordinal) == true);
        Assert.EndsWith($"{visitingManager.Name} wrote: “Please add the agenda.”", notice.Activity.Text, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<ExchangeStore>().AuditAsync(id, CancellationToken.None);
        Assert.Equal("Please add the agenda.", audit[^1].Comment);
    }

    [SkippableFact]
    public async Task InvisibleText_AnAgendaOfOnlyAZeroWidthSpace_IsMissingAndNothingIsSubmitted()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        await SeedProfileAsync(host, applicant, organisationId: MemberSmeId);
        await PostAsync(client, Message(applicant, "apply for exchange"));
        var submit = Submit(applicant, LastFormId(applicant), "submit", MemberSmeId);
        submit["value"]!["agenda"] = "\u200B";
        await PostAsync(client, submit);

        var form = connector.To(applicant.ConversationId)[^1].CardJson;
        Assert.Contains("Give the agenda", form, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var applications = await scope.ServiceProvider.GetRequiredService<ExchangeStore>().ListForApplicantAsync(applicant.AadObjectId, CancellationToken.None);
        Assert.DoesNotContain(applications, a => a.Status != ExchangeStatus.Draft);
        Assert.Empty(connector.To(ExchangeConnector.PersonalConversationOf(visitingManager.AadObjectId)));
    }

    [SkippableFact]
    public async Task InvisibleText_ARightToLeftOverrideInTheObjectives_IsNotOnTheApproversCard()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        await SeedProfileAsync(host, applicant, organisationId: MemberSmeId);
        await PostAsync(client, Message(applicant, "apply for exchange"));
        var submit = Submit(applicant, LastFormId(applicant), "submit", MemberSmeId);
        submit["value"]!["objectives"] = "Learn \u202Eenil tolip\u202C\u200B on the pilot line.";
        await PostAsync(client, submit);

        var id = await SingleApplicationIdAsync(host, applicant);
        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));
        await using var scope = host.Services.CreateAsyncScope();
        var application = await scope.ServiceProvider.GetRequiredService<ExchangeStore>().FindAsync(id, CancellationToken.None);
        Assert.Equal("Learn enil tolip on the pilot line.", application!.Objectives);
        var card = Assert.Single(connector.To(ExchangeConnector.PersonalConversationOf(visitingManager.AadObjectId))).CardJson;
        Assert.Contains("Learn enil tolip on the pilot line.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", card, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u202E", card, StringComparison.OrdinalIgnoreCase);
    }
}
