using ICSharpCode.SharpZipLib.BZip2;

namespace Jat.Converters.Wikipedia;

/// <summary>
/// Decodes a file of concatenated bzip2 streams, as Wikipedia's multistream dumps are (100 pages a stream).
/// SharpZipLib's decoder stops at the end of the first stream; it reads its input byte by byte, so a new decoder
/// started where the last one stopped continues with the next stream.
/// </summary>
internal sealed class ConcatenatedBZip2Stream(Stream compressed) : Stream
{
    private readonly BufferedStream _input = new(compressed, 1 << 16);
    private BZip2InputStream? _current;

    /// <summary>Bytes of the compressed file consumed so far: input progress, in the file's own units.</summary>
    public long CompressedPosition => _input.Position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (true)
        {
            int read;
            try
            {
                if (_current is null)
                {
                    if (_input.Position >= _input.Length)
                        return 0;
                    // The constructor reads the stream header already.
                    _current = new BZip2InputStream(_input) { IsStreamOwner = false };
                }
                read = _current.Read(buffer, offset, count);
            }
            catch (Exception e) when (e is BZip2Exception or EndOfStreamException or IndexOutOfRangeException)
            {
                throw new InvalidDataException($"the bzip2 data is damaged or cut off near byte {_input.Position:N0} of {_input.Length:N0} ({e.Message})", e);
            }
            if (read > 0)
                return read;
            _current.Dispose();
            _current = null;
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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current?.Dispose();
            _input.Dispose();
        }
        base.Dispose(disposing);
    }
}
