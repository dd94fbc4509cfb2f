using Jat.Schema.Columns;
using Jat.Schema.Samples;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;

namespace Jat.Schema.Tests.Interop;

/// <summary>
/// One small shard per domain, written once for all interop tests with the real <see cref="ShardWriter"/>,
/// together with the rows that went in, so each reader's output can be compared with them.
/// </summary>
public sealed class InteropShards : IAsyncLifetime
{
    /// <summary>One task per domain; Meta-World and BabyAI declare fixed-length vectors in their features, MuJoCo does not.</summary>
    public static readonly string[] TaskNames =
        ["atari-pong", "babyai-go-to-local", "metaworld-assembly", "mujoco-hopper", "oscar", "conceptual-captions"];

    public static TheoryData<string> OneTaskPerDomain => new(TaskNames);

    private readonly TempDirectory _folder = new();
    private readonly Dictionary<string, WrittenShard> _shards = new(StringComparer.Ordinal);

    public WrittenShard this[string task] => _shards[task];

    public async Task InitializeAsync()
    {
        foreach (var name in TaskNames)
        {
            var task = TaskRegistry.Get(name);
            // Row 1 is an empty episode: readers must give back empty lists, not nulls, and keep later rows aligned.
            // Steps are ignored for text and vision-language rows.
            int[] steps = [3, 0, 5];
            var rows = steps.Select((s, i) => SampleRows.Create(task, i, seed: 7, steps: s)).ToList();
            // One row per row group: every row group after the first is appended to a file that was already
            // complete, so the readers also check the footers that resuming and appending leave behind.
            await using (var writer = await ShardWriter.OpenAsync(_folder.Path, task, "train", new ShardWriterOptions { RowGroupBytes = 1 }))
            {
                foreach (var row in rows)
                    await writer.WriteAsync(row);
                await writer.CompleteAsync();
            }
            var shard = Assert.Single(DatasetFolder.Scan(_folder.Path).Shards, s => s.Name.Task == name);
            _shards[name] = new WrittenShard(task, rows, shard.Path);
        }
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

public sealed record WrittenShard(TaskSpec Task, IReadOnlyList<Example> Rows, string Path);

/// <summary>The interop test classes share the shards, and run one after another: each starts Node processes.</summary>
[CollectionDefinition(Name)]
public sealed class InteropCollection : ICollectionFixture<InteropShards>
{
    public const string Name = "interop";
}
