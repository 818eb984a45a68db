namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>What one viewer may do on an application's card now (computed on the server for every render).</summary>
internal sealed record ExchangeView(bool CanSee, bool CanDecide, bool CanReassign, bool CanWithdraw, bool CanEdit, bool CanReport, bool CanValidate)
{
    public static ExchangeView Nothing { get; } = new(false, false, false, false, false, false, false);
}
