using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>The language of the current turn, kept in the turn state so every dialog speaks the same one.</summary>
internal static class ConversationTurn
{
    private const string TextsKey = "HiTechTex.ConversationTexts";

    /// <summary>Speaks <paramref name="texts"/> for the rest of the turn, the dialog engine's own messages included.</summary>
    public static void UseTexts(this ITurnContext turnContext, ConversationTexts texts)
    {
        turnContext.TurnState[TextsKey] = texts;
        turnContext.SetDialogMessages(new ConversationDialogMessages(texts));
    }

    /// <summary>The texts chosen for the turn, else those of the activity's locale.</summary>
    public static ConversationTexts GetTexts(this ITurnContext turnContext) =>
        turnContext.TurnState.TryGetValue(TextsKey, out var value) && value is ConversationTexts texts
            ? texts
            : ConversationTexts.Resolve(null, turnContext.Activity.Locale);

    /// <summary>A message shown literally: for texts that contain what the user typed (never markdown or HTML).</summary>
    public static Activity Plain(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" };
}
