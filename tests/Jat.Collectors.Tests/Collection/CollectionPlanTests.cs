using Jat.Collectors.Collection;
using Jat.Schema.Tasks;

namespace Jat.Collectors.Tests.Collection;

/// <summary>JAT's per-domain sizes and splits, and smaller collections split in the same proportion.</summary>
public sealed class CollectionPlanTests
{
    [Theory]
    [InlineData("mujoco-hopper", null, 10_000, 9_000, null)]
    [InlineData("mujoco-hopper", 200L, 200, 180, null)]
    [InlineData("babyai-go-to-local", null, 100_000, 95_000, 1_000)]
    [InlineData("babyai-go-to-local", 40L, 40, 38, 1_000)]
    [InlineData("metaworld-reach", null, 17_600, 16_000, null)]
    public void Plans_follow_jats_split_and_discard_rules(string task, long? episodes, long total, long train, int? maxSteps)
    {
        var plan = CollectionPlan.For(TaskRegistry.Get(task), episodes, 0);

        Assert.Equal(total, plan.Episodes);
        Assert.Equal(train, plan.TrainEpisodes);
        Assert.Equal(total - train, plan.TestEpisodes);
        Assert.Equal(maxSteps, plan.MaxEpisodeSteps);
    }

    [Fact]
    public void Text_tasks_and_step_budgets_are_refused_with_what_to_do()
    {
        var text = Assert.Throws<ArgumentException>(() => CollectionPlan.For(TaskRegistry.Get("oscar"), 10, 0));
        Assert.Contains("jat convert oscar", text.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => CollectionPlan.For(TaskRegistry.Get("atari-pong"), 10, 0));
        Assert.Throws<ArgumentException>(() => CollectionPlan.For(TaskRegistry.Get("mujoco-hopper"), 1, 0));
    }

    [Theory]
    [InlineData("babyai-go-to-local", null, new long[] { 25_000, 25_000, 25_000, 20_000 }, new long[] { 5_000 })]
    [InlineData("babyai-go-to-local", 2_000L, new long[] { 1_900 }, new long[] { 100 })]
    [InlineData("mujoco-hopper", null, new long[] { 4_166, 4_166, 668 }, new long[] { 1_000 })]
    [InlineData("mujoco-pendulum", null, new long[] { 9_000 }, new long[] { 1_000 })]
    public void Splits_are_cut_into_shards_of_a_fixed_number_of_episodes_per_task(string task, long? episodes, long[] train, long[] test)
    {
        var plan = CollectionPlan.For(TaskRegistry.Get(task), episodes, 0);

        var parts = plan.Parts;

        Assert.Equal(train, parts.Where(p => p.Split == "train").Select(p => p.Episodes));
        Assert.Equal(test, parts.Where(p => p.Split == "test").Select(p => p.Episodes));
        Assert.All(parts, p => Assert.Equal(p.Split == "train" ? train.Length : test.Length, p.Count));
        Assert.Equal(Enumerable.Range(0, train.Length), parts.Where(p => p.Split == "train").Select(p => p.Index));
    }

    [Fact]
    public void Humanoid_shards_stay_under_the_hubs_file_size()
    {
        // 376 + 17 + 1 float32 per step, 1,000 steps: 1.58 MB of raw steps per episode.
        var plan = CollectionPlan.For(TaskRegistry.Get("mujoco-humanoid"), null, 0);

        Assert.Equal(158, plan.EpisodesPerShard);
        Assert.Equal(57, plan.Parts.Count(p => p.Split == "train"));
    }

    [Fact]
    public void Each_part_draws_from_its_own_seed_stream()
    {
        var plan = CollectionPlan.For(TaskRegistry.Get("mujoco-hopper"), null, 0);

        var streams = plan.Parts.Select(p => p.Stream(plan.Task.Name)).ToList();

        Assert.Equal(streams.Count, streams.Distinct().Count());
        Assert.Equal("mujoco-hopper/test/0", streams[^1]);
    }
}
