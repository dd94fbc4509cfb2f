using System.Text.Json.Nodes;
using Jat.Schema.Samples;
using Jat.Schema.Shards;
using Jat.Schema.Statistics;
using Jat.Schema.Tasks;
using Jat.Schema.Tests.Interop;

namespace Jat.Schema.Tests.Statistics;

/// <summary><c>jat stats</c>'s figures agree with DuckDB's own aggregates over the same shards.</summary>
public sealed class DatasetStatisticsTests
{
    [Theory]
    [InlineData("mujoco-hopper")]
    [InlineData("babyai-go-to")]
    public async Task Statistics_match_DuckDB_aggregates_on_the_same_shard(string name)
    {
        using var folder = new TempDirectory();
        var task = TaskRegistry.Get(name);
        int[] steps = [7, 1, 30, 12, 0, 19];
        await using (var writer = await ShardWriter.OpenAsync(folder.Path, task, "train", new ShardWriterOptions { RowGroupBytes = 1 }))
        {
            for (var i = 0; i < steps.Length; i++)
                await writer.WriteAsync(SampleRows.Create(task, i, seed: 11, steps: steps[i]));
            await writer.CompleteAsync();
        }
        var shard = Assert.Single(DatasetFolder.Scan(folder.Path).Shards);

        var splits = await DatasetStatistics.ComputeAsync(folder.Path);
        var path = await DatasetStatistics.WriteAsync(folder.Path, splits);
        var duck = await NodeScript.RunAsync("duckdb-stats.mjs", shard.Path);

        var ours = JsonNode.Parse(await File.ReadAllTextAsync(path))![name]!["train"]!;
        Assert.Equal(steps.Length, (int)ours["rows"]!);
        Same(duck["episode_length"]!, ours["episode_length"]!, 0);
        Same(duck["episode_return"]!, ours["episode_return"]!, 0);
        var features = duck["features"]!.AsObject();
        Assert.NotEmpty(features);
        foreach (var (feature, dimensions) in features)
        {
            var array = dimensions!.AsArray();
            Assert.Equal(array.Count, ours["features"]![feature]!["count"]!.AsArray().Count);
            for (var d = 0; d < array.Count; d++)
                Same(array[d]!, ours["features"]![feature]!, d);
        }
    }

    private static void Same(JsonNode duck, JsonNode ours, int d)
    {
        Assert.Equal((long)duck["count"]!, (long)(double)ours["count"]![d]!);
        Close((double)duck["min"]!, (double)ours["min"]![d]!);
        Close((double)duck["max"]!, (double)ours["max"]![d]!);
        Close((double)duck["mean"]!, (double)ours["mean"]![d]!);
        Close((double)duck["std"]!, (double)ours["std"]![d]!);
        string[] names = ["q01", "q10", "q50", "q90", "q99"];
        for (var q = 0; q < names.Length; q++)
            Close((double)duck["quantiles"]![q]!, (double)ours[names[q]]![d]!);
    }

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
}
