using Jat.Schema.Card;
using Jat.Schema.Samples;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;

namespace Jat.Schema.Tests.Shards;

/// <summary>A split written in parts: one shard per part, each resumable on its own, merging by file name.</summary>
public sealed class PartTests
{
    private static readonly ShardWriterOptions Small = new() { RowGroupBytes = 8_000, ShardBytes = 30_000, Durable = false };
    private static readonly TaskSpec Task = TaskRegistry.Get("mujoco-swimmer");

    private static Jat.Schema.Columns.Example Row(long i) => SampleRows.Create(Task, i, seed: 7, steps: 30);

    [Fact]
    public async Task Each_part_is_one_shard_named_by_its_index_and_count_however_large()
    {
        using var folder = new TempDirectory();
        await using (var writer = await ShardWriter.OpenPartAsync(folder.Path, Task, "train", new ShardPart(2, 3), Small))
        {
            // Far past the shard size: a part never rolls over to a second file.
            for (var i = 0; i < 60; i++)
                await writer.WriteAsync(Row(i));
            var summary = await writer.CompleteAsync();
            Assert.Equal(1, summary.Shards);
            Assert.True(summary.FileBytes > Small.ShardBytes);
        }

        var file = Assert.Single(Directory.GetFiles(folder.Combine(Task.Name)));
        Assert.Equal("train-00002-of-00003.parquet", Path.GetFileName(file));
    }

    [Fact]
    public async Task Parts_of_one_split_are_written_side_by_side_and_read_back_as_the_split()
    {
        using var folder = new TempDirectory();
        await using (var second = await ShardWriter.OpenPartAsync(folder.Path, Task, "train", new ShardPart(1, 2), Small))
        await using (var first = await ShardWriter.OpenPartAsync(folder.Path, Task, "train", new ShardPart(0, 2), Small))
        {
            for (var i = 0; i < 10; i++)
            {
                await first.WriteAsync(Row(i));
                await second.WriteAsync(Row(10 + i));
            }
            await first.CompleteAsync();
            await second.CompleteAsync();
        }

        var rows = await ShardReader.ReadSplitAsync(folder.Path, Task, "train").ToListAsync();
        RowsAssert.Equal(Enumerable.Range(0, 20).Select(i => Row(i)).ToList(), rows);
    }

    [Fact]
    public async Task A_part_resumes_from_its_own_last_commit()
    {
        using var folder = new TempDirectory();
        var part = new ShardPart(0, 4);
        await using (var writer = await ShardWriter.OpenPartAsync(folder.Path, Task, "test", part, Small))
        {
            for (var i = 0; i < 12; i++)
                await writer.WriteAsync(Row(i), $"{i}");
        }
        await using (var writer = await ShardWriter.OpenPartAsync(folder.Path, Task, "test", part, Small))
        {
            Assert.Equal(12, writer.CommittedRows);
            Assert.Equal("11", writer.CommittedCursor);
            for (var i = writer.CommittedRows; i < 20; i++)
                await writer.WriteAsync(Row(i));
            await writer.CompleteAsync();
        }
        await using (var other = await ShardWriter.OpenPartAsync(folder.Path, Task, "test", new ShardPart(1, 4), Small))
            Assert.Equal(0, other.CommittedRows);

        var rows = await ShardReader.ReadSplitAsync(folder.Path, Task, "test").ToListAsync();
        RowsAssert.Equal(Enumerable.Range(0, 20).Select(i => Row(i)).ToList(), rows);
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(2, 2)]
    [InlineData(0, 0)]
    public async Task A_part_outside_its_count_is_refused(int index, int count)
    {
        using var folder = new TempDirectory();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ShardWriter.OpenPartAsync(folder.Path, Task, "train", new ShardPart(index, count), Small));
    }

    [Fact]
    public void Each_task_keeps_its_own_note_so_folders_merge_by_file_name()
    {
        using var folder = new TempDirectory();
        DatasetNotes.Claim(folder.Path, "mujoco-hopper", "collected by Jat: an expert");
        DatasetNotes.Claim(folder.Path, "babyai-go-to", "collected by Jat: the bot");
        DatasetNotes.Claim(folder.Path, "mujoco-hopper", "collected by Jat: an expert");

        Assert.True(File.Exists(DatasetNotes.PathIn(folder.Path, "mujoco-hopper")));
        Assert.Equal("collected by Jat: the bot", DatasetNotes.Load(folder.Path).Provenance["babyai-go-to"]);
        var error = Assert.Throws<InvalidOperationException>(() => DatasetNotes.Claim(folder.Path, "mujoco-hopper", "sample: synthetic rows"));
        Assert.Contains("was started as", error.Message, StringComparison.Ordinal);
    }
}
