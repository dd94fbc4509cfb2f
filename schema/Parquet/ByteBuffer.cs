using System.Buffers.Binary;

namespace Jat.Schema.ParquetFormat;

/// <summary>
/// A growable run of bytes that pages and footers are encoded into, reused from one page to the next. Its memory comes
/// from <see cref="WriterMemory"/> and goes back there on <see cref="Release"/>.
/// </summary>
internal sealed class ByteBuffer
{
    private byte[] _bytes;

    public ByteBuffer(int capacity = 256) => _bytes = WriterMemory.Bytes.Rent(Math.Max(16, capacity));

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public void Add(byte value)
    {
        if (Length == _bytes.Length)
            Grow(1);
        _bytes[Length++] = value;
    }

    public void AddRange(ReadOnlySpan<byte> values)
    {
        values.CopyTo(Reserve(values.Length));
        Length += values.Length;
    }

    public void AddInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);
        Length += 4;
    }

    /// <summary>Space for <paramref name="count"/> more bytes, taken by a later <see cref="Advance"/>.</summary>
    public Span<byte> Reserve(int count)
    {
        if (Length + count > _bytes.Length)
            Grow(count);
        return _bytes.AsSpan(Length, count);
    }

    public void Advance(int count) => Length += count;

    /// <summary>Overwrites four bytes written earlier (a length known only after what follows it).</summary>
    public void SetInt32(int at, int value) => BinaryPrimitives.WriteInt32LittleEndian(_bytes.AsSpan(at, 4), value);

    /// <summary>Drops the bytes but keeps the memory, unless it grew far beyond a page.</summary>
    public void Clear()
    {
        if (_bytes.Length > 1 << 26)
            Replace(WriterMemory.Bytes.Rent(1 << 16));
        Length = 0;
    }

    /// <summary>Hands the memory back to the pool; the buffer is empty and grows again if used.</summary>
    public void Release()
    {
        Replace([]);
        Length = 0;
    }

    private void Grow(int extra)
    {
        var size = Math.Max(16, _bytes.Length);
        while (size < Length + extra)
            size = checked(size * 2);
        var grown = WriterMemory.Bytes.Rent(size);
        Written.CopyTo(grown);
        Replace(grown);
    }

    private void Replace(byte[] bytes)
    {
        if (_bytes.Length > 0)
            WriterMemory.Bytes.Return(_bytes);
        _bytes = bytes;
    }
}
