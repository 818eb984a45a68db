namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// Completes once the start-up seeding and index check are done. The host starts without waiting for them (they run
/// in the background); a search that arrives earlier waits briefly (<see cref="Wait"/>) for this instead of answering
/// from an empty index, and is told the directory is still loading when it is not ready by then.
/// </summary>
internal sealed class PartnerDirectoryReadiness
{
    /// <summary>How long a search right after start-up waits for the directory before saying it is still loading.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>How long <see cref="WaitAsync(CancellationToken)"/> waits; tests of a directory that never gets ready set zero.</summary>
    public TimeSpan Wait { get; init; } = DefaultWait;

    public void SetReady() => _ready.TrySetResult();

    /// <returns>False when the directory was not ready within <see cref="Wait"/>.</returns>
    public Task<bool> WaitAsync(CancellationToken cancellationToken) => WaitAsync(Wait, cancellationToken);

    /// <returns>False when the directory was not ready within <paramref name="timeout"/>.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (IsReady)
        {
            return true;
        }

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
