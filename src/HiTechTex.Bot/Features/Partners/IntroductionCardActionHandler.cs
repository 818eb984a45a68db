using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>The introduction card's <c>Action.Execute</c> verbs: accept, decline and the Universal Actions refresh.</summary>
internal sealed class IntroductionCardActionHandler(IntroductionService introductions) : ICardActionHandler
{
    public const string AcceptVerb = "partners.intro.accept";
    public const string DeclineVerb = "partners.intro.decline";
    public const string RefreshVerb = "partners.intro.refresh";

    public bool CanHandle(string verb) => verb is AcceptVerb or DeclineVerb or RefreshVerb;

    public Task<AdaptiveCardInvokeResponse> HandleAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(invokeValue);
        var verb = invokeValue.Action?.Verb ?? "";
        var id = IntroductionIdOf(invokeValue.Action?.Data);
        return verb == RefreshVerb
            ? introductions.RefreshAsync(turnContext, id, cancellationToken)
            : introductions.DecideAsync(turnContext, verb, id, verb == AcceptVerb, cancellationToken);
    }

    public static string? IntroductionIdOf(JsonElement? data) =>
        data is { } d && CardInput.TryGetText(d, "introductionId", out var id) ? id : null;
}
