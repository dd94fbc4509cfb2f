using System.Text.Json;
using Jat.Environments.MetaWorld.Assets;
using Jat.Environments.MetaWorld.Sawyer;
using Jat.Environments.MetaWorld.Tasks;

namespace Jat.Environments.Tests.MetaWorld;

/// <summary>
/// Step-for-step parity with Meta-World's own v2 code (Farama 08489b46 on MuJoCo 2.2.2,
/// ../shared/reference/traces/metaworld): from the seed alone, the same draws and reset state; from the recorded
/// state, every observation, reward and info entry. Exact equality is expected (1e-12 allowed, for reporting).
/// </summary>
[Collection(nameof(AssetsTests))]
public sealed class TraceParityTests
{
    [Theory]
    [InlineData("reach-v2")]
    [InlineData("reach-wall-v2")]
    [InlineData("pick-place-v2")]
    [InlineData("push-v2")]
    [InlineData("plate-slide-v2")]
    [InlineData("plate-slide-back-v2")]
    [InlineData("plate-slide-side-v2")]
    [InlineData("plate-slide-back-side-v2")]
    public void Recorded_episodes_replay_exactly(string envId)
    {
        if (SharedReference.Traces("metaworld") is not { } traces || SharedReference.MetaWorldAssets() is not { } assets)
        {
            return;
        }
        MetaWorldAssets.UseFolder(assets);
        using var environment = Create(envId);
        var largest = 0.0;
        foreach (var line in File.ReadLines(Path.Combine(traces, envId + ".jsonl")))
        {
            using var document = JsonDocument.Parse(line);
            var episode = document.RootElement;
            var seed = episode.GetProperty("seed").GetUInt64();
            environment.Reset(seed);
            var draws = episode.GetProperty("rand_draws").EnumerateArray().SelectMany(call => call.EnumerateArray()).Select(Doubles).ToList();
            Assert.Equal(draws.Count, environment.Draws.Count);
            for (var i = 0; i < draws.Count; i++)
            {
                largest = Compare($"{seed} draw {i}", draws[i], environment.Draws[i], largest);
            }
            largest = Compare($"{seed} qpos0", Doubles(episode.GetProperty("qpos0")), environment.Simulation.Qpos, largest);
            largest = Compare($"{seed} qvel0", Doubles(episode.GetProperty("qvel0")), environment.Simulation.Qvel, largest);
            largest = Compare($"{seed} qacc_warmstart0", Doubles(episode.GetProperty("qacc_warmstart0")), environment.Simulation.QaccWarmstart, largest);
            var obs0 = Doubles(episode.GetProperty("obs0"));
            largest = Compare($"{seed} obs0", obs0, environment.Observation.Continuous, largest);

            environment.RestoreState(Doubles(episode.GetProperty("qpos0")), Doubles(episode.GetProperty("qvel0")),
                Doubles(episode.GetProperty("mocap_pos0")), Doubles(episode.GetProperty("mocap_quat0")),
                Doubles(episode.GetProperty("ctrl0")), episode.GetProperty("time0").GetDouble(),
                Doubles(episode.GetProperty("qacc_warmstart0")), obs0);
            var index = 0;
            foreach (var step in episode.GetProperty("steps").EnumerateArray())
            {
                var action = Doubles(step.GetProperty("action")).Select(value => (float)value).ToArray();
                var transition = environment.Step(action);
                largest = Compare($"{seed} step {index} obs", Doubles(step.GetProperty("obs")), environment.Observation.Continuous, largest);
                largest = Compare($"{seed} step {index} reward", [step.GetProperty("reward").GetDouble()], [transition.Reward], largest);
                var info = step.GetProperty("info");
                var expected = SawyerEnvironment.InfoNames.Select(name => info.GetProperty(name).GetDouble()).ToArray();
                largest = Compare($"{seed} step {index} info", expected, environment.InfoValues, largest);
                Assert.Equal(step.GetProperty("truncated").GetBoolean(), transition.Truncated);
                Assert.False(transition.Terminated);
                index++;
            }
            Assert.Equal(SawyerEnvironment.MaxEpisodeSteps, index);
        }
        Console.WriteLine($"{envId}: largest difference {largest:G3}");
    }

    private static SawyerEnvironment Create(string envId) => envId switch
    {
        "reach-v2" => Reach.Open(),
        "reach-wall-v2" => Reach.Wall(),
        "pick-place-v2" => new PickPlace(),
        "push-v2" => new Push(),
        "plate-slide-v2" => PlateSlide.Forward(),
        "plate-slide-back-v2" => PlateSlide.Back(),
        "plate-slide-side-v2" => PlateSlide.Side(),
        "plate-slide-back-side-v2" => PlateSlide.BackSide(),
        _ => throw new ArgumentException(envId),
    };

    private static double Compare(string what, double[] expected, ReadOnlySpan<double> actual, double largest)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} numbers, expected {expected.Length}");
        for (var i = 0; i < expected.Length; i++)
        {
            var difference = Math.Abs(expected[i] - actual[i]);
            Assert.True(difference <= 1e-12, $"{what}[{i}]: {actual[i]:R}, expected {expected[i]:R} (difference {difference:G3})");
            largest = Math.Max(largest, difference);
        }
        return largest;
    }

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(value => value.GetDouble())];
}
