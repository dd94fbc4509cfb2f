using System.Globalization;
using System.Text;
using Jat.Schema.Tasks;
using Jat.Schema.Validation;

namespace Jat.Schema.Card;

/// <summary>One config as the card shows it: the task, its splits as written (if any), and where its rows came from.</summary>
public sealed record CardConfig(TaskSpec Task, IReadOnlyList<SplitStats> Splits, string? Provenance = null);

/// <summary>
/// The dataset card: <c>README.md</c> with the Hub's YAML header (<c>configs</c> with <c>data_files</c> per split,
/// <c>dataset_info</c> with features and split sizes, license, task categories) and prose a person can read.
/// With the features in the card, <c>datasets</c> and the viewer never have to infer them from the files.
/// </summary>
public static class DatasetCard
{
    public static string Render(IReadOnlyList<CardConfig> configs, string title)
    {
        var card = new StringBuilder();
        card.Append("---\n").Append(Yaml(configs)).Append("---\n\n");
        Prose(card, configs, title);
        return card.ToString();
    }

    private static string Yaml(IReadOnlyList<CardConfig> configs)
    {
        var yaml = new YamlText();
        yaml.Line("license: apache-2.0");
        yaml.Line("pretty_name: JAT dataset");
        yaml.Line("task_categories:");
        foreach (var category in Categories(configs))
            yaml.Line($"- {category}");
        yaml.Line("tags:");
        foreach (var tag in new[] { "imitation-learning", "reinforcement-learning", "generalist-agent", "jat" })
            yaml.Line($"- {tag}");
        var rows = configs.SelectMany(c => c.Splits).Sum(s => s.Rows);
        yaml.Line("size_categories:");
        yaml.Line($"- {SizeCategory(configs.Any(c => c.Splits.Count > 0) ? rows : FullSizeRows)}");
        yaml.Line("configs:");
        foreach (var config in configs)
        {
            yaml.Line($"- config_name: {config.Task.Name}");
            using (yaml.Indent())
            {
                yaml.Line("data_files:");
                foreach (var split in SplitsOf(config))
                {
                    yaml.Line($"- split: {split}");
                    using (yaml.Indent())
                        yaml.Line($"path: {config.Task.Name}/{split}-*");
                }
            }
        }
        yaml.Line("dataset_info:");
        foreach (var config in configs)
        {
            yaml.Line($"- config_name: {config.Task.Name}");
            using (yaml.Indent())
            {
                yaml.Line("features:");
                foreach (var (name, feature) in config.Task.Features)
                    FeatureYaml.Append(yaml, name, feature);
                if (config.Splits.Count == 0)
                    continue;
                yaml.Line("splits:");
                foreach (var split in config.Splits.OrderBy(s => SplitOrder(s.Split)))
                {
                    yaml.Line($"- name: {split.Split}");
                    using (yaml.Indent())
                    {
                        yaml.Line(Invariant($"num_bytes: {split.NumBytes}"));
                        yaml.Line(Invariant($"num_examples: {split.Rows}"));
                    }
                }
                yaml.Line(Invariant($"download_size: {config.Splits.Sum(s => s.FileBytes)}"));
                yaml.Line(Invariant($"dataset_size: {config.Splits.Sum(s => s.NumBytes)}"));
            }
        }
        return yaml.ToString();
    }

    private static void Prose(StringBuilder card, IReadOnlyList<CardConfig> configs, string title)
    {
        var built = configs.Any(c => c.Splits.Count > 0);
        card.Append("# ").Append(title).Append("\n\n");
        card.Append("The training data of JAT (\"Jack of All Trades, Master of Some\", arXiv 2402.09844), a multi-modal, multi-task ")
            .Append("transformer agent: expert episodes in Atari, BabyAI, Meta-World and MuJoCo, with text (OSCAR, Wikipedia) and ")
            .Append("image-caption pairs (Conceptual Captions, OK-VQA). It was written by Jat, a C# toolkit that rebuilds the dataset from ")
            .Append("environments, experts and public sources, in the layout `datasets` and the Hub read natively.\n\n");
        card.Append("Each configuration is one task. In reinforcement-learning tasks **one row is one whole episode**: every column ")
            .Append("is a list over its steps, holding observations o0..oT-1, actions a0..aT-1 and rewards r1..rT (the reward that follows ")
            .Append("each action; the final observation is not stored). In text and vision-language tasks one row is one document or one ")
            .Append("image-caption pair.\n\n");
        card.Append("## Loading\n\n```python\nfrom datasets import load_dataset\n\n")
            .Append("episodes = load_dataset(\"<this repository or folder>\", \"").Append(configs.Count > 0 ? configs[0].Task.Name : "atari-pong")
            .Append("\", split=\"train\")\n```\n\n");
        card.Append("## Configurations\n\n");
        if (built)
        {
            card.Append("| config | domain | train rows | test rows | size on disk | rows |\n|---|---|---:|---:|---:|---|\n");
            foreach (var config in configs)
            {
                long Rows(string split) => config.Splits.Where(s => s.Split == split).Sum(s => s.Rows);
                card.Append(Invariant($"| {config.Task.Name} | {config.Task.Domain.Id()} | {Rows("train"):N0} | {Rows("test"):N0} | {Megabytes(config.Splits.Sum(s => s.FileBytes))} | {config.Provenance ?? "not recorded"} |\n"));
            }
        }
        else
        {
            card.Append("| config | domain | environment | size and split | expert score | random score |\n|---|---|---|---|---:|---:|\n");
            foreach (var config in configs)
            {
                var task = config.Task;
                card.Append(Invariant($"| {task.Name} | {task.Domain.Id()} | {task.EnvId ?? "-"} | {task.Split.Description} | {Score(task.Scores?.Expert)} | {Score(task.Scores?.Random)} |\n"));
            }
        }
        card.Append('\n');
        card.Append("## Columns\n\n| domain | columns |\n|---|---|\n");
        foreach (var domain in configs.Select(c => c.Task).DistinctBy(t => t.Domain))
            card.Append($"| {domain.Domain.Id()} | {string.Join(", ", domain.Columns.Select(c => $"`{c.Name}` {Describe(c.Feature)}"))} |\n");
        card.Append('\n');
        card.Append("Atari observations are four stacked 84×84 grayscale frames stored as one RGBA PNG per step: channels R, G, B, A are ")
            .Append("frames t-3, t-2, t-1, t. BabyAI discrete observations are the agent's direction followed by the 7×7×3 symbolic view ")
            .Append("(148 integers); the mission is the text observation of every step.\n\n");
        card.Append("## How it is made\n\n");
        card.Append("`jat regenerate --out <folder>` writes every task of a plan, resumably, then this card; `jat validate <folder>` checks ")
            .Append("every shard against its task's features and the Hub's rules; `jat push <folder> <repo>` uploads it. Shards are ")
            .Append("`<config>/<split>-NNNNN-of-MMMMM.parquet`, every field OPTIONAL, with the features in the files' `huggingface` metadata ")
            .Append("and in this card.\n\n");
        if (configs.Any(c => c.Provenance?.Contains("sample", StringComparison.Ordinal) == true))
            card.Append("Configurations whose rows are marked *sample* hold synthetic rows with the exact schema of the task, written before ")
                .Append("Jat had that task's expert or converter: they exercise the format and are **not** expert play.\n\n");
        card.Append("## License\n\nApache-2.0, as the original JAT dataset. Text and images keep the terms of their sources.\n\n");
        card.Append("## Citation\n\n```bibtex\n@article{gallouedec2024jack,\n  title={Jack of All Trades, Master of Some, a Multi-Purpose Transformer Agent},\n")
            .Append("  author={Gallou{\\'e}dec, Quentin and Beeching, Edward and Romac, Cl{\\'e}ment and Dellandr{\\'e}a, Emmanuel},\n")
            .Append("  journal={arXiv preprint arXiv:2402.09844},\n  year={2024}\n}\n```\n");
    }

    /// <summary>JAT's full dataset counts hundreds of millions of rows once text is included (Hub: 100M–1B).</summary>
    private const long FullSizeRows = 250_000_000;

    private static IEnumerable<string> Categories(IReadOnlyList<CardConfig> configs)
    {
        var domains = configs.Select(c => c.Task.Domain).ToHashSet();
        if (domains.Any(d => d.IsReinforcementLearning()))
            yield return "reinforcement-learning";
        if (domains.Contains(Domain.Text) || domains.Contains(Domain.BabyAI))
            yield return "text-generation";
        if (domains.Contains(Domain.VisionLanguage))
            yield return "image-to-text";
        if (configs.Any(c => c.Task.Name == "ok-vqa"))
            yield return "visual-question-answering";
    }

    private static IEnumerable<string> SplitsOf(CardConfig config) => config.Splits.Count > 0
        ? config.Splits.Select(s => s.Split).Distinct().OrderBy(SplitOrder)
        : SplitRule.SplitNames;

    private static int SplitOrder(string split) => split switch { "train" => 0, "validation" => 1, "test" => 2, _ => 3 };

    private static string SizeCategory(long rows) => rows switch
    {
        < 1_000 => "n<1K",
        < 10_000 => "1K<n<10K",
        < 100_000 => "10K<n<100K",
        < 1_000_000 => "100K<n<1M",
        < 10_000_000 => "1M<n<10M",
        < 100_000_000 => "10M<n<100M",
        < 1_000_000_000 => "100M<n<1B",
        _ => "1B<n<10B",
    };

    private static string Describe(Features.Feature feature) => feature switch
    {
        Features.ValueFeature v => v.Dtype,
        Features.ImageFeature => "image",
        Features.SequenceFeature s => s.Length > 0 ? Invariant($"list[{s.Length}] of {Describe(s.Item)}") : $"list of {Describe(s.Item)}",
        _ => "?",
    };

    private static string Score(Score? score) => score is null ? "-" : Invariant($"{score.Mean:0.###}");

    private static string Megabytes(long bytes) => Invariant($"{bytes / 1e6:0.0} MB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
