namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>The evidence items of a closing report, as stored (comma-separated) in <see cref="ExchangeApplication.ReportEvidence"/>.</summary>
internal static class ExchangeEvidence
{
    public const string Tickets = "tickets";
    public const string Invoices = "invoices";
    public const string Agenda = "agenda";
}
