using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// The bot, minimal for now: a welcome when it is added to a conversation and an answer proving the round trip.
/// </summary>
internal sealed class HiTechTexBot : ActivityHandler
{
    /// <summary>
    /// Welcomes once per conversation: when the bot itself is among the members added. Teams also sends an
    /// installationUpdate for the same install; welcoming on both would greet twice, and greeting every new member of
    /// a team would be noise.
    /// </summary>
    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.Any(turnContext.Activity.IsBot))
        {
            await turnContext.SendActivityAsync(
                new Activity { Type = ActivityTypes.Message, Text = ConversationTexts.Welcome, TextFormat = "markdown" },
                cancellationToken);
        }
    }

    protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim();

        // The text is user input: sent back as plain text so Teams renders it literally, never as markdown or HTML.
        var reply = string.IsNullOrEmpty(text) ? ConversationTexts.EmptyMessage : ConversationTexts.Echo(text);
        return turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = reply, TextFormat = "plain" }, cancellationToken);
    }

    protected override Task OnCardSubmitAsync(ITurnContext turnContext, CardSubmission submission, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(
            new Activity { Type = ActivityTypes.Message, Text = ConversationTexts.CardReceived, TextFormat = "plain" },
            cancellationToken);
}
