using Jat.Experts.Observations;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Experts.Policies;

/// <summary>
/// Action values for DQN: an MLP over the observation vector, or the Nature CNN over stacked frames (given as
/// <c>[batch, height, width, channels]</c> bytes). Its one stack is named <c>network</c>, as in CleanRL's Q-networks.
/// </summary>
internal sealed class QNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _network;
    private readonly bool _frames;

    public QNetwork(FeatureLayout features, int actionCount, int width, int hiddenLayers, Initialization initialization)
        : base(nameof(QNetwork))
    {
        ArgumentNullException.ThrowIfNull(features);
        _frames = features.Image is not null;
        _network = features.Image is { } image
            ? NatureCnn.Create(image, actionCount, initialization)
            : Mlp.Create(features.VectorSize, width, hiddenLayers, actionCount, Activation.Relu, initialization, 1.0);
        register_module("network", _network);
    }

    /// <summary>The fully connected stack of a vector-input network; null for frames (the CNN).</summary>
    public Sequential? Dense => _frames ? null : _network;

    /// <summary>Whether the input is frames (bytes) rather than the float vector.</summary>
    public bool TakesFrames => _frames;

    public override Tensor forward(Tensor input) => _network.call(_frames ? NatureCnn.Prepare(input) : input);
}
