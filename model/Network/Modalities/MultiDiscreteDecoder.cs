using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Model.Network.Modalities;

/// <summary>
/// JAT's BabyAI observation decoder. JAT builds it (so its weights are part of every checkpoint) but never uses it:
/// predicting discrete observations is disabled there, their loss is 0. Kept for the checkpoint's sake only.
/// </summary>
internal sealed class MultiDiscreteDecoder : ExplicitModule
{
    public MultiDiscreteDecoder(int hidden, int width) : base("multi_discrete_decoder")
    {
        register_module("0", nn.Linear(hidden, width * (hidden / 50)));
        register_module("3", nn.Linear(hidden / 50, hidden));
        register_module("5", nn.Linear(hidden, 8, hasBias: false));
    }
}
