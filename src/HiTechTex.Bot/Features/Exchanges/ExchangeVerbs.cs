namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>The <c>Action.Execute</c> verbs of the exchange cards (and the <c>data.action</c> of their Action.Submit fallbacks).</summary>
internal static class ExchangeVerbs
{
    public const string Refresh = "exchange.refresh";
    public const string Approve = "exchange.approve";
    public const string Reject = "exchange.reject";
    public const string RequestChanges = "exchange.requestChanges";
    public const string Reassign = "exchange.reassign";
    public const string Withdraw = "exchange.withdraw";

    /// <summary>"No, keep it" on the withdraw confirmation: changes nothing, the card shows the application again.</summary>
    public const string Keep = "exchange.keep";
    public const string Report = "exchange.report";
    public const string ValidateReport = "exchange.validateReport";
    public const string ReturnReport = "exchange.returnReport";

    /// <summary>Action.Submit actions of the list and application cards, handled by the journeys.</summary>
    public const string Open = "exchange.open";
    public const string Edit = "exchange.edit";

    /// <summary>The coordinator's "stuck applications" (the progress card's button) and its "Retry now" (Action.Submit).</summary>
    public const string Stuck = "exchange.stuck";
    public const string RetryDelivery = "exchange.retryDelivery";

    public static readonly IReadOnlyList<string> Card =
        [Refresh, Approve, Reject, RequestChanges, Reassign, Withdraw, Keep, Report, ValidateReport, ReturnReport];
}
