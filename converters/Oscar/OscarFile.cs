namespace Jat.Converters.Oscar;

internal enum OscarContainer
{
    Plain,
    Gzip,
    Zstd,
    Parquet,
}

/// <summary>How the lines of a line-based file hold documents.</summary>
internal enum OscarLayout
{
    /// <summary>Decided by the first non-blank line: <c>{</c> opens JSONL, anything else is 2019 text.</summary>
    Unknown,
    /// <summary>22.01 / 23.01: one JSON document per line.</summary>
    Jsonl,
    /// <summary>2019 (unshuffled): a document is a run of non-blank lines, ended by a blank line.</summary>
    Text,
}

/// <summary>One input file, its compression told by its first bytes and its layout by its name (or its content).</summary>
internal sealed record OscarFile(string Path, OscarContainer Container, OscarLayout Layout)
{
    /// <summary>What a folder given as input contributes: OSCAR's data files, not its checksum lists or READMEs.</summary>
    private static readonly string[] DataSuffixes = [".parquet", ".jsonl", ".jsonl.gz", ".jsonl.zst", ".txt", ".txt.gz", ".txt.zst"];

    /// <summary>Files and folders (searched recursively, in ordinal order of their paths) in the order given.</summary>
    /// <remarks>The order is part of the resume cursor (<c>&lt;file index&gt;:&lt;line&gt;</c>), so it must not depend on the file system.</remarks>
    public static List<OscarFile> Expand(IReadOnlyList<string> inputs)
    {
        var files = new List<OscarFile>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(IsDataFile)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                    throw new FileNotFoundException($"{input} holds no OSCAR files (.txt[.gz], .jsonl[.gz|.zst] or .parquet)");
                files.AddRange(found.Select(Detect));
            }
            else if (File.Exists(input))
            {
                files.Add(Detect(input));
            }
            else
            {
                throw new FileNotFoundException($"no OSCAR input at {input}: give files or folders", input);
            }
        }
        if (files.Count == 0)
            throw new ArgumentException("give at least one OSCAR file or folder with --input");
        return files;
    }

    private static bool IsDataFile(string path)
    {
        var name = System.IO.Path.GetFileName(path).ToLowerInvariant();
        return DataSuffixes.Any(name.EndsWith) && !name.Contains("sha256", StringComparison.Ordinal) && !name.Contains("checksum", StringComparison.Ordinal);
    }

    public static OscarFile Detect(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        int read;
        using (var file = File.OpenRead(path))
            read = file.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        magic = magic[..read];
        var name = System.IO.Path.GetFileName(path).ToLowerInvariant();
        var container = magic.StartsWith("PAR1"u8) || name.EndsWith(".parquet", StringComparison.Ordinal) ? OscarContainer.Parquet
            : magic.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) ? OscarContainer.Gzip
            : magic.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD]) ? OscarContainer.Zstd
            : OscarContainer.Plain;
        foreach (var suffix in new[] { ".gz", ".zst", ".zstd" })
            if (name.EndsWith(suffix, StringComparison.Ordinal))
                name = name[..^suffix.Length];
        var layout = name.EndsWith(".jsonl", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".ndjson", StringComparison.Ordinal)
            ? OscarLayout.Jsonl
            : name.EndsWith(".txt", StringComparison.Ordinal) ? OscarLayout.Text : OscarLayout.Unknown;
        return new OscarFile(path, container, layout);
    }

    /// <summary>How the file is described in the provenance and messages.</summary>
    public string Kind => Container switch
    {
        OscarContainer.Parquet => "parquet",
        _ => (Layout switch { OscarLayout.Jsonl => "jsonl", OscarLayout.Text => "txt", _ => "lines" }) +
             (Container switch { OscarContainer.Gzip => ".gz", OscarContainer.Zstd => ".zst", _ => "" }),
    };
}
