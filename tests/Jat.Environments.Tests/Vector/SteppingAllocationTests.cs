using Jat.Environments.Tests.TestEnvironments;
using Jat.Environments.Vector;

namespace Jat.Environments.Tests.Vector;

/// <summary>On the calling thread, stepping the copies allocates nothing, resets and final observations included.</summary>
public sealed class SteppingAllocationTests
{
    [Fact]
    public void Stepping_on_one_thread_allocates_nothing()
    {
        const int copies = 4;
        using var vector = new VectorEnvironment(_ => new ColourCorridor(), copies, threads: 1);
        var random = new System.Random(1);
        var actions = new int[copies];
        vector.Reset(0);
        long allocated = 0;
        var ended = 0;
        for (var k = 0; k < 4000; k++)
        {
            for (var copy = 0; copy < copies; copy++)
            {
                actions[copy] = random.Next(3);
            }
            var before = GC.GetAllocatedBytesForCurrentThread();
            vector.Step(actions);
            if (k >= 2000)
            {
                // The first steps warm up the JIT, whose own bookkeeping counts as allocation on this thread.
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            }
            ended += vector.Terminated.Count(true) + vector.Truncated.Count(true);
        }

        Assert.Equal(0, allocated);
        Assert.True(ended > 100);
    }
}
