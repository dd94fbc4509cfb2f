using static TorchSharp.torch;

namespace Jat.Model.Network.Transformer;

/// <summary>(1, 1, queries, keys) which keys each query may see in a global and in a local layer.</summary>
internal readonly record struct CausalMasks(Tensor Global, Tensor Local);

/// <summary>The masks of GPT-Neo's layers, on absolute positions (the cached ones come first).</summary>
internal static class AttentionMasks
{
    /// <summary>
    /// (1, 1, queries, keys): true where query i (the last <paramref name="queries"/> of <paramref name="keys"/>) may
    /// see key j: j ≤ i, and for a local layer also j > i − window (GPT-Neo's <c>bias XOR tril(bias, −window)</c>).
    /// </summary>
    public static Tensor Causal(long queries, long keys, int? window, Device device)
    {
        using var scope = NewDisposeScope();
        var i = arange(keys - queries, keys, ScalarType.Int64, device).unsqueeze(1);
        var j = arange(0, keys, ScalarType.Int64, device).unsqueeze(0);
        var offset = i.sub(j);
        var mask = offset.ge(0L);
        if (window is { } w)
            mask = mask.logical_and(offset.lt((long)w));
        return mask.view(1, 1, queries, keys).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// transformers' 4-d mask from a (batch, keys) attention mask: 0 where the key is real and not in the query's
    /// future, the smallest float32 else, (batch, 1, queries, keys).
    /// </summary>
    public static Tensor Padding(Tensor attentionMask, long queries)
    {
        using var scope = NewDisposeScope();
        var keys = attentionMask.shape[1];
        var visible = attentionMask.to(ScalarType.Bool).view(attentionMask.shape[0], 1, 1, keys)
            .logical_and(Causal(queries, keys, null, attentionMask.device));
        var additive = zeros(visible.shape, ScalarType.Float32, attentionMask.device)
            .masked_fill(visible.logical_not(), float.MinValue);
        return additive.MoveToOuterDisposeScope();
    }
}
