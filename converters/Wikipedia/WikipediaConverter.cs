using System.Globalization;
using Jat.Converters.Text;
using Jat.Schema.Card;
using Jat.Schema.Columns;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace Jat.Converters.Wikipedia;

/// <param name="Limit">read only the first pages of the input</param>
/// <param name="MinTokens">skip articles shorter than this many GPT-2 tokens</param>
/// <param name="MaxTokens">stop once the articles written hold this many GPT-2 tokens in all</param>
public sealed record WikipediaOptions(HashedSplit Split, long? Limit = null, ShardWriterOptions? Writer = null, int? MinTokens = null, long? MaxTokens = null)
{
    internal bool CountsTokens => MinTokens is not null || MaxTokens is not null;
}

/// <summary>How far a conversion has gone: pages read, rows written, and input bytes consumed of all.</summary>
public readonly record struct WikipediaProgress(long Pages, long Rows, long InputBytes, long InputLength);

/// <summary>
/// <c>jat convert wikipedia</c>: the articles of a Wikipedia dump (<c>pages-articles[-multistream].xml.bz2</c>, or the
/// XML itself) or of the Hugging Face <c>wikimedia/wikipedia</c> parquet files, one cleaned article per row of the
/// <c>wikipedia</c> config. Main namespace only, redirects and empty pages skipped, split by a hash of the page id.
/// </summary>
public static class WikipediaConverter
{
    public static async Task<ConversionReport> ConvertAsync(string input, string root, WikipediaOptions options,
        IProgress<WikipediaProgress>? progress = null, CancellationToken ct = default)
    {
        var task = TaskRegistry.Get("wikipedia");
        DatasetNotes.Claim(root, task.Name, Provenance(input, options));
        var skipped = new SkipCounter();
        var writers = new Dictionary<string, ShardWriter>(StringComparer.Ordinal);
        try
        {
            foreach (var split in new[] { "train", "test" })
                writers[split] = await ShardWriter.OpenAsync(root, task, split, options.Writer, ct).ConfigureAwait(false);
            if (writers.Values.All(w => w.IsComplete))
                return Report(task, writers, skipped);
            // Each writer resumes after the last page it committed: pages before the earlier of the two are only read.
            // Where each split is: its committed position at first, then the last row given to it in this run.
            var positions = writers.ToDictionary(w => w.Key, w => Committed(w.Value), StringComparer.Ordinal);
            var resumeAt = positions.Values.Min(p => p.Page);
            var rows = writers.Values.Sum(w => w.CommittedRows);
            var tokens = positions.Values.Sum(p => p.Tokens);
            await foreach (var (page, text, inputBytes, inputLength) in ArticlesAsync(input, ct).ConfigureAwait(false))
            {
                if (options.Limit is { } limit && page.Ordinal >= limit)
                    break;
                if (options.MaxTokens is { } budget && tokens >= budget)
                    break;
                if (page.Ordinal > resumeAt && Keep(page, text, skipped) is { } article)
                {
                    var split = options.Split.SplitOf(page.Id >= 0 ? page.Id : page.Ordinal);
                    var (after, written) = positions[split];
                    var count = options.CountsTokens ? Gpt2Tokens.Count(article) : 0;
                    if (page.Ordinal > after && count < (options.MinTokens ?? 0))
                    {
                        skipped.Add("under --min-tokens");
                    }
                    else if (page.Ordinal > after)
                    {
                        // The cursor carries the split's running token count, so a resumed run keeps to the budget.
                        var cursor = string.Create(CultureInfo.InvariantCulture, $"{page.Ordinal};{written + count}");
                        await writers[split].WriteAsync(new Example { Text = article }, cursor, ct).ConfigureAwait(false);
                        positions[split] = (page.Ordinal, written + count);
                        rows++;
                        tokens += count;
                    }
                }
                if ((page.Ordinal & 63) == 0)
                    progress?.Report(new WikipediaProgress(page.Ordinal + 1, rows, inputBytes, inputLength));
            }
            foreach (var writer in writers.Values)
                await writer.CompleteAsync(ct).ConfigureAwait(false);
            return Report(task, writers, skipped);
        }
        finally
        {
            foreach (var writer in writers.Values)
                await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>What the card says of the rows, and what a resume must match: the input's name and the options that shape rows.</summary>
    private static string Provenance(string input, WikipediaOptions options)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(input));
        var split = FormattableString.Invariant($"test = {options.Split.TestFraction:0.####%} by page-id hash, seed {options.Split.Seed}");
        var limits = (options.MinTokens is { } min ? FormattableString.Invariant($"; at least {min} GPT-2 tokens") : "")
            + (options.MaxTokens is { } max ? FormattableString.Invariant($"; {max} GPT-2 tokens in all") : "")
            + (options.Limit is { } limit ? FormattableString.Invariant($"; first {limit} pages") : "");
        return $"Wikipedia: {name}, main namespace, redirects skipped, wikitext cleaned by Jat; {split}{limits}";
    }

    /// <summary>A writer's committed position: the last page it holds, and the GPT-2 tokens of its rows ("page;tokens").</summary>
    private static (long Page, long Tokens) Committed(ShardWriter writer)
    {
        if (writer.CommittedCursor is not { } cursor)
            return (-1, 0);
        var parts = cursor.Split(';');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length > 1 ? long.Parse(parts[1], CultureInfo.InvariantCulture) : 0);
    }

    private static string? Keep(DumpPage page, string? cleaned, SkipCounter skipped)
    {
        if (page.Namespace != 0)
            skipped.Add("not an article (namespace)");
        else if (page.IsRedirect)
            skipped.Add("redirect");
        else if (string.IsNullOrWhiteSpace(cleaned))
            skipped.Add("empty after cleaning");
        else
            return cleaned;
        return null;
    }

    private static ConversionReport Report(TaskSpec task, Dictionary<string, ShardWriter> writers, SkipCounter skipped) =>
        new(task.Name, writers.ToDictionary(w => w.Key, w => w.Value.CommittedRows), skipped.Snapshot());

    /// <summary>Pages with their cleaned text (null for pages that are not kept, so cleaning is not wasted on them).</summary>
    private static async IAsyncEnumerable<(DumpPage Page, string? Text, long InputBytes, long InputLength)> ArticlesAsync(string input,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (Directory.Exists(input))
        {
            await foreach (var item in ParquetArticlesAsync(input, ct).ConfigureAwait(false))
                yield return item;
            yield break;
        }
        if (!File.Exists(input))
            throw new FileNotFoundException($"no dump at {input}: give a pages-articles .xml.bz2 or .xml file, or a folder of wikimedia/wikipedia parquet files", input);
        await using var file = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var bzip2 = input.EndsWith(".bz2", StringComparison.OrdinalIgnoreCase) ? new ConcatenatedBZip2Stream(file) : null;
        await using var xml = (Stream?)bzip2 ?? file;
        await foreach (var page in DumpReader.ReadAsync(xml, input, ct).ConfigureAwait(false))
        {
            var text = page.Namespace == 0 && !page.IsRedirect ? WikitextCleaner.Clean(page.Text) : null;
            yield return (page, text, bzip2?.CompressedPosition ?? file.Position, file.Length);
        }
    }

    /// <summary>Hugging Face's <c>wikimedia/wikipedia</c> parquet: articles already cleaned, with <c>id</c> and <c>text</c> columns.</summary>
    private static async IAsyncEnumerable<(DumpPage Page, string? Text, long InputBytes, long InputLength)> ParquetArticlesAsync(string folder,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var files = Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new FileNotFoundException($"{folder} holds no .parquet files");
        var total = files.Sum(f => new FileInfo(f).Length);
        long done = 0;
        long ordinal = 0;
        foreach (var path in files)
        {
            await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
            var textField = reader.Schema.GetDataFields().FirstOrDefault(f => f.Name == "text")
                ?? throw new InvalidDataException($"{path}: no 'text' column; is this a wikimedia/wikipedia parquet file?");
            var idField = reader.Schema.GetDataFields().FirstOrDefault(f => f.Name == "id");
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var texts = await ReadStringsAsync(group, textField, ct).ConfigureAwait(false);
                var ids = idField is null ? null : await ReadStringsAsync(group, idField, ct).ConfigureAwait(false);
                for (var r = 0; r < texts.Length; r++)
                {
                    var id = ids is not null && long.TryParse(ids[r], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : ordinal;
                    var page = new DumpPage(ordinal++, id, 0, "", false, "", r);
                    yield return (page, texts[r], done, total);
                }
            }
            done += new FileInfo(path).Length;
        }
    }

    private static async Task<string?[]> ReadStringsAsync(ParquetRowGroupReader group, DataField field, CancellationToken ct)
    {
        using var raw = await group.ReadRawColumnDataBaseAsync(field, ct).ConfigureAwait(false);
        if (raw is not RawColumnData<ReadOnlyMemory<char>> strings)
            throw new InvalidDataException($"column '{field.Name}' is not text");
        var result = new string?[group.RowCount];
        var defs = strings.DefinitionLevels;
        var values = strings.Values;
        var v = 0;
        for (var i = 0; i < result.Length; i++)
            result[i] = defs.Length == 0 || defs[i] > 0 ? values[v++].ToString() : null;
        return result;
    }
}
