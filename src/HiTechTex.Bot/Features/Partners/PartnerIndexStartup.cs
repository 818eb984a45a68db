namespace HiTechTex.Bot.Features.Partners;

/// <summary>At start-up, rebuilds the search index when it is missing or stale against the directory.</summary>
internal sealed class PartnerIndexStartup(IPartnerDirectory directory, PartnerSearchIndex index) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var organisations = await directory.ListAsync(cancellationToken);
        index.EnsureCurrent([.. organisations]);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
