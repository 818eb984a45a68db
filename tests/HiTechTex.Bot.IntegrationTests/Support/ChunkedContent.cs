using System.Net;

namespace HiTechTex.Bot.IntegrationTests.Support;

/// <summary>A body sent without a Content-Length, in chunks (of 8 KB unless told), as a caller streaming it would.</summary>
internal sealed class ChunkedContent(byte[] body, int chunkSize = 8192) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < body.Length; offset += chunkSize)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(chunkSize, body.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
