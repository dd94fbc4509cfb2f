using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Jat.Schema.ParquetFormat;

/// <summary>
/// The indices of one page into its column chunk's dictionary, written as RLE_DICTIONARY (a bit width, then the
/// hybrid encoding), and the limit past which a chunk stops growing its dictionary. The indices live in an array from
/// <see cref="WriterMemory"/> (as <see cref="ByteBuffer"/>'s bytes), returned on <see cref="Release"/>.
/// </summary>
internal sealed class DictionaryPages
{
    /// <summary>A dictionary past this size (in PLAIN bytes) is closed and the chunk's later pages are PLAIN, as pyarrow does.</summary>
    public const int DictionaryLimitBytes = 1 << 20;

    // A bit-packed run counts groups of eight in a varint; 63 groups keep its header to one byte, as other writers do.
    private const int ValuesPerRun = 63 * 8;

    private int[] _indices = WriterMemory.Indices.Rent(1024);

    public int Count { get; private set; }

    /// <summary>Room for <paramref name="count"/> more indices, written by the caller, then counted.</summary>
    public Span<int> Append(int count)
    {
        if (Count + count > _indices.Length)
            Grow(Count + count);
        var room = _indices.AsSpan(Count, count);
        Count += count;
        return room;
    }

    /// <summary>
    /// Writes the page's indices for a dictionary of <paramref name="entries"/> and empties them: all bit-packed, no
    /// runs, because finding runs costs a pass that Snappy, which sees the packed bytes next, makes up for anyway.
    /// </summary>
    public void WriteTo(ByteBuffer page, int entries)
    {
        var bitWidth = Math.Max(1, 32 - int.LeadingZeroCount(Math.Max(0, entries - 1)));
        page.Add((byte)bitWidth);
        // The last group is padded with zeros; readers stop at the page's value count.
        var padded = (Count + 7) & ~7;
        if (padded > _indices.Length)
            Grow(padded);
        _indices.AsSpan(Count, padded - Count).Clear();
        for (var start = 0; start < padded; start += ValuesPerRun)
        {
            var values = Math.Min(ValuesPerRun, padded - start);
            page.Add((byte)(((values / 8) << 1) | 1));
            var output = page.Reserve(values / 8 * bitWidth);
            Pack(_indices.AsSpan(start, values), bitWidth, output);
            page.Advance(output.Length);
        }
        Count = 0;
    }

    /// <summary>Packs values (a multiple of eight) LSB first, <paramref name="bitWidth"/> bits each.</summary>
    private static void Pack(ReadOnlySpan<int> values, int bitWidth, Span<byte> output)
    {
        if (bitWidth <= 8)
        {
            // A group of eight fits in one 64-bit word: build it without branches, write its bitWidth bytes.
            Span<byte> word = stackalloc byte[8];
            var g = bitWidth == 4 ? PackFourBits(values, output) : 0;
            var at = g / 2;
            for (; g + 8 <= values.Length; g += 8)
            {
                var group = (ulong)(uint)values[g]
                    | (ulong)(uint)values[g + 1] << bitWidth
                    | (ulong)(uint)values[g + 2] << (2 * bitWidth)
                    | (ulong)(uint)values[g + 3] << (3 * bitWidth)
                    | (ulong)(uint)values[g + 4] << (4 * bitWidth)
                    | (ulong)(uint)values[g + 5] << (5 * bitWidth)
                    | (ulong)(uint)values[g + 6] << (6 * bitWidth)
                    | (ulong)(uint)values[g + 7] << (7 * bitWidth);
                if (at + 8 <= output.Length)
                {
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(output[at..], group);
                }
                else
                {
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(word, group);
                    word[..bitWidth].CopyTo(output[at..]);
                }
                at += bitWidth;
            }
            return;
        }
        ulong buffer = 0;
        var bits = 0;
        var written = 0;
        foreach (var value in values)
        {
            buffer |= (ulong)(uint)value << bits;
            bits += bitWidth;
            if (bits >= 32)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(output[written..], (uint)buffer);
                written += 4;
                buffer >>= 32;
                bits -= 32;
            }
        }
        while (bits > 0)
        {
            output[written++] = (byte)buffer;
            buffer >>= 8;
            bits -= 8;
        }
    }

    /// <summary>
    /// 4-bit indices (BabyAI's views: values 0–10) 64 at a time: narrowed to bytes, then each pair joined into one.
    /// Returns how many values it packed (a multiple of 64); the caller packs the rest.
    /// </summary>
    private static int PackFourBits(ReadOnlySpan<int> values, Span<byte> output)
    {
        if (!Vector256.IsHardwareAccelerated)
            return 0;
        ref var from = ref MemoryMarshal.GetReference(values);
        ref var to = ref MemoryMarshal.GetReference(output);
        var low = Vector256.Create((ushort)0x000F);
        var high = Vector256.Create((ushort)0x00F0);
        var i = 0;
        for (; i + 64 <= values.Length; i += 64)
        {
            var a = Vector256.Narrow(Shorts(ref from, i), Shorts(ref from, i + 16)).AsUInt16();
            var b = Vector256.Narrow(Shorts(ref from, i + 32), Shorts(ref from, i + 48)).AsUInt16();
            // Little-endian pairs: a ushort holds values 2k (low byte) and 2k + 1 (high byte); join them as v2k | v2k+1 << 4.
            var packedA = (a & low) | ((a >> 4) & high);
            var packedB = (b & low) | ((b >> 4) & high);
            Vector256.Narrow(packedA, packedB).StoreUnsafe(ref to, (nuint)(i / 2));
        }
        return i;

        static Vector256<short> Shorts(ref int from, int at) =>
            Vector256.Narrow(Vector256.LoadUnsafe(ref from, (nuint)at), Vector256.LoadUnsafe(ref from, (nuint)at + 8));
    }

    public void Clear()
    {
        if (_indices.Length > 1 << 22)
            Replace(WriterMemory.Indices.Rent(1024));
        Count = 0;
    }

    /// <summary>Hands the indices' memory back to <see cref="WriterMemory"/>; they grow again if used.</summary>
    public void Release()
    {
        Replace([]);
        Count = 0;
    }

    private void Grow(int needed)
    {
        var size = Math.Max(1024, _indices.Length);
        while (size < needed)
            size *= 2;
        var grown = WriterMemory.Indices.Rent(size);
        _indices.AsSpan(0, Count).CopyTo(grown);
        Replace(grown);
    }

    private void Replace(int[] indices)
    {
        if (_indices.Length > 0)
            WriterMemory.Indices.Return(_indices);
        _indices = indices;
    }
}
