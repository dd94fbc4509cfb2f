using Jat.Schema.Columns;
using Jat.Schema.Features;

namespace Jat.Schema.Tasks;

/// <summary>One config of the JAT dataset: everything a writer, reader or card needs to know about it.</summary>
/// <param name="Name">the config name, e.g. <c>atari-pong</c></param>
/// <param name="EnvId">the environment JAT evaluates on (<c>ALE/Pong-v5</c>); null for text and vision-language</param>
/// <param name="ActionCount">number of discrete actions, where the task has a fixed count</param>
public sealed record TaskSpec(
    string Name,
    Domain Domain,
    string? EnvId,
    IReadOnlyList<ColumnSpec> Columns,
    SplitRule Split,
    TaskScores? Scores,
    int? ActionCount = null)
{
    public ColumnSpec? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);

    public IEnumerable<KeyValuePair<string, Feature>> Features =>
        Columns.Select(c => new KeyValuePair<string, Feature>(c.Name, c.Feature));

    /// <summary>The <c>huggingface</c> Parquet metadata value of this task's shards.</summary>
    public string FeaturesMetadata => FeatureJson.ToMetadata(Features);
}
