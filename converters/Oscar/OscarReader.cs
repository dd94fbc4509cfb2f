using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.GZip;
using Parquet;
using Parquet.Data;
using Parquet.Schema;
using ZstdSharp;

namespace Jat.Converters.Oscar;

/// <summary>
/// One OSCAR document, or one line that could not be one (<see cref="Problem"/> says why).
/// </summary>
/// <param name="Line">1-based: the JSON line, the first line of a 2019 text document, or the parquet row</param>
/// <param name="Annotations">quality annotations; null when the file's format carries none (2019 text, parquet without them)</param>
/// <param name="InputBytes">bytes of the file consumed so far, compressed</param>
internal readonly record struct OscarRecord(long Line, string? Text, IReadOnlyList<string>? Annotations, string? Problem, string? Detail, long InputBytes);

/// <summary>Streams the documents of one OSCAR file, whatever its version (reference §2.1).</summary>
internal static class OscarReader
{
    /// <param name="after">documents at or before this line are the resume's to skip: counted through, not parsed</param>
    public static IAsyncEnumerable<OscarRecord> ReadAsync(OscarFile file, long after, CancellationToken ct) =>
        file.Container == OscarContainer.Parquet ? ReadParquetAsync(file, after, ct) : ReadLinesAsync(file, after, ct);

    private static async IAsyncEnumerable<OscarRecord> ReadLinesAsync(OscarFile file, long after, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var input = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        // SharpZipLib, not GZipStream: GZipStream ends quietly at the cut of a truncated .gz (measured on .NET 10), and
        // the documents of a file cut short must not pass for the whole file. It also reads multi-member gzip.
        Stream decoded = file.Container switch
        {
            OscarContainer.Gzip => new GZipInputStream(input) { IsStreamOwner = false },
            OscarContainer.Zstd => new DecompressionStream(input, leaveOpen: true),
            _ => input,
        };
        await using var owned = decoded;
        var lines = new LineReader(decoded);
        var layout = file.Layout;
        var document = new StringBuilder();
        long documentLine = 0; // 0: not inside a 2019 document
        while (await NextAsync(lines, file, ct).ConfigureAwait(false))
        {
            var line = lines.Current;
            var number = lines.LineNumber;
            var blank = IsBlank(line.Span);
            if (layout == OscarLayout.Unknown)
            {
                if (blank)
                    continue;
                layout = line.Span.TrimStart(" \t"u8)[0] == (byte)'{' ? OscarLayout.Jsonl : OscarLayout.Text;
            }
            if (layout == OscarLayout.Jsonl)
            {
                if (number > after && !blank)
                    yield return ParseJson(line, number, input.Position);
                continue;
            }
            if (blank)
            {
                if (documentLine > after)
                    yield return new OscarRecord(documentLine, document.ToString().TrimEnd(), null, null, null, input.Position);
                document.Clear();
                documentLine = 0;
                continue;
            }
            if (documentLine == 0)
                documentLine = number;
            if (documentLine > after)
                document.Append(Encoding.UTF8.GetString(line.Span)).Append('\n');
        }
        if (documentLine > after)
            yield return new OscarRecord(documentLine, document.ToString().TrimEnd(), null, null, null, input.Position);
    }

    private static async ValueTask<bool> NextAsync(LineReader lines, OscarFile file, CancellationToken ct)
    {
        try
        {
            return await lines.MoveNextAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ZstdException or SharpZipBaseException)
        {
            var where = lines.LineNumber == 0 ? "before its first line" : $"after line {lines.LineNumber:N0}, the last good one";
            throw new InvalidDataException(
                $"{file.Path}: the {file.Kind} file is cut off or damaged {where} ({e.Message}). The rows before it are kept: " +
                "fetch the file again, then run the same command to resume.", e);
        }
    }

    /// <summary>Python's <c>not line.strip()</c>, the 2019 loader's test for the line between two documents.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        var nonAscii = false;
        foreach (var b in line)
        {
            if (b >= 0x80)
                nonAscii = true;
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or 0x0B or 0x0C))
                return false;
        }
        return !nonAscii || string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line));
    }

    /// <summary>
    /// 22.01 (<c>content</c>, <c>metadata.annotation</c>) and 23.01 (<c>content</c>, <c>metadata.quality_warnings</c>,
    /// <c>metadata.categories</c>), and their Hugging Face exports (<c>text</c>, <c>meta</c>). 23.01 moved the UT1
    /// "adult" flag from the annotations to <c>categories</c>; it is read back as the annotation <c>adult</c>.
    /// </summary>
    private static OscarRecord ParseJson(ReadOnlyMemory<byte> line, long number, long position)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new OscarRecord(number, null, null, "bad JSON line", $"a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object", position);
            var text = StringOf(root, "content") ?? StringOf(root, "text");
            if (text is null)
                return new OscarRecord(number, null, null, "no text in JSON line", "neither \"content\" nor \"text\" is a string", position);
            var annotations = new List<string>();
            var meta = root.TryGetProperty("metadata", out var m) ? m : root.TryGetProperty("meta", out m) ? m : default;
            if (meta.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in new[] { "quality_warnings", "annotation", "annotations" })
                    annotations.AddRange(StringsOf(meta, name));
                if (StringsOf(meta, "categories").Contains("adult"))
                    annotations.Add("adult");
            }
            return new OscarRecord(number, text, annotations, null, null, position);
        }
        catch (JsonException e)
        {
            return new OscarRecord(number, null, null, "bad JSON line", e.Message, position);
        }
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A list of strings; null (22.01 writes <c>"annotation": null</c>) and anything else give none.</summary>
    private static IEnumerable<string> StringsOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];

    /// <summary>Hugging Face parquet: a <c>text</c> column, and a quality annotation list if the export kept one.</summary>
    private static async IAsyncEnumerable<OscarRecord> ReadParquetAsync(OscarFile file, long after, [EnumeratorCancellation] CancellationToken ct)
    {
        var length = new FileInfo(file.Path).Length;
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(file.Path, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new InvalidDataException($"{file.Path}: not a readable parquet file ({e.Message}); it may be cut off: fetch it again, then run the same command to resume", e);
        }
        await using var owned = reader;
        var fields = reader.Schema.GetDataFields();
        var textField = fields.FirstOrDefault(f => f.Path.Length == 1 && f.Name is "text" or "content")
            ?? throw new InvalidDataException($"{file.Path}: no 'text' column; is this an OSCAR parquet file?");
        var annotationField = fields.FirstOrDefault(f => f.MaxRepetitionLevel == 1 && (f.ClrType == typeof(string) || f.ClrType == typeof(ReadOnlyMemory<char>))
            && f.Path.ToList().Any(p => p is "quality_warnings" or "annotation" or "annotations"));
        var total = Math.Max(1, reader.RowGroups.Sum(g => g.RowCount));
        long first = 1; // the row number of the group's first row
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            if (first + group.RowCount - 1 > after)
            {
                var texts = await ReadColumnAsync(file, group, textField, ReadStrings, ct).ConfigureAwait(false);
                var annotations = annotationField is null ? null : await ReadColumnAsync(file, group, annotationField, ReadLists, ct).ConfigureAwait(false);
                for (var r = 0; r < texts.Length; r++)
                {
                    var line = first + r;
                    if (line > after)
                        yield return new OscarRecord(line, texts[r], annotations is null ? null : annotations[r] ?? [], texts[r] is null ? "no text" : null,
                            texts[r] is null ? "a null text" : null, length * line / total);
                }
            }
            first += group.RowCount;
        }
    }

    private static bool IsDamage(Exception e) =>
        e is IOException or InvalidDataException or ArgumentException or FormatException or IndexOutOfRangeException or InvalidOperationException or NotSupportedException;

    private static async Task<T[]> ReadColumnAsync<T>(OscarFile file, ParquetRowGroupReader group, DataField field,
        Func<RawColumnData, DataField, long, T[]> convert, CancellationToken ct)
    {
        try
        {
            using var raw = await group.ReadRawColumnDataBaseAsync(field, ct).ConfigureAwait(false);
            return convert(raw, field, group.RowCount);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new InvalidDataException($"{file.Path}: column '{field.Path}' is damaged ({e.Message}); fetch the file again, then run the same command to resume", e);
        }
    }

    private static string?[] ReadStrings(RawColumnData raw, DataField field, long rows)
    {
        if (raw is not RawColumnData<ReadOnlyMemory<char>> strings)
            throw new InvalidDataException($"column '{field.Name}' is not text");
        var result = new string?[rows];
        var defs = strings.DefinitionLevels;
        var values = strings.Values;
        var v = 0;
        for (var i = 0; i < result.Length; i++)
            result[i] = defs.Length == 0 || defs[i] == field.MaxDefinitionLevel ? values[v++].ToString() : null;
        return result;
    }

    /// <summary>A list column rebuilt from its levels: a repetition level of 0 starts a row, the maximum definition level is a value.</summary>
    private static List<string>?[] ReadLists(RawColumnData raw, DataField field, long rows)
    {
        var result = new List<string>?[rows];
        if (raw is not RawColumnData<ReadOnlyMemory<char>> strings)
            return result;
        var defs = strings.DefinitionLevels;
        var reps = strings.RepetitionLevels;
        var values = strings.Values;
        int row = -1, v = 0;
        for (var i = 0; i < defs.Length; i++)
        {
            if (reps[i] == 0)
                row++;
            if (defs[i] == field.MaxDefinitionLevel)
                (result[row] ??= []).Add(values[v++].ToString());
        }
        return result;
    }
}
