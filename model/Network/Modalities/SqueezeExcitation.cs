using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Model.Network.Modalities;

/// <summary>
/// JAT's channel attention (<c>AttentionLayer</c>): the channels' means through Linear(C, C/8) → ReLU →
/// Linear(C/8, C) → sigmoid, both without bias, scale the channels. Named <c>fc.0</c> and <c>fc.2</c> as in JAT.
/// </summary>
internal sealed class SqueezeExcitation : ExplicitModule
{
    private readonly Linear _squeeze;
    private readonly Linear _excite;

    public SqueezeExcitation(int channels) : base("att")
    {
        _squeeze = nn.Linear(channels, channels / 8, hasBias: false);
        _excite = nn.Linear(channels / 8, channels, hasBias: false);
        var fc = new NamedModules("fc");
        fc.Add("0", _squeeze);
        fc.Add("2", _excite);
        register_module("fc", fc);
    }

    public Tensor Forward(Tensor x)
    {
        var (b, c) = (x.shape[0], x.shape[1]);
        var y = x.mean([2, 3]);
        y = nn.functional.sigmoid(_excite.forward(nn.functional.relu(_squeeze.forward(y))));
        return x * y.view(b, c, 1, 1);
    }
}
