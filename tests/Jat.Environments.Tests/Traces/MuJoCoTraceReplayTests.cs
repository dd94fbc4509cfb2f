using Jat.Environments.Traces;

namespace Jat.Environments.Tests.Traces;

/// <summary>
/// Step-for-step parity with gymnasium 0.29.1's v4 environments on MuJoCo 2.2.2: the recorded reset state, every
/// observation, reward, termination and info term within 1e-6, and the reset state from the seed alone.
/// </summary>
public sealed class MuJoCoTraceReplayTests
{
    [Theory]
    [InlineData("Ant-v4")]
    [InlineData("HalfCheetah-v4")]
    [InlineData("Hopper-v4")]
    [InlineData("Humanoid-v4")]
    [InlineData("HumanoidStandup-v4")]
    [InlineData("InvertedDoublePendulum-v4")]
    [InlineData("InvertedPendulum-v4")]
    [InlineData("Pusher-v4")]
    [InlineData("Reacher-v4")]
    [InlineData("Swimmer-v4")]
    [InlineData("Walker2d-v4")]
    public void Replaying_the_gymnasium_trace_gives_the_same_episodes(string envId)
    {
        if (SharedReference.Traces("mujoco") is not { } folder)
        {
            return;
        }

        var report = MuJoCoTraceReplay.Replay(Path.Combine(folder, envId + ".jsonl"), new TraceTolerance(), CancellationToken.None);

        Assert.Equal(3, report.Episodes);
        Assert.True(report.Passed, $"{envId}: {report.Matched}/{report.Episodes} episodes matched; first divergence {report.FirstDivergence}");
        Assert.True(report.StepsCompared > 0);
    }
}
