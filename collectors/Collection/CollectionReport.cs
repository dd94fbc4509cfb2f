using Jat.Schema.Shards;

namespace Jat.Collectors.Collection;

/// <summary>
/// What a collection wrote. <see cref="Resumed"/> counts the episodes found already committed when it started;
/// returns and steps cover the episodes this run played.
/// </summary>
public sealed record CollectionReport(
    string Task, long TrainEpisodes, long TestEpisodes, long Resumed, long Discarded,
    IReadOnlyDictionary<string, long> DiscardReasons, long Steps, double MeanReturn, long Bytes, double Seconds)
{
    /// <summary>The two splits as written (rows, shards, bytes).</summary>
    public IReadOnlyList<SplitSummary> Splits { get; init; } = [];
}
