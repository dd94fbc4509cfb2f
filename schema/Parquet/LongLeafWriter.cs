using System.Runtime.InteropServices;

namespace Jat.Schema.ParquetFormat;

/// <summary>
/// An INT64 leaf, dictionary-encoded while its chunk's distinct values stay few (BabyAI's views hold values 0–10,
/// actions a handful), PLAIN once the dictionary passes <see cref="DictionaryPages.DictionaryLimitBytes"/>.
/// </summary>
/// <remarks>
/// BabyAI writes 148 of these per step, so the lookup is the hot path: values 0–1023 index an array, others a hash map.
/// Bit-packed 4-bit indices are also what makes these shards small (PLAIN int64 spends 8 bytes on each).
/// </remarks>
internal sealed class LongLeafWriter(IReadOnlyList<string> path, int maxDefinition, int maxRepetition, bool compress)
    : LeafWriter(path, ParquetCodes.Int64, maxDefinition, maxRepetition, compress)
{
    private const int SmallValues = 1024;

    // Dictionary index + 1 of each small value; 0 when absent.
    private readonly int[] _small = new int[SmallValues];
    private readonly Dictionary<long, int> _large = [];
    private readonly List<long> _dictionary = [];
    private readonly DictionaryPages _page = new();
    private readonly ByteBuffer _plain = new();
    private bool _plainMode;

    private protected override long PendingValueBytes => _plainMode
        ? _plain.Length
        : _page.Count + (_dictionary.Count * 8L > DictionaryPages.DictionaryLimitBytes ? PageBytes : 0);

    public void Add(ReadOnlySpan<long> values)
    {
        if (_plainMode)
        {
            _plain.AddRange(MemoryMarshal.AsBytes(values));
            return;
        }
        var indices = _page.Append(values.Length);
        var small = _small;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            int index;
            if ((ulong)value >= SmallValues || (index = small[value] - 1) < 0)
                index = IndexOfNew(value);
            indices[i] = index;
        }
    }

    public void Add(long value) => Add([value]);

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
        if (_dictionary.Count == 0)
            return ParquetCodes.Plain;
        _page.WriteTo(page, _dictionary.Count);
        _plainMode = _dictionary.Count * 8L > DictionaryPages.DictionaryLimitBytes;
        return ParquetCodes.RleDictionary;
    }

    private protected override int? WriteDictionary(ByteBuffer page)
    {
        var entries = _dictionary.Count;
        if (entries > 0)
            page.AddRange(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(_dictionary)));
        foreach (var value in _dictionary)
            if ((ulong)value < SmallValues)
                _small[value] = 0;
        _large.Clear();
        _dictionary.Clear();
        _page.Clear();
        _plainMode = false;
        return entries > 0 ? entries : null;
    }
}
