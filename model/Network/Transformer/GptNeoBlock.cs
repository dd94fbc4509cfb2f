using Jat.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Model.Network.Transformer;

/// <summary>A pre-LN GPT-Neo block: <c>x += attn(ln_1(x)); x += mlp(ln_2(x))</c>.</summary>
internal sealed class GptNeoBlock : ExplicitModule
{
    private readonly LayerNorm _ln1;
    private readonly AttentionHolder _attn;
    private readonly LayerNorm _ln2;
    private readonly GptNeoMlp _mlp;
    private readonly int _index;

    public GptNeoBlock(int index, int hidden, int heads, int inner, int? window, double epsilon) : base($"h.{index}")
    {
        _index = index;
        _ln1 = nn.LayerNorm(hidden, epsilon);
        _attn = new AttentionHolder(new GptNeoSelfAttention(hidden, heads, window));
        _ln2 = nn.LayerNorm(hidden, epsilon);
        _mlp = new GptNeoMlp(hidden, inner);
        register_module("ln_1", _ln1);
        register_module("attn", _attn);
        register_module("ln_2", _ln2);
        register_module("mlp", _mlp);
    }

    public Tensor Forward(Tensor x, CausalMasks masks, Tensor? padding, KeyValueCache? cache)
    {
        var h = x.add(_attn.Attention.Forward(_ln1.forward(x), masks, padding, cache, _index), HeldScalars.One);
        return h.add(_mlp.Forward(_ln2.forward(h)), HeldScalars.One);
    }

    /// <summary>GPT-Neo wraps the self-attention in a module of its own (<c>attn.attention.q_proj</c>).</summary>
    private sealed class AttentionHolder : ExplicitModule
    {
        public AttentionHolder(GptNeoSelfAttention attention) : base("attn")
        {
            Attention = attention;
            register_module("attention", attention);
        }

        public GptNeoSelfAttention Attention { get; }
    }
}
