using Jat.Experts.Ppo;

namespace Jat.Experts.Tests.Ppo;

public sealed class GeneralizedAdvantageEstimationTests
{
    // γ = 0.9, λ = 0.8, rewards 1, 0, 2, values 0.5, 1, 1.5, value after the rollout 2:
    // δ2 = 2 + 0.9·2 − 1.5 = 2.3            A2 = 2.3
    // δ1 = 0 + 0.9·1.5 − 1 = 0.35           A1 = 0.35 + 0.72·2.3 = 2.006
    // δ0 = 1 + 0.9·1 − 0.5 = 1.4            A0 = 1.4 + 0.72·2.006 = 2.84432
    [Fact]
    public void A_trajectory_without_an_end_matches_the_hand_computation()
    {
        var advantages = new float[3];

        GeneralizedAdvantageEstimation.Compute([1, 0, 2], [0.5f, 1, 1.5f], [false, false, false], [2], 0.9, 0.8, advantages);

        Assert.Equal(2.84432, advantages[0], 5);
        Assert.Equal(2.006, advantages[1], 5);
        Assert.Equal(2.3, advantages[2], 5);
    }

    // The episode ends at step 1: δ1 = 0 − 1 = −1, A1 = −1, and A0 = 1.4 + 0.72·(−1) = 0.68; step 2 starts a new
    // episode and still bootstraps from the value after the rollout.
    [Fact]
    public void An_episode_end_stops_bootstrapping_across_it()
    {
        var advantages = new float[3];

        GeneralizedAdvantageEstimation.Compute([1, 0, 2], [0.5f, 1, 1.5f], [false, true, false], [2], 0.9, 0.8, advantages);

        Assert.Equal(0.68, advantages[0], 5);
        Assert.Equal(-1, advantages[1], 5);
        Assert.Equal(2.3, advantages[2], 5);
    }

    [Fact]
    public void Copies_laid_out_step_after_step_are_computed_independently()
    {
        // Copy 0 is the first trajectory above; copy 1 has one reward of 1 at the last step, zero values, and ends there.
        var advantages = new float[6];

        GeneralizedAdvantageEstimation.Compute(
            [1, 0, 0, 0, 2, 1], [0.5f, 0, 1, 0, 1.5f, 0], [false, false, false, false, false, true], [2, 5], 0.9, 0.8, advantages);

        Assert.Equal(2.84432, advantages[0], 5);
        Assert.Equal(2.006, advantages[2], 5);
        Assert.Equal(2.3, advantages[4], 5);
        Assert.Equal(0.72 * 0.72, advantages[1], 5);
        Assert.Equal(0.72, advantages[3], 5);
        Assert.Equal(1, advantages[5], 5);
    }

    [Fact]
    public void Lambda_one_gives_discounted_returns_minus_values()
    {
        var advantages = new float[3];

        GeneralizedAdvantageEstimation.Compute([1, 1, 1], [0, 0, 0], [false, false, true], [100], 0.5, 1.0, advantages);

        Assert.Equal(1.75, advantages[0], 5);
        Assert.Equal(1.5, advantages[1], 5);
        Assert.Equal(1, advantages[2], 5);
    }
}
