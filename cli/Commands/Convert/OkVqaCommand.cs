using System.Collections.Concurrent;
using System.CommandLine;
using Jat.Cli.Presentation;
using Jat.Converters;
using Jat.Converters.OkVqa;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat convert ok-vqa</c>.</summary>
internal static class OkVqaCommand
{
    /// <summary>Skipped questions named on stderr; the rest are only counted, so a wrong --images does not flood the log.</summary>

    public static Command Create()
    {
        var trainQuestions = new Option<string>("--train-questions") { Description = "OpenEnded_mscoco_train2014_questions.json (or the .json.zip OK-VQA serves).", Required = true };
        var trainAnnotations = new Option<string>("--train-annotations") { Description = "mscoco_train2014_annotations.json (or .json.zip).", Required = true };
        var valQuestions = new Option<string>("--val-questions") { Description = "OpenEnded_mscoco_val2014_questions.json (or .json.zip).", Required = true };
        var valAnnotations = new Option<string>("--val-annotations") { Description = "mscoco_val2014_annotations.json (or .json.zip).", Required = true };
        var images = new Option<string[]>("--images") { Description = "The COCO 2014 images: a folder holding train2014/ and val2014/, or COCO's train2014.zip and val2014.zip (read without extracting); repeat for several.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The dataset folder.", DefaultValueFactory = _ => new DirectoryInfo("data") };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary on stdout." };
        var command = new Command("ok-vqa",
            "OK-VQA as the `ok-vqa` config, as JAT built it: one row per question, text \"Q: {question} A: {first answer}\", the COCO " +
            "image at 352 px (longest side), JPEG q75, upright. OK-VQA train becomes train, val becomes test. Questions without an " +
            "annotation, and missing, damaged or non-image files, are skipped and counted.")
        {
            trainQuestions, trainAnnotations, valQuestions, valAnnotations, images, output, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var inputs = new OkVqaInputs(result.GetValue(trainQuestions)!, result.GetValue(trainAnnotations)!,
                result.GetValue(valQuestions)!, result.GetValue(valAnnotations)!, result.GetValue(images)!);
            var root = result.GetValue(output)!.FullName;
            Directory.CreateDirectory(root);
            var warnings = new SkipWarnings("skipped questions");
            var report = await RunAsync(inputs, root, new OkVqaOptions { Warn = warnings.Add }, warnings, ct);
            warnings.Flush(Console.Error.WriteLine);
            warnings.Summarize();
            ConvertCommand.Report(report, result.GetValue(json));
            return 0;
        }));
        return command;
    }

    private static async Task<ConversionReport> RunAsync(OkVqaInputs inputs, string root, OkVqaOptions options, SkipWarnings warnings, CancellationToken ct)
    {
        if (!Terminal.Interactive)
        {
            warnings.Immediate = true;
            return await OkVqaConverter.ConvertAsync(inputs, root, options, null, ct);
        }
        ConversionReport? report = null;
        await Terminal.Err.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var latest = default(OkVqaProgress);
                var work = OkVqaConverter.ConvertAsync(inputs, root, options, new SyncProgress<OkVqaProgress>(p => latest = p), ct);
                // Spectre's display is not thread-safe: the converter only records, this loop draws (warnings included).
                while (!work.IsCompleted)
                {
                    Draw(context, bars, latest);
                    warnings.Flush(line => Terminal.Err.WriteLine(line));
                    await Task.WhenAny(work, Task.Delay(250, CancellationToken.None));
                }
                report = await work;
                Draw(context, bars, latest);
                foreach (var bar in bars.Values)
                    bar.Value = bar.MaxValue;
            });
        return report!;
    }

    private static void Draw(ProgressContext context, Dictionary<string, ProgressTask> bars, OkVqaProgress p)
    {
        if (p.Split is null)
            return;
        if (!bars.TryGetValue(p.Split, out var bar))
            bars[p.Split] = bar = context.AddTask(p.Split);
        bar.MaxValue = Math.Max(1, p.TotalQuestions);
        bar.Value = p.Questions;
        bar.Description = $"ok-vqa {p.Split}: {p.Questions:N0}/{p.TotalQuestions:N0} questions, {p.Rows:N0} rows";
    }


}
