using System.Globalization;

namespace Jat.Collectors.Collection;

/// <summary>
/// One shard of a collection: <see cref="Episodes"/> kept episodes of one split, written as
/// <c>&lt;split&gt;-&lt;Index&gt;-of-&lt;Count&gt;.parquet</c>. A part draws its episodes from its own seed stream, so it
/// depends on nothing but the plan: any thread, process or machine writes it identically, and the parts of a
/// collection written apart merge by file name into the whole.
/// </summary>
public sealed record CollectionPart(string Split, int Index, int Count, long Episodes)
{
    /// <summary>What the part's episode seeds derive from, with the plan's seed and the attempt's number.</summary>
    public string Stream(string task) => string.Create(CultureInfo.InvariantCulture, $"{task}/{Split}/{Index}");
}
