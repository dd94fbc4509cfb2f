using System.CommandLine;
using Jat.Cli.Presentation;
using Jat.Converters;
using Jat.Converters.Wikipedia;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat convert wikipedia</c>.</summary>
internal static class WikipediaCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input", "-i") { Description = "A pages-articles(-multistream).xml.bz2 dump (or its .xml), or a folder of wikimedia/wikipedia parquet files.", Required = true };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The dataset folder.", DefaultValueFactory = _ => new DirectoryInfo("data") };
        var testFraction = new Option<double>("--test-fraction") { Description = "Share of articles in test, chosen by a hash of the page id (Wikipedia has no split of its own).", DefaultValueFactory = _ => 0.005 };
        var seed = new Option<int>("--seed") { Description = "Seed of the split hash.", DefaultValueFactory = _ => 0 };
        var limit = new Option<long?>("--limit") { Description = "Read only the first N pages (a quick trial)." };
        var minTokens = new Option<int?>("--min-tokens") { Description = "Skip articles shorter than this many GPT-2 tokens." };
        var maxTokens = new Option<long?>("--max-tokens") { Description = "Stop once the articles written hold this many GPT-2 tokens in all (a size budget)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary on stdout." };
        var command = new Command("wikipedia",
            "Wikipedia articles as the `wikipedia` config: main namespace only, redirects skipped, wikitext cleaned to plain text " +
            "(templates, tables, references, files and categories removed; links as their text; headings kept as lines).")
        {
            input, output, testFraction, seed, limit, minTokens, maxTokens, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var fraction = result.GetValue(testFraction);
            if (fraction is < 0 or > 1)
                throw new ArgumentException("--test-fraction is a share between 0 and 1");
            var options = new WikipediaOptions(new HashedSplit(fraction, result.GetValue(seed)), result.GetValue(limit),
                MinTokens: result.GetValue(minTokens), MaxTokens: result.GetValue(maxTokens));
            var root = result.GetValue(output)!.FullName;
            Directory.CreateDirectory(root);
            var report = await RunAsync(result.GetValue(input)!, root, options, ct);
            ConvertCommand.Report(report, result.GetValue(json));
            return 0;
        }));
        return command;
    }

    private static async Task<ConversionReport> RunAsync(string input, string root, WikipediaOptions options, CancellationToken ct)
    {
        if (!Terminal.Interactive)
            return await WikipediaConverter.ConvertAsync(input, root, options, null, ct);
        return await LiveProgress.RunAsync<WikipediaProgress, ConversionReport>("wikipedia",
            progress => WikipediaConverter.ConvertAsync(input, root, options, progress, ct),
            (bar, p) =>
            {
                bar.MaxValue = Math.Max(1, p.InputLength);
                bar.Value = p.InputBytes;
                bar.Description = $"wikipedia: {p.Pages:N0} pages, {p.Rows:N0} articles";
            });
    }

}
