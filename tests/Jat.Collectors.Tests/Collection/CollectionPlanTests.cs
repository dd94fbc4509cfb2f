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
}
