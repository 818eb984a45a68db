namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>What one follow-up pass sent: cards to approvers who had none, reminders, closing-report requests.</summary>
internal sealed record ExchangeFollowUpResult(int LateCards, int Reminders, int ReportRequests);
