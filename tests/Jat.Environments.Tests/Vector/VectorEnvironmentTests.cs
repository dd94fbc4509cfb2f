using Jat.Environments.Acting;
using Jat.Environments.MuJoCo;
using Jat.Environments.Tests.TestEnvironments;
using Jat.Environments.Vector;

namespace Jat.Environments.Tests.Vector;

/// <summary>Gymnasium's auto-reset: a copy whose episode ends starts the next at once and keeps what it ended on.</summary>
public sealed class VectorEnvironmentTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_copy_whose_episode_ends_shows_the_next_episode_and_keeps_every_part_of_the_final_observation(int threads)
    {
        using var vector = new VectorEnvironment(_ => new ColourCorridor(), 2, threads);
        vector.Reset(5);
        var mission = vector.Current(0).Text;
        var right = mission.Contains("blue", StringComparison.Ordinal);
        var goal = right ? ColourCorridor.Cells - 1 : 0;
        var steps = Math.Abs(goal - vector.Current(0).Discrete[0]);

        for (var step = 0; step < steps; step++)
        {
            vector.Step([right ? 1 : 0, 2]);
        }

        Assert.True(vector.Terminated[0]);
        Assert.False(vector.Terminated[1] || vector.Truncated[1]);
        var final = vector.Final(0);
        int[] discrete = [goal, steps];
        Assert.Equal(discrete, final.Discrete);
        Assert.Equal(mission, final.Text);
        Assert.Equal(255, final.Image[goal]);
        Assert.Equal(ColourCorridor.Cells - 1, final.Image.Count(value => value == 64));
        Assert.Equal(0, vector.Current(0).Discrete[1]);
        Assert.Equal(1, vector.EpisodeReturns[0]);
        Assert.Equal(steps, vector.EpisodeLengths[0]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Copies_are_seeded_one_apart(int threads)
    {
        using var vector = new VectorEnvironment(_ => MuJoCoTasks.Create("mujoco-hopper"), 3, threads);
        using var single = MuJoCoTasks.Create("mujoco-hopper");
        vector.Reset(100);

        for (var i = 0; i < 3; i++)
        {
            single.Reset(100 + (ulong)i);
            Assert.Equal(single.Observation.Continuous, vector.Current(i).Continuous);
        }
    }

    [Fact]
    public void A_time_limit_ends_every_copy_together_and_the_next_episodes_start_at_once()
    {
        using var vector = new VectorEnvironment(_ => MuJoCoTasks.Create("mujoco-reacher"), 3, threads: 2);
        vector.Reset(10);
        var actions = new float[3 * 2];

        for (var episode = 0; episode < 2; episode++)
        {
            for (var step = 1; step < 50; step++)
            {
                vector.Step(actions);
                Assert.All(vector.Truncated.ToArray(), Assert.False);
            }
            vector.Step(actions);

            Assert.All(vector.Truncated.ToArray(), Assert.True);
            Assert.All(vector.EpisodeLengths.ToArray(), length => Assert.Equal(50, length));
            for (var copy = 0; copy < 3; copy++)
            {
                Assert.NotEqual(vector.Final(copy).Continuous, vector.Current(copy).Continuous);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Wrong_actions_are_refused_alike_on_any_number_of_threads(int threads)
    {
        using var vector = new VectorEnvironment(_ => new ColourCorridor(), 3, threads);
        vector.Reset(0);

        Assert.Throws<InvalidOperationException>(() => vector.Step(new float[3]));
        Assert.Throws<ArgumentException>(() => vector.Step(new int[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => vector.Step([0, 7, 0]));
    }
}
