using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Experts.Policies;

/// <summary>
/// Fully connected stacks as <c>torch.nn.Sequential</c>, so their parameters are named <c>0.weight</c>,
/// <c>2.weight</c>, … exactly as in a PyTorch <c>state_dict</c> of the same stack.
/// </summary>
internal static class Mlp
{
    public static Sequential Create(
        int input, int width, int hiddenLayers, int output, Activation activation, Initialization initialization, double outputGain)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(input, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(output, 1);
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var previous = input;
        for (var i = 0; i < hiddenLayers; i++)
        {
            layers.Add(Layer(previous, width, initialization, Math.Sqrt(2)));
            layers.Add(activation == Activation.Tanh ? nn.Tanh() : nn.ReLU());
            previous = width;
        }
        layers.Add(Layer(previous, output, initialization, outputGain));
        return nn.Sequential(layers);
    }

    public static Linear Layer(int input, int output, Initialization initialization, double gain)
    {
        var layer = nn.Linear(input, output);
        if (initialization == Initialization.Orthogonal)
        {
            nn.init.orthogonal_(layer.weight, gain);
            nn.init.zeros_(layer.bias);
        }
        return layer;
    }
}
