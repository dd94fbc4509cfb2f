using System.CommandLine;
using System.Globalization;
using Jat.Benchmarks;
using Jat.Cli.Presentation;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat bench …</c>: benchmarks that print the figures the issues ask for.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks: print throughput figures measured on this machine.");
        command.Subcommands.Add(Shards());
        command.Subcommands.Add(ConvertWikipedia());
        return command;
    }

    private static Command Shards()
    {
        var defaults = new ShardBenchOptions();
        var atari = new Option<int>("--atari-episodes") { Description = "Atari-like episodes (84×84×4 PNG per step).", DefaultValueFactory = _ => defaults.AtariEpisodes };
        var atariSteps = new Option<int>("--atari-steps") { Description = "Steps per Atari-like episode.", DefaultValueFactory = _ => defaults.AtariSteps };
        var mujoco = new Option<int>("--mujoco-episodes") { Description = "MuJoCo-like episodes (Humanoid: 376 + 17 floats per step).", DefaultValueFactory = _ => defaults.MuJoCoEpisodes };
        var mujocoSteps = new Option<int>("--mujoco-steps") { Description = "Steps per MuJoCo-like episode.", DefaultValueFactory = _ => defaults.MuJoCoSteps };
        var repeat = new Option<int>("--repeat") { Description = "Timed runs after one warm-up; the median is reported.", DefaultValueFactory = _ => defaults.Repeat };
        var noDuckDb = new Option<bool>("--no-duckdb") { Description = "Measure Jat only, without the DuckDB baseline." };
        var threads = new Option<int?>("--duckdb-threads") { Description = "DuckDB's threads (default: one run on 1 thread, one on all cores)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of a table." };
        var command = new Command("shards",
            "Write and read throughput (uncompressed MB/s and rows/s) of Jat's shard writer and reader on Atari-like and MuJoCo-like " +
            "episodes, side by side with DuckDB writing and reading the same rows (needs Node.js and `npm ci --prefix tests/interop`).")
        {
            atari, atariSteps, mujoco, mujocoSteps, repeat, noDuckDb, threads, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var options = new ShardBenchOptions(result.GetValue(atari), result.GetValue(atariSteps), result.GetValue(mujoco),
                result.GetValue(mujocoSteps), Math.Max(1, result.GetValue(repeat)), !result.GetValue(noDuckDb), result.GetValue(threads));
            var progress = new Progress<string>(line => Console.Error.WriteLine($"jat: {line}"));
            var report = await ShardThroughput.RunAsync(options, progress, ct);
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

    private static void Print(ShardBenchReport report)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns(
            "workload", "engine", "threads", "rows", "MB (uncompressed)", "file MB", "write MB/s", "(best)", "write rows/s", "read MB/s", "(best)", "read rows/s");
        foreach (var workload in report.Workloads)
            foreach (var engine in workload.DuckDb.Prepend(workload.JatDurable).Prepend(workload.Jat))
            {
                table.AddRow(workload.Workload, Markup.Escape(engine.Engine), F(engine.Threads, "0"), F(engine.Rows, "N0"), F(engine.Bytes / 1e6, "0.0"),
                    F(engine.FileBytes / 1e6, "0.0"), F(engine.WriteMegabytesPerSecond, "0"), F(engine.Bytes / 1e6 / engine.Write.Best, "0"),
                    F(engine.WriteRowsPerSecond, "0.0"), F(engine.ReadMegabytesPerSecond, "0"), F(engine.Bytes / 1e6 / engine.Read.Best, "0"), F(engine.ReadRowsPerSecond, "0.0"));
            }
        Terminal.Out.Write(table);
        foreach (var workload in report.Workloads)
            foreach (var duckDb in workload.DuckDb)
                Terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{workload.Workload}: Jat (1 thread, no fsync like DuckDB) writes {WorkloadResult.WriteRatio(workload.Jat, duckDb):0.00}x and reads {WorkloadResult.ReadRatio(workload.Jat, duckDb):0.00}x the speed of DuckDB on {duckDb.Threads} thread(s) (medians; above 1 is faster)"));
        if (report.DuckDbSkipped is { } reason)
            Terminal.Out.WriteLine(reason);
        Terminal.Out.WriteLine($"machine: {report.Machine}");
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
