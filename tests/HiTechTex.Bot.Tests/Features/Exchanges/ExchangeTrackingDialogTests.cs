using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>The lists of applications through the real main dialog: the applicant's own, and a manager's "pending approvals".</summary>
public sealed class ExchangeTrackingDialogTests : IDisposable
{
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en", "pending approvals")]
    [InlineData("pt", "aprovações pendentes")]
    public async Task PendingApprovals_TypedByAClusterManager_ListWithoutTheNewApplicationButton(string language, string command)
    {
        // Arrange
        var texts = ExchangeTexts.Resolve(language);
        host.Conversation.Adapter.User = new() { Id = "29:user-1", Name = "Vasco", AadObjectId = ExchangeDialogTestHost.VisitingManagerId };
        await host.Conversation.SeedProfileAsync(language);
        Assert.Contains(command, texts.PendingApprovalsCommands);

        // Act / Assert: managers decide on that list; applying is the applicant's own list's button.
        await host.Conversation.Flow()
            .Send(command)
            .AssertReply(r =>
            {
                var card = CardJson(r);
                Assert.Contains(texts.PendingApprovalsTitle, card, StringComparison.Ordinal);
                Assert.Contains(texts.NoPendingApprovals, card, StringComparison.Ordinal);
                Assert.DoesNotContain("applyExchange", card, StringComparison.Ordinal);
                Assert.DoesNotContain(texts.NewApplication, card, StringComparison.Ordinal);
            }, "the pending approvals")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en", "my applications")]
    [InlineData("it", "le mie candidature")]
    public async Task MyApplications_NoneYet_EmptyStatePointsToTheNewApplicationButton(string language, string command)
    {
        // Arrange
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);
        Assert.Contains(command, texts.MyApplicationsCommands);

        // Act / Assert
        await host.Conversation.Flow()
            .Send(command)
            .AssertReply(r =>
            {
                var card = CardJson(r);
                Assert.Contains(texts.MyApplicationsTitle, card, StringComparison.Ordinal);
                Assert.Contains(texts.NoApplications, card, StringComparison.Ordinal);
                Assert.Contains(texts.NewApplication, texts.NoApplications, StringComparison.Ordinal);
                Assert.Contains($"\"title\":\"{texts.NewApplication}\",\"data\":{{\"action\":\"applyExchange\"}}", card, StringComparison.Ordinal);
            }, "my applications")
            .StartTestAsync();
    }

    private static string CardJson(Activity reply) =>
        System.Text.Json.JsonSerializer.Serialize(
            Assert.Single(reply.Attachments ?? [], a => a.ContentType == Attachment.AdaptiveCardContentType).Content,
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
