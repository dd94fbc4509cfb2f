using System.Globalization;

namespace Jat.Benchmarks;

/// <summary>
/// How much CPU other processes took while the benchmark ran (Linux): the machine's busy time from <c>/proc/stat</c>,
/// minus this process's and its waited-for children's (the DuckDB baseline) from <c>/proc/self/stat</c>. On a shared
/// machine this says whether the figures can be trusted.
/// </summary>
internal sealed class MachineLoad
{
    private readonly (long Busy, long Total)? _machine = Machine();
    private readonly long? _own = Own();

    /// <summary>Share of all cores that other processes used since this was made, 0 to 1; null off Linux.</summary>
    public double? OthersShare()
    {
        if (_machine is not { } start || Machine() is not { } end || _own is not { } ownStart || Own() is not { } ownEnd)
            return null;
        var total = end.Total - start.Total;
        return total <= 0 ? null : Math.Clamp((end.Busy - start.Busy - (ownEnd - ownStart)) / (double)total, 0, 1);
    }

    /// <summary>Busy and total clock ticks of all cores: <c>cpu user nice system idle iowait irq softirq steal</c>.</summary>
    private static (long Busy, long Total)? Machine()
    {
        var line = Read("/proc/stat")?.Split('\n')[0];
        if (line is null || !line.StartsWith("cpu ", StringComparison.Ordinal))
            return null;
        var ticks = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        var idle = ticks[3] + ticks[4];
        return (ticks.Sum() - idle, ticks.Sum());
    }

    /// <summary>utime + stime + cutime + cstime of this process, in clock ticks (fields 14–17 of <c>/proc/self/stat</c>).</summary>
    private static long? Own()
    {
        var stat = Read("/proc/self/stat");
        if (stat is null)
            return null;
        // The command name (field 2) may hold spaces; the fields after it follow its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Skip(11).Take(4).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
    }

    private static string? Read(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
