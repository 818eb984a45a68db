using System.Text.Json;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// Answers a messaging-extension search (<c>composeExtension/query</c>, spec §6) for one command id of the manifest.
/// Register with <c>services.AddScoped&lt;IComposeExtensionHandler, MyHandler&gt;()</c>.
/// </summary>
internal interface IComposeExtensionHandler
{
    /// <summary>The manifest's <c>composeExtensions[].commands[].id</c>.</summary>
    string CommandId { get; }

    /// <summary>The whole response body: <c>{"composeExtension":{"type":"result","attachmentLayout":"list","attachments":[…]}}</c>.</summary>
    Task<JsonElement> QueryAsync(ITurnContext turnContext, JsonElement query, CancellationToken cancellationToken);
}
