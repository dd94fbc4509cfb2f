using System.Globalization;
using System.Text.RegularExpressions;

namespace Jat.Schema.Shards;

/// <summary>
/// <c>&lt;task&gt;/&lt;split&gt;-NNNNN-of-MMMMM.parquet</c>, the shard names <c>datasets</c>' push_to_hub writes
/// and the Hub resolves into splits.
/// </summary>
public sealed partial record ShardName(string Task, string Split, int Index, int Count)
{
    public string FileName => string.Create(CultureInfo.InvariantCulture, $"{Split}-{Index:D5}-of-{Count:D5}.parquet");

    public string RelativePath => $"{Task}/{FileName}";

    public static bool TryParse(string task, string fileName, out ShardName? name)
    {
        var match = Pattern().Match(fileName);
        name = match.Success
            ? new ShardName(task, match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture))
            : null;
        return match.Success;
    }

    [GeneratedRegex(@"^(\w+(?:\.\w+)*)-(\d{5})-of-(\d{5})\.parquet$")]
    private static partial Regex Pattern();
}
