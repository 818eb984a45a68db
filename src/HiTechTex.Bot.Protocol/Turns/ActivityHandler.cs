using System.Net;
using System.Text.Json;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// Routes a turn to a virtual method per activity type (Bot Framework shape). Every default is a no-op, so any
/// activity a subclass does not handle — including unknown types, event types and event names — is answered with
/// 200 and never throws (checklist 12). Invokes are the exception: an invoke nobody answers gets 501 (checklist 20).
/// </summary>
public abstract class ActivityHandler : IBot
{
    /// <inheritdoc />
    public virtual async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                if (activity.Value is { ValueKind: JsonValueKind.Object } value)
                {
                    await OnCardSubmitAsync(turnContext, new CardSubmission(value, activity.ReplyToId), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await OnMessageActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                }

                break;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.InstallationUpdate:
                await OnInstallationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Invoke:
                var response = await OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);

                // A handler may have set the response itself (e.g. through a dialog); that one wins.
                turnContext.InvokeResponse ??= response;
                break;
            case ActivityTypes.Event:
                await OnEventActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>A user message (with the bot's mention already removed from the text and its HTML entities decoded).</summary>
    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// An <c>Action.Submit</c> click (checklist 16). Defaults to <see cref="OnMessageActivityAsync"/>, because on the
    /// wire a submit is a message and a bot that only handles messages must not silently lose it.
    /// </summary>
    protected virtual Task OnCardSubmitAsync(ITurnContext turnContext, CardSubmission submission, CancellationToken cancellationToken) =>
        OnMessageActivityAsync(turnContext, cancellationToken);

    /// <summary>Routes <c>membersAdded</c> / <c>membersRemoved</c>; other event types (channel renamed…) are ignored.</summary>
    protected virtual async Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.MembersAdded is { Count: > 0 } added)
        {
            await OnMembersAddedAsync(added.ToList(), turnContext, cancellationToken).ConfigureAwait(false);
        }

        if (activity.MembersRemoved is { Count: > 0 } removed)
        {
            await OnMembersRemovedAsync(removed.ToList(), turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Members joined. The list includes the bot itself when it was just added; recognise it with
    /// <see cref="InstallationEvents.IsBot"/> (<c>member.id == recipient.id</c>).
    /// </summary>
    protected virtual Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Members left; the list includes the bot itself when it was removed.</summary>
    protected virtual Task OnMembersRemovedAsync(IReadOnlyList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Routes on <c>action</c>: add / add-upgrade, remove / remove-upgrade; anything else is ignored.</summary>
    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.IsInstallationAdd())
        {
            return OnInstallationUpdateAddAsync(turnContext, cancellationToken);
        }

        return activity.IsInstallationRemove() ? OnInstallationUpdateRemoveAsync(turnContext, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>The app was installed (<c>add</c>) or upgraded (<c>add-upgrade</c>).</summary>
    protected virtual Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The app was uninstalled (<c>remove</c>, <c>remove-upgrade</c>).</summary>
    protected virtual Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Dispatches an invoke on its <c>name</c> (ordinal). A name nobody handles — and any
    /// <see cref="InvokeResponseException"/> — becomes the response status; unhandled means 501 (checklist 20).
    /// </summary>
    protected virtual async Task<InvokeResponse?> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            switch (turnContext.Activity.Name)
            {
                case InvokeNames.AdaptiveCardAction:
                    return await HandleAdaptiveCardActionAsync(turnContext, cancellationToken).ConfigureAwait(false);
                case InvokeNames.ComposeExtensionQuery:
                    var query = turnContext.Activity.Value ?? default;
                    var result = await OnComposeExtensionQueryAsync(turnContext, query, cancellationToken).ConfigureAwait(false);
                    return new InvokeResponse((int)HttpStatusCode.OK, result);
                default:
                    return await OnUnhandledInvokeAsync(turnContext, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InvokeResponseException e)
        {
            return e.ToInvokeResponse();
        }
    }

    /// <summary>
    /// An <c>Action.Execute</c> click or card refresh, already validated (spec §5.2). Return the body: a card, a
    /// message, or an error. The HTTP status is always 200; the outcome goes in <c>statusCode</c>.
    /// </summary>
    protected virtual Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(
        ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        throw new InvokeResponseException((int)HttpStatusCode.NotImplemented);

    /// <summary>
    /// A messaging-extension search (spec §6). Return the whole body,
    /// <c>{composeExtension:{type:"result", attachmentLayout, attachments[]}}</c>, within 5 s.
    /// </summary>
    protected virtual Task<JsonElement> OnComposeExtensionQueryAsync(ITurnContext turnContext, JsonElement query, CancellationToken cancellationToken) =>
        throw new InvokeResponseException((int)HttpStatusCode.NotImplemented);

    /// <summary>An invoke with a name this handler does not know: 501, never 200 with an empty body (checklist 20).</summary>
    protected virtual Task<InvokeResponse?> OnUnhandledInvokeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.FromResult<InvokeResponse?>(new InvokeResponse((int)HttpStatusCode.NotImplemented));

    /// <summary>An <c>event</c> activity; unknown names must be ignored (A5002).</summary>
    protected virtual Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Any other type (typing, messageReaction, types invented later…): ignored by default.</summary>
    protected virtual Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<InvokeResponse> HandleAdaptiveCardActionAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Validation per spec §5.2 / BB: errors go in the body with HTTP 200, because the bot's code did run.
        var invokeValue = ReadAdaptiveCardInvokeValue(turnContext.Activity.Value);
        if (invokeValue?.Action is null)
        {
            return Ok(AdaptiveCardInvokeResponse.Error(
                (int)HttpStatusCode.BadRequest, "BadRequest", "The adaptiveCard/action invoke has no 'value.action'."));
        }

        if (!string.Equals(invokeValue.Action.Type, "Action.Execute", StringComparison.Ordinal))
        {
            return Ok(AdaptiveCardInvokeResponse.Error(
                (int)HttpStatusCode.BadRequest, "NotSupported", "Only 'Action.Execute' is supported for adaptiveCard/action."));
        }

        var response = await OnAdaptiveCardActionAsync(turnContext, invokeValue, cancellationToken).ConfigureAwait(false);
        return Ok(response);

        static InvokeResponse Ok(AdaptiveCardInvokeResponse body) => new((int)HttpStatusCode.OK, body);
    }

    private static AdaptiveCardInvokeValue? ReadAdaptiveCardInvokeValue(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        try
        {
            return element.Deserialize(ProtocolJsonContext.Inbound.AdaptiveCardInvokeValue);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
