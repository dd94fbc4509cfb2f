using Jat.Torch;
using TorchSharp;
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
        // Every Scalar is held for the whole computation: an inline one (ratio - 1, x * 0.5, the hidden alpha of 1 in
        // a + b) can be finalised by a garbage collection on another thread while libtorch still reads it (see
        // Jat.Torch.AdamOptimizer); subtraction and products of tensors pass none.
        using var lower = (1 - clipRatio).ToScalar();
        using var upper = (1 + clipRatio).ToScalar();
        using var clipThreshold = clipRatio.ToScalar();
        using var half = 0.5.ToScalar();
        using var valueWeight = valueCoefficient.ToScalar();
        using var entropyWeight = entropyCoefficient.ToScalar();
        var logRatio = newLogProbabilities - oldLogProbabilities;
        var ratio = logRatio.exp();
        var unclipped = -advantages * ratio;
        var clipped = -advantages * ratio.clamp(lower, upper);
        var policyLoss = maximum(unclipped, clipped).mean();

        var error = newValues - returns;
        var squaredError = error * error; // not square(): it passes pow an inline Scalar
        if (valueClip is { } delta)
        {
            using var low = (-delta).ToScalar();
            using var high = delta.ToScalar();
            var clippedValues = oldValues.add((newValues - oldValues).clamp(low, high), HeldScalars.One);
            var clippedError = clippedValues - returns;
            squaredError = maximum(squaredError, clippedError * clippedError);
        }
        var valueLoss = squaredError.mean().mul(half);
        var entropyMean = entropy.mean();
        var total = policyLoss.add(valueLoss.mul(valueWeight), HeldScalars.One) - entropyMean.mul(entropyWeight);

        double approximateKl, clipFraction;
        using (no_grad())
        {
            approximateKl = (ratio.sub(HeldScalars.One) - logRatio).mean().item<float>();
            clipFraction = ratio.sub(HeldScalars.One).abs().gt(clipThreshold).to_type(ScalarType.Float32).mean().item<float>();
        }
        return new PpoLossTerms(
            total, policyLoss.item<float>(), valueLoss.item<float>(), entropyMean.item<float>(), approximateKl, clipFraction);
    }
}
