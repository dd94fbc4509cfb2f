using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Jat.Cli.Presentation;
using Jat.Schema.Statistics;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat stats &lt;dir&gt;</c>: per task, split and feature statistics, written to the folder's stats.json.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "The dataset folder: <task>/<split>-NNNNN-of-MMMMM.parquet files." };
        var json = new Option<bool>("--json") { Description = "Print the statistics (the stats.json document) on stdout." };
        var command = new Command("stats",
            "Measure a dataset folder in one streaming pass: per task, split and feature the count, min, max, mean, std and " +
            "quantiles (q01, q10, q50, q90, q99) of every dimension, value counts of discrete actions, episode lengths and " +
            "returns; written to <dir>/stats.json in LeRobot's layout.")
        {
            folder, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var root = result.GetValue(folder)!.FullName;
            var progress = new Progress<long>(rows => { if (Terminal.Interactive) Console.Error.Write($"\rjat: {rows:N0} rows read"); });
            var splits = await DatasetStatistics.ComputeAsync(root, progress, ct);
            var path = await DatasetStatistics.WriteAsync(root, splits, ct);
            if (Terminal.Interactive)
                Console.Error.WriteLine();
            if (result.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
                DatasetStatistics.Write(writer, splits);
                writer.Flush();
                stdout.WriteByte((byte)'\n');
            }
            else
                Print(splits);
            Console.Error.WriteLine($"jat: wrote {path}");
            return 0;
        }));
        return command;
    }

    private static void Print(IReadOnlyList<SplitStatistics> splits)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("task", "split", "rows", "length mean", "length min-max", "return mean", "return std");
        foreach (var s in splits)
            table.AddRow(Markup.Escape(s.Task), s.Split, $"{s.Rows:N0}",
                s.IsEpisodic ? Number(s.EpisodeLength.Mean) : "-",
                s.IsEpisodic ? $"{Number(s.EpisodeLength.Min)}-{Number(s.EpisodeLength.Max)}" : "-",
                s.IsEpisodic ? Number(s.EpisodeReturn.Mean) : "-",
                s.IsEpisodic ? Number(s.EpisodeReturn.Std) : "-");
        Terminal.Out.Write(table);
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
