using Jat.Environments.BabyAI;
using Jat.Environments.Random;

namespace Jat.Environments.Tests.BabyAI;

/// <summary>
/// Stepping allocates nothing, on every level, with random actions and resets between episodes (speed itself is
/// measured by <c>jat bench babyai</c>, not by tests).
/// </summary>
public sealed class SteppingAllocationTests
{
    public static TheoryData<string> Tasks() => [.. BabyAILevels.Tasks];

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Stepping_allocates_nothing(string task)
    {
        using var level = BabyAILevels.Create(task);
        var actions = new NumpyGenerator(3);
        level.Reset(0);
        long allocated = 0;
        for (var k = 0; k < 4000; k++)
        {
            var action = (int)actions.Integers(0, 7);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var transition = level.Step(action);
            if (k >= 2000)
            {
                // The first steps warm up the JIT, whose own bookkeeping counts as allocation on this thread.
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            }
            if (transition.Done)
            {
                level.Reset();
            }
        }

        Assert.Equal(0, allocated);
    }
}

