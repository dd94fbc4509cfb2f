namespace Jat.Schema.Statistics;

/// <summary>A feature's statistics over a split: one <see cref="ValueSummary"/> per dimension, and value counts for discrete scalars.</summary>
public sealed class FeatureSummary(string name, string kind)
{
    private const int MaxDistinctValues = 4096;

    private readonly List<ValueSummary> _dimensions = [];
    private readonly SortedDictionary<long, long> _valueCounts = [];

    public string Name { get; } = name;

    /// <summary>What a value is: "value", "length" (text characters, image bytes), or "steps".</summary>
    public string Kind { get; } = kind;

    public IReadOnlyList<ValueSummary> Dimensions => _dimensions;

    public IReadOnlyDictionary<long, long> ValueCounts => _valueCounts;

    /// <summary>More distinct values than are counted (the counts then cover the first ones seen).</summary>
    public bool ValueCountsTruncated { get; private set; }

    public void Add(int dimension, double value)
    {
        while (_dimensions.Count <= dimension)
            _dimensions.Add(new ValueSummary(HashCode.Combine(Name, _dimensions.Count) & int.MaxValue));
        _dimensions[dimension].Add(value);
    }

    public void Count(long value)
    {
        if (_valueCounts.TryGetValue(value, out var n))
            _valueCounts[value] = n + 1;
        else if (_valueCounts.Count < MaxDistinctValues)
            _valueCounts[value] = 1;
        else
            ValueCountsTruncated = true;
    }
}
