using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Jat.Cli.Presentation;
using Jat.Collectors.Plans;
using Jat.Collectors.Collection;
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
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The dataset folder to write (created if missing; resumed if it exists).", DefaultValueFactory = _ => new DirectoryInfo("data") };
        var planFile = new Option<FileInfo?>("--plan") { Description = "A plan file (JSON: seed, and per task its episodes and actor or expert) instead of the embedded default; `--print-plan` prints one to start from." };
        var printPlan = new Option<bool>("--print-plan") { Description = "Print the plan this command line means, as JSON, and write nothing." };
        var tasks = new Option<string[]>("--tasks", "-t")
        {
            Description = "Tasks to write (`jat tasks` lists them) [default: every task whose environment and expert Jat ships: " +
                "the 39 BabyAI levels (the BabyAI bot) and the MuJoCo tasks with a shipped expert; Meta-World tasks only where their assets " +
                "are found (--metaworld-assets) and an expert ships; the run's log says what was left out and why].",
            AllowMultipleArgumentsPerToken = true,
        };
        var episodes = new Option<int?>("--episodes", "-n") { Description = "Episodes (rows) per task, train and test together, split as JAT splits (BabyAI 95/5, the others 90/10) [default: BabyAI 20,000 (a fifth of JAT's size), MuJoCo 1,000 (a tenth), 100 for mujoco-ant, -humanoid and -standup; synthetic samples 100]." };
        var full = new Option<bool>("--full") { Description = "JAT's sizes: BabyAI 100,000 episodes per level, MuJoCo 10,000 per task." };
        var steps = new Option<int>("--steps") { Description = "Synthetic samples only: steps per episode; 0 for each domain's default (Atari 64, Meta-World 100, others 200).", DefaultValueFactory = _ => 0 };
        var seed = new Option<ulong?>("--seed") { Description = "Seed [default: the plan's, else 0]: the same seed and sizes give the same files, byte for byte." };
        var rowGroup = new Option<string>("--row-group-size") { Description = "Uncompressed bytes per Parquet row group.", DefaultValueFactory = _ => "64MiB" };
        var shard = new Option<string>("--shard-size") { Description = "Synthetic samples only: shard file size at which a new shard starts (collected tasks cut shards by episodes).", DefaultValueFactory = _ => "500MB" };
        var parallel = new Option<int>("--parallel", "-j") { Description = "Tasks written at once, and threads each collection plays on.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var worker = new Option<int>("--worker") { Description = "This machine's number, 0 to --workers - 1: it writes its share of the shards (a Slurm array index, a Kubernetes job completion index).", DefaultValueFactory = _ => 0 };
        var workers = new Option<int>("--workers") { Description = "Machines sharing the plan; their folders merge by file name into the dataset one machine writes. Then run `jat card` on the merged folder.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary on stdout instead of a table." };
        var command = new Command("regenerate",
            "Write every task of a plan into a dataset folder, then its card (README.md) and a summary (episodes, steps, mean " +
            "return against JAT's expert score, bytes). Killed or stopped, the same command resumes where it left off and ends " +
            "with exactly the dataset an uninterrupted run writes. With --workers N, N machines each run it with their --worker.")
        {
            output, planFile, printPlan, tasks, episodes, full, steps, seed, rowGroup, shard, parallel, worker, workers, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var plan = PlanOf(result.GetValue(planFile), result.GetValue(tasks), result.GetValue(episodes), result.GetValue(full), result.GetValue(seed));
            if (result.GetValue(printPlan))
            {
                Console.Out.WriteLine(plan.ToJson());
                return 0;
            }
            if (result.GetValue(planFile) is null && result.GetValue(tasks) is not { Length: > 0 })
            {
                foreach (var line in RegenerationJobs.DefaultPlanOmissions())
                    Console.Error.WriteLine($"jat: {line}");
            }
            var share = new WorkerShare(result.GetValue(worker), result.GetValue(workers));
            var root = result.GetValue(output)!.FullName;
            var options = new ShardWriterOptions
            {
                RowGroupBytes = ByteSize.Parse(result.GetValue(rowGroup)!),
                ShardBytes = ByteSize.Parse(result.GetValue(shard)!),
            };
            var jobs = RegenerationJobs.For(plan, share, result.GetValue(steps));
            Directory.CreateDirectory(root);
            var clock = Stopwatch.StartNew();
            var outcomes = await WriteAllAsync(root, jobs, options, Math.Max(1, result.GetValue(parallel)), ct);
            string? cardPath = null;
            if (share.Workers == 1)
            {
                cardPath = Path.Combine(root, "README.md");
                await File.WriteAllTextAsync(cardPath, await CardCommand.FolderCardAsync(root, ct), ct);
            }
            Report(root, share, outcomes, clock.Elapsed, cardPath, result.GetValue(json));
            return 0;
        }));
        return command;
    }

    /// <summary>The plan file, or the plan the command line means.</summary>
    private static RegenerationPlan PlanOf(FileInfo? file, string[]? tasks, int? episodes, bool full, ulong? seed)
    {
        if (file is null)
            return RegenerationJobs.PlanFor(tasks, episodes, full, seed);
        if (tasks is { Length: > 0 } || episodes is not null || full)
            throw new ArgumentException("--plan lists the tasks and their sizes; leave out --tasks, --episodes and --full (or edit the plan).");
        var loaded = RegenerationPlan.Load(file.FullName);
        return seed is { } s ? loaded with { Seed = s } : loaded;
    }

    /// <summary>What one task wrote on this worker.</summary>
    private sealed record Outcome(RegenerationJob Job, IReadOnlyList<SplitSummary> Splits, CollectionReport? Collection);

    private static async Task<IReadOnlyList<Outcome>> WriteAllAsync(string root, IReadOnlyList<RegenerationJob> jobs, ShardWriterOptions options,
        int parallel, CancellationToken ct)
    {
        var outcomes = new ConcurrentBag<Outcome>();
        async Task Run(RegenerationJob job, IProgress<long> progress, CancellationToken token)
        {
            switch (job)
            {
                case CollectionJob collection:
                    // Each task plays on as many threads as tasks run at once: while several run, the cores are shared;
                    // once the short ones are done, the longest has them all. The output does not depend on it.
                    var report = await Collector.RunAsync(root, collection.Collection, collection.Actors, parallel,
                        new SyncProgress<CollectionProgress>(p => progress.Report(p.Kept)), token, options, collection.Parts);
                    outcomes.Add(new Outcome(job, report.Splits, report));
                    break;
                case SampleJob sample:
                    outcomes.Add(new Outcome(job, await SampleDataset.WriteAsync(root, job.Task, sample.Samples, options, progress, token), null));
                    break;
            }
        }
        var limits = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct };
        if (!Terminal.Interactive)
        {
            await Parallel.ForEachAsync(jobs, limits, async (job, token) =>
            {
                var clock = Stopwatch.StartNew();
                await Run(job, new Progress<long>(), token);
                Console.Error.WriteLine($"jat: {job.Task.Name}: {job.Rows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s");
            });
            return [.. outcomes];
        }
        await Terminal.Err.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                // Spectre's display is not thread-safe: workers only set counters, and one loop renders them.
                var bars = jobs.ToDictionary(j => j.Task.Name, j => context.AddTask(Markup.Escape(j.Task.Name), autoStart: false, maxValue: Math.Max(1, j.Rows)));
                var counts = new ConcurrentDictionary<string, long>();
                var finished = new ConcurrentDictionary<string, bool>();
                var work = Parallel.ForEachAsync(jobs, limits, async (job, token) =>
                {
                    counts[job.Task.Name] = 0;
                    await Run(job, new SyncProgress<long>(n => counts[job.Task.Name] = n), token);
                    finished[job.Task.Name] = true;
                });
                while (true)
                {
                    foreach (var (name, count) in counts)
                    {
                        var bar = bars[name];
                        if (bar.IsFinished)
                            continue;
                        if (!bar.IsStarted)
                            bar.StartTask();
                        bar.Value = finished.ContainsKey(name) ? bar.MaxValue : count;
                        bar.Description = $"{Markup.Escape(name)} [grey]{bar.Speed ?? 0:N0} episodes/s[/]";
                        if (finished.ContainsKey(name))
                            bar.StopTask();
                    }
                    context.Refresh();
                    if (work.IsCompleted)
                        break;
                    await Task.WhenAny(work, Task.Delay(200, CancellationToken.None));
                }
                await work;
            });
        return [.. outcomes];
    }

    private static void Report(string root, WorkerShare share, IReadOnlyList<Outcome> outcomes, TimeSpan elapsed, string? card, bool json)
    {
        var rows = outcomes.OrderBy(o => o.Job.Task.Name, StringComparer.Ordinal).Select(o =>
        {
            var report = o.Collection;
            var played = report is null ? 0 : report.TrainEpisodes + report.TestEpisodes - report.Resumed;
            double? mean = played > 0 ? report!.MeanReturn : null;
            var scores = o.Job.Task.Scores;
            return new
            {
                task = o.Job.Task.Name,
                source = o.Job.Source,
                train = o.Splits.Where(s => s.Split == "train").Sum(s => s.Rows),
                test = o.Splits.Where(s => s.Split == "test").Sum(s => s.Rows),
                shards = o.Splits.Sum(s => s.Shards),
                discarded = report?.Discarded,
                steps = report?.Steps,
                meanReturn = mean,
                expertReturn = report is null ? null : scores?.Expert.Mean,
                normalized = mean is { } m && scores is not null ? scores.Normalise(m) : (double?)null,
                bytes = o.Splits.Sum(s => s.FileBytes),
            };
        }).ToList();
        if (json)
        {
            Terminal.WriteJson(new
            {
                root,
                worker = share.Worker,
                workers = share.Workers,
                seconds = Math.Round(elapsed.TotalSeconds, 3),
                rows = rows.Sum(r => r.train + r.test),
                bytes = rows.Sum(r => r.bytes),
                card,
                tasks = rows,
            });
            return;
        }
        static string Figure(double? value) => value is { } v ? v.ToString(Math.Abs(v) >= 100 ? "0.0" : "0.000", CultureInfo.InvariantCulture) : "–";
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("task", "train", "test", "discarded", "steps", "mean return", "JAT expert", "normalised", "on disk");
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.task), $"{r.train:N0}", $"{r.test:N0}", r.discarded is { } d ? $"{d:N0}" : "–",
                r.steps is { } s ? $"{s:N0}" : "–", Figure(r.meanReturn), Figure(r.expertReturn), Figure(r.normalized), ByteSize.Format(r.bytes));
        table.AddRow("[bold]all[/]", $"{rows.Sum(r => r.train):N0}", $"{rows.Sum(r => r.test):N0}", $"{rows.Sum(r => r.discarded ?? 0):N0}",
            $"{rows.Sum(r => r.steps ?? 0):N0}", "", "", "", ByteSize.Format(rows.Sum(r => r.bytes)));
        Terminal.Out.Write(table);
        var where = share.Workers > 1 ? $" (worker {share.Worker} of {share.Workers})" : "";
        Terminal.Out.WriteLine($"wrote {rows.Count} task(s) to {root}{where} in {elapsed.TotalSeconds:0.0} s; " +
            (card is not null ? $"card: {card}" : "merge the workers' folders (e.g. rsync -a), then run `jat card` and `jat validate` on the result"));
    }
}
