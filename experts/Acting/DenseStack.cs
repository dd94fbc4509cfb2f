using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Experts.Acting;

/// <summary>
/// A fully connected stack (Linear, then Tanh or ReLU, …, Linear) copied out of its torch module and evaluated in
/// plain C#, row by row. For the small policies experts use, a libtorch call costs far more than its arithmetic, and
/// the same sums in the same order make a row's output independent of which rows share its batch: a collector acting
/// for many episodes at once gets each episode's actions exactly as if it were alone.
/// </summary>
internal sealed class DenseStack
{
    private readonly Layer[] _layers;
    private readonly int _widest;

    private DenseStack(Layer[] layers) => (_layers, _widest) = (layers, layers.Max(l => l.Outputs));

    public int InputSize => _layers[0].Inputs;

    public int OutputSize => _layers[^1].Outputs;

    /// <summary>The stack of <paramref name="module"/>, or null when it holds anything but Linear, Tanh and ReLU.</summary>
    public static DenseStack? From(Sequential module)
    {
        var layers = new List<Layer>();
        foreach (var (_, child) in module.named_children())
        {
            switch (child)
            {
                case Linear linear:
                    using (no_grad())
                    {
                        var weight = linear.weight!.detach().cpu().to_type(ScalarType.Float32);
                        var bias = linear.bias?.detach().cpu().to_type(ScalarType.Float32);
                        layers.Add(new Layer((int)weight.shape[1], (int)weight.shape[0], weight.data<float>().ToArray(),
                            bias?.data<float>().ToArray() ?? new float[weight.shape[0]]));
                    }
                    break;
                case Tanh when layers.Count > 0:
                    layers[^1] = layers[^1] with { Activation = MathF.Tanh };
                    break;
                case ReLU when layers.Count > 0:
                    layers[^1] = layers[^1] with { Activation = static x => x > 0 ? x : 0 };
                    break;
                default:
                    return null;
            }
        }
        return layers.Count == 0 ? null : new DenseStack([.. layers]);
    }

    /// <summary>Evaluates <paramref name="rows"/> inputs (row-major) into <paramref name="outputs"/> (row-major).</summary>
    public void Evaluate(ReadOnlySpan<float> inputs, int rows, Span<float> outputs)
    {
        var a = new float[_widest];
        var b = new float[_widest];
        for (var row = 0; row < rows; row++)
        {
            var input = inputs.Slice(row * InputSize, InputSize);
            for (var l = 0; l < _layers.Length; l++)
            {
                var layer = _layers[l];
                var output = l == _layers.Length - 1 ? outputs.Slice(row * OutputSize, OutputSize) : (l % 2 == 0 ? a : b).AsSpan(0, layer.Outputs);
                layer.Apply(input, output);
                input = output;
            }
        }
    }

    private sealed record Layer(int Inputs, int Outputs, float[] Weights, float[] Bias, Func<float, float>? Activation = null)
    {
        public void Apply(ReadOnlySpan<float> input, Span<float> output)
        {
            for (var j = 0; j < Outputs; j++)
            {
                var weights = Weights.AsSpan(j * Inputs, Inputs);
                var sum = Bias[j];
                for (var k = 0; k < Inputs; k++)
                {
                    sum += weights[k] * input[k];
                }
                output[j] = Activation is null ? sum : Activation(sum);
            }
        }
    }
}
