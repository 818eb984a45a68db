using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Moq;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

public sealed class ProactiveMessengerExtensionsTests
{
    private readonly Mock<IProactiveMessenger> messenger = new(MockBehavior.Strict);
    private readonly Activity message = Activity.CreateMessage("Your application is approved.");

    [Fact]
    public async Task SendToPersonAsync_ConversationDelivers_DoesNotAlsoWriteToTheUser()
    {
        messenger.Setup(m => m.SendToConversationAsync("a:1", message, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent, "a:1"));

        var result = await messenger.Object.SendToPersonAsync("a:1", "aad", "tenant", message, CancellationToken.None);

        Assert.Equal(("a:1", true), (result.ConversationId, result.IsSent));
        messenger.Verify(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a:gone")]
    public async Task SendToPersonAsync_NoConversationOrItFails_WritesToTheUsersOneToOneChat(string? conversationId)
    {
        messenger.Setup(m => m.SendToConversationAsync("a:gone", message, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.NoReference, "a:gone"));
        messenger.Setup(m => m.SendToUserAsync("aad", "tenant", message, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent, "a:personal"));

        var result = await messenger.Object.SendToPersonAsync(conversationId, "aad", "tenant", message, CancellationToken.None);

        Assert.Equal(("a:personal", true), (result.ConversationId, result.IsSent));
    }

    [Theory]
    [InlineData(null, "tenant")]
    [InlineData("aad", "")]
    public async Task SendToPersonAsync_NowhereToSend_NoReferenceWithoutCallingTheConnector(string? aadObjectId, string? tenantId)
    {
        var result = await messenger.Object.SendToPersonAsync(null, aadObjectId, tenantId, message, CancellationToken.None);

        Assert.Equal(ProactiveSendStatus.NoReference, result.Status);
    }
}
