using Jat.Environments.BabyAI;
using Jat.Environments.BabyAI.Levels;

namespace Jat.Environments.Tests.BabyAI;

/// <summary>The registry: JAT's 39 task names, their MiniGrid ids, and the spec every level reports.</summary>
public sealed class BabyAILevelsTests
{
    [Fact]
    public void The_registry_holds_jats_39_babyai_tasks_with_their_minigrid_ids()
    {
        Assert.Equal(39, BabyAILevels.Tasks.Count);
        Assert.Equal(39, BabyAILevels.Tasks.Distinct().Count());
        Assert.Equal(39, BabyAILevels.EnvIds.Distinct().Count());
        Assert.All(BabyAILevels.Tasks, t => Assert.StartsWith("babyai-", t, StringComparison.Ordinal));
        Assert.All(BabyAILevels.EnvIds, id => Assert.Matches("^BabyAI-[A-Za-z0-9]+-v0$", id));
        Assert.Equal("BabyAI-PutNextS7N4-v0", BabyAILevels.EnvIdOf("babyai-put-next"));
        Assert.Equal("babyai-go-to-local", BabyAILevels.TaskOf("BabyAI-GoToLocal-v0"));
    }

    [Fact]
    public void The_tasks_are_the_babyai_configs_of_the_jat_dataset()
    {
        // jat-reference.md §1.5: the 39 BabyAI configs.
        string[] configs =
        [
            "action-obj-door", "blocked-unlock-pickup", "boss-level-no-unlock", "boss-level", "find-obj-s5", "go-to-door",
            "go-to-imp-unlock", "go-to-local", "go-to-obj-door", "go-to-obj", "go-to-red-ball-grey", "go-to-red-ball-no-dists",
            "go-to-red-ball", "go-to-red-blue-ball", "go-to-seq", "go-to", "key-corridor", "mini-boss-level",
            "move-two-across-s8n9", "one-room-s8", "open-door", "open-doors-order-n4", "open-red-door", "open-two-doors",
            "open", "pickup-above", "pickup-dist", "pickup-loc", "pickup", "put-next-local", "put-next", "synth-loc",
            "synth-seq", "synth", "unblock-pickup", "unlock-local", "unlock-pickup", "unlock-to-unlock", "unlock",
        ];

        Assert.Equal(configs.Select(c => "babyai-" + c).Order(StringComparer.Ordinal), BabyAILevels.Tasks.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("babyai-go-to-local")]
    [InlineData("BabyAI-GoToLocal-v0")]
    public void A_level_is_created_by_task_name_or_env_id_with_jats_spaces(string name)
    {
        using var level = BabyAILevels.Create(name);

        Assert.Equal("babyai-go-to-local", level.Spec.Task);
        Assert.Equal("BabyAI-GoToLocal-v0", level.Spec.EnvId);
        Assert.Equal(new ObservationLayout(0, 148, true), level.Spec.Observation);
        Assert.Equal(new DiscreteActions(7), level.Spec.Actions);
        Assert.Equal("forward", ((DiscreteActions)level.Spec.Actions).NameOf(2));
        Assert.Equal(64, level.Spec.MaxEpisodeSteps);
        Assert.Equal(148, level.Observation.Discrete.Length);
        Assert.IsAssignableFrom<IDiscreteEnvironment>(level);
    }

    [Fact]
    public void Every_level_reports_its_own_task_and_id()
    {
        for (var k = 0; k < BabyAILevels.Tasks.Count; k++)
        {
            using var level = BabyAILevels.Create(BabyAILevels.Tasks[k]);
            Assert.Equal(BabyAILevels.Tasks[k], level.Spec.Task);
            Assert.Equal(BabyAILevels.EnvIds[k], level.Spec.EnvId);
            Assert.Equal(RoomGridLevel.Layout, level.Spec.Observation);
        }
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_list_of_levels()
    {
        var error = Assert.Throws<ArgumentException>(() => BabyAILevels.Create("babyai-go-to-moon"));

        Assert.Contains("babyai-go-to-local", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stepping_before_a_reset_is_refused()
    {
        using var level = BabyAILevels.Create("babyai-open");

        Assert.Throws<InvalidOperationException>(() => level.Step(0));
    }
}
