using Jat.Environments;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Experts.Policies;

/// <summary>
/// The convolutional stack of Mnih et al. (2015) for stacked 84×84 frames: 32 8×8/4, 64 4×4/2, 64 3×3/1, 512 units,
/// ReLU throughout, then one output per action. Laid out as one <c>nn.Sequential</c> (convolutions at 0, 2, 4, the
/// dense layers at 7 and 9), the layout CleanRL's Atari Q-network uses.
/// </summary>
internal static class NatureCnn
{
    public static Sequential Create(ImageShape image, int outputs, Initialization initialization)
    {
        ArgumentNullException.ThrowIfNull(image);
        var height = Out(Out(Out(image.Height, 8, 4), 4, 2), 3, 1);
        var width = Out(Out(Out(image.Width, 8, 4), 4, 2), 3, 1);
        if (height < 1 || width < 1)
        {
            throw new ArgumentException($"Frames of {image.Height}×{image.Width} are too small for the Nature CNN.", nameof(image));
        }
        return nn.Sequential(
            Convolution(image.Channels, 32, 8, 4, initialization),
            nn.ReLU(),
            Convolution(32, 64, 4, 2, initialization),
            nn.ReLU(),
            Convolution(64, 64, 3, 1, initialization),
            nn.ReLU(),
            nn.Flatten(),
            Mlp.Layer(64 * height * width, 512, initialization, Math.Sqrt(2)),
            nn.ReLU(),
            Mlp.Layer(512, outputs, initialization, 1.0));
    }

    /// <summary>Turns <c>[batch, height, width, channels]</c> bytes into the <c>[batch, channels, height, width]</c> floats in [0, 1] the stack takes.</summary>
    // Held for the process's life: TorchSharp does not keep an inline Scalar alive during its native call.
    private static readonly Scalar PixelRange = 255.0.ToScalar();

    public static Tensor Prepare(Tensor frames) => frames.permute(0, 3, 1, 2).to_type(ScalarType.Float32).div(PixelRange);

    private static Conv2d Convolution(int input, int output, int kernel, int stride, Initialization initialization)
    {
        var layer = nn.Conv2d(input, output, kernel, stride);
        if (initialization == Initialization.Orthogonal)
        {
            nn.init.orthogonal_(layer.weight, Math.Sqrt(2));
            nn.init.zeros_(layer.bias!);
        }
        return layer;
    }

    private static int Out(int size, int kernel, int stride) => (size - kernel) / stride + 1;
}
