using Jat.Schema.Columns;
using Jat.Schema.Samples;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;

namespace Jat.Schema.Tests.Shards;

public sealed class RoundTripTests
{
    public static TheoryData<string> OneTaskPerDomain => new()
    {
        "atari-pong", "babyai-go-to-local", "metaworld-assembly", "mujoco-hopper", "mujoco-humanoid", "oscar", "conceptual-captions",
    };

    [Theory]
    [MemberData(nameof(OneTaskPerDomain))]
    public async Task Rows_read_back_equal_to_the_rows_written(string name)
    {
        using var folder = new TempDirectory();
        var task = TaskRegistry.Get(name);
        var rows = Enumerable.Range(0, 5).Select(i => SampleRows.Create(task, i, seed: 1, steps: 3 + i * 7)).ToList();

        await using (var writer = await ShardWriter.OpenAsync(folder.Path, task, "train"))
        {
            foreach (var row in rows)
                await writer.WriteAsync(row);
            var summary = await writer.CompleteAsync();
            Assert.Equal(5, summary.Rows);
        }

        var read = await ShardReader.ReadSplitAsync(folder.Path, task, "train").ToListAsync();
        RowsAssert.Equal(rows, read);
    }

    [Fact]
    public async Task Empty_episodes_and_empty_vectors_survive()
    {
        using var folder = new TempDirectory();
        var task = TaskRegistry.Get("mujoco-hopper");
        var rows = new[]
        {
            new Example { ContinuousObservations = [], ContinuousActions = [], Rewards = [] },
            SampleRows.Create(task, 0, 2, steps: 1),
            new Example { ContinuousObservations = [], ContinuousActions = [], Rewards = [] },
        };
        await using (var writer = await ShardWriter.OpenAsync(folder.Path, task, "test"))
        {
            foreach (var row in rows)
                await writer.WriteAsync(row);
            await writer.CompleteAsync();
        }
        RowsAssert.Equal(rows, await ShardReader.ReadSplitAsync(folder.Path, task, "test").ToListAsync());
    }

    [Fact]
    public async Task Small_row_groups_and_shards_roll_and_keep_the_order()
    {
        using var folder = new TempDirectory();
        var task = TaskRegistry.Get("mujoco-halfcheetah");
        var rows = Enumerable.Range(0, 40).Select(i => SampleRows.Create(task, i, 3, steps: 50)).ToList();
        var options = new ShardWriterOptions { RowGroupBytes = 20_000, ShardBytes = 60_000 };
        await using (var writer = await ShardWriter.OpenAsync(folder.Path, task, "train", options))
        {
            foreach (var row in rows)
                await writer.WriteAsync(row);
            var summary = await writer.CompleteAsync();
            Assert.True(summary.Shards > 2, $"expected several shards, got {summary.Shards}");
        }
        var shards = DatasetFolder.Scan(folder.Path).Shards;
        Assert.All(shards, s => Assert.Equal(shards.Count, s.Name.Count));
        Assert.Equal(Enumerable.Range(0, shards.Count), shards.Select(s => s.Name.Index));
        Assert.False(Directory.EnumerateFiles(folder.Combine(".jat", task.Name), "*.parquet").Any(), "staging files left behind");
        RowsAssert.Equal(rows, await ShardReader.ReadSplitAsync(folder.Path, task, "train").ToListAsync());
    }

    [Fact]
    public async Task An_empty_split_is_one_valid_shard_without_rows()
    {
        using var folder = new TempDirectory();
        var task = TaskRegistry.Get("oscar");
        await using (var writer = await ShardWriter.OpenAsync(folder.Path, task, "test"))
            await writer.CompleteAsync();
        var shard = Assert.Single(DatasetFolder.Scan(folder.Path).Shards);
        Assert.Equal("test-00000-of-00001.parquet", shard.Name.FileName);
        await using var reader = await ShardReader.OpenAsync(shard.Path, task);
        Assert.Equal(0, reader.RowCount);
    }

    [Fact]
    public async Task A_row_that_breaks_the_task_is_refused_with_its_column_and_step()
    {
        using var folder = new TempDirectory();
        var task = TaskRegistry.Get("metaworld-reach");
        await using var writer = await ShardWriter.OpenAsync(folder.Path, task, "train");
        var row = SampleRows.Create(task, 0, 1, steps: 4);
        var bad = row with { ContinuousActions = [.. row.ContinuousActions!.Take(3), new float[5]] };
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await writer.WriteAsync(bad));
        Assert.Contains("continuous_actions", error.Message);
        Assert.Contains("step 3", error.Message);
        Assert.Equal(0, writer.RowsWritten);
    }
}
