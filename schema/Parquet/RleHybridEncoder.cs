namespace Jat.Schema.ParquetFormat;

/// <summary>
/// Parquet's RLE / bit-packing hybrid, for repetition and definition levels: a value repeated
/// at least eight times becomes one run (count, value); anything else is bit-packed in groups of eight.
/// </summary>
/// <remarks>
/// Levels arrive as runs already (a step of 148 values is one definition run and one repetition run), so a step costs a
/// few bytes and no pass over its values. A partly filled group of eight is completed from the next run before that
/// run is written as a run; the last group is padded with zeros, which readers drop because they know the count.
/// </remarks>
internal sealed class RleHybridEncoder
{
    // A bit-packed header counts groups in a varint; 63 groups keep it to one byte, as other writers do.
    private const int MaxGroupsPerHeader = 63;

    private readonly ByteBuffer _output;
    private readonly int[] _literals = new int[MaxGroupsPerHeader * 8];
    private int _literalCount;

    public RleHybridEncoder(ByteBuffer output, int bitWidth)
    {
        if (bitWidth is < 0 or > 32)
            throw new ArgumentOutOfRangeException(nameof(bitWidth), bitWidth, "a bit width is 0 to 32");
        _output = output;
        BitWidth = bitWidth;
    }

    public int BitWidth { get; }

    /// <summary>Adds <paramref name="count"/> copies of <paramref name="value"/>.</summary>
    public void Add(int value, int count)
    {
        while (_literalCount % 8 != 0 && count > 0)
        {
            AddLiteral(value);
            count--;
        }
        if (count >= 8)
        {
            FlushLiterals();
            WriteRun(value, count);
            return;
        }
        for (; count > 0; count--)
            AddLiteral(value);
    }

    /// <summary>Writes what is pending; the encoder is then empty and may start again.</summary>
    public void Finish()
    {
        FlushLiterals();
    }

    private void AddLiteral(int value)
    {
        _literals[_literalCount++] = value;
        if (_literalCount == _literals.Length)
            FlushLiterals();
    }

    private void WriteRun(int value, int count)
    {
        WriteVarint((uint)count << 1);
        var bytes = (BitWidth + 7) / 8;
        for (var b = 0; b < bytes; b++)
            _output.Add((byte)(value >> (8 * b)));
    }

    private void FlushLiterals()
    {
        if (_literalCount == 0)
            return;
        var groups = (_literalCount + 7) / 8;
        _literals.AsSpan(_literalCount, groups * 8 - _literalCount).Clear();
        WriteVarint(((uint)groups << 1) | 1);
        var span = _output.Reserve(groups * BitWidth);
        ulong buffer = 0;
        var bits = 0;
        var at = 0;
        for (var i = 0; i < groups * 8; i++)
        {
            buffer |= (ulong)(uint)_literals[i] << bits;
            bits += BitWidth;
            while (bits >= 8)
            {
                span[at++] = (byte)buffer;
                buffer >>= 8;
                bits -= 8;
            }
        }
        _output.Advance(at);
        _literalCount = 0;
    }

    private void WriteVarint(uint value)
    {
        while (value >= 0x80)
        {
            _output.Add((byte)(value | 0x80));
            value >>= 7;
        }
        _output.Add((byte)value);
    }
}
