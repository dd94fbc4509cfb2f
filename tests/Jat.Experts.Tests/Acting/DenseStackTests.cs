using Jat.Experts.Acting;
using Jat.Experts.Policies;
using static TorchSharp.torch;

namespace Jat.Experts.Tests.Acting;

/// <summary>A policy's fully connected stack evaluated in C# is the torch module, and a row does not depend on its batch.</summary>
public sealed class DenseStackTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void It_computes_what_the_torch_stack_computes(bool tanh)
    {
        var activation = tanh ? Activation.Tanh : Activation.Relu;
        manual_seed(11);
        using var module = Mlp.Create(7, 16, 2, 3, activation, Initialization.Orthogonal, 1.0);
        var inputs = Enumerable.Range(0, 5 * 7).Select(i => (float)Math.Sin(i * 0.7) * 2).ToArray();
        float[] expected;
        using (no_grad())
            expected = module.call(tensor(inputs, [5, 7])).data<float>().ToArray();

        var stack = DenseStack.From(module) ?? throw new InvalidOperationException("a plain MLP is a dense stack");
        var outputs = new float[5 * 3];
        stack.Evaluate(inputs, 5, outputs);

        Assert.Equal(7, stack.InputSize);
        Assert.Equal(3, stack.OutputSize);
        for (var i = 0; i < outputs.Length; i++)
            Assert.Equal(expected[i], outputs[i], 1e-5f);
    }

    [Fact]
    public void A_row_gives_the_same_bits_alone_and_in_a_batch()
    {
        manual_seed(5);
        using var module = Mlp.Create(11, 64, 2, 3, Activation.Tanh, Initialization.Orthogonal, 0.01);
        var stack = DenseStack.From(module)!;
        var batch = Enumerable.Range(0, 16 * 11).Select(i => (float)Math.Cos(i * 0.31)).ToArray();
        var together = new float[16 * 3];
        stack.Evaluate(batch, 16, together);

        for (var row = 0; row < 16; row++)
        {
            var alone = new float[3];
            stack.Evaluate(batch.AsSpan(row * 11, 11), 1, alone);
            Assert.Equal(alone, together.AsSpan(row * 3, 3).ToArray());
        }
    }

    [Fact]
    public void A_stack_with_other_layers_is_not_taken()
    {
        using var module = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.1), nn.Linear(4, 2));

        Assert.Null(DenseStack.From(module));
    }
}
