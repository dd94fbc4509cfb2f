using System.CommandLine;
using System.Globalization;
using Jat.Cli.Presentation;
using Jat.Environments;
using Jat.Experts.Checkpoints;
using Jat.Experts.Ppo;
using Jat.Experts.Training;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat train-expert &lt;task&gt;</c>: trains an expert with the task family's algorithm and settings.</summary>
internal static class TrainExpertCommand
{
    public static Command Create()
    {
        var task = new Argument<string>("task") { Description = "The task, e.g. mujoco-hopper." };
        var steps = new Option<long?>("--steps") { Description = "Environment steps to train for in all [default: the family's, from experts/Training/hyperparameters.md]." };
        var seed = new Option<int?>("--seed") { Description = "Seeds the initial weights, the action draws and the resets [default: the table's]." };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Training folder: expert.jatexpert, optimizer state, learning-curve.csv [default: experts/<task>]." };
        var threads = new Option<int>("--threads") { Description = "Threads stepping the environment copies.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var overrides = new Option<string[]>("--set")
        {
            Description = "Change a setting of the family's table for this run, e.g. --set Gamma=0.9999 (repeatable; names as in hyperparameters.md).",
            HelpName = "Name=Value",
            AllowMultipleArgumentsPerToken = true,
        };
        var fresh = new Option<bool>("--fresh") { Description = "Start over instead of resuming from the folder's checkpoint." };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary on stdout." };
        var command = new Command("train-expert",
            "Train an expert for a task (PPO for MuJoCo and Meta-World, DQN for BabyAI and Atari; settings per family in " +
            "experts/Training/hyperparameters.md). Checkpoints every few minutes and on Ctrl+C or SIGTERM (a scheduler stopping the job); running the same command again " +
            "resumes (with the checkpoint's settings and the new --steps). PPO's learning rate then decays linearly from the rate " +
            "it had reached to 0 at the new --steps, so a larger budget goes on smoothly; a run that spent its budget had " +
            "reached 0 and learns nothing more (stop it early, or start over with --fresh, to train for longer). Writes the " +
            "learning curve as CSV and as a PNG plot (with JAT's random and expert scores as dashed lines).")
        {
            task, steps, seed, output, threads, overrides, fresh, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            string name;
            EnvironmentSpec spec;
            using (var probe = EnvironmentCatalog.Create(result.GetValue(task)!))
            {
                name = probe.Spec.Task;
                spec = probe.Spec;
            }
            var settings = HyperparameterTable.For(name);
            if (result.GetValue(steps) is { } total)
                settings = settings with { TotalSteps = total };
            if (result.GetValue(seed) is { } s)
                settings = settings with { Seed = s };
            foreach (var pair in result.GetValue(overrides) ?? [])
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                if (at <= 0)
                    throw new ArgumentException($"--set takes Name=Value, not '{pair}'.");
                try
                {
                    settings = HyperparameterTable.With(settings, pair[..at], pair[(at + 1)..]);
                }
                catch (FormatException e)
                {
                    throw new ArgumentException($"--set {pair}: {e.Message}", e);
                }
            }
            var folder = result.GetValue(output)?.FullName ?? Path.Combine("experts", name);
            var request = new ExpertTrainingRequest(spec, _ => EnvironmentCatalog.Create(name), settings, folder)
            {
                Resume = !result.GetValue(fresh),
                EnvironmentThreads = Math.Max(1, result.GetValue(threads)),
            };
            WarnWhenExtendingASpentSchedule(request);
            var outcome = await TrainAsync(request, name, ct);
            var plot = Path.ChangeExtension(outcome.LearningCurvePath, ".png");
            var scores = Jat.Schema.Tasks.TaskRegistry.Find(name)?.Scores;
            LearningCurvePlot.Save(outcome.LearningCurvePath, plot, scores?.Random.Mean, scores?.Expert.Mean);
            if (result.GetValue(json))
                Terminal.WriteJson(new { outcome.CheckpointPath, outcome.LearningCurvePath, LearningCurvePlot = plot, outcome.Steps, outcome.Episodes, outcome.LastMeanReturn, outcome.LastEvaluationReturn, ElapsedSeconds = outcome.Elapsed.TotalSeconds });
            else
                Terminal.Out.WriteLine(
                    $"{name}: {outcome.Steps:N0} steps, {outcome.Episodes:N0} episodes in {outcome.Elapsed:hh\\:mm\\:ss}; recent mean return " +
                    $"{Return(outcome.LastMeanReturn)}{Scored(outcome.LastEvaluationReturn)}\n  expert  {outcome.CheckpointPath}\n  curve   {outcome.LearningCurvePath}\n  plot    {plot}");
            return 0;
        }));
        return command;
    }

    // Two decimals: BabyAI's returns lie between 0 and 1.
    private static string Return(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";

    private static string Scored(double? value) => value is null ? "" : $", saved policy {Return(value)}";

    /// <summary>Resuming a PPO run whose learning rate already decayed to 0 would spend the extra steps without learning.</summary>
    private static void WarnWhenExtendingASpentSchedule(ExpertTrainingRequest request)
    {
        var path = ExpertFiles.Checkpoint(request.Directory);
        if (!request.Resume || !File.Exists(path))
            return;
        var header = Checkpoint.LoadHeader(path);
        if (header.Settings is PpoSettings ppo && request.Settings.TotalSteps > header.EnvironmentSteps && ppo.LearningRateAt(header.EnvironmentSteps) <= 0)
            Console.Error.WriteLine(
                $"jat: warning: the run in {request.Directory} spent its budget ({header.EnvironmentSteps:N0} steps) and its learning rate " +
                "decayed to 0; resumed, it stays at 0 and the policy learns nothing more. Use --fresh with the larger --steps to train longer.");
    }

    /// <summary>The live display keeps its latest progress in a struct.</summary>
    private readonly record struct Latest(TrainingProgress? Progress);

    private static async Task<ExpertTrainingResult> TrainAsync(ExpertTrainingRequest request, string name, CancellationToken ct)
    {
        Task<ExpertTrainingResult> Work(IProgress<TrainingProgress>? progress) => Task.Run(() => ExpertTrainer.Train(request, progress, ct), ct);
        if (!Terminal.Interactive)
        {
            var last = DateTime.MinValue;
            return await Work(new SyncProgress<TrainingProgress>(p =>
            {
                if (DateTime.UtcNow - last < TimeSpan.FromSeconds(30))
                    return;
                last = DateTime.UtcNow;
                Console.Error.WriteLine($"jat: {name}: {p.Steps:N0}/{p.TotalSteps:N0} steps, {p.StepsPerSecond:N0} steps/s, recent mean return {Return(p.RecentMeanReturn)}{Scored(p.EvaluationReturn)}");
            }));
        }
        return await LiveProgress.RunAsync<Latest, ExpertTrainingResult>(name,
            p => Work(new SyncProgress<TrainingProgress>(t => p.Report(new Latest(t)))),
            (bar, latest) =>
            {
                if (latest.Progress is not { } p)
                    return;
                bar.MaxValue = Math.Max(1, p.TotalSteps);
                bar.Value = p.Steps;
                bar.Description = $"{name} ({p.StepsPerSecond:N0} steps/s, return {Return(p.RecentMeanReturn)}{Scored(p.EvaluationReturn)})";
            },
            [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn()]);
    }
}
