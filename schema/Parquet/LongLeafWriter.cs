using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Jat.Schema.ParquetFormat;

/// <summary>
/// An INT64 leaf, dictionary-encoded while its chunk's distinct values stay few (BabyAI's views hold values 0–10,
/// actions a handful), PLAIN once the dictionary passes <see cref="DictionaryPages.DictionaryLimitBytes"/>. It takes
/// int64 values (actions) and int32 ones (BabyAI's views, kept as int32 in memory), both stored as int64.
/// </summary>
/// <remarks>
/// BabyAI writes 148 of these per step, so this is the hot path. While every value is in 0–1023 the dictionary is the
/// identity (entries 0, 1, … up to the largest value seen): a value is its own index, so a step costs a vectorised
/// narrowing to int (a copy, for int32 values) and no lookup. The first value outside that range turns the chunk to a looked-up dictionary that
/// starts with those identity entries, so the indices already written stay right. Bit-packed 4-bit indices are also
/// what makes BabyAI shards small (PLAIN int64 spends 8 bytes on each value).
/// </remarks>
internal sealed class LongLeafWriter(IReadOnlyList<string> path, int maxDefinition, int maxRepetition, bool compress)
    : LeafWriter(path, ParquetCodes.Int64, maxDefinition, maxRepetition, compress), IValueLeaf<long>, IValueLeaf<int>
{
    private const int SmallValues = 1024;

    // Looked-up mode: dictionary index + 1 of each small value, 0 when absent.
    private readonly int[] _small = new int[SmallValues];
    private readonly Dictionary<long, int> _large = [];
    private readonly List<long> _dictionary = [];
    private readonly DictionaryPages _page = new();
    private readonly ByteBuffer _plain = new();
    private bool _identity = true;
    private bool _anyValue;
    // Identity mode: the OR of every value so far; its bit length is that of the largest value.
    private long _seen;
    private bool _plainMode;

    private int Entries => _identity ? (_anyValue ? (int)IdentityEntries : 0) : _dictionary.Count;

    // Entries 0 … 2^bits − 1 cover every value seen, and give the indices the bit width of the largest.
    private long IdentityEntries => 1L << (64 - (int)ulong.LeadingZeroCount((ulong)_seen));

    private protected override long PendingValueBytes => _plainMode
        ? _plain.Length
        : _page.Count + (!_identity && _dictionary.Count * 8L > DictionaryPages.DictionaryLimitBytes ? PageBytes : 0);

    public void Add(ReadOnlySpan<long> values)
    {
        if (_plainMode)
        {
            _plain.AddRange(MemoryMarshal.AsBytes(values));
            return;
        }
        var indices = StartValues(values.Length);
        if (_identity && StaysIdentity(Narrow(values, indices)))
            return;
        for (var i = 0; i < values.Length; i++)
            indices[i] = IndexOf(values[i]);
    }

    public void Add(ReadOnlySpan<int> values)
    {
        if (_plainMode)
        {
            var wide = MemoryMarshal.Cast<byte, long>(_plain.Reserve(values.Length * sizeof(long)));
            Widen(values, wide);
            _plain.Advance(values.Length * sizeof(long));
            return;
        }
        var indices = StartValues(values.Length);
        // A negative OR (some value negative) reads as a large one and leaves the identity.
        if (_identity && StaysIdentity((uint)CopyAndOr(values, indices)))
            return;
        for (var i = 0; i < values.Length; i++)
            indices[i] = IndexOf(values[i]);
    }

    private Span<int> StartValues(int count)
    {
        _anyValue |= count > 0;
        return _page.Append(count);
    }

    /// <summary>
    /// Whether values just written as their own indices (<paramref name="seen"/>: the OR of them) keep the dictionary
    /// the identity; if not, it becomes a looked-up one, and the caller looks the values up.
    /// </summary>
    private bool StaysIdentity(long seen)
    {
        if ((ulong)seen < SmallValues)
        {
            _seen |= seen;
            return true;
        }
        LeaveIdentity();
        return false;
    }

    private int IndexOf(long value)
    {
        int index;
        if ((ulong)value >= SmallValues || (index = _small[value] - 1) < 0)
            index = IndexOfNew(value);
        return index;
    }

    /// <summary>Copies the values as indices and returns the OR of them all (negative or large if any is out of range), in one pass.</summary>
    private static int CopyAndOr(ReadOnlySpan<int> values, Span<int> indices)
    {
        var i = 0;
        var seen = 0;
        if (Vector256.IsHardwareAccelerated && values.Length >= 8)
        {
            var or = Vector256<int>.Zero;
            ref var source = ref MemoryMarshal.GetReference(values);
            ref var target = ref MemoryMarshal.GetReference(indices);
            for (; i + 8 <= values.Length; i += 8)
            {
                var chunk = Vector256.LoadUnsafe(ref source, (nuint)i);
                chunk.StoreUnsafe(ref target, (nuint)i);
                or |= chunk;
            }
            for (var lane = 0; lane < Vector256<int>.Count; lane++)
                seen |= or.GetElement(lane);
        }
        for (; i < values.Length; i++)
        {
            indices[i] = values[i];
            seen |= values[i];
        }
        return seen;
    }

    private static void Widen(ReadOnlySpan<int> source, Span<long> target)
    {
        for (var i = 0; i < source.Length; i++)
            target[i] = source[i];
    }

    /// <summary>Writes each value as an int and returns the OR of them all (negative or large if any is out of range).</summary>
    private static long Narrow(ReadOnlySpan<long> values, Span<int> indices)
    {
        var i = 0;
        long seen = 0;
        if (Vector256.IsHardwareAccelerated && values.Length >= 8)
        {
            var or = Vector256<long>.Zero;
            ref var source = ref MemoryMarshal.GetReference(values);
            ref var target = ref MemoryMarshal.GetReference(indices);
            for (; i + 8 <= values.Length; i += 8)
            {
                var low = Vector256.LoadUnsafe(ref source, (nuint)i);
                var high = Vector256.LoadUnsafe(ref source, (nuint)i + 4);
                or |= low | high;
                Vector256.Narrow(low, high).StoreUnsafe(ref target, (nuint)i);
            }
            seen = or.GetElement(0) | or.GetElement(1) | or.GetElement(2) | or.GetElement(3);
        }
        for (; i < values.Length; i++)
        {
            seen |= values[i];
            indices[i] = (int)values[i];
        }
        return seen;
    }

    /// <summary>Turns the identity entries seen so far into a looked-up dictionary with the same indices.</summary>
    private void LeaveIdentity()
    {
        var entries = Entries;
        for (var value = 0; value < entries; value++)
        {
            _dictionary.Add(value);
            _small[value] = value + 1;
        }
        _identity = false;
    }

    /// <summary>The index of a value that is not a small one already in the dictionary, added if new.</summary>
    private int IndexOfNew(long value)
    {
        if ((ulong)value < SmallValues)
        {
            _small[value] = _dictionary.Count + 1;
        }
        else if (_large.TryGetValue(value, out var index))
        {
            return index;
        }
        else
        {
            _large.Add(value, _dictionary.Count);
        }
        _dictionary.Add(value);
        return _dictionary.Count - 1;
    }

    private protected override int WriteValues(ByteBuffer page)
    {
        if (_plainMode)
        {
            page.AddRange(_plain.Written);
            _plain.Clear();
            return ParquetCodes.Plain;
        }
        var entries = Entries;
        if (entries == 0)
            return ParquetCodes.Plain;
        _page.WriteTo(page, entries);
        _plainMode = !_identity && _dictionary.Count * 8L > DictionaryPages.DictionaryLimitBytes;
        return ParquetCodes.RleDictionary;
    }

    private protected override int? WriteDictionary(ByteBuffer page)
    {
        var entries = Entries;
        if (_identity)
        {
            for (long value = 0; value < entries; value++)
                page.AddRange(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in value)));
        }
        else
        {
            page.AddRange(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(_dictionary)));
            foreach (var value in _dictionary)
                if ((ulong)value < SmallValues)
                    _small[value] = 0;
        }
        _large.Clear();
        _dictionary.Clear();
        _page.Clear();
        _identity = true;
        _anyValue = false;
        _seen = 0;
        _plainMode = false;
        return entries > 0 ? entries : null;
    }

    private protected override void ReleaseValues()
    {
        _page.Release();
        _plain.Release();
    }
}
