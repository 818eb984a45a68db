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
        Assert.False(await store.HasCountingApplicationAsync(HiTechTexPartners.AeiTextilsId, Guid.Empty, CancellationToken.None));
    }
}
