using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using Jat.Cli.Presentation;
using Jat.Collectors.Collection;
using Jat.Environments;
using Jat.Schema.Samples;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary>
/// <c>jat regenerate</c>: the main job, writing every task of a plan into one dataset folder, resumably, then its card.
/// A task whose environment and expert Jat ships is collected (the expert's episodes, JAT's split and discard rules);
/// a task named explicitly without them gets synthetic samples of its exact schema, marked as such in the card.
/// </summary>
internal static class RegenerateCommand
{
    /// <summary>The embedded default plan: every task whose environment and expert Jat ships.</summary>
    public static IReadOnlyList<string> DefaultTasks =>
        [.. TaskRegistry.All.Where(t => ShippedExperts.ActorsFor(t) is not null).Select(t => t.Name)];

    /// <summary>Default episodes per collected task: about ten minutes for the whole default plan on 2 cores.</summary>
    private static long DefaultEpisodes(TaskSpec task) => task.Domain == Domain.BabyAI ? 2_000 : 300;

    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The dataset folder to write (created if missing; resumed if it exists).", DefaultValueFactory = _ => new DirectoryInfo("data") };
        var tasks = new Option<string[]>("--tasks", "-t")
        {
            Description = "Tasks to write (`jat tasks` lists them) [default: every task whose environment and expert Jat ships: " +
                "the 39 BabyAI levels (the BabyAI bot) and the MuJoCo tasks with a shipped expert].",
            AllowMultipleArgumentsPerToken = true,
        };
        var episodes = new Option<int?>("--episodes", "-n") { Description = "Episodes (rows) per task, train and test together, split as JAT splits (BabyAI 95/5, the others 90/10) [default: BabyAI 2,000, others 300; synthetic samples 100]." };
        var full = new Option<bool>("--full") { Description = "JAT's sizes: BabyAI 100,000 episodes per level, MuJoCo 10,000 per task." };
        var steps = new Option<int>("--steps") { Description = "Synthetic samples only: steps per episode; 0 for each domain's default (Atari 64, Meta-World 100, others 200).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and sizes give the same rows, byte for byte.", DefaultValueFactory = _ => 0 };
        var rowGroup = new Option<string>("--row-group-size") { Description = "Uncompressed bytes per Parquet row group.", DefaultValueFactory = _ => "64MiB" };
        var shard = new Option<string>("--shard-size") { Description = "Shard file size at which a new shard starts.", DefaultValueFactory = _ => "500MB" };
        var parallel = new Option<int>("--parallel", "-j") { Description = "Tasks written at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary on stdout instead of a table." };
        var command = new Command("regenerate",
            "Write every task of a plan into a dataset folder, then its card (README.md). Killed or stopped, the same command " +
            "resumes where it left off and ends with exactly the dataset an uninterrupted run writes.")
        {
            output, tasks, episodes, full, steps, seed, rowGroup, shard, parallel, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var root = result.GetValue(output)!.FullName;
            var chosen = (result.GetValue(tasks) is { Length: > 0 } names ? names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries)) : DefaultTasks)
                .Select(TaskRegistry.Get).Distinct().ToList();
            if (result.GetValue(full) && result.GetValue(episodes) is not null)
                throw new ArgumentException("--full and --episodes choose the size two ways; give one.");
            var plan = new RegenerationPlan(result.GetValue(episodes), result.GetValue(full), result.GetValue(steps), result.GetValue(seed));
            if (plan.Episodes is < 2)
                throw new ArgumentException("--episodes must be at least 2: one for train, one for test");
            var options = new ShardWriterOptions
            {
                RowGroupBytes = ByteSize.Parse(result.GetValue(rowGroup)!),
                ShardBytes = ByteSize.Parse(result.GetValue(shard)!),
            };
            Directory.CreateDirectory(root);
            var clock = Stopwatch.StartNew();
            var summaries = await WriteAllAsync(root, chosen, plan, options, Math.Max(1, result.GetValue(parallel)), ct);
            var card = await CardCommand.FolderCardAsync(root, ct);
            await File.WriteAllTextAsync(Path.Combine(root, "README.md"), card, ct);
            Report(root, summaries, clock.Elapsed, result.GetValue(json));
            return 0;
        }));
        return command;
    }

    /// <summary>The sizes and seed of a run; <c>Episodes</c> null means each kind's default.</summary>
    private sealed record RegenerationPlan(int? Episodes, bool Full, int Steps, int Seed)
    {
        public long EpisodesOf(TaskSpec task) => ShippedExperts.ActorsFor(task) is null
            ? Episodes ?? 100
            : Full ? CollectionPlan.For(task, null, 0).Episodes : Episodes ?? DefaultEpisodes(task);

        public SamplePlan Samples => new(Episodes ?? 100, Steps, Seed);
    }

    private static async Task<IReadOnlyList<SplitSummary>> WriteAllAsync(string root, IReadOnlyList<TaskSpec> tasks, RegenerationPlan plan,
        ShardWriterOptions options, int parallel, CancellationToken ct)
    {
        var summaries = new ConcurrentBag<SplitSummary>();
        async Task Run(TaskSpec task, IProgress<long> progress, CancellationToken token)
        {
            if (ShippedExperts.ActorsFor(task) is { } actors)
            {
                var collection = CollectionPlan.For(task, plan.EpisodesOf(task), (ulong)plan.Seed);
                // One task's episodes on one thread: tasks already run side by side (--parallel), and the output
                // does not depend on the thread count anyway.
                var report = await Collector.RunAsync(root, collection, () => EnvironmentCatalog.Create(task.Name), actors, 1,
                    new SyncProgress<CollectionProgress>(p => progress.Report(p.Kept)), token, options);
                foreach (var summary in report.Splits)
                    summaries.Add(summary);
                return;
            }
            foreach (var summary in await SampleDataset.WriteAsync(root, task, plan.Samples, options, progress, token))
                summaries.Add(summary);
        }
        var limits = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct };
        if (!Terminal.Interactive)
        {
            await Parallel.ForEachAsync(tasks, limits, async (task, token) =>
            {
                var clock = Stopwatch.StartNew();
                await Run(task, new Progress<long>(), token);
                Console.Error.WriteLine($"jat: {task.Name}: {plan.EpisodesOf(task)} rows in {clock.Elapsed.TotalSeconds:0.0} s");
            });
            return [.. summaries];
        }
        await Terminal.Err.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                // Spectre's display is not thread-safe: workers only set counters, and one loop renders them.
                var bars = tasks.ToDictionary(t => t.Name, t => context.AddTask(t.Name, maxValue: plan.EpisodesOf(t)));
                var counts = new ConcurrentDictionary<string, long>();
                var work = Parallel.ForEachAsync(tasks, limits, (task, token) =>
                    new ValueTask(Run(task, new SyncProgress<long>(n => counts[task.Name] = n), token)));
                while (!work.IsCompleted)
                {
                    foreach (var (name, count) in counts)
                        bars[name].Value = count;
                    context.Refresh();
                    await Task.WhenAny(work, Task.Delay(200, CancellationToken.None));
                }
                foreach (var bar in bars.Values)
                    bar.Value = bar.MaxValue;
                await work;
            });
        return [.. summaries];
    }

    private static void Report(string root, IReadOnlyList<SplitSummary> summaries, TimeSpan elapsed, bool json)
    {
        var ordered = summaries.OrderBy(s => s.Task, StringComparer.Ordinal).ThenBy(s => s.Split == "train" ? 0 : 1).ToList();
        if (json)
        {
            Terminal.WriteJson(new
            {
                root,
                seconds = Math.Round(elapsed.TotalSeconds, 3),
                rows = ordered.Sum(s => s.Rows),
                bytes = ordered.Sum(s => s.FileBytes),
                splits = ordered,
            });
            return;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("task", "split", "rows", "shards", "on disk");
        foreach (var s in ordered)
            table.AddRow(Markup.Escape(s.Task), s.Split, $"{s.Rows:N0}", $"{s.Shards}", ByteSize.Format(s.FileBytes));
        Terminal.Out.Write(table);
        Terminal.Out.WriteLine($"wrote {ordered.Select(s => s.Task).Distinct().Count()} task(s) to {root} in {elapsed.TotalSeconds:0.0} s; card: {Path.Combine(root, "README.md")}");
    }

}
