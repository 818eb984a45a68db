using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>"Apply step by step" (typed, in every language): the application as a conversation instead of the form card.</summary>
internal sealed class ExchangeStepByStepJourney(ExchangeStepByStepDialog dialog) : IJourney
{
    public Dialog Dialog => dialog;

    public IReadOnlyCollection<Intent> Intents { get; } = [];

    public IReadOnlyCollection<string> CardActions { get; } = [ExchangeStepByStepDialog.DialogId];

    public IReadOnlyCollection<string> Commands { get; } = [.. ExchangeTexts.All.SelectMany(t => t.StepByStepCommands).Distinct(StringComparer.Ordinal)];

    /// <summary>"Apply for an exchange" at one of its questions: this application, under way (not the form, leaving the answers).</summary>
    public IReadOnlyCollection<string> SameRequestCommands { get; } = [.. ExchangeTexts.All.SelectMany(t => t.ApplyCommands).Distinct(StringComparer.Ordinal)];

    /// <summary>The final question's Cancel, clicked at "leave what we started?": a yes, as the form's Cancel is there.</summary>
    public bool IsCancelOfItsForm(JsonElement data) => ExchangeStepByStepDialog.IsCancel(data);
}
