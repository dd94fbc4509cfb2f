using System.CommandLine;
using Jat.Cli.Presentation;
using Jat.Schema.Card;
using Jat.Schema.Tasks;
using Jat.Schema.Validation;

namespace Jat.Cli.Commands;

/// <summary><c>jat card &lt;dir&gt;</c>: the dataset card (README.md) of a dataset folder, or of the full JAT dataset.</summary>
internal static class CardCommand
{
    public const string Title = "JAT dataset, built with Jat";

    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo?>("dir") { Description = "The dataset folder; its README.md is (re)written.", Arity = ArgumentArity.ZeroOrOne };
        var full = new Option<bool>("--full") { Description = "The card of the full JAT dataset (all 161 configs, no sizes) instead of a folder's." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the card here instead (`-` for stdout)." };
        var command = new Command("card",
            "Write the dataset card: README.md with the Hub's YAML (configs, data_files, features, split sizes, license) and prose.")
        {
            folder, full, output,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var dir = result.GetValue(folder);
            if (dir is null == !result.GetValue(full))
                throw new ArgumentException("give either a dataset folder or --full");
            var text = dir is null ? FullCard() : await FolderCardAsync(dir.FullName, ct);
            var path = result.GetValue(output)?.ToString() ?? (dir is null ? "-" : Path.Combine(dir.FullName, "README.md"));
            if (path == "-")
                Console.Out.Write(text);
            else
            {
                await File.WriteAllTextAsync(path, text, ct);
                Console.Error.WriteLine($"jat: wrote {path}");
            }
            return 0;
        }));
        return command;
    }

    public static string FullCard() =>
        DatasetCard.Render(TaskRegistry.All.Select(t => new CardConfig(t, [])).ToList(), "JAT dataset (161 configs), as Jat builds it");

    public static async Task<string> FolderCardAsync(string root, CancellationToken ct)
    {
        var stats = await ShardValidator.StatsAsync(root, ct);
        var notes = DatasetNotes.Load(root).Provenance;
        var configs = stats.GroupBy(s => s.Task)
            .Select(g => new CardConfig(TaskRegistry.Get(g.Key), g.ToList(), notes.GetValueOrDefault(g.Key)))
            .ToList();
        if (configs.Count == 0)
            throw new InvalidDataException($"{root} holds no shards of a JAT task; nothing to describe");
        return DatasetCard.Render(configs, Title);
    }
}
