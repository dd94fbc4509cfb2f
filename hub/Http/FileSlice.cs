using System.Net;

namespace Jat.Hub.Http;

/// <summary>A byte range of a file as a request body, read from disk while it is sent (a shard is never held in memory).</summary>
internal sealed class FileSlice(string path, long offset, long length) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        file.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[1 << 16];
        var left = length;
        while (left > 0)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), ct).ConfigureAwait(false);
            if (read == 0)
                throw new IOException($"{path} is shorter than when it was hashed; it changed during the upload");
            await stream.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
            left -= read;
        }
    }

    protected override bool TryComputeLength(out long size)
    {
        size = length;
        return true;
    }
}
