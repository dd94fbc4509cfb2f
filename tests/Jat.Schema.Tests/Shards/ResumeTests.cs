using Jat.Schema.Samples;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;

namespace Jat.Schema.Tests.Shards;

public sealed class ResumeTests
{
    private static readonly ShardWriterOptions Small = new() { RowGroupBytes = 8_000, ShardBytes = 30_000 };
    private static readonly TaskSpec Task = TaskRegistry.Get("mujoco-swimmer");

    private static Jat.Schema.Columns.Example Row(long i) => SampleRows.Create(Task, i, seed: 5, steps: 30);

    [Fact]
    public async Task A_shard_cut_off_mid_row_group_is_restored_to_its_last_commit()
    {
        using var folder = new TempDirectory();
        long committed;
        await using (var writer = await ShardWriter.OpenAsync(folder.Path, Task, "train", Small))
        {
            for (var i = 0; i < 25; i++)
                await writer.WriteAsync(Row(i));
            committed = writer.RowsWritten;
        }
        // What a kill in the middle of the next append leaves: bytes past the last footer, and a shard file
        // started but never committed.
        var staging = Directory.GetFiles(folder.Combine(".jat", Task.Name), "train-*.parquet").Order().ToArray();
        await File.AppendAllTextAsync(staging[^1], new string('x', 5000));
        await File.WriteAllTextAsync(folder.Combine(".jat", Task.Name, "train-00099.parquet"), "half a shard");

        await using (var writer = await ShardWriter.OpenAsync(folder.Path, Task, "train", Small))
        {
            Assert.Equal(committed, writer.CommittedRows);
            for (var i = writer.CommittedRows; i < 60; i++)
                await writer.WriteAsync(Row(i));
            await writer.CompleteAsync();
        }
        Assert.False(File.Exists(folder.Combine(".jat", Task.Name, "train-00099.parquet")));
        var rows = await ShardReader.ReadSplitAsync(folder.Path, Task, "train").ToListAsync();
        RowsAssert.Equal(Enumerable.Range(0, 60).Select(i => Row(i)).ToList(), rows);
    }

    [Fact]
    public async Task A_completed_split_reopens_as_complete_and_refuses_more_rows()
    {
        using var folder = new TempDirectory();
        await using (var writer = await ShardWriter.OpenAsync(folder.Path, Task, "test", Small))
        {
            await writer.WriteAsync(Row(0));
            await writer.CompleteAsync();
        }
        await using var again = await ShardWriter.OpenAsync(folder.Path, Task, "test", Small);
        Assert.True(again.IsComplete);
        Assert.Equal(1, again.CommittedRows);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await again.WriteAsync(Row(1)));
    }

    [Fact]
    public async Task Two_writers_of_one_split_are_refused()
    {
        using var folder = new TempDirectory();
        await using var first = await ShardWriter.OpenAsync(folder.Path, Task, "train", Small);
        var error = await Assert.ThrowsAsync<IOException>(() => ShardWriter.OpenAsync(folder.Path, Task, "train", Small));
        Assert.Contains("another process", error.Message);
    }

    [Fact]
    public async Task Shards_that_no_manifest_describes_are_never_overwritten()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Combine(Task.Name));
        await File.WriteAllTextAsync(folder.Combine(Task.Name, "train-00000-of-00001.parquet"), "someone else's");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ShardWriter.OpenAsync(folder.Path, Task, "train", Small));
        Assert.Contains("no manifest", error.Message);
        Assert.Equal("someone else's", await File.ReadAllTextAsync(folder.Combine(Task.Name, "train-00000-of-00001.parquet")));
    }

    [Fact]
    public async Task The_cursor_of_the_last_committed_row_survives_a_reopen()
    {
        using var folder = new TempDirectory();
        await using (var writer = await ShardWriter.OpenAsync(folder.Path, Task, "train", Small))
        {
            Assert.Null(writer.CommittedCursor);
            for (var i = 0; i < 25; i++)
                await writer.WriteAsync(Row(i), $"line {i * 3}");
        }
        await using var again = await ShardWriter.OpenAsync(folder.Path, Task, "train", Small);
        Assert.Equal(25, again.CommittedRows);
        Assert.Equal("line 72", again.CommittedCursor);
    }
}
