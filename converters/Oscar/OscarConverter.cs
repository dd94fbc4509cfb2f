using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jat.Schema.Card;
using Jat.Schema.Columns;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;

namespace Jat.Converters.Oscar;

public sealed record OscarOptions
{
    /// <summary>The quality annotations OSCAR 22.01 and 23.01 set (reference §2.1).</summary>
    public static readonly IReadOnlyList<string> KnownAnnotations = ["tiny", "short_sentences", "header", "footer", "noisy", "adult"];

    /// <summary>Documents carrying any of these annotations are skipped.</summary>
    public IReadOnlyCollection<string> ExcludeAnnotations { get; init; } = [];

    /// <summary>Documents with fewer characters (Unicode scalar values) are skipped.</summary>
    public int MinChars { get; init; }

    /// <summary>Used unless <see cref="TestDocs"/> is set: a document's split follows a hash of its position and the seed.</summary>
    public HashedSplit Split { get; init; } = new();

    /// <summary>The first N documents kept go to test, all others to train.</summary>
    public long? TestDocs { get; init; }

    public ShardWriterOptions? Writer { get; init; }

    /// <summary>Told about each bad line (file and line number) and each file whose format carries no annotations to filter on.</summary>
    public Action<string>? Warn { get; init; }
}

/// <summary>How far a conversion has gone: documents read, rows written, input bytes consumed of all.</summary>
public readonly record struct OscarProgress(long Documents, long Rows, int File, int Files, long InputBytes, long InputLength);

/// <summary>
/// <c>jat convert oscar</c>: one row per OSCAR document, <c>{"text": content}</c>, from OSCAR 2019 text, 22.01
/// <c>.jsonl.gz</c>, 23.01 <c>.jsonl.zst</c> or Hugging Face parquet, optionally filtered on the quality annotations
/// and on length. OSCAR has no split; test is chosen by a hash of each document's position, or is the first N documents.
/// </summary>
/// <remarks>
/// The resume cursor is <c>&lt;file index&gt;:&lt;line&gt;</c> of the last committed document. Files before the
/// cursor's are not opened again; in its file, the lines before it are only counted.
/// </remarks>
public static class OscarConverter
{
    public static async Task<ConversionReport> ConvertAsync(IReadOnlyList<string> inputs, string root, OscarOptions options,
        IProgress<OscarProgress>? progress = null, CancellationToken ct = default)
    {
        Check(options);
        var task = TaskRegistry.Get("oscar");
        var files = OscarFile.Expand(inputs);
        DatasetNotes.Claim(root, task.Name, Provenance(files, options));
        var skipped = new SkipCounter();
        var writers = new Dictionary<string, ShardWriter>(StringComparer.Ordinal);
        try
        {
            foreach (var split in new[] { "train", "test" })
                writers[split] = await ShardWriter.OpenAsync(root, task, split, options.Writer, ct).ConfigureAwait(false);
            if (!writers.Values.All(w => w.IsComplete))
                await ConvertAsync(files, writers, options, skipped, progress, ct).ConfigureAwait(false);
            foreach (var writer in writers.Values)
                await writer.CompleteAsync(ct).ConfigureAwait(false);
            return new ConversionReport(task.Name, writers.ToDictionary(w => w.Key, w => w.Value.CommittedRows), skipped.Snapshot());
        }
        finally
        {
            // Disposing commits what each writer holds, so an error part-way (a cut-off file) keeps the rows before it.
            foreach (var writer in writers.Values)
                await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task ConvertAsync(List<OscarFile> files, Dictionary<string, ShardWriter> writers, OscarOptions options,
        SkipCounter skipped, IProgress<OscarProgress>? progress, CancellationToken ct)
    {
        var train = writers["train"];
        var test = writers["test"];
        var cursors = new Dictionary<string, long>(StringComparer.Ordinal) { ["train"] = Cursor(train), ["test"] = Cursor(test) };
        if (options.TestDocs is { } n)
        {
            // Test is the first N documents and is completed as soon as it has them, so every train document comes after
            // test's last: train resumes after that one even before it has committed anything.
            cursors["train"] = Math.Max(cursors["train"], cursors["test"]);
            if (!test.IsComplete && test.CommittedRows >= n)
                await test.CompleteAsync(ct).ConfigureAwait(false);
        }
        var resumeAt = writers.Where(w => !w.Value.IsComplete).Min(w => cursors[w.Key]);
        var (resumeFile, resumeLine) = Split(resumeAt);
        var inputLength = files.Sum(f => new FileInfo(f.Path).Length);
        long inputDone = 0, documents = 0;
        for (var index = 0; index < files.Count; index++)
        {
            var file = files[index];
            var length = new FileInfo(file.Path).Length;
            if (index < resumeFile)
            {
                inputDone += length;
                continue;
            }
            var warnedNoAnnotations = false;
            await foreach (var record in OscarReader.ReadAsync(file, index == resumeFile ? resumeLine : 0, ct).ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested();
                documents++;
                var position = Key(index, record.Line);
                if (record.Problem is { } problem)
                {
                    skipped.Add(problem);
                    options.Warn?.Invoke($"{file.Path}:{record.Line}: {problem} ({record.Detail}); skipped");
                }
                else if (Filter(record, options, skipped) is { } text)
                {
                    if (record.Annotations is null && options.ExcludeAnnotations.Count > 0 && !warnedNoAnnotations)
                    {
                        warnedNoAnnotations = true;
                        options.Warn?.Invoke($"{file.Path}: a {file.Kind} file carries no quality annotations; --exclude-annotations does not apply to it");
                    }
                    var split = options.TestDocs is null ? options.Split.SplitOf(position) : test.IsComplete ? "train" : "test";
                    var writer = writers[split];
                    if (position > cursors[split])
                    {
                        await writer.WriteAsync(new Example { Text = text }, $"{index}:{record.Line}", ct).ConfigureAwait(false);
                        if (split == "test" && options.TestDocs is { } testDocs && test.RowsWritten >= testDocs)
                            await test.CompleteAsync(ct).ConfigureAwait(false);
                    }
                }
                if ((documents & 63) == 0)
                    progress?.Report(new OscarProgress(documents, train.RowsWritten + test.RowsWritten, index, files.Count, inputDone + record.InputBytes, inputLength));
            }
            inputDone += length;
            progress?.Report(new OscarProgress(documents, train.RowsWritten + test.RowsWritten, index + 1, files.Count, inputDone, inputLength));
        }
    }

    /// <summary>The text to write, or null when a filter skips the document (counted by reason).</summary>
    private static string? Filter(OscarRecord record, OscarOptions options, SkipCounter skipped)
    {
        var text = record.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            skipped.Add("empty document");
            return null;
        }
        if (record.Annotations is { } annotations && options.ExcludeAnnotations.Count > 0)
            foreach (var annotation in annotations)
                if (options.ExcludeAnnotations.Contains(annotation))
                {
                    skipped.Add($"annotated {annotation}");
                    return null;
                }
        if (options.MinChars > 0 && !HasAtLeast(text, options.MinChars))
        {
            skipped.Add($"shorter than {options.MinChars} characters");
            return null;
        }
        return text;
    }

    /// <summary>Counts Unicode scalar values, as Python's <c>len</c>, only when UTF-16 length leaves a doubt.</summary>
    private static bool HasAtLeast(string text, int chars)
    {
        if (text.Length < chars)
            return false;
        if (text.Length >= 2 * chars)
            return true;
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
            if (++count >= chars)
                return true;
        return false;
    }

    /// <summary>A document's position as one number, ordered as the input is read: file index, then line.</summary>
    private static long Key(int file, long line) => ((long)file << 40) | line;

    private static (int File, long Line) Split(long key) => key < 0 ? (0, 0) : ((int)(key >> 40), key & ((1L << 40) - 1));

    /// <summary>The position of the writer's last committed document; -1 when it has none.</summary>
    private static long Cursor(ShardWriter writer)
    {
        if (writer.CommittedCursor is not { } cursor)
            return -1;
        var colon = cursor.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && int.TryParse(cursor.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var file)
                      && long.TryParse(cursor.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var line))
            return Key(file, line);
        throw new InvalidDataException($"oscar/{writer.Split} was left at \"{cursor}\", which is not an OSCAR position (<file index>:<line>); write to another folder");
    }

    private static void Check(OscarOptions options)
    {
        var unknown = options.ExcludeAnnotations.Except(OscarOptions.KnownAnnotations, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown annotation(s) {string.Join(", ", unknown)}; OSCAR's are {string.Join(", ", OscarOptions.KnownAnnotations)}");
        if (options.MinChars < 0)
            throw new ArgumentException("--min-chars cannot be negative");
        if (options.TestDocs < 0)
            throw new ArgumentException("--test-docs cannot be negative");
        if (options.Split.TestFraction is < 0 or > 1)
            throw new ArgumentException("--test-fraction is a share between 0 and 1");
    }

    /// <summary>
    /// What the rows are made of, for the card; a resume must find the same, since the cursor and the split depend
    /// on the files, their order and the filters. The file list is summed up by a digest of the names.
    /// </summary>
    private static string Provenance(List<OscarFile> files, OscarOptions options)
    {
        var kinds = string.Join(", ", files.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"));
        var names = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', files.Select(f => Path.GetFileName(f.Path))))))[..8];
        var filters = new List<string>();
        if (options.ExcludeAnnotations.Count > 0)
            filters.Add("without " + string.Join(", ", options.ExcludeAnnotations.Order(StringComparer.Ordinal)));
        if (options.MinChars > 0)
            filters.Add(string.Create(CultureInfo.InvariantCulture, $"at least {options.MinChars} characters"));
        var split = options.TestDocs is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"test = first {n} documents")
            : string.Create(CultureInfo.InvariantCulture, $"test = {options.Split.TestFraction:0.####%} by position hash, seed {options.Split.Seed}");
        return $"OSCAR: {kinds} (names {names}); {(filters.Count == 0 ? "unfiltered" : string.Join(", ", filters))}; {split}";
    }

}
