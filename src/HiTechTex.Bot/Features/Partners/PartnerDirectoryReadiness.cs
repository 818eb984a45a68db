namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// Completes once the start-up seeding and index check are done. The host starts without waiting for them (they run
/// in the background); a search that arrives earlier waits briefly for this instead of answering from an empty index.
/// </summary>
internal sealed class PartnerDirectoryReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public void SetReady() => _ready.TrySetResult();

    /// <returns>False when the directory was not ready within <paramref name="timeout"/>.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _ready.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
