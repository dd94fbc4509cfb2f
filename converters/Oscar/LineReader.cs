namespace Jat.Converters.Oscar;

/// <summary>
/// The lines of a UTF-8 stream as bytes, without decoding them to strings first: JSON is parsed straight from them,
/// and lines before the resume point are only counted. A line's bytes stay valid until the next call.
/// </summary>
internal sealed class LineReader(Stream stream)
{
    private const int ReadSize = 1 << 16;

    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>The 1-based number of <see cref="Current"/>; 0 before the first line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The line just read, without its <c>\n</c> or <c>\r\n</c>.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    public async ValueTask<bool> MoveNextAsync(CancellationToken ct)
    {
        var scanned = 0; // bytes after _start already known to hold no '\n'
        while (true)
        {
            var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = scanned + newline;
                Take(length, length + 1);
                return true;
            }
            scanned = _end - _start;
            if (_eof)
            {
                if (scanned == 0)
                    return false;
                Take(scanned, scanned); // a last line without '\n'
                return true;
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, scanned);
                _end = scanned;
                _start = 0;
            }
            if (_end == _buffer.Length)
                Array.Resize(ref _buffer, _buffer.Length * 2); // one line longer than the buffer: OSCAR documents can be MBs
            // Small reads: a decompressor fills the whole request before it returns, so at a cut-off it throws away
            // up to one request of good lines with it; 64 KB bounds what the "last good line" of the error misses.
            var read = await stream.ReadAsync(_buffer.AsMemory(_end, Math.Min(ReadSize, _buffer.Length - _end)), ct).ConfigureAwait(false);
            if (read == 0)
                _eof = true;
            _end += read;
        }
    }

    private void Take(int length, int consumed)
    {
        var line = _buffer.AsMemory(_start, length);
        if (length > 0 && line.Span[^1] == (byte)'\r')
            line = line[..^1];
        Current = line;
        _start += consumed;
        LineNumber++;
    }
}
