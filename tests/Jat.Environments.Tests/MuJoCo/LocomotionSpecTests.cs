using Jat.Environments.MuJoCo;

namespace Jat.Environments.Tests.MuJoCo;

/// <summary>The spaces and limits of gymnasium's v4 environments, task by task.</summary>
public sealed class LocomotionSpecTests
{
    [Theory]
    [InlineData("mujoco-ant", "Ant-v4", 27, 8, -1.0, 1.0, 1000)]
    [InlineData("mujoco-halfcheetah", "HalfCheetah-v4", 17, 6, -1.0, 1.0, 1000)]
    [InlineData("mujoco-hopper", "Hopper-v4", 11, 3, -1.0, 1.0, 1000)]
    [InlineData("mujoco-humanoid", "Humanoid-v4", 376, 17, -0.4, 0.4, 1000)]
    [InlineData("mujoco-standup", "HumanoidStandup-v4", 376, 17, -0.4, 0.4, 1000)]
    [InlineData("mujoco-doublependulum", "InvertedDoublePendulum-v4", 11, 1, -1.0, 1.0, 1000)]
    [InlineData("mujoco-pendulum", "InvertedPendulum-v4", 4, 1, -3.0, 3.0, 1000)]
    [InlineData("mujoco-pusher", "Pusher-v4", 23, 7, -2.0, 2.0, 100)]
    [InlineData("mujoco-reacher", "Reacher-v4", 11, 2, -1.0, 1.0, 50)]
    [InlineData("mujoco-swimmer", "Swimmer-v4", 8, 2, -1.0, 1.0, 1000)]
    [InlineData("mujoco-walker", "Walker2d-v4", 17, 6, -1.0, 1.0, 1000)]
    public void Each_task_has_gymnasiums_spaces_and_time_limit(
        string task, string envId, int observationSize, int actionSize, double low, double high, int maxSteps)
    {
        using var environment = MuJoCoTasks.Create(task);

        Assert.Equal(envId, environment.Spec.EnvId);
        Assert.Equal(observationSize, environment.Spec.Observation.ContinuousSize);
        var actions = Assert.IsType<ContinuousActions>(environment.Spec.Actions);
        Assert.Equal(actionSize, actions.Size);
        Assert.All(actions.Low, value => Assert.Equal((float)low, value));
        Assert.All(actions.High, value => Assert.Equal((float)high, value));
        Assert.Equal(maxSteps, environment.Spec.MaxEpisodeSteps);
        environment.Reset(0);
        Assert.Equal(observationSize, environment.Observation.Continuous.Length);
    }

    [Fact]
    public void Tasks_are_found_by_task_name_or_gymnasium_id()
    {
        using var byId = MuJoCoTasks.Create("Hopper-v4");

        Assert.Equal("mujoco-hopper", byId.Spec.Task);
        Assert.Equal(11, MuJoCoTasks.Names.Count);
        var error = Assert.Throws<ArgumentException>(() => MuJoCoTasks.Create("mujoco-cartpole"));
        Assert.Contains("mujoco-hopper", error.Message, StringComparison.Ordinal);
    }
}
