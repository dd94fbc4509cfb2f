using System.CommandLine;
using Jat.Cli.Presentation;
using Jat.Schema.Validation;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat validate &lt;dir&gt;</c>: every shard against its task's features and the Hub's rules.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "The dataset folder: <task>/<split>-NNNNN-of-MMMMM.parquet files." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (splits, problems) on stdout." };
        var command = new Command("validate",
            "Check a dataset folder as the Hub and `datasets` will read it: shard names and sets, train and test splits, " +
            "features metadata, column types and nullability, row-group sizes, and every row. Exits 1 on any problem.")
        {
            folder, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var root = result.GetValue(folder)!.FullName;
            var report = await WithProgressAsync(root, ct);
            if (result.GetValue(json))
                Terminal.WriteJson(new
                {
                    root,
                    valid = report.IsValid,
                    rows = report.Splits.Sum(s => s.Rows),
                    bytes = report.Splits.Sum(s => s.FileBytes),
                    splits = report.Splits,
                    problems = report.Problems,
                });
            else
                Print(report);
            return report.IsValid ? 0 : 1;
        }));
        return command;
    }

    private static async Task<ValidationReport> WithProgressAsync(string root, CancellationToken ct)
    {
        if (!Terminal.Interactive)
            return await ShardValidator.ValidateAsync(root, null, ct);
        ValidationReport? report = null;
        await Terminal.Err.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask("validating shards");
                var progress = new Progress<ValidationProgress>(p =>
                {
                    bar.MaxValue = Math.Max(1, p.Files);
                    bar.Value = p.FilesDone;
                    bar.Description = $"validating shards ({p.Rows:N0} rows)";
                });
                report = await ShardValidator.ValidateAsync(root, progress, ct);
            });
        return report!;
    }

    private static void Print(ValidationReport report)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("task", "split", "shards", "rows", "on disk", "in memory");
        foreach (var split in report.Splits)
            table.AddRow(Markup.Escape(split.Task), split.Split, $"{split.Shards}", $"{split.Rows:N0}", ByteSize.Format(split.FileBytes), ByteSize.Format(split.NumBytes));
        Terminal.Out.Write(table);
        foreach (var problem in report.Problems)
            Console.Error.WriteLine($"jat: invalid: {problem}");
        Terminal.Out.WriteLine(report.IsValid
            ? $"valid: {report.Splits.Select(s => s.Task).Distinct().Count()} task(s), {report.Splits.Sum(s => s.Rows):N0} rows, {ByteSize.Format(report.Splits.Sum(s => s.FileBytes))}"
            : $"invalid: {report.Problems.Count} problem(s)");
    }
}
