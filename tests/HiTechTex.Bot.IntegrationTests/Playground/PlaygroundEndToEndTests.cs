using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using HiTechTex.Bot.Protocol.Schema;
using Xunit.Abstractions;

namespace HiTechTex.Bot.IntegrationTests.Playground;

/// <summary>
/// The real bot process driven by the Microsoft 365 Agents Playground — the same client a developer uses — through
/// its (undocumented) debug and conversation APIs. Every assertion is about what crossed the wire or reached the
/// database, never about the bot's internals. Needs Node.js and <c>npm ci --prefix tools/playground</c>.
/// </summary>
[Trait("Category", "E2E")]
[Collection(PlaygroundCollection.Name)]
public sealed class PlaygroundEndToEndTests(PlaygroundSession session, ITestOutputHelper output) : IClassFixture<PlaygroundSession>
{
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public Task Install_FromPlayground_StoresConversationReferenceAndDeliversOneWelcome() => WithDiagnosticsAsync(async () =>
    {
        // Act
        await session.InstallAsync();

        // Assert: both install activities (sent concurrently by the Playground, as Teams does) reached the bot and
        // were accepted, and a welcome reached the Playground's connector and was accepted there.
        await WaitForAsync(
            () => AcceptedByBot("installationUpdate") && AcceptedByBot("conversationUpdate") && WelcomeMessages().Any(),
            "the bot to accept installationUpdate and conversationUpdate and to send a welcome");
        var welcome = Assert.Single(WelcomeMessages());
        Assert.Equal(201, welcome.StatusCode);
        // The welcome card, not an apology from a failed turn nor the answer to a message.
        var card = Assert.Single(welcome.Body.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        Assert.Contains("Welcome to the Hi-Tech-TEX partnership bot", card.GetProperty("content").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(PlaygroundSession.UserId, welcome.Body.GetProperty("recipient").GetProperty("id").GetString());

        // Assert: the reference needed for proactive messages is on disk, pointing at the Playground's connector.
        await WaitForAsync(
            () => BotDatabaseFile.FindConversationReference(session.DatabasePath, PlaygroundSession.ConversationId) is not null,
            $"a stored conversation reference for {PlaygroundSession.ConversationId}");
        var row = BotDatabaseFile.FindConversationReference(session.DatabasePath, PlaygroundSession.ConversationId)!;
        Assert.Equal(session.ConnectorUrl, row.ServiceUrl);
        Assert.Equal("msteams", row.ChannelId);
        Assert.Equal("personal", row.ConversationType);
        Assert.Equal(PlaygroundSession.TenantId, row.TenantId);
        Assert.Equal(PlaygroundSession.UserAadObjectId, row.UserAadObjectId);
        Assert.True(row.IsActive);
        var reference = JsonSerializer.Deserialize(row.ReferenceJson, ProtocolJsonContext.Inbound.ConversationReference)!;
        Assert.Equal(PlaygroundSession.UserId, reference.User?.Id);
        Assert.Equal(PlaygroundSession.BotId, reference.Bot?.Id);
    });

    [Fact]
    public Task Message_FromPlayground_DeliversAnswerToConnector() => WithDiagnosticsAsync(async () =>
    {
        // Act
        await session.SendMessageAsync("hi");

        // Assert: a first contact, so the answer is the first question of the profile capture.
        // The reply reaches the connector before the bot has answered the Playground's own POST, which is recorded
        // only when it completes: wait for both.
        static bool IsUserMessage(RecordedExchange e) => e.IsToBot && e.ActivityType == "message" && e.Text == "hi";
        await WaitForAsync(
            () => ProfileQuestions().Any() && session.Recording().Any(IsUserMessage),
            "the first profile question at the Playground's connector and the bot's answer to the message");
        var userMessage = Assert.Single(session.Recording(), IsUserMessage);
        Assert.Equal(200, userMessage.StatusCode);
        var reply = Assert.Single(ProfileQuestions());

        // Observed: the Playground's connector answers 202 (not 201) to a message with inputHint "expectingInput",
        // which every prompt carries; both mean it took the reply.
        Assert.True(reply.StatusCode is 201 or 202, $"The Playground answered the reply with {reply.StatusCode}.");
        Assert.Equal(PlaygroundSession.ConversationId, reply.ConversationId);
        Assert.Equal(userMessage.Body.GetProperty("id").GetString(), GetString(reply.Body, "replyToId"));
        Assert.Equal(PlaygroundSession.UserId, reply.Body.GetProperty("recipient").GetProperty("id").GetString());
    });

    [Fact]
    public async Task Playground_Started_RefusesConnectionsOnNonLoopbackAddresses()
    {
        // Arrange: the Playground's mock connector accepts anything; bind-localhost.js must keep it off the network.
        var addresses = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            .ToList();

        foreach (var address in addresses)
        {
            // Act
            using var client = new TcpClient(address.AddressFamily);
            var connect = async () => await client.ConnectAsync(address, session.PlaygroundPort);

            // Assert
            var error = await Assert.ThrowsAsync<SocketException>(connect);
            Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
        }
    }

    private bool AcceptedByBot(string activityType) =>
        session.Recording().Any(e => e.IsToBot && e.ActivityType == activityType && e.ConversationId == PlaygroundSession.ConversationId && e.StatusCode == 200);

    private IEnumerable<RecordedExchange> WelcomeMessages() =>
        session.Recording().Where(e => e.IsFromBot
            && e.ActivityType == "message"
            && e.ConversationId == PlaygroundSession.ConversationId
            && e.Succeeded
            && !IsProfileQuestion(e));

    private IEnumerable<RecordedExchange> ProfileQuestions() =>
        session.Recording().Where(e => e.IsFromBot && e.ActivityType == "message" && e.Succeeded && IsProfileQuestion(e));

    // The name Teams (here the Playground) gives is confirmed; without one the bot asks for it.
    private static bool IsProfileQuestion(RecordedExchange exchange) =>
        exchange.Text?.StartsWith("Nice to meet you! Shall I call you", StringComparison.Ordinal) == true
        || exchange.Text == "What name should I use?";

    private Task WaitForAsync(Func<bool> condition, string because) =>
        Eventually.UntilAsync(condition, TurnTimeout, because, session.ProcessExitReason);

    private static string? GetString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private async Task WithDiagnosticsAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            output.WriteLine(session.Diagnostics());
            throw;
        }
    }
}
