using System.Diagnostics;
using Jat.Environments.Acting;
using Jat.Environments.MuJoCo;

namespace Jat.Benchmarks.MuJoCo;

/// <summary>
/// <c>jat bench mujoco</c>: for each task, Jat's environment stepped with uniform random actions on one thread
/// (resets included) against MuJoCo's <c>mj_step</c> in a C loop on the same model. Runs alternate, C then Jat, so
/// that a change in the machine's load hits both; the medians are compared.
/// </summary>
public static class MuJoCoThroughput
{
    public static MuJoCoBenchReport Run(
        IReadOnlyList<string> tasks, double seconds, int repeat, IProgress<string>? progress, CancellationToken cancel)
    {
        var load = new MachineLoad();
        using var raw = RawEngineBaseline.Build();
        var results = new List<MuJoCoTaskResult>();
        foreach (var task in tasks)
        {
            using var environment = MuJoCoTasks.Create(task);
            progress?.Report($"{environment.Spec.Task}: warming up");
            var warm = Measure(environment, Math.Min(seconds, 0.5), 0);
            var episodeLength = (int)Math.Max(1, Math.Round(warm.MeanEpisodeLength));
            var xml = MuJoCoModels.Text(environment.ModelName);
            var jatRuns = new List<double>();
            var rawRuns = new List<double>();
            var lengths = new List<double>();
            for (var run = 0; run < repeat; run++)
            {
                cancel.ThrowIfCancellationRequested();
                progress?.Report($"{environment.Spec.Task}: run {run + 1} of {repeat}");
                rawRuns.Add(raw.StepsPerSecond(xml, environment.FrameSkip, episodeLength, seconds, run + 1));
                var jat = Measure(environment, seconds, (ulong)(run + 1) * 1000);
                jatRuns.Add(jat.EnvStepsPerSecond);
                lengths.Add(jat.MeanEpisodeLength);
            }
            var jatTiming = Timing.Of(jatRuns);
            var rawTiming = Timing.Of(rawRuns);
            var physics = jatTiming.Median * environment.FrameSkip;
            results.Add(new MuJoCoTaskResult(environment.Spec.Task, environment.FrameSkip, lengths.Average(), jatTiming, physics,
                rawTiming, physics / rawTiming.Median));
        }
        return new MuJoCoBenchReport(222, seconds, repeat, results, load.OthersShare());
    }

    private static (double EnvStepsPerSecond, double MeanEpisodeLength) Measure(MuJoCoEnvironment environment, double seconds, ulong seed)
    {
        var policy = new RandomPolicy(environment.Spec.Actions, seed + 12345);
        var action = new float[((Environments.ContinuousActions)environment.Spec.Actions).Size];
        long steps = 0, stepsInEpisodes = 0;
        var episodes = 0;
        environment.Reset(seed);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 64; i++)
            {
                policy.Act(action);
                steps++;
                if (environment.Step(action).Done)
                {
                    episodes++;
                    stepsInEpisodes = steps;
                    environment.Reset();
                }
            }
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        // An episode still running when time is up is not counted; without a finished one, the steps are a lower bound.
        return (steps / elapsed, episodes == 0 ? steps : stepsInEpisodes / (double)episodes);
    }
}
