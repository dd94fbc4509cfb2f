using Jat.Experts.Dqn;
using TorchSharp;

namespace Jat.Experts.Tests.Dqn;

public sealed class ReplayBufferTests
{
    [Fact]
    public void A_full_buffer_overwrites_its_oldest_transitions()
    {
        var buffer = new ReplayBuffer(3, 1, 2);
        for (var t = 0; t < 5; t++)
        {
            buffer.Add([t], [(byte)t, (byte)(t + 100)], t, t, 0.5, [t + 1], [0, 0]);
        }

        using var scope = torch.NewDisposeScope();
        var batch = buffer.Gather([0, 1, 2]);

        Assert.Equal(3, buffer.Count);
        // Slots 0 and 1 were rewritten by transitions 3 and 4; slot 2 still holds transition 2.
        Assert.Equal(new float[] { 3, 4, 2 }, batch.Vectors.data<float>().ToArray());
        Assert.Equal(new byte[] { 3, 103, 4, 104, 2, 102 }, batch.Images.data<byte>().ToArray());
    }

    [Fact]
    public void Samples_come_only_from_stored_transitions()
    {
        var buffer = new ReplayBuffer(100, 1, 0);
        buffer.Add([7], [], 1, 1, 0, [8], []);
        buffer.Add([9], [], 1, 1, 0, [10], []);

        using var scope = torch.NewDisposeScope();
        var drawn = buffer.Sample(50, new Random(3)).Vectors.data<float>().ToArray();

        Assert.All(drawn, v => Assert.Contains(v, new float[] { 7, 9 }));
        Assert.Contains(7f, drawn);
        Assert.Contains(9f, drawn);
    }
}
