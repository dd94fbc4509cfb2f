using Jat.Experts.Ppo;
using TorchSharp;

namespace Jat.Experts.Tests.Ppo;

public sealed class PpoLossTests
{
    // Two samples, ε = 0.2: ratios 1 and 1.5, advantages 1 and 2.
    // Surrogate per sample: max(−A·r, −A·clip(r)) = max(−1, −1) = −1 and max(−3, −2.4) = −2.4; mean −1.7.
    // Values 1 and 3 against returns 2 and 2, old values 0.5 and 2, δ = 0.2: clipped values 0.7 and 2.2;
    // max(1, 1.69) = 1.69 and max(1, 0.04) = 1; ½·mean = 0.6725.
    // Entropy 0.5 and 1.5, mean 1. Total with c_v = 0.5, c_e = 0.01: −1.7 + 0.33625 − 0.01 = −1.37375.
    [Fact]
    public void The_terms_match_the_hand_computation()
    {
        using var scope = torch.NewDisposeScope();
        var newLog = torch.tensor(new float[] { 0, (float)Math.Log(1.5) });

        var terms = Compute(newLog, valueClip: 0.2);

        Assert.Equal(-1.7, terms.Policy, 5);
        Assert.Equal(0.6725, terms.Value, 5);
        Assert.Equal(1.0, terms.Entropy, 5);
        Assert.Equal(-1.37375, terms.Total.item<float>(), 5);
        Assert.Equal(0.5, terms.ClipFraction, 5);
        Assert.Equal((0.5 - Math.Log(1.5)) / 2, terms.ApproximateKl, 5);
    }

    [Fact]
    public void Without_value_clipping_the_value_loss_is_half_the_mean_squared_error()
    {
        using var scope = torch.NewDisposeScope();
        var newLog = torch.tensor(new float[] { 0, (float)Math.Log(1.5) });

        var terms = Compute(newLog, valueClip: null);

        Assert.Equal(0.5, terms.Value, 5);
    }

    [Fact]
    public void A_sample_whose_ratio_left_the_clip_range_gives_no_policy_gradient()
    {
        using var scope = torch.NewDisposeScope();
        var newLog = torch.tensor(new float[] { 0, (float)Math.Log(1.5) }, requires_grad: true);

        var terms = Compute(newLog, valueClip: 0.2);
        terms.Total.backward();

        // Sample 0 is inside the range: d(−A·r)/d log π / 2 samples = −1·1/2. Sample 1 is clipped: 0.
        var gradient = newLog.grad!.data<float>().ToArray();
        Assert.Equal(-0.5, gradient[0], 5);
        Assert.Equal(0, gradient[1], 5);
    }

    private static PpoLossTerms Compute(torch.Tensor newLog, double? valueClip) => PpoLoss.Compute(
        newLog,
        torch.tensor(new float[] { 0, 0 }),
        torch.tensor(new float[] { 1, 2 }),
        torch.tensor(new float[] { 1, 3 }),
        torch.tensor(new float[] { 0.5f, 2 }),
        torch.tensor(new float[] { 2, 2 }),
        torch.tensor(new float[] { 0.5f, 1.5f }),
        clipRatio: 0.2, valueClip, valueCoefficient: 0.5, entropyCoefficient: 0.01);
}
