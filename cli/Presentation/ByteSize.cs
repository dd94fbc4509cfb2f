using System.Globalization;
using System.Text.RegularExpressions;

namespace Jat.Cli.Presentation;

/// <summary>Sizes as people write them on a command line: 500MB, 64MiB, 1.5GB, 200KB, 4096.</summary>
internal static partial class ByteSize
{
    public static long Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
            throw new FormatException($"'{text}' is not a size; write it like 500MB, 64MiB or 4096");
        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups[2].Value.ToUpperInvariant();
        double scale = unit switch
        {
            "" or "B" => 1,
            "KB" or "K" => 1e3,
            "MB" or "M" => 1e6,
            "GB" or "G" => 1e9,
            "KIB" => 1024,
            "MIB" => 1024 * 1024,
            "GIB" => 1024 * 1024 * 1024,
            _ => throw new FormatException($"'{unit}' is not a size unit; use B, KB, MB, GB, KiB, MiB or GiB"),
        };
        var bytes = number * scale;
        return bytes is >= 1 and <= long.MaxValue
            ? (long)bytes
            : throw new FormatException($"'{text}' is out of range");
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.00} GB"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]*)$")]
    private static partial Regex Pattern();
}
