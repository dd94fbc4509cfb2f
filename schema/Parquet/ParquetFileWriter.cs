using System.Buffers.Binary;
using Parquet.Schema;

namespace Jat.Schema.ParquetFormat;

/// <summary>
/// Writes Parquet files of JAT's layouts (OPTIONAL fields, three-level lists, structs of bytes and path) one row group
/// at a time, each append leaving a complete file: new row groups replace the footer, which is written again with the
/// earlier row groups copied from the old one.
/// </summary>
/// <remarks>
/// Jat writes its own pages rather than go through a general Parquet library because collection is bound by it:
/// BabyAI stores 148 integers per step, and a general writer's pass over every value and level (statistics, level
/// arrays, PLAIN int64 then Snappy) cost more than the environment and bot that made the step. Here levels are runs,
/// small integers are bit-packed dictionary indices, and nothing else is computed. No statistics are written
/// (readers treat them as optional); the features live in the key/value metadata as before.
/// </remarks>
internal sealed class ParquetFileWriter : IDisposable
{
    private const string CreatedBy = "Jat (parquet-format 2.9, data page v1)";
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    private readonly IReadOnlyList<Field> _fields;
    private readonly IReadOnlyDictionary<string, string> _metadata;
    private readonly ByteBuffer _footer = new(4096);

    public ParquetFileWriter(IReadOnlyList<Field> fields, IReadOnlyDictionary<string, string> metadata)
    {
        _fields = fields;
        _metadata = metadata;
        var leaves = new List<LeafWriter>();
        foreach (var field in fields)
            AddLeaves(field, [], 0, 0, leaves);
        Leaves = leaves;
    }

    /// <summary>The leaf columns in file order; a row group is what they hold when it is appended.</summary>
    public IReadOnlyList<LeafWriter> Leaves { get; }

    /// <summary>
    /// Writes what the leaves hold as one row group of <paramref name="rows"/> rows at the end of
    /// <paramref name="file"/>: empty, or a complete Parquet file (whose footer is replaced).
    /// </summary>
    /// <returns>the file's new tail (footer, its length, the magic), for <see cref="RestoreTail"/> after a crash</returns>
    public byte[] AppendRowGroup(FileStream file, long rows)
    {
        var earlier = StartAppending(file);
        var start = file.Position;
        var chunks = new List<ColumnChunkMetadata>(Leaves.Count);
        foreach (var leaf in Leaves)
            chunks.Add(leaf.WriteChunk(file, file.Position));
        var group = new ByteBuffer(256 + 128 * chunks.Count);
        WriteRowGroup(new ThriftCompactWriter(group), chunks, rows, start, earlier.RowGroupCount);
        return WriteFooter(file, earlier.Rows + rows, earlier.RowGroupCount + 1, [.. earlier.RowGroupBytes, .. group.Written]);
    }

    /// <summary>
    /// Makes <paramref name="file"/> the complete Parquet file it was when <see cref="AppendRowGroup"/> returned
    /// <paramref name="tail"/>: its row groups end at <paramref name="dataEnd"/>; what a later, unfinished append wrote
    /// after them goes.
    /// </summary>
    public static void RestoreTail(FileStream file, long dataEnd, ReadOnlySpan<byte> tail)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.SetLength(dataEnd);
        file.Seek(0, SeekOrigin.End);
        file.Write(tail);
    }

    /// <summary>Hands the leaves' buffers back to <see cref="WriterMemory"/>; the writer is not used again.</summary>
    public void Dispose()
    {
        foreach (var leaf in Leaves)
            leaf.Release();
        _footer.Release();
    }

    /// <summary>A file with the schema and no row group.</summary>
    public void WriteEmpty(FileStream file)
    {
        file.SetLength(0);
        file.Write(Magic);
        WriteFooter(file, 0, 0, []);
    }

    /// <summary>Reads the footer of the file so far and positions the stream where the new row group goes.</summary>
    private static ParquetFooter StartAppending(FileStream file)
    {
        if (file.Length == 0)
        {
            file.Write(Magic);
            return ParquetFooter.Empty;
        }
        Span<byte> end = stackalloc byte[8];
        file.Seek(-8, SeekOrigin.End);
        file.ReadExactly(end);
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(end);
        if (!end[4..].SequenceEqual(Magic) || footerLength <= 0 || footerLength > file.Length - 12)
            throw new InvalidDataException($"{file.Name} does not end as a Parquet file");
        var footerStart = file.Length - 8 - footerLength;
        var metadata = new byte[footerLength];
        file.Seek(footerStart, SeekOrigin.Begin);
        file.ReadExactly(metadata);
        var footer = ParquetFooter.Parse(metadata);
        file.SetLength(footerStart);
        file.Seek(footerStart, SeekOrigin.Begin);
        return footer;
    }

    private byte[] WriteFooter(FileStream file, long rows, int rowGroupCount, ReadOnlySpan<byte> rowGroups)
    {
        _footer.Clear();
        var thrift = new ThriftCompactWriter(_footer);
        thrift.BeginStruct();
        thrift.I32Field(1, 1);
        thrift.StructListField(2, 1 + _fields.Sum(CountElements));
        thrift.BeginStruct();
        thrift.StringField(4, "schema");
        thrift.I32Field(5, _fields.Count);
        thrift.EndStruct();
        foreach (var field in _fields)
            WriteSchemaElements(thrift, field);
        thrift.I64Field(3, rows);
        thrift.EncodedStructListField(4, rowGroupCount, rowGroups);
        thrift.StructListField(5, _metadata.Count);
        foreach (var (key, value) in _metadata)
        {
            thrift.BeginStruct();
            thrift.StringField(1, key);
            thrift.StringField(2, value);
            thrift.EndStruct();
        }
        thrift.StringField(6, CreatedBy);
        thrift.EndStruct();
        file.Write(_footer.Written);
        Span<byte> end = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(end, _footer.Length);
        Magic.CopyTo(end[4..]);
        file.Write(end);
        return [.. _footer.Written, .. end];
    }

    private static void WriteRowGroup(ThriftCompactWriter thrift, IReadOnlyList<ColumnChunkMetadata> chunks, long rows, long start, int ordinal)
    {
        thrift.BeginStruct();
        thrift.StructListField(1, chunks.Count);
        foreach (var chunk in chunks)
        {
            thrift.BeginStruct();
            thrift.I64Field(2, chunk.StartOffset);
            thrift.StructField(3);
            thrift.I32Field(1, chunk.PhysicalType);
            thrift.I32ListField(2, chunk.Encodings);
            thrift.StringListField(3, chunk.Path);
            thrift.I32Field(4, chunk.Codec);
            thrift.I64Field(5, chunk.Values);
            thrift.I64Field(6, chunk.UncompressedBytes);
            thrift.I64Field(7, chunk.CompressedBytes);
            thrift.I64Field(9, chunk.DataPageOffset);
            if (chunk.DictionaryPageOffset is { } dictionary)
                thrift.I64Field(11, dictionary);
            thrift.EndStruct();
            thrift.EndStruct();
        }
        thrift.I64Field(2, chunks.Sum(c => c.UncompressedBytes));
        thrift.I64Field(3, rows);
        thrift.I64Field(5, start);
        thrift.I64Field(6, chunks.Sum(c => c.CompressedBytes));
        thrift.I16Field(7, checked((short)ordinal));
        thrift.EndStruct();
    }

    private static int CountElements(Field field) => field switch
    {
        DataField => 1,
        ListField list => 2 + CountElements(list.Item),
        StructField st => 1 + st.Fields.Sum(CountElements),
        _ => throw Unsupported(field),
    };

    private static void WriteSchemaElements(ThriftCompactWriter thrift, Field field)
    {
        switch (field)
        {
            case DataField data:
                thrift.BeginStruct();
                thrift.I32Field(1, PhysicalTypeOf(data));
                thrift.I32Field(3, ParquetCodes.Optional);
                thrift.StringField(4, data.Name);
                if (IsText(data))
                {
                    thrift.I32Field(6, ParquetCodes.ConvertedUtf8);
                    thrift.StructField(10);
                    thrift.StructField(1);
                    thrift.EndStruct();
                    thrift.EndStruct();
                }
                else if (data.ClrType == typeof(long))
                {
                    // INTEGER(64, signed) / INT_64, as the shards Parquet.Net wrote before: a folder mixes both when resumed.
                    thrift.I32Field(6, ParquetCodes.ConvertedInt64);
                    thrift.StructField(10);
                    thrift.StructField(10);
                    thrift.ByteField(1, 64);
                    thrift.Bool(2, true);
                    thrift.EndStruct();
                    thrift.EndStruct();
                }
                thrift.EndStruct();
                break;
            case ListField list:
                thrift.BeginStruct();
                thrift.I32Field(3, ParquetCodes.Optional);
                thrift.StringField(4, list.Name);
                thrift.I32Field(5, 1);
                thrift.I32Field(6, ParquetCodes.ConvertedList);
                thrift.StructField(10);
                thrift.StructField(3);
                thrift.EndStruct();
                thrift.EndStruct();
                thrift.EndStruct();
                thrift.BeginStruct();
                thrift.I32Field(3, ParquetCodes.Repeated);
                thrift.StringField(4, "list");
                thrift.I32Field(5, 1);
                thrift.EndStruct();
                WriteSchemaElements(thrift, list.Item);
                break;
            case StructField st:
                thrift.BeginStruct();
                thrift.I32Field(3, ParquetCodes.Optional);
                thrift.StringField(4, st.Name);
                thrift.I32Field(5, st.Fields.Count);
                thrift.EndStruct();
                foreach (var child in st.Fields)
                    WriteSchemaElements(thrift, child);
                break;
            default:
                throw Unsupported(field);
        }
    }

    /// <summary>Every field is OPTIONAL (one definition level); a list adds its REPEATED group (one of each).</summary>
    private static void AddLeaves(Field field, string[] path, int definition, int repetition, List<LeafWriter> leaves)
    {
        switch (field)
        {
            case DataField data:
                string[] leafPath = [.. path, data.Name];
                leaves.Add(PhysicalTypeOf(data) switch
                {
                    ParquetCodes.Int64 => new LongLeafWriter(leafPath, definition + 1, repetition, compress: true),
                    ParquetCodes.Float => new FloatLeafWriter(leafPath, definition + 1, repetition, compress: true),
                    // PNG and JPEG bytes are compressed already; Snappy would spend time for nothing.
                    _ when !IsText(data) => new ByteArrayLeafWriter(leafPath, definition + 1, repetition, compress: false, dictionary: false),
                    _ => new ByteArrayLeafWriter(leafPath, definition + 1, repetition, compress: true, dictionary: true),
                });
                break;
            case ListField list:
                AddLeaves(list.Item, [.. path, list.Name, "list"], definition + 2, repetition + 1, leaves);
                break;
            case StructField st:
                foreach (var child in st.Fields)
                    AddLeaves(child, [.. path, st.Name], definition + 1, repetition, leaves);
                break;
            default:
                throw Unsupported(field);
        }
    }

    private static int PhysicalTypeOf(DataField field) =>
        field.ClrType == typeof(long) ? ParquetCodes.Int64
        : field.ClrType == typeof(float) ? ParquetCodes.Float
        : IsText(field) || field.ClrType == typeof(byte[]) || field.ClrType == typeof(ReadOnlyMemory<byte>) ? ParquetCodes.ByteArray
        : throw Unsupported(field);

    // Parquet.Net describes a string field's values as ReadOnlyMemory<char>.
    private static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static NotSupportedException Unsupported(Field field) =>
        new($"field '{field.Name}' ({field.SchemaType}, {(field as DataField)?.ClrType}) is not one of the layouts Jat writes");
}
