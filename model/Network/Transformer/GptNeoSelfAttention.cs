using Jat.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Model.Network.Transformer;

/// <summary>
/// GPT-Neo's self-attention as transformers has it: q, k and v without bias, no 1/√d scaling of the scores, the scores
/// and their softmax in float32, causal (and for a local layer, windowed) masking by the smallest float32, then the
/// padding mask added.
/// </summary>
internal sealed class GptNeoSelfAttention : ExplicitModule
{

    private readonly Linear _q;
    private readonly Linear _k;
    private readonly Linear _v;
    private readonly Linear _out;
    private readonly int _heads;
    private readonly int _headSize;
    private readonly bool _local;

    public GptNeoSelfAttention(int hidden, int heads, int? window) : base("attention")
    {
        _heads = heads;
        _headSize = hidden / heads;
        _local = window is not null;
        _k = nn.Linear(hidden, hidden, hasBias: false);
        _v = nn.Linear(hidden, hidden, hasBias: false);
        _q = nn.Linear(hidden, hidden, hasBias: false);
        _out = nn.Linear(hidden, hidden, hasBias: true);
        register_module("k_proj", _k);
        register_module("v_proj", _v);
        register_module("q_proj", _q);
        register_module("out_proj", _out);
    }

    /// <param name="x">(batch, positions, hidden)</param>
    /// <param name="masks">which keys each position may see, in global and in local layers (<see cref="AttentionMasks.Causal"/>)</param>
    /// <param name="padding">(batch, 1, positions, keys) additive: 0 where a key may be seen, the smallest float else; or null</param>
    public Tensor Forward(Tensor x, CausalMasks masks, Tensor? padding, KeyValueCache? cache, int layer)
    {
        var batch = x.shape[0];
        var positions = x.shape[1];
        var q = Split(_q.forward(x), batch, positions);
        var k = Split(_k.forward(x), batch, positions);
        var v = Split(_v.forward(x), batch, positions);
        if (cache?[layer] is { } past)
        {
            k = cat([past.Keys, k], 2);
            v = cat([past.Values, v], 2);
        }
        cache?.Set(layer, k, v);

        var scores = matmul(q.to(ScalarType.Float32), k.to(ScalarType.Float32).transpose(-1, -2));
        // A tensor made per call: a static one would belong to the dispose scope in which it was first made.
        using var lowest = tensor(float.MinValue, device: x.device);
        scores = where(_local ? masks.Local : masks.Global, scores, lowest);
        if (padding is not null)
            scores = scores.add(padding, HeldScalars.One);
        var weights = nn.functional.softmax(scores, -1).to(v.dtype);
        var mixed = matmul(weights, v).transpose(1, 2).contiguous().view(batch, positions, _heads * _headSize);
        return _out.forward(mixed);
    }

    private Tensor Split(Tensor t, long batch, long positions) =>
        t.view(batch, positions, _heads, _headSize).transpose(1, 2);
}
