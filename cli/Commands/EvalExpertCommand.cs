using System.CommandLine;
using System.Globalization;
using Jat.Cli.Presentation;
using Jat.Environments;
using Jat.Environments.Evaluation;
using Jat.Experts.Acting;
using Jat.Experts.Checkpoints;
using Jat.Experts.Evaluation;
using Jat.Schema.Tasks;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary>
/// <c>jat eval-expert &lt;task&gt;</c>: plays episodes and sets their mean return against JAT's random and expert
/// scores. <c>--random</c> plays a uniform random policy.
/// </summary>
internal static class EvalExpertCommand
{
    public static Command Create()
    {
        var task = new Argument<string>("task") { Description = "The task, e.g. mujoco-hopper." };
        var random = new Option<bool>("--random") { Description = "Evaluate a uniform random policy (the baseline of JAT's random scores)." };
        var expert = new Option<FileInfo?>("--expert") { Description = "An expert checkpoint (.jatexpert) [default: the expert Jat ships for the task]." };
        var deterministic = new Option<bool>("--deterministic") { Description = "Act with the policy's mean / most likely action instead of sampling (JAT's data samples)." };
        var episodes = new Option<int>("--episodes") { Description = "Episodes to play.", DefaultValueFactory = _ => 100 };
        var seed = new Option<ulong>("--seed") { Description = "Episode k resets with seed + k.", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "Episodes played at once (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var command = new Command("eval-expert",
            "Play N episodes of a task with an expert (or --random) and report the mean ± std return and length, JAT's random and expert scores for the " +
            "task, and the expert-normalised score (R - random) / (expert - random).")
        {
            task, random, expert, deterministic, episodes, seed, threads, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var name = result.GetValue(task)!;
            var count = result.GetValue(episodes);
            if (count < 1)
                throw new ArgumentException("--episodes must be at least 1.");
            using (var probe = EnvironmentCatalog.Create(name))
                name = probe.Spec.Task;
            var spec = TaskRegistry.Find(name);
            EpisodeOutcome[] outcomes;
            string policy;
            if (result.GetValue(random))
            {
                outcomes = await PlayAsync(name, count, result.GetValue(seed), Math.Max(1, result.GetValue(threads)), ct);
                policy = "random";
            }
            else if (spec?.Domain == Domain.BabyAI && result.GetValue(expert) is null)
            {
                outcomes = await PlayBotAsync(name, count, result.GetValue(seed), Math.Max(1, result.GetValue(threads)), ct);
                policy = $"BabyAI bot ({count - outcomes.Length} of {count} episodes dropped: the bot looped or went over 1,000 steps)";
            }
            else
            {
                var path = result.GetValue(expert)?.FullName ?? ShippedExperts.PathFor(name)
                    ?? throw new ArgumentException($"Jat ships no expert for {name} yet; pass --expert <file> (from `jat train-expert {name}`) or --random.");
                (outcomes, policy) = await PlayExpertAsync(name, path, count, result.GetValue(seed), result.GetValue(deterministic), ct);
            }
            var evaluation = Evaluation.Of(name, policy, outcomes, spec?.Scores);
            if (result.GetValue(json))
                Terminal.WriteJson(evaluation);
            else
                Print(evaluation);
            return 0;
        }));
        return command;
    }

    /// <summary>What an evaluation reports; <c>Normalized</c> is (mean - random) / (expert - random).</summary>
    internal sealed record Evaluation(
        string Task, string Policy, int Episodes, double MeanReturn, double StdReturn, double MeanLength,
        Score? RandomScore, Score? ExpertScore, double? Normalized, double? DifferenceInRandomStds, EpisodeOutcome[] Outcomes)
    {
        public static Evaluation Of(string task, string policy, EpisodeOutcome[] outcomes, TaskScores? scores)
        {
            var returns = outcomes.Select(o => o.Return).ToArray();
            var mean = returns.Average();
            var std = Math.Sqrt(returns.Select(r => (r - mean) * (r - mean)).Average());
            double? normalized = scores is null ? null : (mean - scores.Random.Mean) / (scores.Expert.Mean - scores.Random.Mean);
            double? inStds = scores?.Random.Std is > 0 and { } s ? (mean - scores.Random.Mean) / s : null;
            return new Evaluation(task, policy, outcomes.Length, mean, std, outcomes.Average(o => o.Length),
                scores?.Random, scores?.Expert, normalized, inStds, outcomes);
        }
    }

    private static async Task<EpisodeOutcome[]> PlayAsync(string task, int episodes, ulong seed, int threads, CancellationToken ct)
    {
        Task<EpisodeOutcome[]> Work(IProgress<int>? progress) =>
            Task.Run(() => RandomRollouts.Run(() => EnvironmentCatalog.Create(task), episodes, seed, threads, progress, ct), ct);
        if (!Terminal.Interactive)
            return await Work(null);
        return await LiveProgress.RunAsync<int, EpisodeOutcome[]>($"{task} episodes", p => Work(p),
            (bar, done) => { bar.MaxValue = episodes; bar.Value = done; },
            [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn()]);
    }

    /// <summary>The bot on episodes seed … seed + N − 1, each on a new level; dropped episodes are left out, as JAT did.</summary>
    private static async Task<EpisodeOutcome[]> PlayBotAsync(string task, int episodes, ulong seed, int threads, CancellationToken ct)
    {
        Task<EpisodeOutcome[]> Work(IProgress<int>? progress) => Task.Run(() =>
        {
            var results = new Jat.Experts.BabyAIBot.BabyAIBotEpisodeResult[episodes];
            var done = 0;
            Parallel.For(0, episodes, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct }, k =>
            {
                using var level = Jat.Environments.BabyAI.BabyAILevels.Create(task);
                results[k] = Jat.Experts.BabyAIBot.BabyAIBotEpisode.Play(level, seed + (ulong)k);
                progress?.Report(Interlocked.Increment(ref done));
            });
            return results.Where(r => r.Kept)
                .Select(r => new EpisodeOutcome(r.Seed, r.Return, r.Length, r.Outcome != Jat.Experts.BabyAIBot.BotEpisodeOutcome.Truncated))
                .ToArray();
        }, ct);
        if (!Terminal.Interactive)
            return await Work(null);
        return await LiveProgress.RunAsync<int, EpisodeOutcome[]>($"{task} bot episodes", p => Work(p),
            (bar, done) => { bar.MaxValue = episodes; bar.Value = done; },
            [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn()]);
    }

    private static async Task<(EpisodeOutcome[], string)> PlayExpertAsync(
        string task, string path, int episodes, ulong seed, bool deterministic, CancellationToken ct)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} does not exist; train one with `jat train-expert {task}`.");
        using var checkpoint = Checkpoint.Load(path);
        if (checkpoint.Header.Task != task)
            throw new ArgumentException($"{path} is an expert for {checkpoint.Header.Task}, not {task}.");
        var policy = $"{checkpoint.Header.Algorithm} expert {Path.GetFileName(path)} ({checkpoint.Header.EnvironmentSteps:N0} steps{(deterministic ? ", deterministic" : ", sampled")})";
        using var expert = new TrainedExpert(checkpoint, seed);
        using var environment = EnvironmentCatalog.Create(task);
        Task<EpisodeOutcome[]> Work(IProgress<int>? progress) =>
            Task.Run(() => ExpertEvaluator.Run(expert, environment, episodes, deterministic, seed, progress, ct).Episodes.ToArray(), ct);
        if (!Terminal.Interactive)
            return (await Work(null), policy);
        var outcomes = await LiveProgress.RunAsync<int, EpisodeOutcome[]>($"{task} episodes", p => Work(p),
            (bar, done) => { bar.MaxValue = episodes; bar.Value = done; },
            [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn()]);
        return (outcomes, policy);
    }

    private static void Print(Evaluation evaluation)
    {
        static string F(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";
        Terminal.Out.WriteLine($"{evaluation.Task}: {evaluation.Policy} policy, {evaluation.Episodes} episodes");
        Terminal.Out.WriteLine($"  return      {F(evaluation.MeanReturn)} ± {F(evaluation.StdReturn)}   (mean length {F(evaluation.MeanLength)} steps)");
        if (evaluation.RandomScore is { } random && evaluation.ExpertScore is { } expert)
        {
            Terminal.Out.WriteLine($"  JAT random  {F(random.Mean)} ± {F(random.Std)}   expert {F(expert.Mean)} ± {F(expert.Std)}");
            Terminal.Out.WriteLine($"  normalised  {F(evaluation.Normalized)}   (0 = random, 1 = expert); {F(evaluation.DifferenceInRandomStds)} random stds from JAT's random mean");
        }
    }
}
