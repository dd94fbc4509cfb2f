using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Model.Network.Modalities;

/// <summary>
/// JAT's Atari decoder, the encoder mirrored: Linear(hidden, 128·11·11), then three stride-2 transposed convolutions
/// (11→22, resized to 21 by nearest neighbour, →42→84) with instance norm, leaky ReLU and channel attention between
/// them, and tanh. Output (n, 4, 84, 84).
/// </summary>
internal sealed class ImageDecoder : ExplicitModule
{
    private readonly Linear _fc;
    private readonly ConvTranspose2d _deconv1, _deconv2, _deconv3;
    private readonly InstanceNorm2d _norm1, _norm2;
    private readonly SqueezeExcitation _att1, _att2;

    public ImageDecoder(int hidden) : base("module")
    {
        _fc = nn.Linear(hidden, 128 * 11 * 11);
        _deconv1 = nn.ConvTranspose2d(128, 64, 3, stride: 2, padding: 1, output_padding: 1);
        _norm1 = nn.InstanceNorm2d(64);
        _att1 = new SqueezeExcitation(64);
        _deconv2 = nn.ConvTranspose2d(64, 32, 3, stride: 2, padding: 1, output_padding: 1);
        _norm2 = nn.InstanceNorm2d(32);
        _att2 = new SqueezeExcitation(32);
        _deconv3 = nn.ConvTranspose2d(32, 4, 3, stride: 2, padding: 1, output_padding: 1);
        register_module("fc", _fc);
        register_module("deconv1", _deconv1);
        register_module("norm1", _norm1);
        register_module("att1", _att1);
        register_module("deconv2", _deconv2);
        register_module("norm2", _norm2);
        register_module("att2", _att2);
        register_module("deconv3", _deconv3);
    }

    public Tensor Forward(Tensor x)
    {
        x = _fc.forward(x).view(x.shape[0], 128, 11, 11);
        x = nn.functional.leaky_relu(_norm1.forward(_deconv1.forward(x)), 0.01);
        x = nn.functional.interpolate(x, size: [21, 21], mode: InterpolationMode.Nearest);
        x = _att1.Forward(x);
        x = _att2.Forward(nn.functional.leaky_relu(_norm2.forward(_deconv2.forward(x)), 0.01));
        return tanh(_deconv3.forward(x));
    }
}
