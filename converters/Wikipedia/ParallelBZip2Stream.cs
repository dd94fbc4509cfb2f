using System.Threading.Channels;
using ICSharpCode.SharpZipLib.BZip2;

namespace Jat.Converters.Wikipedia;

/// <summary>
/// Decodes a multistream bzip2 file on all cores, in order. Wikipedia's multistream dumps are independent bzip2
/// streams of 100 pages; each starts at a byte boundary with "BZh", the block size and the block magic
/// 0x314159265359, which the scanner looks for. Streams are decoded in a bounded window of tasks, so memory holds
/// a few streams, never the file. A file that is one long stream (a plain pages-articles dump) is handed to
/// <see cref="ConcatenatedBZip2Stream"/> instead.
/// </summary>
internal sealed class ParallelBZip2Stream : Stream
{
    /// <summary>A stream longer than this is not a multistream dump's: decode it sequentially rather than hold it.</summary>
    private readonly int _maxSegment;

    private static ReadOnlySpan<byte> BlockMagic => [0x31, 0x41, 0x59, 0x26, 0x53, 0x59];

    private readonly FileStream _file;
    private readonly Channel<Task<(byte[] Data, long End)>> _decoded;
    private readonly Task _producer;
    private readonly CancellationTokenSource _stop = new();
    private byte[] _current = [];
    private int _offset;
    private Stream? _sequential;
    private long _position;

    public ParallelBZip2Stream(FileStream file, int maxSegment = 32 << 20)
    {
        _file = file;
        _maxSegment = maxSegment;
        _decoded = Channel.CreateBounded<Task<(byte[], long)>>(Math.Max(2, Environment.ProcessorCount * 2));
        _producer = Task.Run(() => ProduceAsync(_stop.Token));
    }

    /// <summary>Bytes of the compressed file whose decoded text has been handed out.</summary>
    public long CompressedPosition => _sequential is ConcatenatedBZip2Stream s ? s.CompressedPosition : _position;

    /// <summary>
    /// Reads the file once, front to back, in a sliding buffer: each stream found is cut off the front and queued
    /// for decoding; the bytes after it stay for the next scan.
    /// </summary>
    private async Task ProduceAsync(CancellationToken ct)
    {
        try
        {
            var length = _file.Length;
            var buffer = new byte[Math.Min(4 << 20, _maxSegment)];
            var filled = 0;
            long start = 0; // file offset of buffer[0], the start of the stream being cut
            var scanned = 1; // boundaries before this index of the buffer were looked for already
            while (true)
            {
                var next = NextStreamStart(buffer.AsSpan(0, filled), Math.Max(1, scanned - 9));
                if (next > 0)
                {
                    await QueueAsync(buffer[..next], start, start + next, length, ct).ConfigureAwait(false);
                    Array.Copy(buffer, next, buffer, 0, filled - next);
                    filled -= next;
                    start += next;
                    scanned = 1;
                    continue;
                }
                scanned = filled;
                if (start + filled >= length)
                    break;
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= _maxSegment)
                    {
                        // No stream boundary within reach: one long stream. The reader decodes the rest in order from here.
                        await _decoded.Writer.WriteAsync(Task.FromResult((Array.Empty<byte>(), -start - 1)), ct).ConfigureAwait(false);
                        return;
                    }
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                _file.Seek(start + filled, SeekOrigin.Begin);
                var read = await _file.ReadAsync(buffer.AsMemory(filled), ct).ConfigureAwait(false);
                if (read == 0)
                    break;
                filled += read;
            }
            if (filled > 0)
                await QueueAsync(buffer[..filled], start, start + filled, length, ct).ConfigureAwait(false);
            _decoded.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _decoded.Writer.TryComplete(e);
        }
    }

    private ValueTask QueueAsync(byte[] segment, long at, long end, long length, CancellationToken ct) =>
        _decoded.Writer.WriteAsync(Task.Run(() => (Decode(segment, at, length), end), ct), ct);

    /// <summary>The offset of the next stream header in <paramref name="data"/> at or after <paramref name="from"/> (the current one is at 0), or -1.</summary>
    private static int NextStreamStart(ReadOnlySpan<byte> data, int from)
    {
        for (var i = from; i + 10 <= data.Length; i++)
        {
            var found = data[(i + 1)..].IndexOf("Zh"u8);
            if (found < 0)
                return -1;
            i += found;
            if (data[i] == (byte)'B' && data[i + 3] is >= (byte)'1' and <= (byte)'9' && i + 10 <= data.Length && data.Slice(i + 4, 6).SequenceEqual(BlockMagic))
                return i;
        }
        return -1;
    }

    private static byte[] Decode(byte[] segment, long at, long length)
    {
        try
        {
            using var input = new BZip2InputStream(new MemoryStream(segment)) { IsStreamOwner = true };
            using var output = new MemoryStream(segment.Length * 6);
            input.CopyTo(output);
            return output.ToArray();
        }
        catch (Exception e) when (e is BZip2Exception or EndOfStreamException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"the bzip2 data is damaged or cut off near byte {at:N0} of {length:N0} ({e.Message})", e);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        while (true)
        {
            if (_sequential is not null)
                return await _sequential.ReadAsync(buffer, ct).ConfigureAwait(false);
            if (_offset < _current.Length)
            {
                var n = Math.Min(buffer.Length, _current.Length - _offset);
                _current.AsMemory(_offset, n).CopyTo(buffer);
                _offset += n;
                return n;
            }
            if (!await _decoded.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
                return 0;
            var (data, end) = await (await _decoded.Reader.ReadAsync(ct).ConfigureAwait(false)).ConfigureAwait(false);
            if (end < 0)
            {
                _file.Seek(-end - 1, SeekOrigin.Begin);
                _sequential = new ConcatenatedBZip2Stream(_file);
                continue;
            }
            (_current, _offset, _position) = (data, 0, end);
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private bool _disposed;

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _stop.Cancel();
            try { _producer.Wait(); }
            catch (AggregateException) { }
            _sequential?.Dispose();
            _stop.Dispose();
        }
        base.Dispose(disposing);
    }
}
