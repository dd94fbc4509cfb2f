using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Model.Network.Transformer;

/// <summary>GPT-Neo's feed-forward: <c>c_proj(gelu_new(c_fc(x)))</c>; gelu_new is GELU's tanh approximation.</summary>
internal sealed class GptNeoMlp : ExplicitModule
{
    private readonly Linear _fc;
    private readonly Linear _proj;

    public GptNeoMlp(int hidden, int inner) : base("mlp")
    {
        _fc = nn.Linear(hidden, inner);
        _proj = nn.Linear(inner, hidden);
        register_module("c_fc", _fc);
        register_module("c_proj", _proj);
    }

    public Tensor Forward(Tensor x) =>
        _proj.forward(nn.functional.gelu(_fc.forward(x), TorchSharp.Modules.GELU.Approximate.tanh));
}
