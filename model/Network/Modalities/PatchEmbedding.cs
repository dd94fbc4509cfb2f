using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Model.Network.Modalities;

/// <summary>
/// ViT's patch embedding (<c>vit_encoder.projection</c>): a 16×16 stride-16 convolution of a (batch, 3, 224, 224)
/// picture into 196 embeddings, (batch, 196, hidden). No class token and no position embedding of its own.
/// </summary>
internal sealed class PatchEmbedding : ExplicitModule
{
    private readonly Conv2d _projection;
    private readonly int _imageSize;

    public PatchEmbedding(int channels, int hidden, int patch, int imageSize) : base("vit_encoder")
    {
        _imageSize = imageSize;
        _projection = nn.Conv2d(channels, hidden, patch, stride: patch);
        register_module("projection", _projection);
    }

    public Tensor Forward(Tensor pixels)
    {
        if (pixels.shape.Length != 4 || pixels.shape[2] != _imageSize || pixels.shape[3] != _imageSize)
            throw new ArgumentException($"Pixel values must be (batch, 3, {_imageSize}, {_imageSize}); got ({string.Join(", ", pixels.shape)}).");
        return _projection.forward(pixels).flatten(2).transpose(1, 2);
    }
}
