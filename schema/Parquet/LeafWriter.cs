using Snappier;

namespace Jat.Schema.ParquetFormat;

/// <summary>
/// Encodes one leaf column into data pages (format v1): repetition and definition levels in the RLE / bit-packing
/// hybrid, then the values; a column chunk is the leaf's pages of one row group, with the dictionary page first.
/// </summary>
/// <remarks>
/// Levels come as runs from the shredder, so their cost is per list, not per value. A page is closed at the first row
/// boundary after its values pass <see cref="PageBytes"/>, so a page never splits a row, which some readers of
/// version-1 pages assume. Encoded pages wait in memory until the chunk ends, because the dictionary they refer to
/// must be written before them and is only complete then; they are compressed, and a row group bounds them.
/// </remarks>
internal abstract class LeafWriter
{
    /// <summary>Values per page, as the usual writers do (about 1 MB).</summary>
    public const int PageBytes = 1 << 20;

    private readonly ByteBuffer _repetitions = new();
    private readonly ByteBuffer _definitions = new();
    private readonly RleHybridEncoder? _repetitionEncoder;
    private readonly RleHybridEncoder? _definitionEncoder;
    private readonly ByteBuffer _page = new(1 << 16);
    private readonly ByteBuffer _pages = new(1 << 16);
    private readonly ByteBuffer _header = new();
    private readonly SortedSet<int> _encodings = [];
    private readonly ByteBuffer _compressed = new();
    private int _pageLevels;
    private long _chunkLevels;
    private long _chunkUncompressed;

    private protected LeafWriter(IReadOnlyList<string> path, int physicalType, int maxDefinition, int maxRepetition, bool compress)
    {
        Path = path;
        PhysicalType = physicalType;
        Codec = compress ? ParquetCodes.Snappy : ParquetCodes.Uncompressed;
        if (maxRepetition > 0)
            _repetitionEncoder = new RleHybridEncoder(_repetitions, BitWidth(maxRepetition));
        if (maxDefinition > 0)
            _definitionEncoder = new RleHybridEncoder(_definitions, BitWidth(maxDefinition));
    }

    public IReadOnlyList<string> Path { get; }

    public int PhysicalType { get; }

    public int Codec { get; }

    /// <summary>Bytes of values waiting in the open page.</summary>
    private protected abstract long PendingValueBytes { get; }

    /// <summary>
    /// <paramref name="count"/> level entries with the same definition and repetition level: a value each when the
    /// definition level is the maximum (the caller adds the values), a null or empty list otherwise.
    /// </summary>
    public void AddLevels(int definition, int repetition, int count)
    {
        _definitionEncoder?.Add(definition, count);
        _repetitionEncoder?.Add(repetition, count);
        _pageLevels += count;
    }

    /// <summary>
    /// Level entries of one list that continues a row: the first at <paramref name="firstRepetition"/>, the rest at
    /// <paramref name="restRepetition"/>, all at <paramref name="definition"/>.
    /// </summary>
    public void AddList(int definition, int firstRepetition, int restRepetition, int count)
    {
        _definitionEncoder?.Add(definition, count);
        if (_repetitionEncoder is { } repetitions)
        {
            repetitions.Add(firstRepetition, 1);
            repetitions.Add(restRepetition, count - 1);
        }
        _pageLevels += count;
    }

    /// <summary>Marks a row boundary: the open page is closed here if it is full.</summary>
    public void EndRow()
    {
        if (PendingValueBytes >= PageBytes)
            FlushPage();
    }

    /// <summary>Writes the row group's chunk of this leaf at <paramref name="offset"/> of <paramref name="file"/> and starts the next.</summary>
    public ColumnChunkMetadata WriteChunk(Stream file, long offset)
    {
        if (_pageLevels > 0 || _chunkLevels == 0)
            FlushPage();
        long? dictionaryOffset = null;
        var written = 0L;
        _page.Clear();
        if (WriteDictionary(_page) is { } entries)
        {
            dictionaryOffset = offset;
            written += WritePage(file, ParquetCodes.DictionaryPage, entries, ParquetCodes.Plain);
            _encodings.Add(ParquetCodes.Plain);
        }
        file.Write(_pages.Written);
        written += _pages.Length;
        var metadata = new ColumnChunkMetadata(Path, PhysicalType, [.. _encodings], Codec, _chunkLevels,
            _chunkUncompressed, written, offset + (written - _pages.Length), dictionaryOffset);
        _pages.Clear();
        _encodings.Clear();
        _chunkLevels = 0;
        _chunkUncompressed = 0;
        return metadata;
    }

    /// <summary>Hands every buffer's memory back to <see cref="WriterMemory"/>: the writer is done (its file is complete or abandoned).</summary>
    public void Release()
    {
        foreach (var buffer in (ReadOnlySpan<ByteBuffer>)[_repetitions, _definitions, _page, _pages, _header, _compressed])
            buffer.Release();
        ReleaseValues();
    }

    /// <summary>Hands the buffers of the values back to <see cref="WriterMemory"/>.</summary>
    private protected abstract void ReleaseValues();

    /// <summary>Appends the open page's values to <paramref name="page"/>, empties them, and says how they are encoded.</summary>
    private protected abstract int WriteValues(ByteBuffer page);

    /// <summary>The open page's values when they are PLAIN bytes already (the caller copies them, then clears the buffer).</summary>
    private protected virtual ByteBuffer? TakePlainValues() => null;

    /// <summary>The chunk's dictionary in PLAIN, and its entry count; null when the chunk used none. Starts a new one.</summary>
    private protected abstract int? WriteDictionary(ByteBuffer page);

    private void FlushPage()
    {
        _page.Clear();
        if (_repetitionEncoder is { } repetitions)
            AppendLevels(repetitions, _repetitions);
        if (_definitionEncoder is { } definitions)
            AppendLevels(definitions, _definitions);
        _encodings.Add(ParquetCodes.Rle);
        if (Codec == ParquetCodes.Uncompressed && TakePlainValues() is { } plain)
        {
            // Encoded images: the values go from their buffer to the chunk in one copy, behind the header and levels.
            _encodings.Add(ParquetCodes.Plain);
            WriteHeader(ParquetCodes.DataPage, _pageLevels, ParquetCodes.Plain, _page.Length + plain.Length, _page.Length + plain.Length);
            _chunkUncompressed += _header.Length + _page.Length + plain.Length;
            _pages.AddRange(_header.Written);
            _pages.AddRange(_page.Written);
            _pages.AddRange(plain.Written);
            plain.Clear();
        }
        else
        {
            var encoding = WriteValues(_page);
            _encodings.Add(encoding);
            WritePage(null, ParquetCodes.DataPage, _pageLevels, encoding);
        }
        _chunkLevels += _pageLevels;
        _pageLevels = 0;
    }

    private void AppendLevels(RleHybridEncoder encoder, ByteBuffer levels)
    {
        encoder.Finish();
        _page.AddInt32(levels.Length);
        _page.AddRange(levels.Written);
        levels.Clear();
    }

    /// <summary>Compresses <see cref="_page"/> behind its header, into the file (dictionary) or the chunk's pages.</summary>
    private long WritePage(Stream? file, int type, int values, int encoding)
    {
        var body = _page.Written;
        if (Codec == ParquetCodes.Snappy)
        {
            _compressed.Clear();
            var room = _compressed.Reserve(Snappy.GetMaxCompressedLength(body.Length));
            body = room[..Snappy.Compress(body, room)];
        }
        WriteHeader(type, values, encoding, _page.Length, body.Length);
        _chunkUncompressed += _header.Length + _page.Length;
        if (file is null)
        {
            _pages.AddRange(_header.Written);
            _pages.AddRange(body);
        }
        else
        {
            file.Write(_header.Written);
            file.Write(body);
        }
        return _header.Length + body.Length;
    }

    private void WriteHeader(int type, int values, int encoding, int uncompressedBytes, int compressedBytes)
    {
        _header.Clear();
        var thrift = new ThriftCompactWriter(_header);
        thrift.BeginStruct();
        thrift.I32Field(1, type);
        thrift.I32Field(2, uncompressedBytes);
        thrift.I32Field(3, compressedBytes);
        thrift.StructField(type == ParquetCodes.DictionaryPage ? (short)7 : (short)5);
        thrift.I32Field(1, values);
        thrift.I32Field(2, encoding);
        if (type == ParquetCodes.DataPage)
        {
            thrift.I32Field(3, ParquetCodes.Rle);
            thrift.I32Field(4, ParquetCodes.Rle);
        }
        thrift.EndStruct();
        thrift.EndStruct();
    }

    private static int BitWidth(int max) => 32 - int.LeadingZeroCount(max);
}
