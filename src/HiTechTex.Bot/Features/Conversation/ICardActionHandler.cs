using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// Handles <c>Action.Execute</c> invokes (and Universal Actions refreshes) by verb, outside any dialog: approval and
/// introduction cards are answered by people other than the one who started the conversation, often in another
/// chat. Register with <c>services.AddScoped&lt;ICardActionHandler, MyHandler&gt;()</c>. Everything in the value is
/// untrusted: authorize the sender (<c>from.aadObjectId</c>) on the server for every action.
/// </summary>
internal interface ICardActionHandler
{
    /// <summary>True for the verbs this handler owns (ordinal comparison is the convention).</summary>
    bool CanHandle(string verb);

    /// <summary>The invoke response body: usually the updated card, or an error card/message.</summary>
    Task<AdaptiveCardInvokeResponse> HandleAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken);
}
