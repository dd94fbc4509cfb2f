using Jat.Model.Network.Transformer;
using static TorchSharp.torch;

namespace Jat.Model.Tests.Network;

public sealed class AttentionMasksTests
{
    private static bool[,] Rows(Tensor mask)
    {
        var (q, k) = ((int)mask.shape[2], (int)mask.shape[3]);
        var values = mask.view(q, k).data<bool>().ToArray();
        var rows = new bool[q, k];
        for (var i = 0; i < q; i++)
            for (var j = 0; j < k; j++)
                rows[i, j] = values[i * k + j];
        return rows;
    }

    [Fact]
    public void Global_layers_see_every_earlier_position_and_local_ones_only_the_window()
    {
        using var global = AttentionMasks.Causal(4, 4, null, CPU);
        Assert.Equal(new[,] { { true, false, false, false }, { true, true, false, false }, { true, true, true, false }, { true, true, true, true } }, Rows(global));
        // Window 2: each query sees itself and the one before (GPT-Neo's bias XOR tril(bias, -2)).
        using var local = AttentionMasks.Causal(4, 4, 2, CPU);
        Assert.Equal(new[,] { { true, false, false, false }, { true, true, false, false }, { false, true, true, false }, { false, false, true, true } }, Rows(local));
    }

    [Fact]
    public void With_a_cache_the_queries_are_the_last_positions()
    {
        using var mask = AttentionMasks.Causal(2, 5, 2, CPU);
        Assert.Equal(new[,] { { false, false, true, true, false }, { false, false, false, true, true } }, Rows(mask));
    }

    [Fact]
    public void Padding_masks_padded_keys_and_future_ones_with_the_smallest_float()
    {
        using var attention = tensor(new long[] { 1, 1, 0 }).view(1, 3);
        using var additive = AttentionMasks.Padding(attention, 3);
        var values = additive.view(9).data<float>().ToArray();
        Assert.Equal(new[] { 0f, float.MinValue, float.MinValue, 0f, 0f, float.MinValue, 0f, 0f, float.MinValue }, values);
    }
}
