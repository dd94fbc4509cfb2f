using Jat.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Jat.Model.Network;

/// <summary>JAT's loss functions (modeling_jat.py), reduced in the same order so that the values agree to rounding.</summary>
public static class JatLosses
{
    /// <summary>
    /// Tiles the last dimension to <paramref name="size"/>: <c>x[..., arange(size) % X]</c>, so [a, b] becomes
    /// [a, b, a, b, …]. Continuous vectors of any size share one Linear this way.
    /// </summary>
    public static Tensor CyclicExpand(Tensor x, int size)
    {
        var width = x.shape[^1];
        if (size < width)
            throw new ArgumentException($"A vector of {width} values cannot be expanded to {size}; the model takes at most {size} (max_continuous_size).");
        using var index = arange(size, ScalarType.Int64, x.device).remainder(width);
        return x.index_select(-1, index);
    }

    /// <summary>
    /// Squared error averaged over every dimension after the second, masked, weighted, summed and divided by the
    /// number of unmasked steps (<c>compute_mse_loss</c>).
    /// </summary>
    public static Tensor Mse(Tensor predicted, Tensor target, Tensor? mask, Tensor? weights)
    {
        var loss = nn.functional.mse_loss(predicted, target, nn.Reduction.None);
        for (var d = (int)loss.dim() - 1; d >= 2; d--)
            loss = loss.mean([d]);
        if (mask is not null)
            loss = loss * mask.to(loss.dtype);
        if (weights is not null)
            loss = loss * weights.to(loss.dtype);
        return mask is not null ? loss.sum() / mask.sum().to(loss.dtype) : loss.mean();
    }

    /// <summary>
    /// Cross-entropy of the unmasked steps (<c>compute_ce_loss</c>): the mean over them, times each step's weight, then
    /// averaged again, which is the mean cross-entropy times the mean weight.
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor labels, Tensor? mask, Tensor? weights)
    {
        Tensor flatLogits, flatLabels;
        Tensor? flatWeights = null;
        if (mask is not null)
        {
            var keep = mask.to(ScalarType.Bool);
            flatLogits = logits[keep];
            flatLabels = labels[keep];
            if (weights is not null)
                flatWeights = weights[keep];
        }
        else
        {
            flatLogits = logits.flatten(0, 1);
            flatLabels = labels.flatten(0, 1);
            flatWeights = weights?.flatten(0, 1);
        }
        var loss = nn.functional.cross_entropy(flatLogits.view(-1, flatLogits.shape[^1]), flatLabels.view(-1), reduction: nn.Reduction.None);
        loss = loss.view(flatLabels.shape).mean([-1]);
        if (flatWeights is not null)
            loss = loss * flatWeights.to(loss.dtype);
        return loss.mean();
    }

    /// <summary>Next-token cross-entropy over the positions the mask keeps (<c>output_textual</c>).</summary>
    public static Tensor NextToken(Tensor logits, Tensor labels, Tensor? mask)
    {
        var vocabulary = logits.shape[^1];
        var keep = mask?.to(ScalarType.Bool);
        var l = keep is null ? logits.reshape(-1, vocabulary) : logits[keep];
        var y = keep is null ? labels.reshape(-1) : labels[keep];
        return nn.functional.cross_entropy(l, y);
    }

    internal static Tensor Combine(Tensor observation, Tensor action, double observationCoef, double actionCoef)
    {
        using var o = observationCoef.ToScalar();
        using var a = actionCoef.ToScalar();
        return observation.mul(o).add(action.mul(a), HeldScalars.One);
    }
}
