using System.Runtime.InteropServices;

namespace Jat.Schema.ParquetFormat;

/// <summary>A FLOAT leaf, PLAIN-encoded: observations and rewards rarely repeat, so a dictionary would only cost.</summary>
internal sealed class FloatLeafWriter(IReadOnlyList<string> path, int maxDefinition, int maxRepetition, bool compress)
    : LeafWriter(path, ParquetCodes.Float, maxDefinition, maxRepetition, compress), IValueLeaf<float>
{
    private readonly ByteBuffer _values = new(1 << 16);

    private protected override long PendingValueBytes => _values.Length;

    public void Add(ReadOnlySpan<float> values) => _values.AddRange(MemoryMarshal.AsBytes(values));

    private protected override int WriteValues(ByteBuffer page)
    {
        page.AddRange(_values.Written);
        _values.Clear();
        return ParquetCodes.Plain;
    }

    private protected override int? WriteDictionary(ByteBuffer page) => null;

    private protected override void ReleaseValues() => _values.Release();
}
