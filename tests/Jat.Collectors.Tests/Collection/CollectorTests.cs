using Jat.Environments.Acting;
using Jat.Environments.BabyAI.Bot;
using Jat.Experts.Acting;
using Jat.Collectors.Collection;
using Jat.Environments;
using Jat.Environments.MuJoCo;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Tests;

namespace Jat.Collectors.Tests.Collection;

/// <summary>Collections are deterministic, follow the discard rule, and resume to the same dataset.</summary>
public sealed class CollectorTests
{
    private static readonly ShardWriterOptions SmallRowGroups = new() { RowGroupBytes = 16 * 1024, Durable = false };

    [Fact]
    public async Task One_thread_and_two_threads_write_byte_identical_shards()
    {
        using var one = new TempDirectory();
        using var two = new TempDirectory();
        var plan = CollectionPlan.For(TaskRegistry.Get("mujoco-hopper"), 60, 3);

        await Collect(one.Path, plan, threads: 1);
        await Collect(two.Path, plan, threads: 2);

        var files = Directory.GetFiles(Path.Combine(one.Path, "mujoco-hopper"), "*.parquet").Order().ToArray();
        Assert.Equal(2, files.Length);
        foreach (var file in files)
        {
            var twin = Path.Combine(two.Path, "mujoco-hopper", Path.GetFileName(file));
            Assert.True(SameBytes(file, twin), $"{file} differs");
        }
    }

    [Fact]
    public async Task The_first_episodes_go_to_train_and_each_row_is_a_whole_episode()
    {
        using var folder = new TempDirectory();
        var spec = TaskRegistry.Get("mujoco-hopper");
        var plan = CollectionPlan.For(spec, 20, 1);

        var report = await Collect(folder.Path, plan, threads: 2);

        Assert.Equal(18, report.TrainEpisodes);
        Assert.Equal(2, report.TestEpisodes);
        var train = await ShardReader.ReadSplitAsync(folder.Path, spec, "train").ToListAsync();
        var test = await ShardReader.ReadSplitAsync(folder.Path, spec, "test").ToListAsync();
        Assert.Equal(18, train.Count);
        Assert.Equal(2, test.Count);
        Assert.All(train.Concat(test), row =>
        {
            Assert.Equal(row.Rewards!.Count, row.ContinuousObservations!.Count);
            Assert.Equal(row.Rewards.Count, row.ContinuousActions!.Count);
            Assert.All(row.ContinuousObservations, o => Assert.Equal(11, o.Length));
        });
        Assert.Equal(report.Steps, train.Concat(test).Sum(r => r.Rewards!.Count));
    }

    [Fact]
    public async Task Episodes_longer_than_the_limit_are_discarded_and_counted()
    {
        using var folder = new TempDirectory();
        // Random hoppers fall after 10 to 40 steps: a limit of 20 keeps some episodes and discards others.
        var plan = CollectionPlan.For(TaskRegistry.Get("mujoco-hopper"), 30, 2) with { MaxEpisodeSteps = 20 };

        var report = await Collect(folder.Path, plan, threads: 2);

        Assert.True(report.Discarded > 0);
        Assert.Equal(report.Discarded, report.DiscardReasons["longer than 20 steps"]);
        var rows = await ShardReader.ReadSplitAsync(folder.Path, plan.Task, "train").ToListAsync();
        Assert.All(rows, row => Assert.InRange(row.Rewards!.Count, 1, 20));
    }

    [Fact]
    public async Task A_collection_stopped_gracefully_resumes_to_the_same_rows()
    {
        using var whole = new TempDirectory();
        using var interrupted = new TempDirectory();
        var plan = CollectionPlan.For(TaskRegistry.Get("mujoco-hopper"), 80, 4);
        await Collect(whole.Path, plan, threads: 2);

        using (var stop = new CancellationTokenSource())
        {
            // Reported on the collector's thread, at once: a posted report could arrive after the source is disposed.
            var progress = new Immediate(p =>
            {
                if (p.Kept >= 45)
                    stop.Cancel();
            });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                Collector.RunAsync(interrupted.Path, plan, new RandomActorSource(), 2, progress, stop.Token, SmallRowGroups));
        }
        var resumed = await Collect(interrupted.Path, plan, threads: 1);

        Assert.True(resumed.Resumed > 0, "some episodes were committed before the interruption");
        // A graceful stop commits what it had buffered, so row groups may be cut elsewhere than in the uninterrupted run
        // (a kill -9 leaves byte-identical files: see the CLI's crash test); the rows must be the same, in the same order.
        foreach (var split in new[] { "train", "test" })
        {
            var want = await ShardReader.ReadSplitAsync(whole.Path, plan.Task, split).ToListAsync();
            var got = await ShardReader.ReadSplitAsync(interrupted.Path, plan.Task, split).ToListAsync();
            RowsAssert.Equal(want, got);
        }
    }

    [Fact]
    public async Task A_failing_actor_stops_the_collection_with_its_error()
    {
        using var folder = new TempDirectory();
        var plan = CollectionPlan.For(TaskRegistry.Get("mujoco-hopper"), 10, 0);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Collector.RunAsync(folder.Path, plan, new NaNActorSource(), 2, null, CancellationToken.None, SmallRowGroups));

        Assert.Contains("NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workers_write_disjoint_shards_that_merge_into_the_whole_collection()
    {
        using var whole = new TempDirectory();
        using var merged = new TempDirectory();
        // 36 train episodes in 6 shards of 6, 4 test episodes in one: seven parts for three workers.
        var plan = CollectionPlan.For(TaskRegistry.Get("mujoco-hopper"), 40, 5) with { EpisodesPerShard = 6 };
        await Collect(whole.Path, plan, threads: 2);

        var written = new List<string>();
        for (var worker = 0; worker < 3; worker++)
        {
            using var alone = new TempDirectory();
            var (mine, parts) = Assert.Single(new WorkerShare(worker, 3).Assign([plan]));
            await Collector.RunAsync(alone.Path, mine, new RandomActorSource(), 1, null, CancellationToken.None, SmallRowGroups, parts);
            foreach (var file in Directory.GetFiles(alone.Path, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(alone.Path, file);
                var target = Path.Combine(merged.Path, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (File.Exists(target))
                {
                    Assert.True(SameBytes(file, target), $"{relative} is written by two workers with different contents");
                    continue;
                }
                File.Copy(file, target);
                if (relative.EndsWith(".parquet", StringComparison.Ordinal) && !relative.StartsWith(".jat", StringComparison.Ordinal))
                    written.Add(relative);
            }
        }

        var expected = Directory.GetFiles(Path.Combine(whole.Path, "mujoco-hopper"), "*.parquet")
            .Select(f => Path.GetRelativePath(whole.Path, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(7, expected.Count);
        Assert.Equal(expected, written.Order(StringComparer.Ordinal));
        foreach (var file in expected)
            Assert.True(SameBytes(Path.Combine(whole.Path, file), Path.Combine(merged.Path, file)), $"{file} differs from the one-worker run");
        var rows = await ShardReader.ReadSplitAsync(merged.Path, plan.Task, "train").ToListAsync();
        Assert.Equal(36, rows.Count);
    }

    private static bool SameBytes(string a, string b) => File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));

    private static Task<CollectionReport> Collect(string root, CollectionPlan plan, int threads) =>
        Collector.RunAsync(root, plan, new RandomActorSource(), threads, null, CancellationToken.None, SmallRowGroups);

    private sealed class Immediate(Action<CollectionProgress> report) : IProgress<CollectionProgress>
    {
        public void Report(CollectionProgress value) => report(value);
    }

    private sealed class NaNActorSource : IActorSource
    {
        public string Description => "an actor whose network diverged";

        public int BatchSize => 4;

        public IActor Create() => new NaNActor();

        private sealed class NaNActor : IActor
        {
            public void BeginEpisode(int slot, IEnvironment environment, ulong seed)
            {
            }

            public void Act(ReadOnlySpan<int> slots, IReadOnlyList<IEnvironment> environments, Span<float> continuous, Span<int> discrete, Span<bool> able)
            {
                continuous.Fill(float.NaN);
                able.Fill(true);
            }

            public void Dispose()
            {
            }
        }
    }
}
