namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>A request body grew past <see cref="CloudAdapterOptions.MaxActivityBytes"/> while it was read.</summary>
internal sealed class ActivityBodyTooLargeException(long limit)
    : IOException($"The request body is larger than {limit} bytes.")
{
    /// <summary>The limit that was passed.</summary>
    public long Limit { get; } = limit;
}
