using System.Globalization;
using Jat.Environments.Acting;
using Jat.Environments.MuJoCo;
using Jat.Environments.Tests.TestEnvironments;
using Jat.Environments.Vector;

namespace Jat.Environments.Tests.Vector;

/// <summary>Stepping copies on more threads changes nothing but the speed, whatever the observation layout.</summary>
public sealed class ThreadCountTests
{
    [Fact]
    public void Continuous_results_do_not_depend_on_the_number_of_threads()
    {
        Assert.Equal(RunHopper(threads: 1), RunHopper(threads: 2));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Discrete_text_and_image_results_do_not_depend_on_the_number_of_threads(int threads)
    {
        var one = RunCorridor(threads: 1, out var lengths);
        var more = RunCorridor(threads, out _);

        Assert.Equal(one, more);
        // Episodes must end at many different steps, or the comparison would not cover resets inside a block.
        Assert.True(lengths.Count > 5, $"Only {lengths.Count} distinct episode lengths.");
    }

    private static List<double> RunHopper(int threads)
    {
        using var vector = new VectorEnvironment(_ => MuJoCoTasks.Create("mujoco-hopper"), 4, threads);
        var policy = new RandomPolicy(vector.Spec.Actions, 1);
        vector.Reset(20);
        var actions = new float[4 * 3];
        var values = new List<double>();
        for (var step = 0; step < 60; step++)
        {
            for (var copy = 0; copy < 4; copy++)
            {
                policy.Act(actions.AsSpan(copy * 3, 3));
            }
            vector.Step(actions);
            for (var copy = 0; copy < 4; copy++)
            {
                values.AddRange(vector.Current(copy).Continuous);
                if (vector.Terminated[copy] || vector.Truncated[copy])
                {
                    values.AddRange(vector.Final(copy).Continuous);
                }
            }
            values.AddRange(vector.Rewards);
            values.AddRange(vector.EpisodeReturns);
        }
        return values;
    }

    /// <summary>Everything the vector shows after each step, one line per copy.</summary>
    private static List<string> RunCorridor(int threads, out HashSet<int> lengths)
    {
        const int copies = 5;
        using var vector = new VectorEnvironment(_ => new ColourCorridor(), copies, threads);
        var random = new System.Random(7);
        var actions = new int[copies];
        var lines = new List<string>();
        lengths = [];
        vector.Reset(40);
        for (var step = 0; step < 300; step++)
        {
            for (var copy = 0; copy < copies; copy++)
            {
                actions[copy] = random.Next(3);
            }
            vector.Step(actions);
            for (var copy = 0; copy < copies; copy++)
            {
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{step} {copy}: {Show(vector.Current(copy))} r={vector.Rewards[copy]} t={vector.Terminated[copy]} u={vector.Truncated[copy]}");
                if (vector.Terminated[copy] || vector.Truncated[copy])
                {
                    line += string.Create(CultureInfo.InvariantCulture,
                        $" final {Show(vector.Final(copy))} return={vector.EpisodeReturns[copy]} length={vector.EpisodeLengths[copy]}");
                    lengths.Add(vector.EpisodeLengths[copy]);
                }
                lines.Add(line);
            }
        }
        return lines;
    }

    private static string Show(Observation observation) =>
        $"[{string.Join(',', observation.Discrete)}] '{observation.Text}' {Convert.ToHexString(observation.Image)}";
}
