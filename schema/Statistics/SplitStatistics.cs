using Jat.Schema.Columns;

namespace Jat.Schema.Statistics;

/// <summary>One split of one task: its rows, episode lengths and returns (RL tasks), and every feature.</summary>
public sealed class SplitStatistics
{
    private readonly List<FeatureSummary> _features = [];

    public SplitStatistics(string task, string split, IReadOnlyList<ColumnSpec> columns)
    {
        Task = task;
        Split = split;
        Columns = columns;
        foreach (var column in columns)
            _features.Add(new FeatureSummary(column.Name, column.Kind switch
            {
                ColumnKind.Text => "characters",
                ColumnKind.Image => "bytes",
                ColumnKind.StringSteps or ColumnKind.ImageSteps => "steps",
                _ => "value",
            }));
        IsEpisodic = columns.Any(c => c.IsPerStep);
    }

    public string Task { get; }
    public string Split { get; }
    public IReadOnlyList<ColumnSpec> Columns { get; }
    public bool IsEpisodic { get; }
    public long Rows { get; private set; }
    public ValueSummary EpisodeLength { get; } = new(1);
    public ValueSummary EpisodeReturn { get; } = new(2);
    public IReadOnlyList<FeatureSummary> Features => _features;

    public void Add(Example row)
    {
        Rows++;
        for (var c = 0; c < Columns.Count; c++)
        {
            var feature = _features[c];
            switch (Columns[c].Name)
            {
                case "continuous_observations": Vectors(feature, row.ContinuousObservations); break;
                case "continuous_actions": Vectors(feature, row.ContinuousActions); break;
                case "discrete_observations":
                    foreach (var step in row.DiscreteObservations ?? [])
                        for (var d = 0; d < step.Length; d++)
                            feature.Add(d, step[d]);
                    break;
                case "discrete_actions":
                    foreach (var action in row.DiscreteActions ?? [])
                    {
                        feature.Add(0, action);
                        feature.Count(action);
                    }
                    break;
                case "rewards":
                    var total = 0.0;
                    foreach (var reward in row.Rewards ?? [])
                    {
                        feature.Add(0, reward);
                        total += reward;
                    }
                    EpisodeReturn.Add(total);
                    break;
                case "text_observations": feature.Add(0, row.TextObservations?.Count ?? 0); break;
                case "image_observations": feature.Add(0, row.ImageObservations?.Count ?? 0); break;
                case "text": feature.Add(0, row.Text?.Length ?? 0); break;
                case "images": feature.Add(0, row.Image?.Length ?? 0); break;
            }
        }
        if (IsEpisodic)
            EpisodeLength.Add(row.Rewards?.Count ?? row.DiscreteActions?.Count ?? row.ContinuousActions?.Count ?? 0);
    }

    private static void Vectors(FeatureSummary feature, IReadOnlyList<float[]>? steps)
    {
        foreach (var step in steps ?? [])
            for (var d = 0; d < step.Length; d++)
                feature.Add(d, step[d]);
    }
}
