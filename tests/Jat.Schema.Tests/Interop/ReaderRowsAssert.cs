using System.Text.Json.Nodes;
using Jat.Schema.Columns;

namespace Jat.Schema.Tests.Interop;

/// <summary>
/// Compares the rows a Node.js reader printed (see tests/interop/json-values.mjs for the encoding) with the
/// rows that were written: floats exactly, 64-bit integers, strings ordinally, image bytes byte for byte.
/// </summary>
internal static class ReaderRowsAssert
{
    public static void Equal(WrittenShard shard, JsonNode? printed, string reader)
    {
        var rows = printed as JsonArray ?? throw new InvalidOperationException($"{reader}: no rows array");
        Assert.True(shard.Rows.Count == rows.Count, $"{reader} {shard.Task.Name}: {rows.Count} rows, expected {shard.Rows.Count}");
        var columns = shard.Task.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var where = $"{reader} {shard.Task.Name} row {i}";
            var row = rows[i] as JsonObject ?? throw new InvalidOperationException($"{where}: not an object");
            // Every row has every column of the task and no other: a reader that sees stray or missing columns
            // disagrees with us about the schema, whatever the values.
            Assert.True(columns.SetEquals(row.Select(kv => kv.Key)),
                $"{where}: columns [{string.Join(", ", row.Select(kv => kv.Key))}], expected [{string.Join(", ", columns)}]");
            foreach (var column in shard.Task.Columns)
                Column(column, shard.Rows[i], row[column.Name], $"{where} {column.Name}");
        }
    }

    private static void Column(ColumnSpec column, Example expected, JsonNode? actual, string where)
    {
        var value = JatColumns.ValueOf(expected, column.Name);
        if (value is null)
        {
            Assert.True(actual is null, $"{where}: expected null, read {actual?.ToJsonString()}");
            return;
        }
        switch (column.Kind)
        {
            case ColumnKind.FloatSteps: Each((IReadOnlyList<float>)value, actual, where, SameFloat); break;
            case ColumnKind.LongSteps: Each((IReadOnlyList<long>)value, actual, where, SameLong); break;
            case ColumnKind.StringSteps: Each((IReadOnlyList<string>)value, actual, where, SameText); break;
            case ColumnKind.ImageSteps: Each((IReadOnlyList<byte[]>)value, actual, where, SameImage); break;
            case ColumnKind.FloatVectorSteps: Each((IReadOnlyList<float[]>)value, actual, where, (e, a, w) => Each(e, a, w, SameFloat)); break;
            case ColumnKind.LongVectorSteps: Each((IReadOnlyList<int[]>)value, actual, where, (e, a, w) => Each(e, a, w, (int v, JsonNode? n, string x) => SameLong(v, n, x))); break;
            case ColumnKind.Text: SameText((string)value, actual, where); break;
            case ColumnKind.Image: SameImage((byte[])value, actual, where); break;
            default: throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "no comparison for this kind");
        }
    }

    private static void Each<T>(IReadOnlyList<T> expected, JsonNode? actual, string where, Action<T, JsonNode?, string> item)
    {
        var array = actual as JsonArray ?? throw new InvalidOperationException($"{where}: expected a list, read {actual?.ToJsonString() ?? "null"}");
        Assert.True(expected.Count == array.Count, $"{where}: {array.Count} items, expected {expected.Count}");
        for (var i = 0; i < expected.Count; i++)
            item(expected[i], array[i], $"{where}[{i}]");
    }

    /// <summary>A float32 widened to double and printed as the shortest round-trip text parses back to the same double.</summary>
    private static void SameFloat(float expected, JsonNode? actual, string where)
    {
        var read = Number(actual, where).GetValue<double>();
        Assert.True(read == expected, $"{where}: read {read:R}, wrote {expected:R}");
    }

    private static void SameLong(long expected, JsonNode? actual, string where)
    {
        var read = Number(actual, where).GetValue<long>();
        Assert.True(read == expected, $"{where}: read {read}, wrote {expected}");
    }

    private static void SameText(string expected, JsonNode? actual, string where)
    {
        var read = actual is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        Assert.True(string.Equals(read, expected, StringComparison.Ordinal), $"{where}: read {actual?.ToJsonString() ?? "null"}, wrote \"{expected}\"");
    }

    /// <summary>Images are <c>{bytes, path}</c> structs; we embed the bytes and write no path.</summary>
    private static void SameImage(byte[] expected, JsonNode? actual, string where)
    {
        var image = actual as JsonObject ?? throw new InvalidOperationException($"{where}: expected a {{bytes, path}} struct, read {actual?.ToJsonString() ?? "null"}");
        // A reader that decoded the bytes as text (hyparquet's default) prints a string here, not {"base64": ...}.
        var base64 = image["bytes"]?["base64"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"{where}.bytes: expected binary, read {image["bytes"]?.ToJsonString() ?? "null"}");
        Assert.True(expected.AsSpan().SequenceEqual(Convert.FromBase64String(base64)), $"{where}.bytes differ from the PNG written");
        Assert.True(image["path"] is null, $"{where}.path: read {image["path"]?.ToJsonString()}, wrote null");
    }

    private static JsonValue Number(JsonNode? node, string where) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? v
            : throw new InvalidOperationException($"{where}: expected a number, read {node?.ToJsonString() ?? "null"}");
}
