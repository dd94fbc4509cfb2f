using System.Text;

namespace Jat.Schema.ParquetFormat;

/// <summary>
/// A BYTE_ARRAY leaf: text (UTF-8) or encoded images. Text is dictionary-encoded while its chunk's distinct strings
/// stay under <see cref="DictionaryPages.DictionaryLimitBytes"/> (BabyAI repeats the mission at every step), then
/// PLAIN; images are always PLAIN (PNG and JPEG bytes do not repeat).
/// </summary>
internal sealed class ByteArrayLeafWriter(IReadOnlyList<string> path, int maxDefinition, int maxRepetition, bool compress, bool dictionary)
    : LeafWriter(path, ParquetCodes.ByteArray, maxDefinition, maxRepetition, compress)
{
    private readonly Dictionary<string, int> _indexOf = new(StringComparer.Ordinal);
    private readonly ByteBuffer _dictionary = new();
    private readonly DictionaryPages _page = new();
    private readonly ByteBuffer _plain = new();
    private int _entries;
    private bool _plainMode = !dictionary;
    private string? _last;
    private int _lastIndex;

    private protected override long PendingValueBytes => _plainMode
        ? _plain.Length
        : _page.Count + (_dictionary.Length > DictionaryPages.DictionaryLimitBytes ? PageBytes : 0);

    public void Add(string value) => Add(value, 1);

    /// <summary>Adds <paramref name="count"/> values that are all <paramref name="value"/> (BabyAI's mission, step after step).</summary>
    public void Add(string value, int count)
    {
        if (_plainMode)
        {
            for (var i = 0; i < count; i++)
                AppendPlain(_plain, value);
            return;
        }
        // Consecutive rows usually carry the very same string object too.
        if (!ReferenceEquals(value, _last))
        {
            if (!_indexOf.TryGetValue(value, out _lastIndex))
            {
                _lastIndex = _entries++;
                _indexOf.Add(value, _lastIndex);
                AppendPlain(_dictionary, value);
            }
            _last = value;
        }
        _page.Append(count).Fill(_lastIndex);
    }

    public void Add(ReadOnlySpan<byte> value)
    {
        if (!_plainMode)
            throw new InvalidOperationException("byte values go to a leaf written without a dictionary");
        _plain.AddInt32(value.Length);
        _plain.AddRange(value);
    }

    private protected override int WriteValues(ByteBuffer page)
    {
        if (_plainMode)
        {
            page.AddRange(_plain.Written);
            _plain.Clear();
            return ParquetCodes.Plain;
        }
        if (_entries == 0)
            return ParquetCodes.Plain;
        _page.WriteTo(page, _entries);
        _plainMode = _dictionary.Length > DictionaryPages.DictionaryLimitBytes;
        return ParquetCodes.RleDictionary;
    }

    private protected override ByteBuffer? TakePlainValues() => _plainMode ? _plain : null;

    private protected override int? WriteDictionary(ByteBuffer page)
    {
        var entries = _entries;
        page.AddRange(_dictionary.Written);
        _dictionary.Clear();
        _indexOf.Clear();
        _page.Clear();
        _entries = 0;
        _last = null;
        _plainMode = !dictionary;
        return entries > 0 ? entries : null;
    }

    private protected override void ReleaseValues()
    {
        _dictionary.Release();
        _page.Release();
        _plain.Release();
    }

    private static void AppendPlain(ByteBuffer buffer, string value)
    {
        var room = buffer.Reserve(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, room[4..]);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(room, length);
        buffer.Advance(4 + length);
    }
}
