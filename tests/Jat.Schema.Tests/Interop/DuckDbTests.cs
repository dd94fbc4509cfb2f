using System.Text.Json.Nodes;
using Jat.Schema.Columns;

namespace Jat.Schema.Tests.Interop;

/// <summary>DuckDB's own Parquet reader (C++) reads our shards: types, values and metadata.</summary>
[Collection(InteropCollection.Name)]
public sealed class DuckDbTests(InteropShards shards)
{
    [Theory]
    [MemberData(nameof(InteropShards.OneTaskPerDomain), MemberType = typeof(InteropShards))]
    public async Task DuckDB_reads_every_domain_with_the_same_types_and_values(string task)
    {
        var shard = shards[task];
        var result = await NodeScript.RunAsync("duckdb-read.mjs", shard.Path);

        var types = result["columns"]!.AsArray().Select(c => (Name: (string)c!["name"]!, Type: (string)c["type"]!)).ToList();
        Assert.Equal(shard.Task.Columns.Select(c => (c.Name, ExpectedType(c.Kind))), types);
        Assert.Equal(shard.Rows.Count, (int)result["rowCount"]!);
        ReaderRowsAssert.Equal(shard, result["rows"], "duckdb");

        var keys = result["metadataKeys"]!.AsArray().Select(k => (string)k!).ToList();
        Assert.Contains("huggingface", keys);
        Assert.Contains("ARROW:schema", keys);
    }

    /// <summary>
    /// What DuckDB 1.5 reports. It reads the Parquet schema only and ignores ARROW:schema, so the fixed-length
    /// vectors of Meta-World and BabyAI are variable lists here (<c>FLOAT[][]</c>, not <c>FLOAT[39][]</c>).
    /// </summary>
    private static string ExpectedType(ColumnKind kind) => kind switch
    {
        ColumnKind.FloatSteps => "FLOAT[]",
        ColumnKind.LongSteps => "BIGINT[]",
        ColumnKind.StringSteps => "VARCHAR[]",
        ColumnKind.ImageSteps => "STRUCT(bytes BLOB, path VARCHAR)[]",
        ColumnKind.FloatVectorSteps => "FLOAT[][]",
        ColumnKind.LongVectorSteps => "BIGINT[][]",
        ColumnKind.Text => "VARCHAR",
        ColumnKind.Image => "STRUCT(bytes BLOB, path VARCHAR)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
