using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Jat.Torch.Tests;

/// <summary>Jat's Adam takes the same steps as TorchSharp's (PyTorch's update), saves and resumes, and refuses a foreign state.</summary>
public sealed class AdamOptimizerTests
{
    [Fact]
    public void Steps_match_torch_adam_on_the_same_gradients()
    {
        using var ours = Network(seed: 11);
        using var theirs = Network(seed: 11);
        using var adam = new AdamOptimizer(ours.parameters(), learningRate: 0.01, epsilon: 1e-6);
        using var reference = optim.Adam(theirs.parameters(), lr: 0.01, eps: 1e-6);

        for (var step = 0; step < 25; step++)
        {
            using var scope = NewDisposeScope();
            var input = randn(16, 5, generator: new Generator((ulong)step));
            adam.ZeroGrad();
            ours.call(input).pow(2).mean().backward();
            adam.Step();
            reference.zero_grad();
            theirs.call(input).pow(2).mean().backward();
            reference.step();
        }

        foreach (var (mine, other) in ours.parameters().Zip(theirs.parameters()))
        {
            Assert.True(mine.allclose(other, rtol: 1e-5, atol: 1e-7), "parameters differ after 25 steps");
        }
        // And the steps did move them: a no-op optimiser would also "match" two untouched copies.
        using var untouched = Network(seed: 11);
        Assert.False(ours.parameters().First().allclose(untouched.parameters().First()));
    }

    [Fact]
    public void A_saved_state_resumes_the_same_trajectory()
    {
        using var straight = Network(seed: 3);
        using var resumed = Network(seed: 3);
        using var first = new AdamOptimizer(straight.parameters(), learningRate: 0.05);
        Train(straight, first, from: 0, steps: 10);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            first.Save(writer);
        }
        resumed.load_state_dict(straight.state_dict());

        using var second = new AdamOptimizer(resumed.parameters(), learningRate: 0.05);
        stream.Position = 0;
        using (var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true))
        {
            second.Load(reader);
        }
        Train(straight, first, from: 10, steps: 10);
        Train(resumed, second, from: 10, steps: 10);

        foreach (var (a, b) in straight.parameters().Zip(resumed.parameters()))
        {
            Assert.True(a.eq(b).all().item<bool>(), "the resumed optimiser took other steps");
        }
    }

    [Fact]
    public void Another_optimisers_state_is_refused_with_a_clear_message()
    {
        using var network = Network(seed: 1);
        using var torchAdam = optim.Adam(network.parameters());
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            torchAdam.save_state_dict(writer);
        }
        using var adam = new AdamOptimizer(network.parameters(), learningRate: 0.01);
        stream.Position = 0;
        using var reader = new BinaryReader(stream, Encoding.UTF8);

        var error = Assert.Throws<InvalidDataException>(() => adam.Load(reader));

        Assert.Contains("optimizer.bin", error.Message, StringComparison.Ordinal);
    }

    private static nn.Module<Tensor, Tensor> Network(int seed)
    {
        random.manual_seed(seed);
        return nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 2));
    }

    private static void Train(nn.Module<Tensor, Tensor> network, AdamOptimizer adam, int from, int steps)
    {
        for (var step = from; step < from + steps; step++)
        {
            using var scope = NewDisposeScope();
            var input = randn(8, 5, generator: new Generator((ulong)(100 + step)));
            adam.ZeroGrad();
            network.call(input).sum().backward();
            adam.Step();
        }
    }
}
