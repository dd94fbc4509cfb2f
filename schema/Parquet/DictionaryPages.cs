namespace Jat.Schema.ParquetFormat;

/// <summary>
/// The indices of one page into its column chunk's dictionary, written as RLE_DICTIONARY (a bit width, then the
/// hybrid encoding), and the limit past which a chunk stops growing its dictionary.
/// </summary>
internal sealed class DictionaryPages
{
    /// <summary>A dictionary past this size (in PLAIN bytes) is closed and the chunk's later pages are PLAIN, as pyarrow does.</summary>
    public const int DictionaryLimitBytes = 1 << 20;

    private int[] _indices = new int[1024];

    public int Count { get; private set; }

    public void Add(int index)
    {
        if (Count == _indices.Length)
            Array.Resize(ref _indices, _indices.Length * 2);
        _indices[Count++] = index;
    }

    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, Count);

    /// <summary>Writes the page's indices for a dictionary of <paramref name="entries"/> and empties them.</summary>
    public void WriteTo(ByteBuffer page, int entries)
    {
        var bitWidth = Math.Max(1, 32 - int.LeadingZeroCount(Math.Max(0, entries - 1)));
        page.Add((byte)bitWidth);
        var encoder = new RleHybridEncoder(page, bitWidth);
        encoder.AddRange(Indices);
        encoder.Finish();
        Count = 0;
    }

    public void Clear()
    {
        if (_indices.Length > 1 << 22)
            _indices = new int[1024];
        Count = 0;
    }
}
