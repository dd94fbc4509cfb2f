using Jat.Environments.Acting;
using Jat.Environments.MuJoCo;
using Jat.Environments.Vector;

namespace Jat.Environments.Tests.Vector;

/// <summary>Stepping copies in parallel changes nothing but the speed.</summary>
public sealed class VectorEnvironmentTests
{
    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var one = Run(threads: 1);
        var two = Run(threads: 2);

        Assert.Equal(one, two);
    }

    [Fact]
    public void A_finished_copy_is_reset_and_keeps_its_final_observation_and_episode_totals()
    {
        using var vector = new VectorEnvironment(_ => MuJoCoTasks.Create("mujoco-reacher"), 3, threads: 2);
        vector.Reset(10);
        var actions = new float[3 * 2];

        for (var step = 1; step < 50; step++)
        {
            vector.Step(actions);
            Assert.All(vector.Truncated, Assert.False);
        }
        vector.Step(actions);

        Assert.All(vector.Truncated, Assert.True);
        Assert.All(vector.EpisodeLengths, length => Assert.Equal(50, length));
        Assert.NotEqual(vector.FinalObservations, vector.Observations);
        for (var copy = 0; copy < 3; copy++)
        {
            Assert.Equal(0, ((MuJoCoEnvironment)vector.Copies[copy]).ElapsedSteps);
        }
    }

    private static List<double> Run(int threads)
    {
        using var vector = new VectorEnvironment(_ => MuJoCoTasks.Create("mujoco-hopper"), 4, threads);
        var policy = new RandomPolicy(vector.Spec.Actions, 1);
        vector.Reset(20);
        var actions = new float[4 * 3];
        var values = new List<double>();
        for (var step = 0; step < 60; step++)
        {
            for (var copy = 0; copy < 4; copy++)
            {
                policy.Act(actions.AsSpan(copy * 3, 3));
            }
            vector.Step(actions);
            values.AddRange(vector.Observations);
            values.AddRange(vector.Rewards);
            values.AddRange(vector.EpisodeReturns);
        }
        return values;
    }
}
