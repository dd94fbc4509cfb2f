using Jat.Environments.Acting;
using Jat.Environments.BabyAI.Bot;
using Jat.Experts.Acting;
using Jat.Collectors.Collection;
using Jat.Environments;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Tests;

namespace Jat.Collectors.Tests.Collection;

/// <summary>The BabyAI bot as the collector's expert: JAT's drop rule, mission and view columns, determinism.</summary>
public sealed class BabyAICollectionTests
{
    private static readonly ShardWriterOptions Options = new() { Durable = false };

    [Fact]
    public async Task Bot_episodes_are_identical_on_one_and_two_threads_even_on_levels_that_remember_between_episodes()
    {
        // Synth's level generator remembers its last locked room: only a new level per episode keeps episodes
        // independent of the worker that plays them.
        using var one = new TempDirectory();
        using var two = new TempDirectory();
        var plan = CollectionPlan.For(TaskRegistry.Get("babyai-synth"), 40, 2);

        await Collect(one.Path, plan, 1);
        await Collect(two.Path, plan, 2);

        foreach (var file in Directory.GetFiles(Path.Combine(one.Path, "babyai-synth"), "*.parquet"))
        {
            var twin = Path.Combine(two.Path, "babyai-synth", Path.GetFileName(file));
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(twin)), $"{file} differs");
        }
    }

    [Fact]
    public async Task Episodes_where_the_bot_loops_are_dropped_and_counted()
    {
        using var folder = new TempDirectory();
        var plan = CollectionPlan.For(TaskRegistry.Get("babyai-unlock-to-unlock"), 30, 0);

        var report = await Collect(folder.Path, plan, 2);

        Assert.Equal(30, report.TrainEpisodes + report.TestEpisodes);
        Assert.True(report.Discarded > 0, "the bot loops on some UnlockToUnlock layouts");
        Assert.Equal(report.Discarded, report.DiscardReasons.Values.Sum());
        var rows = await ShardReader.ReadSplitAsync(folder.Path, plan.Task, "train").ToListAsync();
        Assert.All(rows, row =>
        {
            Assert.Equal(row.Rewards!.Count, row.DiscreteActions!.Count);
            Assert.All(row.DiscreteObservations!, o => Assert.Equal(148, o.Length));
            Assert.Single(row.TextObservations!.Distinct());
            Assert.True(row.Rewards[^1] > 0, "the bot solves the level; only the last step is rewarded");
        });
    }

    private static Task<CollectionReport> Collect(string root, CollectionPlan plan, int threads) =>
        Collector.RunAsync(root, plan, new BabyAIBotActorSource(), threads, null,
            CancellationToken.None, Options);
}
