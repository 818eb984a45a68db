using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>"My applications", "pending approvals", progress, export, opening a listed application and the decision buttons' Action.Submit fallback.</summary>
internal sealed class ExchangeTrackingJourney(ExchangeTrackingDialog dialog) : IJourney
{
    public Dialog Dialog => dialog;

    public IReadOnlyCollection<Intent> Intents { get; } = [Intent.MyApplications];

    public IReadOnlyCollection<string> CardActions { get; } = ["myApplications", ExchangeVerbs.Open, .. ExchangeVerbs.Card];

    public IReadOnlyCollection<string> Commands { get; } =
        [.. ExchangeTexts.All.SelectMany(t => t.MyApplicationsCommands.Concat(t.PendingApprovalsCommands).Concat(t.ProgressCommands).Concat(t.ExportCommands))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Lists, an opened application, a decision: each answered in its turn (on top of a waiting form, which stays open).</summary>
    public bool AnswersInOneTurn => true;
}
