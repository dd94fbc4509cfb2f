namespace Jat.Schema.ParquetFormat;

/// <summary>
/// What an existing file's footer holds that appending needs: its row count and its row groups, kept as the encoded
/// bytes they were written with (a struct in a list stands alone in the compact protocol, so they copy verbatim).
/// </summary>
internal sealed record ParquetFooter(long Rows, int RowGroupCount, byte[] RowGroupBytes)
{
    public static ParquetFooter Empty { get; } = new(0, 0, []);

    /// <summary>Reads the <c>FileMetaData</c> struct (the bytes before the footer length and the closing magic).</summary>
    public static ParquetFooter Parse(ReadOnlySpan<byte> metadata)
    {
        var reader = new ThriftCompactReader(metadata);
        short last = 0;
        long rows = 0;
        var count = 0;
        byte[] groups = [];
        while (reader.NextField(ref last, out var field, out var type))
        {
            if (field == 3 && type == 6)
            {
                rows = reader.ReadInteger();
            }
            else if (field == 4 && type == 9)
            {
                (count, var element) = reader.ReadListHeader();
                var start = reader.Position;
                for (var i = 0; i < count; i++)
                    reader.Skip(element, inList: true);
                groups = metadata[start..reader.Position].ToArray();
            }
            else
            {
                reader.Skip(type);
            }
        }
        return new ParquetFooter(rows, count, groups);
    }
}
