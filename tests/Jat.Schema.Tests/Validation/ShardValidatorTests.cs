using Jat.Schema.Samples;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Validation;
using Parquet;
using Parquet.Schema;

namespace Jat.Schema.Tests.Validation;

public sealed class ShardValidatorTests
{
    private static async Task WriteAsync(string root, string name, int rows = 6)
    {
        var task = TaskRegistry.Get(name);
        foreach (var split in new[] { "train", "test" })
        {
            await using var writer = await ShardWriter.OpenAsync(root, task, split);
            for (var i = 0; i < rows; i++)
                await writer.WriteAsync(SampleRows.Create(task, i, 1, 5));
            await writer.CompleteAsync();
        }
    }

    [Fact]
    public async Task A_dataset_written_by_ShardWriter_is_valid_with_its_counts()
    {
        using var folder = new TempDirectory();
        await WriteAsync(folder.Path, "atari-breakout");
        await WriteAsync(folder.Path, "babyai-open");
        var report = await ShardValidator.ValidateAsync(folder.Path);
        Assert.True(report.IsValid, string.Join("\n", report.Problems));
        Assert.Equal(4, report.Splits.Count);
        Assert.All(report.Splits, s => Assert.Equal(6, s.Rows));
    }

    [Fact]
    public async Task A_truncated_shard_is_named_with_what_to_do()
    {
        using var folder = new TempDirectory();
        await WriteAsync(folder.Path, "mujoco-ant");
        var shard = folder.Combine("mujoco-ant", "train-00000-of-00001.parquet");
        await using (var file = new FileStream(shard, FileMode.Open))
            file.SetLength(file.Length / 2);
        var report = await ShardValidator.ValidateAsync(folder.Path);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(shard, problem.Path);
        Assert.Contains("truncated", problem.Message);
    }

    [Fact]
    public async Task A_missing_split_is_reported_for_its_task()
    {
        using var folder = new TempDirectory();
        await WriteAsync(folder.Path, "oscar");
        File.Delete(folder.Combine("oscar", "test-00000-of-00001.parquet"));
        var problem = Assert.Single((await ShardValidator.ValidateAsync(folder.Path)).Problems);
        Assert.Equal(folder.Combine("oscar"), problem.Path);
        Assert.Contains("no 'test' split", problem.Message);
    }

    [Fact]
    public async Task A_missing_shard_of_a_set_is_reported()
    {
        using var folder = new TempDirectory();
        await WriteAsync(folder.Path, "oscar");
        File.Move(folder.Combine("oscar", "test-00000-of-00001.parquet"), folder.Combine("oscar", "test-00001-of-00002.parquet"));
        var report = await ShardValidator.ValidateAsync(folder.Path);
        Assert.Contains(report.Problems, p => p.Message.Contains("missing shard(s) 0 of 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_column_of_the_wrong_type_names_the_column_and_both_types()
    {
        using var folder = new TempDirectory();
        await WriteAsync(folder.Path, "mujoco-reacher");
        var shard = folder.Combine("mujoco-reacher", "test-00000-of-00001.parquet");
        var task = TaskRegistry.Get("mujoco-reacher");
        // Rewards as float64, everything else as Jat writes it.
        var fields = ParquetLayout.SchemaOf(task).Fields.ToArray();
        var rewards = new DataField<double>("element", true);
        fields[2] = new ListField("rewards", rewards);
        await WriteOneRowAsync(shard, new ParquetSchema(fields), ParquetLayout.MetadataOf(task), async group =>
        {
            var leaves = fields.SelectMany(ParquetLayout.Leaves).ToArray();
            await group.WriteAllPartsAsync<float>(leaves[0], new float[11], Levels(11, 5), Vector(11), default);
            await group.WriteAllPartsAsync<float>(leaves[1], new float[2], Levels(2, 5), Vector(2), default);
            await group.WriteAllPartsAsync<double>(rewards, new double[] { 1 }, new[] { 3 }, new[] { 0 }, default);
        });
        var problem = Assert.Single((await ShardValidator.ValidateAsync(folder.Path)).Problems);
        Assert.Equal(shard, problem.Path);
        Assert.Contains("column 'rewards' is list<item: double>", problem.Message);
        Assert.Contains("needs list<item: float>", problem.Message);
    }

    [Fact]
    public async Task A_required_column_is_reported_because_datasets_would_drop_its_feature()
    {
        using var folder = new TempDirectory();
        await WriteAsync(folder.Path, "oscar");
        var shard = folder.Combine("oscar", "train-00000-of-00001.parquet");
        var task = TaskRegistry.Get("oscar");
        var text = new DataField<string>("text", false);
        await WriteOneRowAsync(shard, new ParquetSchema(text), ParquetLayout.MetadataOf(task), group =>
            group.WriteAllPartsAsync<ReadOnlyMemory<char>>(text, new[] { "hello".AsMemory() }, null, null, default));
        var problem = Assert.Single((await ShardValidator.ValidateAsync(folder.Path)).Problems);
        Assert.Contains("string not null", problem.Message);
    }

    [Fact]
    public async Task Missing_features_metadata_and_a_foreign_folder_are_reported()
    {
        using var folder = new TempDirectory();
        await WriteAsync(folder.Path, "oscar");
        var shard = folder.Combine("oscar", "train-00000-of-00001.parquet");
        var text = new DataField<string>("text", true);
        await WriteOneRowAsync(shard, new ParquetSchema(text), new Dictionary<string, string>(), group =>
            group.WriteAllPartsAsync<ReadOnlyMemory<char>>(text, new[] { "hello".AsMemory() }, new[] { 1 }, null, default));
        Directory.CreateDirectory(folder.Combine("not-a-task"));
        File.Copy(folder.Combine("oscar", "test-00000-of-00001.parquet"), folder.Combine("not-a-task", "train-00000-of-00001.parquet"));
        var problems = (await ShardValidator.ValidateAsync(folder.Path)).Problems;
        Assert.Contains(problems, p => p.Path == shard && p.Message.Contains("no 'huggingface' metadata", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("'not-a-task' is not one of the 161 JAT tasks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_row_that_breaks_its_task_is_reported_with_its_row_number()
    {
        using var folder = new TempDirectory();
        await WriteAsync(folder.Path, "metaworld-push");
        var shard = folder.Combine("metaworld-push", "test-00000-of-00001.parquet");
        var task = TaskRegistry.Get("metaworld-push");
        var fields = ParquetLayout.SchemaOf(task).Fields.ToArray();
        var leaves = fields.SelectMany(ParquetLayout.Leaves).ToArray();
        // Two rows: the second has 2 rewards for 1 step.
        await WriteOneRowAsync(shard, ParquetLayout.SchemaOf(task), ParquetLayout.MetadataOf(task), async group =>
        {
            await group.WriteAllPartsAsync<float>(leaves[0], new float[78], Levels(78, 5), (int[])[.. Vector(39), .. Vector(39)], default);
            await group.WriteAllPartsAsync<float>(leaves[1], new float[8], Levels(8, 5), (int[])[.. Vector(4), .. Vector(4)], default);
            await group.WriteAllPartsAsync<float>(leaves[2], new float[3], Levels(3, 3), new[] { 0, 0, 1 }, default);
        });
        var problem = Assert.Single((await ShardValidator.ValidateAsync(folder.Path)).Problems);
        Assert.Equal(1, problem.Row);
        Assert.Contains("'rewards' has 2 steps", problem.Message);
    }

    [Fact]
    public async Task A_discrete_observation_outside_32_bits_is_reported_with_its_row_and_step()
    {
        using var folder = new TempDirectory();
        await WriteAsync(folder.Path, "babyai-open");
        var shard = folder.Combine("babyai-open", "test-00000-of-00001.parquet");
        var task = TaskRegistry.Get("babyai-open");
        var leaves = ParquetLayout.SchemaOf(task).Fields.SelectMany(ParquetLayout.Leaves).ToArray();
        // Two one-step rows; the second's view holds 2^40, valid int64 but not a value Jat reads into its int32 views.
        var views = new long[296];
        views[148 + 5] = 1L << 40;
        await WriteOneRowAsync(shard, ParquetLayout.SchemaOf(task), ParquetLayout.MetadataOf(task), async group =>
        {
            await group.WriteAllPartsAsync<ReadOnlyMemory<char>>(leaves[0], new[] { "open the door".AsMemory(), "open the door".AsMemory() },
                Levels(2, 3), new[] { 0, 0 }, default);
            await group.WriteAllPartsAsync<long>(leaves[1], views, Levels(296, 5), (int[])[.. Vector(148), .. Vector(148)], default);
            await group.WriteAllPartsAsync<long>(leaves[2], new long[2], Levels(2, 3), new[] { 0, 0 }, default);
            await group.WriteAllPartsAsync<float>(leaves[3], new float[2], Levels(2, 3), new[] { 0, 0 }, default);
        });
        var problem = Assert.Single((await ShardValidator.ValidateAsync(folder.Path)).Problems);
        Assert.Equal(shard, problem.Path);
        Assert.Contains("'discrete_observations', row 1 of the row group, step 0", problem.Message);
        Assert.Contains("32-bit", problem.Message);
    }

    private static int[] Levels(int count, int level) => Enumerable.Repeat(level, count).ToArray();

    /// <summary>Repetition levels of one step's vector of <paramref name="width"/> values, starting a new row.</summary>
    private static int[] Vector(int width) => [0, .. Enumerable.Repeat(2, width - 1)];

    private static async Task WriteOneRowAsync(string path, ParquetSchema schema, Dictionary<string, string> metadata,
        Func<ParquetRowGroupWriter, Task> write)
    {
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, file);
        writer.CustomMetadata = metadata;
        using var group = writer.CreateRowGroup();
        await write(group);
    }
}
