using System.CommandLine;
using System.Globalization;
using Jat.Cli.Presentation;
using Jat.Model.Checkpoints;
using Jat.Model.Configuration;
using Jat.Model.Evaluation;
using Jat.Model.Network;
using Spectre.Console;
using static TorchSharp.torch;

namespace Jat.Cli.Commands;

/// <summary><c>jat model init|info|loss</c>: JAT model folders (config.json + model.safetensors, jat-project/jat's layout).</summary>
internal static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model",
            "JAT transformer checkpoints in jat-project/jat's Hugging Face layout (config.json + model.safetensors; " +
            "JatModel.from_pretrained(folder) reads them): create one, describe one, and evaluate its losses on a dataset.");
        command.Subcommands.Add(Init());
        command.Subcommands.Add(Info());
        command.Subcommands.Add(Loss());
        return command;
    }

    private static Command Init()
    {
        var config = new Option<string>("--config") { Description = $"A named configuration: {string.Join(", ", ModelPresets.All.Keys)} (small is jat-project/jat's, 193 M parameters).", DefaultValueFactory = _ => "small" };
        var output = new Option<DirectoryInfo>("--out") { Description = "The model folder to write.", Required = true };
        var seed = new Option<long>("--seed") { Description = "Seeds the initial weights (GPT-Neo's N(0, 0.02); PyTorch's defaults for convolutions).", DefaultValueFactory = _ => 0 };
        var force = new Option<bool>("--force") { Description = "Overwrite a model folder that exists." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var command = new Command("init", "Create a freshly initialised model folder from a named configuration.") { config, output, seed, force, json };
        command.SetAction((result, ct) => Terminal.RunAsync(() =>
        {
            var folder = result.GetValue(output)!.FullName;
            if (File.Exists(Path.Combine(folder, ModelFolder.WeightsFile)) && !result.GetValue(force))
                throw new IOException($"{folder} already holds a model; pass --force to overwrite it.");
            var preset = ModelPresets.Get(result.GetValue(config)!);
            random.manual_seed(result.GetValue(seed));
            using var model = new JatModel(preset);
            ModelFolder.Save(model, folder);
            var info = Describe(folder, model);
            if (result.GetValue(json))
                Terminal.WriteJson(info);
            else
                Print(info);
            Console.Error.WriteLine($"jat: wrote {folder}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Info()
    {
        var folder = new Argument<DirectoryInfo?>("dir") { Description = "A model folder (config.json + model.safetensors).", Arity = ArgumentArity.ZeroOrOne };
        var config = new Option<string?>("--config") { Description = "Describe a named configuration instead of a folder." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var command = new Command("info", "The model's configuration and its parameters, split by part (loading checks every tensor's name and shape).") { folder, config, json };
        command.SetAction((result, ct) => Terminal.RunAsync(() =>
        {
            ModelInfo info;
            if (result.GetValue(config) is { } name)
            {
                using var model = new JatModel(ModelPresets.Get(name));
                info = Describe(null, model);
            }
            else
            {
                var dir = result.GetValue(folder)?.FullName ?? throw new ArgumentException("Give a model folder, or --config NAME.");
                using var model = ModelFolder.Load(dir);
                info = Describe(dir, model);
            }
            if (result.GetValue(json))
                Terminal.WriteJson(info);
            else
                Print(info);
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Loss()
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "A model folder (config.json + model.safetensors)." };
        var data = new Option<DirectoryInfo>("--data") { Description = "A dataset folder (<task>/test-NNNNN-of-MMMMM.parquet), e.g. what `jat regenerate` wrote.", Required = true };
        var tasks = new Option<string[]>("--tasks") { Description = "Tasks or domains (atari, babyai, metaworld, mujoco, text, vision-language) to evaluate [default: every task with a test split].", AllowMultipleArgumentsPerToken = true };
        var samples = new Option<int>("--samples") { Description = "Samples (windows after the processor) per task, from the start of its test split: JAT's trainer evaluates the first 1,000.", DefaultValueFactory = _ => LossEvaluation.DefaultSamples };
        var batch = new Option<int>("--batch-size") { Description = "Samples per forward pass (the HF Trainer's evaluation default is 8; the figure depends on it only through rounding).", DefaultValueFactory = _ => LossEvaluation.DefaultBatchSize };
        var threads = new Option<int>("--threads") { Description = "CPU threads for libtorch [default: one per core].", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var command = new Command("loss",
            "Each loss term per task as JAT's trainer evaluates it (eval_<task>_loss): the first N test samples, processed as " +
            "train_jat.py does, in batches of 8, each batch's loss weighted by its samples. RL tasks report the total " +
            "(0.005 observation + 0.995 action, with the task's loss weight), the observation and the action loss; text " +
            "tasks the next-token loss.")
        {
            folder, data, tasks, samples, batch, threads, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            if (result.GetValue(samples) < 1 || result.GetValue(batch) < 1 || result.GetValue(threads) < 1)
                throw new ArgumentException("--samples, --batch-size and --threads must be at least 1.");
            set_num_threads(result.GetValue(threads));
            var dataDir = result.GetValue(data)!.FullName;
            var selected = LossEvaluation.TasksIn(dataDir, result.GetValue(tasks) ?? []);
            var modelDir = result.GetValue(folder)!.FullName;
            using var model = ModelFolder.Load(modelDir);
            var losses = new List<TaskLoss>();
            foreach (var task in selected)
            {
                var progress = new SyncProgress<int>(n => { if (Terminal.Interactive) Console.Error.Write($"\rjat: {task.Name}: {n:N0} samples"); });
                var started = DateTime.UtcNow;
                var loss = await LossEvaluation.EvaluateAsync(model, dataDir, task, result.GetValue(samples), result.GetValue(batch), progress: progress, ct: ct);
                if (Terminal.Interactive)
                    Console.Error.Write('\r');
                Console.Error.WriteLine(F($"jat: {task.Name}: loss {loss.Loss:G6} on {loss.Samples:N0} samples ({(DateTime.UtcNow - started).TotalSeconds:N1} s)"));
                losses.Add(loss);
            }
            var report = new LossReport(modelDir, dataDir, result.GetValue(samples), result.GetValue(batch), losses);
            if (result.GetValue(json))
            {
                Terminal.WriteJson(report);
                return 0;
            }
            var table = new Table().Border(TableBorder.Simple).AddColumns("task", "samples", "loss", "observation loss", "action loss");
            foreach (var l in losses)
                table.AddRow(Markup.Escape(l.Task), F($"{l.Samples:N0}"), F($"{l.Loss:G6}"),
                    l.ObservationLoss is { } o ? F($"{o:G6}") : "-", l.ActionLoss is { } a ? F($"{a:G6}") : "-");
            Terminal.Out.Write(table);
            return 0;
        }));
        return command;
    }

    private sealed record ModelInfo(string? Folder, long Parameters, IReadOnlyList<ParameterPart> Parts, JatConfigSummary Config);

    private sealed record JatConfigSummary(int HiddenSize, int NumLayers, int NumHeads, IReadOnlyList<string> AttentionLayers, int WindowSize,
        int MaxPositionEmbeddings, int MaxContinuousSize, int MaxDiscreteValue, int VocabSize, double ObservationLossCoef, double ActionLossCoef);

    private sealed record LossReport(string Model, string Data, int SamplesPerTask, int BatchSize, IReadOnlyList<TaskLoss> Tasks);

    private static ModelInfo Describe(string? folder, JatModel model)
    {
        var c = model.Config;
        return new ModelInfo(folder, ParameterCount.Total(model), ParameterCount.ByPart(model),
            new JatConfigSummary(c.HiddenSize, c.NumLayers, c.NumHeads, c.AttentionLayers, c.WindowSize, c.MaxPositionEmbeddings,
                c.MaxContinuousSize, c.MaxDiscreteValue, c.VocabSize, c.ObservationLossCoef, c.ActionLossCoef));
    }

    private static void Print(ModelInfo info)
    {
        var c = info.Config;
        Terminal.Out.WriteLine(F($"{(info.Folder ?? "configuration")}: {Millions(info.Parameters)} parameters ({info.Parameters:N0})"));
        Terminal.Out.WriteLine(F($"GPT-Neo: hidden {c.HiddenSize}, {c.NumLayers} layers ({string.Join(" ", c.AttentionLayers)}), {c.NumHeads} heads, local window {c.WindowSize}, {c.MaxPositionEmbeddings} positions"));
        Terminal.Out.WriteLine(F($"JAT: max_continuous_size {c.MaxContinuousSize}, max_discrete_value {c.MaxDiscreteValue}, vocabulary {c.VocabSize}, loss {c.ObservationLossCoef} observation + {c.ActionLossCoef} action"));
        var table = new Table().Border(TableBorder.Simple).AddColumns("part", "parameters", "share");
        foreach (var part in info.Parts)
            table.AddRow(Markup.Escape(part.Part), F($"{part.Parameters:N0}"), F($"{(double)part.Parameters / info.Parameters:P1}"));
        Terminal.Out.Write(table);
    }

    private static string Millions(long n) => F($"{n / 1e6:0.#} M");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
