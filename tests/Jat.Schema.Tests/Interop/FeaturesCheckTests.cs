using System.Text.Json.Nodes;
using Jat.Schema.Features;
using Jat.Schema.Tasks;
using Parquet.Schema;
using Parquet.Serialization;

namespace Jat.Schema.Tests.Interop;

/// <summary>
/// datasets' keep-or-drop rule (Features.from_arrow_schema), re-implemented in tests/interop/features-check.mjs
/// over the Arrow schema that arrow-rs (parquet-wasm) derives from the file.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class FeaturesCheckTests(InteropShards shards)
{
    [Theory]
    [MemberData(nameof(InteropShards.OneTaskPerDomain), MemberType = typeof(InteropShards))]
    public async Task Datasets_keeps_the_stored_features_of_every_column_of_every_domain(string task)
    {
        var shard = shards[task];
        var result = await NodeScript.RunAsync("features-check.mjs", shard.Path);
        Assert.True((bool)result["hasFeatures"]!, $"{task}: no huggingface key in the file's Arrow schema metadata");
        Assert.Equal(shard.Rows.Count, (int)result["rowCount"]!);

        var columns = Columns(result);
        Assert.Equal(shard.Task.Columns.Select(c => c.Name), columns.Select(c => c.Column));
        foreach (var c in columns)
            Assert.True(c.Keep, $"{task}.{c.Column}: datasets would drop the feature: it implies {c.ExpectedType}, the file reads as {c.FileType}");

        // keep would also hold if both sides had lost the length; check the file really carries the fixed size
        // that Meta-World and BabyAI declare, restored from ARROW:schema.
        foreach (var column in shard.Task.Columns)
        {
            var fixedLength = column.Feature is SequenceFeature { Item: SequenceFeature { Length: > 0 } inner } ? inner.Length : (int?)null;
            var fileType = columns.Single(c => c.Column == column.Name).FileType ?? "";
            if (fixedLength is { } n)
                Assert.EndsWith($"[{n}]>", fileType, StringComparison.Ordinal);
            else
                Assert.DoesNotContain("fixed_size_list", fileType, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A control that the check can say no: a file whose column is REQUIRED (what Parquet.Net writes for a
    /// non-nullable field) must be reported as dropped, or the test above proves nothing.
    /// </summary>
    [Fact]
    public async Task Features_check_reports_a_REQUIRED_column_as_dropped()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("required.parquet");
        var task = TaskRegistry.Get("oscar");
        var schema = new ParquetSchema(new DataField<string>("text", false));
        var rows = new List<IDictionary<string, object?>> { new Dictionary<string, object?> { ["text"] = "a document" } };
        await using (var file = File.Create(path))
            await ParquetSerializer.SerializeUntypedAsync(rows, schema, file, customMetadata: new Dictionary<string, string> { ["huggingface"] = task.FeaturesMetadata });

        var column = Assert.Single(Columns(await NodeScript.RunAsync("features-check.mjs", path)));
        Assert.False(column.Keep, $"a REQUIRED text column was reported as kept: {column.FileType}");
        Assert.Equal("string not null", column.FileType);
    }

    private sealed record ColumnCheck(string Column, string? ExpectedType, string? FileType, bool Keep);

    private static List<ColumnCheck> Columns(JsonObject result) =>
        result["columns"]!.AsArray().Select(c => new ColumnCheck(
            (string)c!["column"]!, (string?)c["expectedType"], (string?)c["fileType"], (bool)c["keep"]!)).ToList();
}
