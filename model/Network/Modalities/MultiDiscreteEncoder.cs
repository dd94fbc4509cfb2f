using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Model.Network.Modalities;

/// <summary>
/// BabyAI's observation encoder: each of the 212 ids (148 values and the mission's 64 tokens) through the token
/// embedding, Linear(hidden, hidden/50), ReLU, flattened, Linear(212·(hidden/50), hidden − 1); the reward then fills
/// the last dimension. JAT's <c>nn.Sequential</c> holds the token embedding at index 0, which is saved once, as
/// <c>transformer.wte</c>; here only the two layers it adds are children, at JAT's indexes 1 and 4.
/// </summary>
internal sealed class MultiDiscreteEncoder : ExplicitModule
{
    private readonly Embedding _tokens;
    private readonly Linear _perValue;
    private readonly Linear _joint;

    public MultiDiscreteEncoder(Embedding tokens, int hidden, int width) : base("multi_discrete_encoder")
    {
        _tokens = tokens;
        _perValue = nn.Linear(hidden, hidden / 50);
        _joint = nn.Linear(width * (hidden / 50), hidden - 1);
        register_module("1", _perValue);
        register_module("4", _joint);
    }

    /// <param name="ids">(batch, steps, width) int64</param>
    public Tensor Forward(Tensor ids)
    {
        var x = nn.functional.relu(_perValue.forward(_tokens.forward(ids)));
        return _joint.forward(x.flatten(2));
    }
}
