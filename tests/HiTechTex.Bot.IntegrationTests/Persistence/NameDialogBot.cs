using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.IntegrationTests.Persistence;

/// <summary>
/// A two-step waterfall over <see cref="ConversationState"/> on the host's <see cref="IStorage"/>, saved at the end
/// of every turn: asks for a name, then greets. Nothing is kept in the bot object, so only the storage can carry
/// the dialog from one host to the next.
/// </summary>
internal sealed class NameDialogBot(IStorage storage) : IBot
{
    public const string Question = "What is your name?";

    private readonly ConversationState conversationState = new(storage);
    private readonly WaterfallDialog dialog = new("name", [AskAsync, GreetAsync]);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await dialog.RunAsync(turnContext, conversationState.CreateProperty<DialogState>("DialogState"), cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
    }

    private static async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync(Question, cancellationToken);
        return Dialog.EndOfTurn;
    }

    private static async Task<DialogTurnResult> GreetAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync($"Hello {step.Context.Activity.Text}", cancellationToken);
        return await step.EndDialogAsync(cancellationToken: cancellationToken);
    }
}
