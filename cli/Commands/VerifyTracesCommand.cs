using System.CommandLine;
using System.Globalization;
using Jat.Cli.Presentation;
using Jat.Environments.Traces;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat verify-traces &lt;dir&gt;</c>: replays recorded episodes of the original environments against Jat's.</summary>
internal static class VerifyTracesCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "A folder of traces: mujoco/<EnvId>.jsonl, babyai/<EnvId>.jsonl and metaworld/<env>-v2.jsonl (searched recursively; Meta-World needs its assets, see --metaworld-assets)." };
        var tolerance = new Option<double>("--tolerance") { Description = "Largest accepted difference, absolute or relative to values above 1.", DefaultValueFactory = _ => 1e-6 };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var command = new Command("verify-traces",
            "Replay every trace file found under a folder (episodes recorded with the original Python environments) in " +
            "Jat's environments, and report per environment the episodes matched, the first divergence (episode, step, " +
            "field, difference) and the largest difference. Exits 1 if any episode differs beyond the tolerance.")
        {
            folder, tolerance, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(() =>
        {
            var root = result.GetValue(folder)!.FullName;
            var limit = new TraceTolerance(result.GetValue(tolerance));
            var (files, unknown) = TraceVerifier.Find(root);
            if (files.Count == 0)
                throw new ArgumentException($"{root} has no trace files Jat can replay (mujoco/*.jsonl, babyai/*.jsonl, metaworld/*.jsonl).");
            var reports = new List<TraceEnvironmentReport>();
            foreach (var file in files)
            {
                var report = TraceVerifier.Replay(file, limit, ct);
                reports.Add(report);
                if (!result.GetValue(json))
                    Console.Error.WriteLine($"jat: {report.Environment}: {report.Matched}/{report.Episodes} episodes match");
            }
            var passed = reports.All(r => r.Passed);
            if (result.GetValue(json))
                Terminal.WriteJson(new { root, tolerance = limit.Absolute, passed, environments = reports, notReplayed = unknown });
            else
                Print(reports, unknown, passed);
            return Task.FromResult(passed ? 0 : 1);
        }));
        return command;
    }

    private static void Print(List<TraceEnvironmentReport> reports, IReadOnlyList<string> unknown, bool passed)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("environment", "episodes", "matched", "steps", "largest difference", "first divergence");
        foreach (var report in reports)
        {
            var first = report.FirstDivergence is { } d
                ? Markup.Escape($"seed {d.Seed}, step {d.Step}, {d.Field}: expected {d.Expected}, got {d.Actual}")
                : "";
            table.AddRow(Markup.Escape(report.Environment), $"{report.Episodes}", $"{report.Matched}", $"{report.StepsCompared:N0}",
                report.LargestDifference.ToString("0.###e+0", CultureInfo.InvariantCulture), first);
        }
        Terminal.Out.Write(table);
        foreach (var note in reports.SelectMany(r => r.Notes).Distinct(StringComparer.Ordinal))
            Console.Error.WriteLine($"jat: {note}");
        foreach (var file in unknown)
            Console.Error.WriteLine($"jat: not replayed (no replayer for this folder): {file}");
        var replayed = reports.Count(r => r.Episodes > 0);
        var notReplayed = reports.Count - replayed;
        var skipped = notReplayed > 0 ? $"; {notReplayed} environment(s) not replayed (see above)" : "";
        Terminal.Out.WriteLine(passed
            ? $"all {reports.Sum(r => r.Episodes)} episodes of {replayed} environment(s) match{skipped}"
            : $"{reports.Count(r => !r.Passed)} environment(s) diverge{skipped}");
    }
}
