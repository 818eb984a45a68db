using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>"Apply for an exchange" (intent, welcome button, typed command) and "Edit" on an application card.</summary>
internal sealed class ExchangeApplyJourney(ExchangeApplyDialog dialog) : IJourney
{
    public Dialog Dialog => dialog;

    public IReadOnlyCollection<Intent> Intents { get; } = [Intent.ApplyForExchange];

    public IReadOnlyCollection<string> CardActions { get; } = ["applyExchange", ExchangeVerbs.Edit];

    public IReadOnlyCollection<string> Commands { get; } = [.. ExchangeTexts.All.SelectMany(t => t.ApplyCommands).Distinct(StringComparer.Ordinal)];

    /// <summary>The form's Cancel: at "leave what we started?" a yes, after the form says it is cancelled.</summary>
    public bool IsCancelOfItsForm(JsonElement data) => ExchangeApplyDialog.IsCancel(data);
}
