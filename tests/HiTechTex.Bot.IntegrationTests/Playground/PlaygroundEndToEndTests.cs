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
        // Not an apology from a failed turn, which would also be a non-echo message.
        Assert.Contains("welcome", welcome.Text ?? "", StringComparison.OrdinalIgnoreCase);
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
    public Task Message_FromPlayground_DeliversEchoReplyToConnector() => WithDiagnosticsAsync(async () =>
    {
        // Act
        await session.SendMessageAsync("hi");

        // Assert
        // The Playground records the user's exchange with the bot only once the bot has answered the HTTP request,
        // which is after the reply was posted during the turn: wait for both entries.
        await WaitForAsync(
            () => EchoReplies("You said: hi").Any() && session.Recording().Any(e => e.IsToBot && e.ActivityType == "message" && e.Text == "hi"),
            "the reply 'You said: hi' at the Playground's connector and the user's message in the recording");
        var userMessage = Assert.Single(session.Recording(), e => e.IsToBot && e.ActivityType == "message" && e.Text == "hi");
        Assert.Equal(200, userMessage.StatusCode);
        var reply = Assert.Single(EchoReplies("You said: hi"));
        Assert.Equal(201, reply.StatusCode);
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
            && e.Text?.StartsWith("You said:", StringComparison.Ordinal) != true);

    private IEnumerable<RecordedExchange> EchoReplies(string text) =>
        session.Recording().Where(e => e.IsFromBot && e.ActivityType == "message" && e.Text == text && e.Succeeded);

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
