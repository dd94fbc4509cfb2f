using System.Diagnostics;
using Jat.Environments.BabyAI;
using Jat.Environments.Random;

namespace Jat.Environments.Tests.BabyAI;

/// <summary>Stepping is allocation-free and fast: random actions on every level, resets between episodes.</summary>
[Collection(SpeedCollection.Name)]
public sealed class SpeedTests
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

    [Fact]
    public void Random_actions_run_at_well_over_a_hundred_thousand_steps_per_second_with_resets()
    {
        using var level = BabyAILevels.Create("babyai-boss-level");
        var actions = new NumpyGenerator(5);
        level.Reset(0);
        var perSecond = 0.0;
        for (var round = 0; round < 3; round++)
        {
            var steps = 0;
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 300)
            {
                for (var k = 0; k < 1000; k++, steps++)
                {
                    if (level.Step((int)actions.Integers(0, 7)).Done)
                    {
                        level.Reset();
                    }
                }
            }
            perSecond = Math.Max(perSecond, steps / clock.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"babyai-boss-level: {perSecond:F0} random steps/s (test build, one thread)");

        // The bar is the 100,000 target; a release build measures over two million. A debug build and a busy machine
        // eat into the margin (hence the best of three rounds, run apart from the other tests).
        Assert.True(perSecond > 100_000, $"{perSecond:F0} steps/s");
    }
}

/// <summary>Timing tests run alone, not beside the other test classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SpeedCollection
{
    public const string Name = "BabyAI speed";
}
