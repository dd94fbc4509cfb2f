using System.Text.Json.Nodes;
using Jat.Schema.Columns;

namespace Jat.Schema.Tests.Interop;

/// <summary>hyparquet (pure JavaScript, used by Hugging Face's web tooling) reads our shards: schema tree and values.</summary>
[Collection(InteropCollection.Name)]
public sealed class HyparquetTests(InteropShards shards)
{
    [Theory]
    [MemberData(nameof(InteropShards.OneTaskPerDomain), MemberType = typeof(InteropShards))]
    public async Task Hyparquet_sees_every_field_OPTIONAL_in_standard_three_level_lists(string task)
    {
        var shard = shards[task];
        var result = await NodeScript.RunAsync("hyparquet-read.mjs", shard.Path);
        var nodes = result["schema"]!.AsArray().SelectMany(n => Flatten(n!, "")).ToList();

        // The nullability pitfall first, with its own message: one REQUIRED field makes datasets drop the features.
        var required = nodes.Where(n => n.Repetition != (n.Path.EndsWith(".list", StringComparison.Ordinal) ? "REPEATED" : "OPTIONAL")).ToList();
        Assert.True(required.Count == 0, $"{task}: fields with the wrong repetition: {string.Join("; ", required.Select(n => n.ToString()))}");

        var expected = shard.Task.Columns.SelectMany(c => Layout(c.Kind, c.Name)).ToList();
        Assert.Equal(expected, nodes.Select(n => n.ToString()));
        var keys = result["metadataKeys"]!.AsArray().Select(k => (string)k!).ToList();
        Assert.Contains("huggingface", keys);
        Assert.Contains("ARROW:schema", keys);
    }

    [Theory]
    [MemberData(nameof(InteropShards.OneTaskPerDomain), MemberType = typeof(InteropShards))]
    public async Task Hyparquet_reads_back_the_values_written_including_PNG_bytes(string task)
    {
        var shard = shards[task];
        var result = await NodeScript.RunAsync("hyparquet-read.mjs", shard.Path);
        Assert.Equal(shard.Rows.Count, (int)result["rowCount"]!);
        ReaderRowsAssert.Equal(shard, result["rows"], "hyparquet");
    }

    private sealed record SchemaNode(string Path, string Repetition, string? Physical, string? Logical)
    {
        public override string ToString() => string.Join(' ', new[] { Path, Repetition, Physical, Logical }.Where(s => s is not null));
    }

    private static IEnumerable<SchemaNode> Flatten(JsonNode node, string parent)
    {
        var path = parent.Length == 0 ? (string)node["name"]! : $"{parent}.{(string)node["name"]!}";
        // Both annotations: readers that predate logical types (and some that do not) still go by the converted type.
        var logical = (string?)node["logicalType"];
        var converted = (string?)node["convertedType"];
        var annotation = logical is null && converted is null ? null : $"{logical ?? "-"}/{converted ?? "-"}";
        yield return new SchemaNode(path, (string?)node["repetition"] ?? "(none)", (string?)node["type"], annotation);
        foreach (var child in node["children"]!.AsArray())
            foreach (var n in Flatten(child!, path))
                yield return n;
    }

    /// <summary>
    /// The layout pyarrow writes for each kind, as "path repetition [physical] [logical/converted]": lists are
    /// <c>OPTIONAL name (LIST) / REPEATED list / OPTIONAL element</c>, every non-repeated field OPTIONAL,
    /// strings annotated STRING/UTF8, int64 INTEGER/INT_64, float and the image bytes not annotated.
    /// </summary>
    private static IEnumerable<string> Layout(ColumnKind kind, string name) => kind switch
    {
        ColumnKind.FloatSteps => List(name, e => [$"{e} OPTIONAL FLOAT"]),
        ColumnKind.LongSteps => List(name, e => [$"{e} OPTIONAL INT64 INTEGER/INT_64"]),
        ColumnKind.StringSteps => List(name, e => [$"{e} OPTIONAL BYTE_ARRAY STRING/UTF8"]),
        ColumnKind.ImageSteps => List(name, Image),
        ColumnKind.FloatVectorSteps => List(name, e => List(e, i => [$"{i} OPTIONAL FLOAT"])),
        ColumnKind.LongVectorSteps => List(name, e => List(e, i => [$"{i} OPTIONAL INT64 INTEGER/INT_64"])),
        ColumnKind.Text => [$"{name} OPTIONAL BYTE_ARRAY STRING/UTF8"],
        ColumnKind.Image => Image(name),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static IEnumerable<string> List(string name, Func<string, IEnumerable<string>> element) =>
        [$"{name} OPTIONAL LIST/LIST", $"{name}.list REPEATED", .. element($"{name}.list.element")];

    private static IEnumerable<string> Image(string name) =>
        [$"{name} OPTIONAL", $"{name}.bytes OPTIONAL BYTE_ARRAY", $"{name}.path OPTIONAL BYTE_ARRAY STRING/UTF8"];
}
