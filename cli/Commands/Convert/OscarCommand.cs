using System.Collections.Concurrent;
using System.CommandLine;
using Jat.Cli.Presentation;
using Jat.Converters;
using Jat.Converters.Oscar;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat convert oscar</c>.</summary>
internal static class OscarCommand
{
    /// <summary>Bad lines named on stderr; the rest are only counted, so one broken file does not flood the log.</summary>

    private const double DefaultTestFraction = 0.005;

    public static Command Create()
    {
        var input = new Option<string[]>("--input", "-i")
        {
            Description = "OSCAR files or folders, read in the order given (folders: their .txt[.gz], .jsonl[.gz|.zst] and .parquet files, " +
                          "in path order). 2019 .txt.gz (documents separated by blank lines), 22.01 .jsonl.gz, 23.01 .jsonl.zst, or Hugging Face " +
                          "parquet with a text column; compression is told by the file's first bytes.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The dataset folder.", DefaultValueFactory = _ => new DirectoryInfo("data") };
        var exclude = new Option<string?>("--exclude-annotations")
        {
            Description = $"Skip documents carrying any of these quality annotations, comma-separated: {string.Join(",", OscarOptions.KnownAnnotations)}. " +
                          "Read from 22.01 metadata.annotation and 23.01 metadata.quality_warnings (23.01's adult flag: metadata.categories); " +
                          "2019 text carries none.",
        };
        var minChars = new Option<int>("--min-chars") { Description = "Skip documents shorter than this many characters." };
        var testFraction = new Option<double?>("--test-fraction")
        {
            Description = $"Share of documents in test (default {DefaultTestFraction}): OSCAR has no split, so a document goes to test when a hash " +
                          "of its position (file index and line) and --seed falls under it; deterministic, and stable across resumes.",
        };
        var testDocs = new Option<long?>("--test-docs") { Description = "Instead of --test-fraction: the first N documents kept go to test, all later ones to train." };
        var seed = new Option<int>("--seed") { Description = "Seed of the split hash.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary on stdout." };
        var command = new Command("oscar",
            "OSCAR documents as the `oscar` config: one row per document, its text as it is. Bad JSON lines are skipped and counted " +
            "(the first few named on stderr); a cut-off .gz or .zst stops with the file and its last good line, keeping the rows " +
            "before it, and the same command resumes.")
        {
            input, output, exclude, minChars, testFraction, testDocs, seed, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            if (result.GetValue(testFraction) is not null && result.GetValue(testDocs) is not null)
                throw new ArgumentException("give --test-fraction or --test-docs, not both");
            var warnings = new SkipWarnings("skipped lines");
            var options = new OscarOptions
            {
                ExcludeAnnotations = (result.GetValue(exclude) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(a => a.ToLowerInvariant()).Distinct().ToList(),
                MinChars = result.GetValue(minChars),
                Split = new HashedSplit(result.GetValue(testFraction) ?? DefaultTestFraction, result.GetValue(seed)),
                TestDocs = result.GetValue(testDocs),
                Warn = warnings.Add,
            };
            var root = result.GetValue(output)!.FullName;
            Directory.CreateDirectory(root);
            try
            {
                var report = await RunAsync(result.GetValue(input)!, root, options, warnings, ct);
                warnings.Flush(Console.Error.WriteLine);
                warnings.Summarize();
                ConvertCommand.Report(report, result.GetValue(json));
                return 0;
            }
            finally
            {
                // Bad lines met before an error or a stop are worth seeing too.
                warnings.Flush(Console.Error.WriteLine);
            }
        }));
        return command;
    }

    private static async Task<ConversionReport> RunAsync(string[] inputs, string root, OscarOptions options, SkipWarnings warnings, CancellationToken ct)
    {
        if (!Terminal.Interactive)
        {
            warnings.Immediate = true;
            return await OscarConverter.ConvertAsync(inputs, root, options, null, ct);
        }
        return await LiveProgress.RunAsync<OscarProgress, ConversionReport>("oscar",
            progress => OscarConverter.ConvertAsync(inputs, root, options, progress, ct),
            (bar, p) =>
            {
                bar.MaxValue = Math.Max(1, p.InputLength);
                bar.Value = p.InputBytes;
                bar.Description = $"oscar: file {Math.Min(p.File + 1, Math.Max(1, p.Files))}/{p.Files}, {p.Documents:N0} documents, {p.Rows:N0} rows";
            },
            warnings: warnings);
    }


}
