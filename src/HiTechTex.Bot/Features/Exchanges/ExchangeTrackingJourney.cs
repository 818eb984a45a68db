using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>"My applications" (and "withdraw my application": the same list, with its Withdraw buttons), "pending approvals", progress, stuck applications, export, opening a listed application and the decision buttons' Action.Submit fallback.</summary>
internal sealed class ExchangeTrackingJourney(ExchangeTrackingDialog dialog, ExchangeStore store) : IJourney
{
    public Dialog Dialog => dialog;

    public IReadOnlyCollection<Intent> Intents { get; } = [Intent.MyApplications];

    public IReadOnlyCollection<string> CardActions { get; } = ["myApplications", ExchangeVerbs.Open, ExchangeVerbs.Stuck, ExchangeVerbs.RetryDelivery, .. ExchangeVerbs.Card];

    public IReadOnlyCollection<string> Commands { get; } =
        [.. ExchangeTexts.All.SelectMany(t => t.MyApplicationsCommands.Concat(t.WithdrawCommands).Concat(t.PendingApprovalsCommands).Concat(t.ProgressCommands).Concat(t.ExportCommands).Concat(t.StuckCommands))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Lists, an opened application, a decision: each answered in its turn (on top of a waiting form, which stays open).</summary>
    public bool AnswersInOneTurn => true;

    /// <summary>
    /// An application's button clicked in a group (Withdraw, a decision's fallback, Open): the 1:1 card names the
    /// application, and its Continue opens it — never replays the click, so nothing is withdrawn or decided before the
    /// person sees the application (its card then has the buttons they may use).
    /// </summary>
    public async Task<PrivateHandOff?> HandOffAsync(JourneyStart start, string language, string? readerZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var texts = ExchangeTexts.Resolve(language);
        if (start.CardAction is ExchangeVerbs.Stuck or ExchangeVerbs.RetryDelivery)
        {
            // The coordinator's list, shown again in the 1:1 chat (a retry is never replayed from a group's click).
            return new PrivateHandOff(texts.StuckTitle, new System.Text.Json.Nodes.JsonObject { ["action"] = ExchangeVerbs.Stuck });
        }

        if (start.CardData is { ValueKind: System.Text.Json.JsonValueKind.Object } data
            && CardInput.TryGetText(data, "exchangeId", out var raw) && Guid.TryParseExact(raw, "D", out var id)
            && await store.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } application)
        {
            return new PrivateHandOff(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.HandOffApplicationFormat, application.Reference),
                new System.Text.Json.Nodes.JsonObject { ["action"] = ExchangeVerbs.Open, ["exchangeId"] = id.ToString("D") });
        }

        return new PrivateHandOff(texts.MyApplicationsTitle, new System.Text.Json.Nodes.JsonObject { ["action"] = "myApplications" });
    }
}
