using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Testing.Dialogs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>
/// Runs a root dialog the way the product host does: per turn a new dialog tree and a new ConversationState over
/// the shared storage, so nothing survives a turn in memory.
/// </summary>
internal static class DialogTestHost
{
    public const string DialogStateProperty = "dialogState";

    public static TestFlow Flow(IStorage storage, Func<Dialog> createRoot, Action<TestAdapter>? configure = null, ILogger? logger = null)
    {
        var adapter = new TestAdapter(async (turnContext, ct) =>
        {
            var conversationState = new ConversationState(storage);
            var accessor = conversationState.CreateProperty<DialogState>(DialogStateProperty);
            await createRoot().RunAsync(turnContext, accessor, logger ?? NullLogger.Instance, ct);
            await conversationState.SaveChangesAsync(turnContext, false, ct);
        });
        configure?.Invoke(adapter);
        return new TestFlow(adapter);
    }
}
