using System.Diagnostics;
using Jat.Environments;
using Jat.Environments.Acting;
using Jat.Environments.Vector;
using Jat.Experts.Ppo;
using Jat.Experts.Training;

namespace Jat.Benchmarks.Ppo;

/// <summary>
/// <c>jat bench ppo</c>: PPO trained from scratch with the task family's settings (as <c>jat train-expert</c> does, in
/// a temporary folder), timed as a whole and per phase by the learner's own stopwatches; before it, the bare
/// environment: the same number of copies on the same threads, stepped with uniform random actions for as many steps.
/// </summary>
public static class PpoThroughput
{
    public static PpoBenchReport Run(string task, long steps, int environmentThreads, IProgress<string>? progress, CancellationToken cancel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        EnvironmentSpec spec;
        using (var probe = EnvironmentCatalog.Create(task))
        {
            spec = probe.Spec;
        }
        if (HyperparameterTable.For(spec.Task) is not PpoSettings family)
        {
            throw new ArgumentException($"{spec.Task} is not trained with PPO (see experts/Training/hyperparameters.md).");
        }
        var settings = family with { TotalSteps = steps };
        IEnvironment Create(int copy) => EnvironmentCatalog.Create(spec.Task);

        var load = new MachineLoad();
        progress?.Report($"bare environment: {settings.Environments} copies on {environmentThreads} thread(s), random actions");
        var (bareSteps, bareSeconds) = StepBare(spec, Create, settings.Environments, environmentThreads, steps, settings.Seed, cancel);

        var folder = Directory.CreateTempSubdirectory("jat-bench-ppo-").FullName;
        try
        {
            var request = new ExpertTrainingRequest(spec, Create, settings, folder)
            {
                Resume = false, EnvironmentThreads = environmentThreads,
            };
            var last = Stopwatch.StartNew();
            var report = new SynchronousProgress(p =>
            {
                if (last.Elapsed.TotalSeconds < 10)
                    return;
                last.Restart();
                progress?.Report($"training: {p.Steps:N0}/{p.TotalSteps:N0} steps, {p.StepsPerSecond:N0} steps/s");
            });
            progress?.Report($"training PPO for {steps:N0} steps");
            var result = ExpertTrainer.Train(request, report, cancel);
            var timings = result.Timings ?? throw new InvalidOperationException("The PPO learner reported no timings.");
            var wall = result.Elapsed.TotalSeconds;
            var measured = new (string Phase, TimeSpan Time)[]
            {
                ("environment", timings.Environment), ("inference", timings.Inference), ("update", timings.Update),
            };
            var other = wall - measured.Sum(m => m.Time.TotalSeconds);
            PpoPhase[] phases =
            [
                .. measured.Select(m => new PpoPhase(m.Phase, m.Time.TotalSeconds, m.Time.TotalSeconds / wall)),
                new("other", other, other / wall),
            ];
            var trainingRate = result.Steps / wall;
            var bareRate = bareSteps / bareSeconds;
            return new PpoBenchReport(
                spec.Task, settings.Environments, settings.RolloutSteps, environmentThreads, request.TorchThreads, result.Steps,
                wall, trainingRate, phases, result.Steps / timings.Environment.TotalSeconds,
                bareSteps, bareSeconds, bareRate, bareRate / trainingRate, load.OthersShare());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The copies PPO steps, stepped with uniform random actions until <paramref name="steps"/> are taken.</summary>
    private static (long Steps, double Seconds) StepBare(
        EnvironmentSpec spec, Func<int, IEnvironment> create, int copies, int threads, long steps, int seed, CancellationToken cancel)
    {
        using var environments = new VectorEnvironment(create, copies, threads);
        var policy = new RandomPolicy(spec.Actions, (ulong)seed);
        var continuous = spec.Actions is ContinuousActions;
        var width = spec.Actions is ContinuousActions box ? box.Size : 1;
        var actions = new float[copies * width];
        var choices = new int[copies];
        environments.Reset((ulong)seed);
        long taken = 0;
        var clock = Stopwatch.StartNew();
        while (taken < steps)
        {
            cancel.ThrowIfCancellationRequested();
            for (var i = 0; i < copies; i++)
            {
                if (continuous)
                    policy.Act(actions.AsSpan(i * width, width));
                else
                    choices[i] = policy.ActDiscrete();
            }
            if (continuous)
                environments.Step(actions);
            else
                environments.Step(choices);
            taken += copies;
        }
        return (taken, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Reports on the training thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
