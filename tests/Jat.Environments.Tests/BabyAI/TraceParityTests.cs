using Jat.Environments.BabyAI;
using Jat.Environments.Traces;

namespace Jat.Environments.Tests.BabyAI;

/// <summary>
/// Parity with MiniGrid v2.3.1 from the seed alone: for every level and each of the five recorded seeds, the reset
/// gives the recorded size, step limit, mission, agent, grid and first observation, and replaying the bot's actions
/// gives every recorded observation, reward (to 1e-9), termination and truncation.
/// </summary>
public sealed class TraceParityTests
{
    public static TheoryData<string> EnvIds() => [.. BabyAILevels.EnvIds];

    [Theory]
    [MemberData(nameof(EnvIds))]
    public void Replaying_the_minigrid_trace_from_its_seeds_gives_the_same_episodes(string envId)
    {
        if (SharedReference.Traces("babyai") is not { } folder)
        {
            return;
        }

        var episodes = BabyAITraceReplay.ReplayEpisodes(
            Path.Combine(folder, envId + ".jsonl"), new TraceTolerance(1e-9), CancellationToken.None);

        Assert.Equal([0L, 1, 2, 3, 4], episodes.Select(e => e.Seed));
        var failures = episodes.Where(e => !e.Matched).Select(e => $"seed {e.Seed}: {e.Divergence}").ToList();
        Assert.True(failures.Count == 0, $"{envId}: {string.Join("; ", failures)}");
        Assert.All(episodes, e => Assert.True(e.StepsCompared > 0));
    }
}
