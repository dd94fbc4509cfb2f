using Jat.Environments.Acting;
using Jat.Environments.Evaluation;
using Jat.Environments.MuJoCo;

namespace Jat.Environments.Tests.MuJoCo;

/// <summary>The same seed gives the same episode; different seeds give different ones.</summary>
public sealed class DeterminismTests
{
    [Theory]
    [InlineData("mujoco-ant")]
    [InlineData("mujoco-hopper")]
    [InlineData("mujoco-reacher")]
    public void The_same_seed_replays_the_same_episode_bit_for_bit(string task)
    {
        var first = Trajectory(task, 7);
        var second = Trajectory(task, 7);
        var other = Trajectory(task, 8);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Random_rollouts_do_not_depend_on_the_number_of_threads()
    {
        var one = PolicyEvaluation.Run("mujoco-hopper", new RandomActorSource(), 6, 100, threads: 1, null, null, CancellationToken.None).Episodes;
        var two = PolicyEvaluation.Run("mujoco-hopper", new RandomActorSource(), 6, 100, threads: 2, null, null, CancellationToken.None).Episodes;

        Assert.Equal(one, two);
        Assert.Equal([100UL, 101, 102, 103, 104, 105], one.Select(o => o.Seed));
    }

    private static List<double> Trajectory(string task, ulong seed)
    {
        using var environment = MuJoCoTasks.Create(task);
        var policy = new RandomPolicy(environment.Spec.Actions, seed);
        environment.Reset(seed);
        var values = new List<double>(environment.Observation.Continuous);
        var action = new float[((ContinuousActions)environment.Spec.Actions).Size];
        for (var step = 0; step < 30; step++)
        {
            policy.Act(action);
            var transition = environment.Step(action);
            values.AddRange(environment.Observation.Continuous);
            values.Add(transition.Reward);
            if (transition.Done)
            {
                environment.Reset();
            }
        }
        return values;
    }
}
