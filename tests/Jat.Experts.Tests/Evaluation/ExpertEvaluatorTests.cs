using Jat.Environments;
using Jat.Experts.Acting;
using Jat.Experts.Evaluation;
using Jat.Experts.Tests.TestEnvironments;

namespace Jat.Experts.Tests.Evaluation;

public sealed class ExpertEvaluatorTests
{
    [Fact]
    public void The_mean_and_deviation_are_those_of_the_episode_returns()
    {
        using var environment = new MoveToTarget();
        using var expert = new Homing();

        var result = ExpertEvaluator.Run(expert, environment, episodes: 12, deterministic: true, seed: 40);

        Assert.Equal(12, result.Episodes.Count);
        var returns = result.Episodes.Select(e => e.Return).ToArray();
        var mean = returns.Average();
        Assert.Equal(mean, result.MeanReturn, 10);
        Assert.Equal(Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / returns.Length), result.ReturnStandardDeviation, 10);
        Assert.Equal(Enumerable.Range(40, 12).Select(s => (ulong)s), result.Episodes.Select(e => e.Seed));
        // Heading straight for the target reaches it well within the time limit.
        Assert.All(result.Episodes, e => Assert.True(e.Terminated && e.Length < MoveToTarget.TimeLimit));
    }

    [Fact]
    public void The_same_seed_plays_the_same_episodes()
    {
        using var environment = new MoveToTarget();
        using var expert = new Homing();

        var first = ExpertEvaluator.Run(expert, environment, 5, true, seed: 3);
        var second = ExpertEvaluator.Run(expert, environment, 5, true, seed: 3);

        Assert.Equal(first.Episodes, second.Episodes);
    }

    [Fact]
    public void A_homing_expert_scores_near_one_against_a_standing_one()
    {
        using var environment = new MoveToTarget();
        using var homing = new Homing();
        using var standing = new Homing(gain: 0);

        var expert = ExpertEvaluator.Run(homing, environment, 30, true, seed: 0).MeanReturn;
        var idle = ExpertEvaluator.Run(standing, environment, 30, true, seed: 0);

        Assert.Equal(1.0, ExpertEvaluator.Run(homing, environment, 30, true, seed: 0).ExpertNormalized(idle.MeanReturn, expert), 10);
        Assert.Equal(0.0, idle.ExpertNormalized(idle.MeanReturn, expert), 10);
    }

    /// <summary>Moves towards the target at full speed until close: the scripted optimum of <see cref="MoveToTarget"/>.</summary>
    private sealed class Homing(double gain = 4) : IExpert
    {
        public void ActContinuous(IReadOnlyList<Observation> observations, bool deterministic, Span<float> actions)
        {
            for (var i = 0; i < observations.Count; i++)
            {
                var o = observations[i].Continuous;
                actions[i] = (float)Math.Clamp(gain * (o[1] - o[0]), -1, 1);
            }
        }

        public void ActDiscrete(IReadOnlyList<Observation> observations, bool deterministic, Span<int> actions) =>
            throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
