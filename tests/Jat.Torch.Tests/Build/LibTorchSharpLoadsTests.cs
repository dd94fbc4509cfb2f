using TorchSharp;

namespace Jat.Torch.Tests.Build;

/// <summary>
/// The build step that weakens libLibTorchSharp's GLIBCXX_3.4.32 need is what makes these run on Debian 12; without
/// it the first tensor op throws while loading the native library.
/// </summary>
public sealed class LibTorchSharpLoadsTests
{
    [Fact]
    public void A_matrix_product_runs_on_the_cpu_and_gives_the_hand_computed_values()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        using var b = torch.tensor(new float[] { 7, 8, 9, 10, 11, 12 }, [3, 2]);
        using var product = torch.matmul(a, b);

        Assert.Equal(new long[] { 2, 2 }, product.shape);
        Assert.Equal(new float[] { 58, 64, 139, 154 }, product.data<float>().ToArray());
    }

    [Fact]
    public void Gradients_flow_back_through_a_small_expression()
    {
        using var x = torch.tensor(new float[] { 1, -2, 3 }, requires_grad: true);
        using var y = (x * x).sum();
        y.backward();

        Assert.Equal(new float[] { 2, -4, 6 }, x.grad!.data<float>().ToArray());
    }
}
