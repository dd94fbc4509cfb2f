using System.CommandLine;
using System.Globalization;
using Jat.Cli.Presentation;
using Jat.Collectors.Plans;
using Jat.Collectors.Collection;
using Jat.Environments;
using Jat.Environments.Acting;
using Jat.Experts.Acting;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat collect &lt;task...&gt;</c>: roll an actor out into a task's train and test shards.</summary>
internal static class CollectCommand
{
    public static Command Create()
    {
        var tasks = new Argument<string[]>("task") { Description = "Tasks to collect, e.g. mujoco-hopper.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The dataset folder (created if missing; an interrupted collection resumes).", Required = true };
        var episodes = new Option<long?>("--episodes", "-n") { Description = "Episodes to keep per task [default: JAT's: MuJoCo 10,000, BabyAI 100,000, Meta-World 17,600]; split as JAT splits." };
        var random = new Option<bool>("--random") { Description = "Act uniformly at random (JAT's random baseline) instead of with an expert." };
        var expert = new Option<FileInfo?>("--expert") { Description = "The expert checkpoint to roll out (one task only) [default: the expert Jat ships for each task; for BabyAI, the BabyAI bot]." };
        var deterministic = new Option<bool>("--deterministic") { Description = "Take the expert's most likely actions (JAT samples them for MuJoCo; Meta-World is deterministic)." };
        var seed = new Option<ulong>("--seed") { Description = "Every episode's seed derives from it, the task and the episode's number.", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads", "-j") { Description = "Episodes played at once; the output does not depend on it.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var rowGroup = new Option<string>("--row-group-size") { Description = "Uncompressed bytes per Parquet row group (each is a commit point).", DefaultValueFactory = _ => "64MiB" };
        var perShard = new Option<long?>("--episodes-per-shard") { Description = "Episodes per shard file [default: per task, about 250 MB of raw steps (BabyAI 25,000)]. Part of what the files are: resume and merge with the same value." };
        var worker = new Option<int>("--worker") { Description = "This machine's number, 0 to --workers - 1: it writes its share of the shards (a Slurm array index, a Kubernetes job completion index).", DefaultValueFactory = _ => 0 };
        var workers = new Option<int>("--workers") { Description = "Machines sharing the collection; their folders merge by file name into the dataset one machine writes.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary on stdout instead of a table." };
        var command = new Command("collect",
            "Roll an actor out in each task's environment and write its episodes as the task's train and test shards, " +
            "with JAT's split and discard rules, in shards of a fixed number of episodes per task. Deterministic from --seed " +
            "whatever --threads and --workers; killed at any moment, the same command resumes and ends with the dataset an " +
            "uninterrupted run writes.")
        {
            tasks, output, episodes, random, expert, deterministic, seed, threads, rowGroup, perShard, worker, workers, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            if (result.GetValue(expert) is not null && result.GetValue(tasks)!.Length > 1)
                throw new ArgumentException("--expert names one task's expert; collect one task at a time with it.");
            var root = result.GetValue(output)!.FullName;
            var options = new ShardWriterOptions { RowGroupBytes = ByteSize.Parse(result.GetValue(rowGroup)!) };
            var share = new WorkerShare(result.GetValue(worker), result.GetValue(workers));
            var collections = new List<(CollectionPlan Plan, IActorSource Actors)>();
            foreach (var name in result.GetValue(tasks)!)
            {
                var spec = TaskRegistry.Find(name) ?? throw new ArgumentException($"unknown task '{name}'; `jat tasks` lists them.");
                if (!EnvironmentCatalog.Contains(spec.Name))
                    throw new ArgumentException($"{spec.Name} has no environment in Jat yet; environments: {string.Join(", ", EnvironmentCatalog.Tasks)}.");
                var plan = CollectionPlan.For(spec, result.GetValue(episodes), result.GetValue(seed));
                if (result.GetValue(perShard) is { } size)
                    plan = size >= 1 ? plan with { EpisodesPerShard = size } : throw new ArgumentException($"--episodes-per-shard must be at least 1, not {size}.");
                var greedy = result.GetValue(deterministic);
                IActorSource actors = result.GetValue(random) ? new RandomActorSource()
                    : result.GetValue(expert) is { } file ? ExpertActorSource.FromFile(file.FullName, spec.Name, greedy)
                    : RegenerationJobs.ActorsOf(spec, new PlannedTask(spec.Name, Deterministic: greedy))
                        ?? throw new ArgumentException($"Jat ships no expert for {spec.Name} yet; pass --expert <file> (from `jat train-expert {spec.Name}`) or --random.");
                collections.Add((plan, actors));
            }
            var reports = new List<CollectionReport>();
            foreach (var (plan, parts) in share.Assign([.. collections.Select(c => c.Plan)]))
            {
                var actors = collections.First(c => c.Plan == plan).Actors;
                reports.Add(await CollectAsync(root, plan, parts, actors, Math.Max(1, result.GetValue(threads)), options, ct));
            }
            if (result.GetValue(json))
                Terminal.WriteJson(new { root, tasks = reports });
            else
                Print(reports);
            return 0;
        }));
        return command;
    }

    private static async Task<CollectionReport> CollectAsync(
        string root, CollectionPlan plan, IReadOnlyList<CollectionPart> parts, IActorSource actors, int threads, ShardWriterOptions options,
        CancellationToken ct)
    {
        Task<CollectionReport> Work(IProgress<CollectionProgress>? progress) => Task.Run(() =>
            Collector.RunAsync(root, plan, actors, threads, progress, ct, options, parts), ct);
        if (!Terminal.Interactive)
            return await Work(null);
        return await LiveProgress.RunAsync<CollectionProgress, CollectionReport>(plan.Task.Name, p => Work(p),
            (bar, p) =>
            {
                bar.MaxValue = Math.Max(1, p.Planned);
                bar.Value = p.Kept;
                bar.Description = $"{plan.Task.Name} ({p.Steps:N0} steps, {p.Discarded:N0} discarded, {bar.Speed ?? 0:N0} episodes/s)";
            },
            [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn()]);
    }

    private static void Print(List<CollectionReport> reports)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("task", "train", "test", "resumed", "discarded", "steps", "mean return", "on disk", "seconds");
        foreach (var r in reports)
            table.AddRow(r.Task, $"{r.TrainEpisodes:N0}", $"{r.TestEpisodes:N0}", $"{r.Resumed:N0}", $"{r.Discarded:N0}", $"{r.Steps:N0}",
                r.MeanReturn.ToString("0.00", CultureInfo.InvariantCulture), ByteSize.Format(r.Bytes), r.Seconds.ToString("0.0", CultureInfo.InvariantCulture));
        Terminal.Out.Write(table);
    }
}
