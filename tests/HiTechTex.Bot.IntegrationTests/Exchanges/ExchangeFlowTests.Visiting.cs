using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

public abstract partial class ExchangeFlowTests
{
    [SkippableFact]
    public async Task Apply_ProfileAtevalSubmitsAeiTextilsAsVisiting_RefusedAndNothingStored()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        await SeedProfileAsync(host, applicant, organisationId: HiTechTexPartners.AtevalId);

        await PostAsync(client, Message(applicant, "apply for exchange"));
        var form = connector.To(applicant.ConversationId)[^1].CardJson;
        Assert.Contains($"\"value\":\"{HiTechTexPartners.AtevalId}\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"value\":\"{HiTechTexPartners.AeiTextilsId}\"", form, StringComparison.Ordinal);

        await PostAsync(client, Submit(applicant, LastFormId(applicant), "submit", HiTechTexPartners.AeiTextilsId));

        Assert.Contains(ExchangeTexts.English.VisitingNotYours, connector.To(applicant.ConversationId)[^1].CardJson, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        Assert.Empty(await store.ListForApplicantAsync(applicant.AadObjectId, CancellationToken.None));
        Assert.False(await store.HasCountingApplicationAsync(HiTechTexPartners.AeiTextilsId, Guid.Empty, applicant.AadObjectId, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Apply_TwoPeopleNameTheSameOrganisation_NeitherBlocksTheOtherAndItsClusterValidatesOne()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var organisation = NoticeSmeIds[10];
        var claimer = new ExchangeUser("Mallory");

        // Someone names the organisation in their profile and submits first: its one visit is not used up by that.
        await SeedProfileAsync(host, claimer, organisationId: organisation);
        await PostAsync(client, Message(claimer, "apply for exchange"));
        await PostAsync(client, Submit(claimer, LastFormId(claimer), "submit", organisation));
        var claimed = await SingleApplicationIdAsync(host, claimer);
        var real = await SubmitAsync(host, client, organisation);

        // Its cluster manager validates one; the other can then no longer be approved, and nobody can apply again.
        await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, real, 2);
        var refused = await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, claimed, 2);
        await PostAsync(client, Message(claimer, "apply for exchange"));
        await PostAsync(client, Submit(claimer, LastFormId(claimer), "check", organisation));

        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, claimed));
        Assert.Equal(ExchangeStatus.Stage2, (await StatusAsync(host, real)).Item1);
        Assert.Contains("an organisation visits once", refused, StringComparison.Ordinal);
        Assert.Contains("an organisation visits once", connector.To(claimer.ConversationId)[^1].CardJson, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Apply_FormSavedAfterStartingOver_SaysTheFormEndedAndSavesNothing()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var user = new ExchangeUser("Olga");
        await SeedProfileAsync(host, user, organisationId: NoticeSmeIds[11]);
        await PostAsync(client, Message(user, "apply for exchange"));
        var formId = LastFormId(user);

        await PostAsync(client, Message(user, "start over"));
        var sentBefore = connector.To(user.ConversationId).Count;
        await PostAsync(client, Submit(user, formId, "save", NoticeSmeIds[11]));

        var answer = connector.To(user.ConversationId).Skip(sentBefore).ToList();
        Assert.Contains(answer, s => s.Activity.Text?.StartsWith("This form is no longer active (what it belonged to was cancelled", StringComparison.Ordinal) == true);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<ExchangeStore>().ListForApplicantAsync(user.AadObjectId, CancellationToken.None));
    }
}
