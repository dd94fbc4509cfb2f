using static TorchSharp.torch;

namespace Jat.Experts.Ppo;

/// <summary>
/// PPO's clipped surrogate objective with optional value clipping and an entropy bonus:
/// <c>L = −E[min(r·A, clip(r, 1−ε, 1+ε)·A)] + c_v·½E[max((V−R)², (V_clip−R)²)] − c_e·E[H]</c>,
/// where <c>r = exp(log π_new − log π_old)</c> and <c>V_clip = V_old + clip(V − V_old, −δ, δ)</c>.
/// </summary>
internal static class PpoLoss
{
    public static PpoLossTerms Compute(
        Tensor newLogProbabilities, Tensor oldLogProbabilities, Tensor advantages, Tensor newValues, Tensor oldValues,
        Tensor returns, Tensor entropy, double clipRatio, double? valueClip, double valueCoefficient, double entropyCoefficient)
    {
        ArgumentNullException.ThrowIfNull(newLogProbabilities);
        var logRatio = newLogProbabilities - oldLogProbabilities;
        var ratio = logRatio.exp();
        var unclipped = -advantages * ratio;
        var clipped = -advantages * ratio.clamp(1 - clipRatio, 1 + clipRatio);
        var policyLoss = maximum(unclipped, clipped).mean();

        var squaredError = (newValues - returns).square();
        if (valueClip is { } delta)
        {
            var clippedValues = oldValues + (newValues - oldValues).clamp(-delta, delta);
            squaredError = maximum(squaredError, (clippedValues - returns).square());
        }
        var valueLoss = squaredError.mean() * 0.5;
        var entropyMean = entropy.mean();
        var total = policyLoss + valueLoss * valueCoefficient - entropyMean * entropyCoefficient;

        double approximateKl, clipFraction;
        using (no_grad())
        {
            approximateKl = ((ratio - 1) - logRatio).mean().item<float>();
            clipFraction = (ratio - 1).abs().gt(clipRatio).to_type(ScalarType.Float32).mean().item<float>();
        }
        return new PpoLossTerms(
            total, policyLoss.item<float>(), valueLoss.item<float>(), entropyMean.item<float>(), approximateKl, clipFraction);
    }
}
