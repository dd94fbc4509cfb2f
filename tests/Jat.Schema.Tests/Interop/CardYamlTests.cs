using System.Text.Json.Nodes;
using Jat.Schema.Card;
using Jat.Schema.Samples;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Validation;

namespace Jat.Schema.Tests.Interop;

/// <summary>The card's YAML, parsed by an independent YAML parser, says what the Hub and datasets need.</summary>
[Collection(InteropCollection.Name)]
public sealed class CardYamlTests
{
    [Fact]
    public async Task A_folder_card_parses_to_configs_data_files_features_and_split_sizes()
    {
        using var folder = new TempDirectory();
        foreach (var name in new[] { "babyai-unlock", "atari-pong" })
        {
            var task = TaskRegistry.Get(name);
            foreach (var (split, rows) in new[] { ("train", 4), ("test", 2) })
            {
                await using var writer = await ShardWriter.OpenAsync(folder.Path, task, split);
                for (var i = 0; i < rows; i++)
                    await writer.WriteAsync(SampleRows.Create(task, i, 3, 4));
                await writer.CompleteAsync();
            }
        }
        var stats = await ShardValidator.StatsAsync(folder.Path);
        var configs = stats.GroupBy(s => s.Task).Select(g => new CardConfig(TaskRegistry.Get(g.Key), g.ToList(), "sample")).ToList();
        var card = folder.Combine("README.md");
        await File.WriteAllTextAsync(card, DatasetCard.Render(configs, "test card"));

        var header = (await NodeScript.RunAsync("card-read.mjs", card))["header"]!;
        Assert.Equal("apache-2.0", (string?)header["license"]);
        var babyai = header["configs"]!.AsArray().Single(c => (string?)c!["config_name"] == "babyai-unlock")!;
        Assert.Equal(["train", "test"], babyai["data_files"]!.AsArray().Select(f => (string?)f!["split"]));
        Assert.Equal("babyai-unlock/train-*", (string?)babyai["data_files"]![0]!["path"]);

        var info = header["dataset_info"]!.AsArray().Single(c => (string?)c!["config_name"] == "babyai-unlock")!;
        var features = info["features"]!.AsArray();
        Assert.Equal(["text_observations", "discrete_observations", "discrete_actions", "rewards"], features.Select(f => (string?)f!["name"]));
        var observations = features[1]!["sequence"]!;
        Assert.Equal("int64", (string?)observations["sequence"]);
        Assert.Equal(148, (int)observations["length"]!);
        Assert.Equal("float32", (string?)features[3]!["sequence"]);
        Assert.Equal(4, (int)info["splits"]!.AsArray().Single(s => (string?)s!["name"] == "train")!["num_examples"]!);
        Assert.True((long)info["download_size"]! > 0);

        var atari = header["dataset_info"]!.AsArray().Single(c => (string?)c!["config_name"] == "atari-pong")!;
        Assert.Equal("image", (string?)atari["features"]![0]!["sequence"]);
    }
}
