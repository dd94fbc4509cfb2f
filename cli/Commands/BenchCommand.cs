using System.CommandLine;
using System.Globalization;
using Jat.Benchmarks;
using Jat.Benchmarks.BabyAI;
using Jat.Benchmarks.Collection;
using Jat.Benchmarks.MuJoCo;
using Jat.Benchmarks.Ppo;
using Jat.Environments.MuJoCo;
using Jat.Cli.Presentation;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat bench …</c>: benchmarks that print figures measured on this machine (tests never time anything).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks: print throughput figures measured on this machine.");
        command.Subcommands.Add(Shards());
        command.Subcommands.Add(ConvertImages());
        command.Subcommands.Add(ConvertWikipedia());
        command.Subcommands.Add(MuJoCo());
        command.Subcommands.Add(Collect());
        command.Subcommands.Add(BabyAI());
        command.Subcommands.Add(BabyAIBot());
        command.Subcommands.Add(Ppo());
        command.Subcommands.Add(Atari());
        command.Subcommands.Add(ModelSpeed());
        return command;
    }

    private static Command ModelSpeed()
    {
        var config = new Option<string>("--config") { Description = "The model configuration (small is jat-project/jat's 193 M).", DefaultValueFactory = _ => "small" };
        var threads = new Option<int>("--threads") { Description = "libtorch threads, on both sides.", DefaultValueFactory = _ => Math.Min(2, Environment.ProcessorCount) };
        var repeats = new Option<int>("--repeats") { Description = "Timed runs per figure after one warm-up (the median is printed); small's fwd+bwd of 8×512 tokens takes minutes a run on 2 cores.", DefaultValueFactory = _ => 1 };
        var batches = new Option<int[]>("--batches") { Description = "Batch sizes of the training shapes.", DefaultValueFactory = _ => [2, 8], AllowMultipleArgumentsPerToken = true };
        var calls = new Option<int>("--calls") { Description = "get_next_action calls per inference run.", DefaultValueFactory = _ => 8 };
        var shapes = new Option<string[]>("--shapes") { Description = "Shapes to time: mujoco (256 steps of hopper), atari (32 steps of 4×84×84 frames).", DefaultValueFactory = _ => ["mujoco", "atari"], AllowMultipleArgumentsPerToken = true };
        var baseline = new Option<bool>("--no-baseline") { Description = "Do not run the PyTorch baseline (bench/python/bench_model.py under /usr/bin/python3)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var command = new Command("model",
            "JAT model speed on CPU: forward and forward + backward per batch (MuJoCo 256-step and Atari 32-step batches), and " +
            "KV-cache inference (get_next_action) against recomputing the context; beside the same figures of an independent " +
            "PyTorch JAT (bench/python) on the same shapes and threads, with the ratio (above 1: Jat is faster). GPU figures are " +
            "not measured here (no GPU on these machines).")
        {
            config, threads, repeats, batches, calls, shapes, baseline, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var options = new Jat.Benchmarks.Model.ModelBenchOptions(result.GetValue(config)!, result.GetValue(threads), result.GetValue(repeats),
                result.GetValue(batches), result.GetValue(calls), result.GetValue(shapes));
            if (options.Threads < 1 || options.Repeats < 1 || options.Calls < 1 || options.BatchSizes.Any(b => b < 1))
                throw new ArgumentException("--threads, --repeats, --calls and --batches must be at least 1.");
            var progress = new SyncProgress<string>(line => Console.Error.WriteLine($"jat: bench model: {line}"));
            var jat = await Task.Run(() => Jat.Benchmarks.Model.ModelThroughput.Run(options, progress, ct), ct);
            Jat.Benchmarks.Model.ModelBenchReport? python = null;
            string? why = "--no-baseline";
            if (!result.GetValue(baseline))
            {
                progress.Report("the PyTorch baseline (bench/python/bench_model.py)");
                (python, why) = await Task.Run(() => Jat.Benchmarks.Model.PyTorchModelBaseline.Run(options, ct), ct);
            }
            var others = jat.OtherProcessesCpuShare;
            if (result.GetValue(json))
            {
                Terminal.WriteJson(new { jat, baseline = python, baselineMissing = why, otherProcessesCpuShare = others, gpu = "not measured (no GPU here)" });
                return 0;
            }
            Terminal.Out.WriteLine(F($"{jat.Implementation}, {jat.Config} ({jat.Parameters / 1e6:0.#} M parameters), {jat.Threads} threads, median of {jat.Repeats}; baseline: {python?.Implementation ?? "none (" + why + ")"}"));
            var train = new Table().Border(TableBorder.Simple).AddColumns("shape", "batch", "tokens", "forward s", "baseline", "ratio", "fwd+bwd s", "baseline", "ratio");
            foreach (var t in jat.Train)
            {
                var p = python?.Train.FirstOrDefault(x => x.Task == t.Task && x.Batch == t.Batch);
                train.AddRow(t.Task, F($"{t.Batch}"), F($"{t.Tokens}"), F($"{t.ForwardS:0.000}"), p is null ? "-" : F($"{p.ForwardS:0.000}"),
                    p is null ? "-" : F($"{p.ForwardS / t.ForwardS:0.00}x"), F($"{t.ForwardBackwardS:0.000}"),
                    p is null ? "-" : F($"{p.ForwardBackwardS:0.000}"), p is null ? "-" : F($"{p.ForwardBackwardS / t.ForwardBackwardS:0.00}x"));
            }
            Terminal.Out.Write(train);
            var infer = new Table().Border(TableBorder.Simple).AddColumns("inference", "cached", "kv steps/s", "recompute steps/s", "speedup", "baseline kv steps/s", "ratio");
            foreach (var i in jat.Inference)
            {
                var p = python?.Inference.FirstOrDefault(x => x.Task == i.Task && x.ContextWindow == i.ContextWindow);
                infer.AddRow(i.Task, F($"{i.CachedEntries}"), F($"{i.KvCacheStepsPerS:0.00}"), F($"{i.RecomputeStepsPerS:0.00}"), F($"{i.Speedup:0.0}x"),
                    p is null ? "-" : F($"{p.KvCacheStepsPerS:0.00}"), p is null ? "-" : F($"{i.KvCacheStepsPerS / p.KvCacheStepsPerS:0.00}x"));
            }
            Terminal.Out.Write(infer);
            Terminal.Out.WriteLine("other processes used " + (others is { } share ? F($"{share:P0} of the CPU") : "an unknown share of the CPU") + "; GPU figures: not measured (no GPU here)");
            return 0;
        }));
        return command;
    }

    private static Command Atari()
    {
        var roms = new Option<FileInfo[]>("--rom") { Description = "2600 ROM files to run (repeatable), e.g. the test ROMs of ../shared/reference/traces/atari/roms.", Required = true, AllowMultipleArgumentsPerToken = true };
        var frames = new Option<long>("--frames") { Description = "Frames per timed run.", HelpName = "N", DefaultValueFactory = _ => 20_000 };
        var repeat = new Option<int>("--repeat") { Description = "Timed runs per ROM (median and best are printed).", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var command = new Command("atari",
            "Raw emulator speed: frames/s on one thread (frame skip 1, uniform random ALE joystick actions), as ALE's raw act " +
            "loop; ALE 0.8.1 reached a median 17,265 frames/s on game.bin on this machine (traces README).")
        {
            roms, frames, repeat, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            if (result.GetValue(frames) < 1 || result.GetValue(repeat) < 1)
                throw new ArgumentException("--frames and --repeat must be at least 1.");
            var progress = new SyncProgress<string>(line => Console.Error.WriteLine($"jat: bench atari: {line}"));
            var report = await Task.Run(() => Jat.Benchmarks.Atari.AtariThroughput.Run(
                [.. result.GetValue(roms)!.Select(f => f.FullName)], result.GetValue(frames), result.GetValue(repeat), progress, ct), ct);
            if (result.GetValue(json))
            {
                Terminal.WriteJson(report);
                return 0;
            }
            foreach (var rom in report.Roms)
                Terminal.Out.WriteLine(F($"{Path.GetFileName(rom.Rom)} ({rom.Scheme}): {rom.MedianFramesPerSecond:N0} frames/s median, {rom.BestFramesPerSecond:N0} best, one thread ({rom.MedianFramesPerCpuSecond:N0} per CPU-second)"));
            Terminal.Out.WriteLine("other processes used " +
                (report.OtherProcessesCpuShare is { } share ? F($"{share:P0} of the CPU") : "an unknown share of the CPU"));
            return 0;
        }));
        return command;
    }

    private static Command Ppo()
    {
        var task = new Option<string>("--task") { Description = "A task PPO trains (mujoco-…).", DefaultValueFactory = _ => "mujoco-hopper" };
        var steps = new Option<long>("--steps") { Description = "Environment steps to train for (rounded up to whole rollouts); the default takes about a minute on 2 cores.", HelpName = "N", DefaultValueFactory = _ => 500_000 };
        var threads = new Option<int>("--threads") { Description = "Threads stepping the environment copies, in training and in the bare run (as train-expert's --threads).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var command = new Command("ppo",
            "PPO training throughput: trains from scratch with the family's settings (experts/Training/hyperparameters.md) in a " +
            "temporary folder and prints environment steps/s including updates, and where the time went, measured by the " +
            "learner's stopwatches: environment stepping, policy inference during rollouts, updates (forward, backward, " +
            "optimiser) and other (observation normalisation, advantages, bookkeeping, checkpoint). Before it, the bare " +
            "environment: the same copies on the same threads stepped with random actions, as the baseline on this machine.")
        {
            task, steps, threads, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            if (result.GetValue(steps) < 1)
                throw new ArgumentException("--steps must be at least 1.");
            var progress = new SyncProgress<string>(line => Console.Error.WriteLine($"jat: bench ppo: {line}"));
            var report = await Task.Run(() => PpoThroughput.Run(result.GetValue(task)!, result.GetValue(steps),
                Math.Max(1, result.GetValue(threads)), progress, ct), ct);
            if (result.GetValue(json))
            {
                Terminal.WriteJson(report);
                return 0;
            }
            Terminal.Out.WriteLine(F($"{report.Task}: PPO, {report.Environments} copies × {report.RolloutSteps} steps a rollout, environment on {report.EnvironmentThreads} thread(s), libtorch on {report.TorchThreads}"));
            Terminal.Out.WriteLine(F($"  training          {report.StepsPerSecond:N0} env steps/s including updates ({report.Steps:N0} steps in {report.TrainingSeconds:0.0} s)"));
            foreach (var phase in report.Phases)
                Terminal.Out.WriteLine(F($"    {phase.Phase,-12} {phase.Share * 100,5:0.0}%  {phase.Seconds,7:0.0} s"));
            Terminal.Out.WriteLine(F($"  environment alone {report.EnvironmentStepsPerSecondWhileStepping:N0} env steps/s within training (steps ÷ its environment time)"));
            Terminal.Out.WriteLine(F($"  bare environment  {report.BareStepsPerSecond:N0} env steps/s, random actions ({report.BareSteps:N0} steps in {report.BareSeconds:0.0} s)"));
            Terminal.Out.WriteLine(F($"  bare ÷ training   {report.BareOverTraining:0.00}x"));
            Terminal.Out.WriteLine("other processes used " +
                (report.OtherProcessesCpuShare is { } share ? F($"{share:P0} of the CPU") : "an unknown share of the CPU"));
            return 0;
        }));
        return command;
    }

    private static Command BabyAIBot()
    {
        var tasks = new Option<string[]>("--task") { Description = "Levels (repeatable) [default: all 39].", HelpName = "task", AllowMultipleArgumentsPerToken = true };
        var seeds = new Option<int>("--seeds") { Description = "Episodes per level: seeds 0 … N−1, each on a new level.", DefaultValueFactory = _ => 1000 };
        var threads = new Option<int>("--threads") { Description = "Episodes played at once (results do not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of a table." };
        var command = new Command("babyai-bot",
            "The BabyAI bot over many seeds of each level: success rate of the kept episodes, share dropped (the bot looped, or " +
            "over 1,000 steps), mean return beside JAT's expert mean, mean length, and bot-driven steps per second (one thread's " +
            "time choosing actions).")
        {
            tasks, seeds, threads, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var progress = new SyncProgress<Jat.Environments.BabyAI.Bot.BabyAIBotSweepProgress>(p =>
                Console.Error.WriteLine($"jat: bench babyai-bot: {p.LevelsDone}/{p.Levels} {p.Row.Task}: {p.Row.SuccessRate:P1} success"));
            var rows = await Task.Run(() => Jat.Environments.BabyAI.Bot.BabyAIBotSweep.Run(result.GetValue(tasks) ?? [], Math.Max(1, result.GetValue(seeds)),
                Math.Max(1, result.GetValue(threads)), progress, task => Jat.Schema.Tasks.TaskRegistry.Find(task)?.Scores?.Expert.Mean, ct), ct);
            if (result.GetValue(json))
            {
                Terminal.WriteJson(new { levels = rows.Select(r => new { r.Task, r.Episodes, r.Kept, r.SuccessRate, r.Looped, r.Crashed, r.TooLong, r.DroppedRate, r.MeanReturn, r.JatExpertMean, r.ReturnRatio, r.MeanLength, r.LongestEpisode, r.BotStepsPerSecond }) });
                return 0;
            }
            var table = new Table().Border(TableBorder.Simple)
                .AddColumns("level", "episodes", "success (kept)", "dropped", "mean return", "JAT expert", "ratio", "mean length", "longest", "bot steps/s");
            foreach (var r in rows)
                table.AddRow(r.Task, $"{r.Episodes:N0}", $"{r.SuccessRate:P2}", $"{r.DroppedRate:P1}", r.MeanReturn.ToString("0.0000", CultureInfo.InvariantCulture),
                    r.JatExpertMean?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-", r.ReturnRatio?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-",
                    r.MeanLength.ToString("0.0", CultureInfo.InvariantCulture), $"{r.LongestEpisode}", $"{r.BotStepsPerSecond:N0}");
            Terminal.Out.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command BabyAI()
    {
        var tasks = new Option<string[]>("--task") { Description = "Levels to measure (repeatable) [default: all 39].", HelpName = "task", AllowMultipleArgumentsPerToken = true };
        var seconds = new Option<double>("--seconds") { Description = "Length of each timed run.", DefaultValueFactory = _ => 1.0 };
        var repeat = new Option<int>("--repeat") { Description = "Timed runs per level; the median is reported.", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of a table." };
        var command = new Command("babyai",
            "Environment steps per second of each BabyAI level on one core, uniform random actions, resets included. " +
            "For scale: MiniGrid in Python ran 5,500–9,500 random steps/s on this kind of machine.")
        {
            tasks, seconds, repeat, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var names = result.GetValue(tasks) is { Length: > 0 } chosen ? chosen : [.. Jat.Environments.EnvironmentCatalog.Tasks.Where(t => t.StartsWith("babyai-", StringComparison.Ordinal))];
            var progress = new SyncProgress<string>(line => Console.Error.WriteLine($"jat: bench babyai: {line}"));
            var report = await Task.Run(() => BabyAIThroughput.Run(names, result.GetValue(seconds), Math.Max(1, result.GetValue(repeat)), progress, ct), ct);
            if (result.GetValue(json))
            {
                Terminal.WriteJson(new { levels = report });
                return 0;
            }
            var table = new Table().Border(TableBorder.Simple).AddColumns("level", "steps/s (median)", "resets/s", "mean episode");
            foreach (var level in report)
                table.AddRow(level.Task, $"{level.StepsPerSecond.Median:N0}", $"{level.ResetsPerSecond:N0}", level.MeanEpisodeLength.ToString("0.0", CultureInfo.InvariantCulture));
            Terminal.Out.Write(table);
            Terminal.Out.WriteLine($"one thread; slowest level {report.Min(l => l.StepsPerSecond.Median):N0} steps/s, median level {report.Select(l => l.StepsPerSecond.Median).Order().ElementAt(report.Count / 2):N0} (target: at least 100,000)");
            return 0;
        }));
        return command;
    }

    private static Command Collect()
    {
        var task = new Option<string>("--task") { Description = "The task to collect.", DefaultValueFactory = _ => "mujoco-hopper" };
        var episodes = new Option<int>("--episodes") { Description = "Episodes per run.", DefaultValueFactory = _ => 2000 };
        var threads = new Option<int>("--threads") { Description = "Threads for both the bare run and the collection.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var repeat = new Option<int>("--repeat") { Description = "Timed runs of each (after one warm-up of each).", DefaultValueFactory = _ => 3 };
        var random = new Option<bool>("--random") { Description = "Play uniform random actions instead of the task's expert (the BabyAI bot, or the shipped checkpoint)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var command = new Command("collect",
            "Collection throughput (steps/s, episodes/s) of `jat collect` with the task's expert (or --random), side by side with the " +
            "bare environment stepping the same episodes with the same actor on the same threads; overhead = the share of " +
            "speed that recording and writing shards cost.")
        {
            task, episodes, threads, repeat, random, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var spec = Jat.Schema.Tasks.TaskRegistry.Find(result.GetValue(task)!) ?? throw new ArgumentException($"unknown task '{result.GetValue(task)}'");
            Jat.Environments.Acting.IActorSource actors = result.GetValue(random)
                ? new Jat.Environments.Acting.RandomActorSource()
                : Jat.Experts.Acting.ShippedExperts.DefaultActorFor(spec.Name) ?? new Jat.Environments.Acting.RandomActorSource();
            var report = await Task.Run(() => CollectionThroughput.Run(spec.Name, actors, result.GetValue(episodes),
                Math.Max(1, result.GetValue(threads)), Math.Max(1, result.GetValue(repeat)), ct), ct);
            if (result.GetValue(json))
            {
                Terminal.WriteJson(report);
                return 0;
            }
            Terminal.Out.WriteLine($"{report.Task} ({report.Actor}): {report.Episodes:N0} episodes, {report.Steps:N0} steps, {report.Threads} thread(s), medians of {report.BareSeconds.Runs.Count} runs");
            Terminal.Out.WriteLine($"  bare environment  {report.BareStepsPerSecond:N0} steps/s");
            Terminal.Out.WriteLine($"  jat collect       {report.CollectStepsPerSecond:N0} steps/s, {report.CollectEpisodesPerSecond:N0} episodes/s");
            Terminal.Out.WriteLine($"  overhead          {report.Overhead:P1} (target: at most 20%)");
            var bareCpu = report.BareCpuSeconds.Median / report.Steps * 1e6;
            var collectCpu = report.CollectCpuSeconds.Median / report.Steps * 1e6;
            Terminal.Out.WriteLine($"  processor time    bare {bareCpu:0.00} µs a step, collect {collectCpu:0.00} µs ({collectCpu / bareCpu - 1:+0.0%;-0.0%}), all threads");
            Terminal.Out.WriteLine($"  GC pauses         bare {report.BareGcPauseSeconds.Median * 1000:0} ms, collect {report.CollectGcPauseSeconds.Median * 1000:0} ms");
            return 0;
        }));
        return command;
    }

    private static Command MuJoCo()
    {
        var tasks = new Option<string[]>("--task")
        {
            Description = "Tasks to measure (repeatable) [default: all 11 MuJoCo tasks].",
            HelpName = "task",
            AllowMultipleArgumentsPerToken = true,
        };
        var seconds = new Option<double>("--seconds") { Description = "Length of each timed run.", DefaultValueFactory = _ => 2.0 };
        var repeat = new Option<int>("--repeat") { Description = "Timed runs per task and engine; medians are compared.", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of a table." };
        var command = new Command("mujoco",
            "Steps per second on one core of each MuJoCo environment (uniform random actions, resets included), side by " +
            "side with MuJoCo's mj_step in a C loop on the same model (the engine's own limit; built with gcc from the " +
            "MuJoCo headers, which scripts/setup installs). Ratio = Jat's physics steps/s ÷ the C loop's.")
        {
            tasks, seconds, repeat, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var names = result.GetValue(tasks) is { Length: > 0 } chosen ? chosen : [.. MuJoCoTasks.Names];
            if (result.GetValue(seconds) <= 0 || result.GetValue(repeat) < 1)
                throw new ArgumentException("--seconds must be positive and --repeat at least 1.");
            var progress = new SyncProgress<string>(line => Console.Error.WriteLine($"jat: bench mujoco: {line}"));
            var report = await Task.Run(() => MuJoCoThroughput.Run(names, result.GetValue(seconds), result.GetValue(repeat), progress, ct), ct);
            if (result.GetValue(json))
            {
                Terminal.WriteJson(report);
                return 0;
            }
            var table = new Table().Border(TableBorder.Simple)
                .AddColumns("task", "frame skip", "mean episode", "Jat env steps/s", "Jat physics steps/s", "C mj_step/s", "Jat ÷ C");
            foreach (var task in report.Tasks)
                table.AddRow(task.Task, $"{task.FrameSkip}", task.MeanEpisodeLength.ToString("0.0", CultureInfo.InvariantCulture),
                    $"{task.JatEnvStepsPerSecond.Median:N0}", $"{task.JatPhysicsStepsPerSecond:N0}", $"{task.RawPhysicsStepsPerSecond.Median:N0}",
                    task.Ratio.ToString("0.00", CultureInfo.InvariantCulture));
            Terminal.Out.Write(table);
            Terminal.Out.WriteLine($"one thread, {report.Repeat} run(s) of {report.SecondsPerRun} s per engine and task; other processes used " +
                (report.OtherProcessesCpuShare is { } share ? $"{share:P0} of the CPU" : "an unknown share of the CPU"));
            return 0;
        }));
        return command;
    }

    private static Command Shards()
    {
        var defaults = new ShardBenchOptions();
        var atari = new Option<int>("--rows-atari", "--atari-episodes")
        {
            Description = "Atari-like rows (episodes of atari-pong: an 84×84×4 PNG, an action and a reward per step).",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.AtariEpisodes,
        };
        var mujoco = new Option<int>("--rows-mujoco", "--mujoco-episodes")
        {
            Description = "MuJoCo-like rows (episodes of mujoco-humanoid: 376 + 17 floats and a reward per step).",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.MuJoCoEpisodes,
        };
        var steps = new Option<int?>("--steps")
        {
            HelpName = "N",
            Description = $"Steps per episode of both workloads [default: {defaults.AtariSteps} Atari-like, {defaults.MuJoCoSteps} MuJoCo-like].",
        };
        var atariSteps = new Option<int?>("--atari-steps") { Description = "Steps per Atari-like episode (overrides --steps).", HelpName = "N" };
        var mujocoSteps = new Option<int?>("--mujoco-steps") { Description = "Steps per MuJoCo-like episode (overrides --steps).", HelpName = "N" };
        var repeat = new Option<int>("--repeat")
        {
            Description = "Timed runs per engine and workload; the median and the minimum are reported.",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.Repeat,
        };
        var warmup = new Option<int>("--warmup") { Description = "Untimed runs of Jat before them (DuckDB, native code, gets one).", HelpName = "N", DefaultValueFactory = _ => defaults.Warmup };
        var threads = new Option<int[]>("--threads", "--duckdb-threads")
        {
            Description = $"DuckDB's threads; several (--threads 1 {Environment.ProcessorCount}) give one baseline each [default: the machine's cores, {Environment.ProcessorCount}].",
            HelpName = "N",
            AllowMultipleArgumentsPerToken = true,
        };
        var compression = new Option<string>("--duckdb-compression")
        {
            Description = "DuckDB's codec: same (the codec of Jat's shard, so both do the same work), snappy, zstd, uncompressed…",
            HelpName = "codec",
            DefaultValueFactory = _ => defaults.DuckDbCompression,
        };
        compression.AcceptOnlyFromAmong("same", "uncompressed", "snappy", "zstd", "lz4", "gzip", "brotli");
        var noDuckDb = new Option<bool>("--no-duckdb") { Description = "Measure Jat only, without the DuckDB baseline." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of a table." };
        var command = new Command("shards",
            "Write and read throughput (uncompressed MB/s and rows/s) of Jat's shard writer and reader on Atari-like and MuJoCo-like " +
            "episodes, side by side with DuckDB writing and reading the same rows to Parquet on this machine (needs Node.js and " +
            "`npm ci --prefix tests/interop`; without them the DuckDB baseline is skipped). Progress goes to stderr.")
        {
            atari, mujoco, steps, atariSteps, mujocoSteps, repeat, warmup, threads, compression, noDuckDb, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var options = new ShardBenchOptions(
                result.GetValue(atari),
                result.GetValue(atariSteps) ?? result.GetValue(steps) ?? defaults.AtariSteps,
                result.GetValue(mujoco),
                result.GetValue(mujocoSteps) ?? result.GetValue(steps) ?? defaults.MuJoCoSteps,
                result.GetValue(repeat),
                result.GetValue(warmup),
                !result.GetValue(noDuckDb),
                result.GetValue(threads) ?? [],
                result.GetValue(compression)!);
            var report = await ShardThroughput.RunAsync(options, new SyncProgress<string>(line => Console.Error.WriteLine($"jat: bench: {line}")), ct);
            if (result.GetValue(json))
                Terminal.WriteJson(report);
            else
                Print(report);
            return 0;
        }));
        return command;
    }

    private static Command ConvertWikipedia()
    {
        var pages = new Option<int>("--pages") { Description = "Pages of the generated dump (multistream bzip2, ~5 kB of wikitext each).", DefaultValueFactory = _ => 20_000 };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var command = new Command("convert-wikipedia", "Throughput of `jat convert wikipedia` end to end (bzip2, XML, cleaning, shards): pages/s and input MB/s.")
        {
            pages, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var report = await WikipediaThroughput.RunAsync(result.GetValue(pages), new Progress<string>(l => Console.Error.WriteLine($"jat: {l}")), ct);
            if (result.GetValue(json))
                Terminal.WriteJson(new { report.Pages, report.Articles, report.CompressedBytes, report.XmlBytes, report.Seconds, report.PagesPerSecond, report.CompressedMegabytesPerSecond, report.XmlMegabytesPerSecond });
            else
                Terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wikipedia: {report.Pages:N0} pages in {report.Seconds:0.00} s: {report.PagesPerSecond:N0} pages/s, {report.CompressedMegabytesPerSecond:0.0} MB/s of bzip2 input ({report.XmlMegabytesPerSecond:0.0} MB/s of XML), one thread"));
            return 0;
        }));
        return command;
    }

    private static Command ConvertImages()
    {
        var images = new Option<int>("--images") { Description = "Distinct ~50 kB JPEGs (500×375) served on 127.0.0.1.", HelpName = "N", DefaultValueFactory = _ => 2_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Downloads in flight at once (all to the one loopback host).", HelpName = "N", DefaultValueFactory = _ => 16 };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var command = new Command("convert-images",
            "Throughput of `jat convert conceptual-captions` end to end against a loopback web server (download, decode, 352-px PNG, " +
            "shards): images/s and downloaded MB/s, with the normaliser's CPU-only ceiling beside it.")
        {
            images, concurrency, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var report = await ImageFetchThroughput.RunAsync(result.GetValue(images), result.GetValue(concurrency),
                new Progress<string>(l => Console.Error.WriteLine($"jat: {l}")), ct);
            if (result.GetValue(json))
                Terminal.WriteJson(new
                {
                    report.Images, report.Rows, report.Skipped, report.Concurrency, report.Cores, report.DownloadedBytes, report.ShardBytes, report.Seconds,
                    report.ImagesPerSecond, report.DownloadedMegabytesPerSecond, report.NormalizeOnlyImagesPerSecond,
                });
            else
                Terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"conceptual-captions: {report.Rows:N0} of {report.Images:N0} images ({report.AverageImageKilobytes:N0} kB JPEGs) in {report.Seconds:0.00} s: " +
                    $"{report.ImagesPerSecond:N0} images/s, {report.DownloadedMegabytesPerSecond:0.0} MB/s downloaded, {report.ShardBytes / 1e6:0.0} MB of shards; " +
                    $"{report.Concurrency} downloads at once on {report.Cores} cores; the normaliser alone does {report.NormalizeOnlyImagesPerSecond:N0} images/s"));
            return 0;
        }));
        return command;
    }

    private static void Print(ShardBenchReport report)
    {
        foreach (var w in report.Workloads)
            Terminal.Out.WriteLine(F($"{w.Workload} ({w.Task}): {w.Rows:N0} rows (episodes), {w.Steps:N0} steps, {w.Bytes / 1e6:N1} MB uncompressed (Arrow-like)"));
        var table = new Table().Border(TableBorder.Simple).AddColumns(
            "workload", "engine", "threads", "codec", "file MB", "write MB/s", "write rows/s", "read MB/s", "read rows/s",
            "Jat ÷ this, write", "Jat ÷ this, read");
        foreach (var w in report.Workloads)
        {
            foreach (var jat in new[] { w.Jat, w.JatWithFsync })
                table.AddRow(Row(w, jat, "", ""));
            foreach (var (duckDb, ratio) in w.DuckDb.Zip(w.Ratios))
                table.AddRow(Row(w, duckDb, F($"{ratio.Write:0.00}x (fsync: {ratio.WriteWithFsync:0.00}x)"), F($"{ratio.Read:0.00}x")));
        }
        Terminal.Out.Write(table);
        Terminal.Out.WriteLine(F($"MB/s: uncompressed (Arrow-like) MB, 10^6 B, per second; median of {report.Repeat} runs (after {report.Warmup} warm-up(s) for Jat, {Math.Min(report.Warmup, 1)} for DuckDB), fastest run in brackets."));
        Terminal.Out.WriteLine("Jat ÷ this: Jat's throughput over DuckDB's (above 1, Jat is faster), Jat without fsync as DuckDB's COPY; in brackets Jat as it writes by default, with an fsync per row group.");
        if (report.DuckDbSkipped is { } reason)
            Terminal.Out.WriteLine(reason);
        Terminal.Out.WriteLine($"machine: {report.Machine}; files written under {report.Scratch} (TMPDIR)");
        if (report.OthersCpuShare is { } others)
            Terminal.Out.WriteLine(F($"other processes used {others * 100:0}% of the {report.Cores} cores meanwhile") +
                (report.Shared ? ": the machine was shared, so these figures are noisy; run it again on a quiet machine" : ""));
    }

    private static string[] Row(WorkloadResult w, EngineResult e, string writeRatio, string readRatio) =>
    [
        w.Workload, Markup.Escape(e.Engine), F($"{e.Threads}"), e.Compression, F($"{e.FileBytes / 1e6:N1}"),
        F($"{e.WriteMegabytesPerSecond:N0} ({e.WriteMegabytesPerSecondAtMin:N0})"), F($"{e.WriteRowsPerSecond:N0}"),
        F($"{e.ReadMegabytesPerSecond:N0} ({e.ReadMegabytesPerSecondAtMin:N0})"), F($"{e.ReadRowsPerSecond:N0}"),
        writeRatio, readRatio,
    ];

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
