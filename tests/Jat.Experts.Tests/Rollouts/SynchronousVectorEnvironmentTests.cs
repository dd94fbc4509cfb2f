using Jat.Experts.Rollouts;
using Jat.Experts.Tests.TestEnvironments;

namespace Jat.Experts.Tests.Rollouts;

public sealed class SynchronousVectorEnvironmentTests
{
    [Fact]
    public void A_copy_whose_episode_ends_shows_the_next_episode_and_keeps_the_final_observation()
    {
        using var vector = new SynchronousVectorEnvironment(_ => new GoalChain(), 2);
        vector.Reset(5);
        var cue = vector.Current(0).Discrete[1];
        var towardsGoal = cue == 1 ? 1 : 0;

        for (var step = 0; step < GoalChain.Cells / 2; step++)
        {
            vector.Step([towardsGoal, 2]);
        }

        Assert.True(vector.Terminated[0]);
        Assert.False(vector.Terminated[1] || vector.Truncated[1]);
        Assert.Equal(cue == 1 ? GoalChain.Cells - 1 : 0, vector.Final(0).Discrete[0]);
        Assert.Equal(GoalChain.Cells / 2, vector.Current(0).Discrete[0]);
        Assert.Equal(GoalChain.BestReturn, vector.EpisodeReturns[0], 10);
        Assert.Equal(GoalChain.Cells / 2, vector.EpisodeLengths[0]);
    }

    [Fact]
    public void Copies_are_seeded_one_apart()
    {
        using var vector = new SynchronousVectorEnvironment(_ => new MoveToTarget(), 3);
        using var single = new MoveToTarget();
        vector.Reset(100);

        for (var i = 0; i < 3; i++)
        {
            single.Reset(100 + (ulong)i);
            Assert.Equal(single.Observation.Continuous, vector.Current(i).Continuous);
        }
    }
}
