using System.CommandLine;
using System.Globalization;
using Jat.Cli.Presentation;
using Jat.Environments;
using Jat.Environments.Acting;
using Jat.Environments.Evaluation;
using Jat.Experts.Acting;
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
            // A gymnasium or MiniGrid id names the task too; an unknown name is refused with the list of tasks.
            name = EnvironmentCatalog.Find(name) is { } found ? found.Task.Task : EnvironmentCatalog.FamilyOf(name).Name;
            var spec = TaskRegistry.Find(name);
            IActorSource actors = result.GetValue(random) ? new RandomActorSource()
                : result.GetValue(expert) is { } file ? ExpertActorSource.FromFile(file.FullName, name, result.GetValue(deterministic))
                : (result.GetValue(deterministic) && ShippedExperts.PathFor(name) is { } shipped
                    ? ExpertActorSource.FromFile(shipped, name, deterministic: true)
                    : ShippedExperts.DefaultActorFor(name))
                  ?? throw new ArgumentException($"Jat ships no expert for {name} yet; pass --expert <file> (from `jat train-expert {name}`) or --random.");
            // JAT's random scores come from whole episodes; its experts' episodes past the split's limit were discarded.
            var limit = result.GetValue(random) ? null : spec?.Split.MaxEpisodeSteps;
            var run = await PlayAsync(name, actors, count, result.GetValue(seed), Math.Max(1, result.GetValue(threads)), limit, ct);
            var policy = result.GetValue(random) ? "random" : actors.Description;
            if (run.Dropped > 0)
                policy += $" ({run.Dropped} of {count} episodes dropped: the actor could not go on{(limit is { } l ? $" or went over {l:N0} steps" : "")})";
            var outcomes = run.Episodes.ToArray();
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

    /// <summary>Episodes seed … seed + N − 1 on the rollout engine, many side by side; dropped episodes are left out, as JAT did.</summary>
    private static async Task<EvaluationRun> PlayAsync(string task, IActorSource actors, int episodes, ulong seed, int threads, int? limit, CancellationToken ct)
    {
        Task<EvaluationRun> Work(IProgress<int>? progress) =>
            Task.Run(() => PolicyEvaluation.Run(task, actors, episodes, seed, threads, limit, progress, ct), ct);
        if (!Terminal.Interactive)
            return await Work(null);
        return await LiveProgress.RunAsync<int, EvaluationRun>($"{task} episodes", p => Work(p),
            (bar, done) => { bar.MaxValue = episodes; bar.Value = done; },
            [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn()]);
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
