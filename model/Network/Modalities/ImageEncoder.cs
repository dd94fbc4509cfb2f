using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Model.Network.Modalities;

/// <summary>
/// JAT's Atari encoder: three stride-2 3×3 convolutions (4→32→64→128 channels; 84→42→21→11), each followed by instance
/// norm, leaky ReLU and channel attention, then Linear(128·11·11, hidden). Input (n, 4, 84, 84) in [−1, 1].
/// </summary>
internal sealed class ImageEncoder : ExplicitModule
{
    private readonly Conv2d _conv1, _conv2, _conv3;
    private readonly InstanceNorm2d _norm1, _norm2, _norm3;
    private readonly SqueezeExcitation _att1, _att2, _att3;
    private readonly Linear _fc;

    public ImageEncoder(int hidden) : base("module")
    {
        _conv1 = nn.Conv2d(4, 32, 3, stride: 2, padding: 1);
        _norm1 = nn.InstanceNorm2d(32);
        _att1 = new SqueezeExcitation(32);
        _conv2 = nn.Conv2d(32, 64, 3, stride: 2, padding: 1);
        _norm2 = nn.InstanceNorm2d(64);
        _att2 = new SqueezeExcitation(64);
        _conv3 = nn.Conv2d(64, 128, 3, stride: 2, padding: 1);
        _norm3 = nn.InstanceNorm2d(128);
        _att3 = new SqueezeExcitation(128);
        _fc = nn.Linear(128 * 11 * 11, hidden);
        register_module("conv1", _conv1);
        register_module("norm1", _norm1);
        register_module("att1", _att1);
        register_module("conv2", _conv2);
        register_module("norm2", _norm2);
        register_module("att2", _att2);
        register_module("conv3", _conv3);
        register_module("norm3", _norm3);
        register_module("att3", _att3);
        register_module("fc", _fc);
    }

    public Tensor Forward(Tensor x)
    {
        x = _att1.Forward(nn.functional.leaky_relu(_norm1.forward(_conv1.forward(x)), 0.01));
        x = _att2.Forward(nn.functional.leaky_relu(_norm2.forward(_conv2.forward(x)), 0.01));
        x = _att3.Forward(nn.functional.leaky_relu(_norm3.forward(_conv3.forward(x)), 0.01));
        return _fc.forward(x.view(x.shape[0], -1));
    }
}
