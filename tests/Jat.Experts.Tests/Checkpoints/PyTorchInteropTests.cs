using System.Diagnostics;
using System.Globalization;
using Jat.Experts.Checkpoints;
using Jat.Experts.Normalization;
using Jat.Experts.Observations;
using Jat.Experts.Policies;
using Jat.Experts.Ppo;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Jat.Experts.Tests.Checkpoints;

/// <summary>
/// The <c>.pt</c> files against PyTorch itself: Python's <c>torch.load</c> reads what Jat exports, and Jat imports what
/// <c>torch.save</c> wrote, each side computing the same actor output. Needs a Python with <c>torch</c> (Debian's
/// <c>python3-torch</c>); where there is none the tests say so and return.
/// </summary>
public sealed class PyTorchInteropTests(ITestOutputHelper output) : IDisposable
{
    // The agent of CleanRL's ppo_continuous_action, rebuilt in Python with the same layout as GaussianActorCritic.
    private const string Agent = """
        import sys, torch
        from torch import nn
        def mlp(i, o):
            return nn.Sequential(nn.Linear(i, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, o))
        class Agent(nn.Module):
            def __init__(self, obs, act):
                super().__init__()
                self.critic = mlp(obs, 1)
                self.actor_mean = mlp(obs, act)
                self.actor_logstd = nn.Parameter(torch.zeros(1, act))
        x = torch.linspace(-1, 1, 4 * 5).reshape(4, 5)
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("jat-pytorch-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Pytorch_loads_an_exported_expert_and_computes_the_same_actions()
    {
        if (FindPython() is not { } python)
        {
            output.WriteLine("Skipped: no Python with torch (apt-get install python3-torch).");
            return;
        }
        using var checkpoint = Expert();
        var pt = Path.Combine(_directory, "expert.pt");
        StateDictFile.Export(checkpoint, pt);

        var printed = Run(python, Agent + """

            state = torch.load(sys.argv[1])
            agent = Agent(5, 2)
            agent.load_state_dict({k: v for k, v in state.items() if "normalizer" not in k})
            print(" ".join(repr(v) for v in agent.actor_mean(x).flatten().tolist()))
            print(" ".join(repr(v) for v in state["obs_normalizer.mean"].tolist()), state["obs_normalizer.count"].item())
            """, pt);

        var mean = Numbers(printed[0]);
        Assert.Equal(ActorMean(checkpoint), mean, (a, b) => Math.Abs(a - b) < 1e-5);
        var statistics = Numbers(printed[1]);
        Assert.Equal(checkpoint.Header.ObservationStatistics!.Mean, statistics[..5]);
        Assert.Equal(checkpoint.Header.ObservationStatistics.Count, statistics[5]);
    }

    [Fact]
    public void An_expert_saved_by_pytorch_imports_and_computes_the_same_actions()
    {
        if (FindPython() is not { } python)
        {
            output.WriteLine("Skipped: no Python with torch (apt-get install python3-torch).");
            return;
        }
        var pt = Path.Combine(_directory, "from-python.pt");

        var printed = Run(python, Agent + """

            torch.manual_seed(3)
            agent = Agent(5, 2)
            torch.save(agent.state_dict(), sys.argv[1])
            print(" ".join(repr(v) for v in agent.actor_mean(x).flatten().tolist()))
            """, pt);
        using var imported = StateDictFile.Import(Header(null), pt);

        Assert.Equal(Numbers(printed[0]), ActorMean(imported), (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Null(imported.Header.ObservationStatistics);
    }

    private static CheckpointHeader Header(StatisticsSnapshot? statistics) => new(
        "mujoco-test", new PpoSettings(), new FeatureLayout(5, 0, 0, null), new ActionLayout(true, 2, [-1, -1], [1, 1]),
        statistics, null, 0);

    private static Checkpoint Expert()
    {
        var statistics = new RunningStatistics(5);
        statistics.Update([1, 2, 3, 4, 5, 3, 2, 1, 0, -1], 2);
        var header = Header(statistics.Snapshot());
        return new Checkpoint(header, PolicyNetworks.Create(header));
    }

    private static double[] ActorMean(Checkpoint checkpoint)
    {
        using var scope = NewDisposeScope();
        var x = linspace(-1, 1, 20).reshape(4, 5);
        var sample = ((ActorCritic)checkpoint.Network).Sample(x, deterministic: true, null);
        return [.. sample.Actions.data<float>().ToArray().Select(v => (double)v)];
    }

    private static double[] Numbers(string line) =>
        [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];

    private string[] Run(string python, string script, string argument)
    {
        var path = Path.Combine(_directory, "script.py");
        File.WriteAllText(path, script);
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python failed: {stderr}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string? FindPython()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                var start = new ProcessStartInfo(candidate, ["-c", "import torch"])
                {
                    RedirectStandardOutput = true, RedirectStandardError = true,
                };
                using var process = Process.Start(start);
                if (process is null)
                {
                    continue;
                }
                process.WaitForExit();
                if (process.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under that name.
            }
        }
        return null;
    }
}
