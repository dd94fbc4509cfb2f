namespace Jat.Converters;

/// <summary>What a conversion wrote, per split, and what it skipped, by reason (e.g. "http 404", "corrupt image").</summary>
public sealed record ConversionReport(string Task, IReadOnlyDictionary<string, long> Rows, IReadOnlyDictionary<string, long> Skipped)
{
    public long TotalRows => Rows.Values.Sum();
    public long TotalSkipped => Skipped.Values.Sum();
}

/// <summary>Counts skipped inputs by reason, from several threads.</summary>
public sealed class SkipCounter
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Add(string reason) => _counts.AddOrUpdate(reason, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);
}
