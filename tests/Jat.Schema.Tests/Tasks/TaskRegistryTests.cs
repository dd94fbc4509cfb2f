using Jat.Schema.Columns;
using Jat.Schema.Tasks;

namespace Jat.Schema.Tests.Tasks;

public sealed class TaskRegistryTests
{
    [Fact]
    public void The_registry_holds_JATs_161_configs_by_domain()
    {
        var counts = TaskRegistry.All.GroupBy(t => t.Domain).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(161, TaskRegistry.All.Count);
        Assert.Equal(57, counts[Domain.Atari]);
        Assert.Equal(39, counts[Domain.BabyAI]);
        Assert.Equal(50, counts[Domain.MetaWorld]);
        Assert.Equal(11, counts[Domain.MuJoCo]);
        Assert.Equal(2, counts[Domain.Text]);
        Assert.Equal(2, counts[Domain.VisionLanguage]);
        Assert.All(TaskRegistry.All.Where(t => t.Domain.IsReinforcementLearning()), t => Assert.NotNull(t.Scores));
    }

    [Theory]
    [InlineData("mujoco-humanoid", "Humanoid-v4", 376, 17)]
    [InlineData("mujoco-pendulum", "InvertedPendulum-v4", 4, 1)]
    [InlineData("metaworld-assembly", "assembly-v2", 39, 4)]
    public void Continuous_tasks_carry_their_environment_and_vector_sizes(string name, string env, int observation, int action)
    {
        var task = TaskRegistry.Get(name);
        Assert.Equal(env, task.EnvId);
        Assert.Equal(observation, task.Column(JatColumns.ContinuousObservations)!.VectorWidth);
        Assert.Equal(action, task.Column(JatColumns.ContinuousActions)!.VectorWidth);
    }

    [Fact]
    public void Scores_are_JATs_and_normalise_as_JAT_does()
    {
        var pong = TaskRegistry.Get("atari-pong").Scores!;
        Assert.Equal(-20.7, pong.Random.Mean);
        Assert.Equal(14.6, pong.Human!.Mean);
        Assert.Equal(1.0, pong.Normalise(pong.Expert.Mean), 9);
        Assert.Equal(0.0, pong.Normalise(pong.Random.Mean), 9);
    }

    [Fact]
    public void An_unknown_name_suggests_the_nearest_tasks()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => TaskRegistry.Get("mujoco-hoper"));
        Assert.Contains("mujoco-hopper", error.Message);
    }
}
