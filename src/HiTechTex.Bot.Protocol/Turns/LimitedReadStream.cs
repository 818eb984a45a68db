namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// A read-only view of a request body that throws <see cref="ActivityBodyTooLargeException"/> as soon as more than
/// <paramref name="limit"/> bytes came through: a chunked body has no Content-Length to check up front, and the server's
/// own limit (<c>IHttpMaxRequestBodySizeFeature</c>) is no substitute — not every server offers it (TestServer), and
/// Kestrel counts a chunked body's framing against it, not only the body.
/// The inner stream is not disposed: it belongs to the request.
/// </summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int bytes)
    {
        read += bytes;
        return read > limit ? throw new ActivityBodyTooLargeException(limit) : bytes;
    }
}
