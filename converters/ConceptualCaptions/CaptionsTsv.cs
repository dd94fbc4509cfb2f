using System.Text;

namespace Jat.Converters.ConceptualCaptions;

/// <summary>One line of a Conceptual Captions TSV.</summary>
internal readonly record struct CaptionLine(string Caption, Uri Url);

/// <summary>
/// Google's Conceptual Captions files (reference §4.1): <c>caption&lt;TAB&gt;url</c> per line, UTF-8, no header. The
/// labelled variant adds three more columns, which are ignored.
/// </summary>
internal static class CaptionsTsv
{
    /// <returns>the caption and URL, or null with <paramref name="problem"/> saying what is wrong with the line</returns>
    public static CaptionLine? Parse(string line, out string? problem)
    {
        problem = null;
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        if (tab < 0)
        {
            problem = "no tab";
            return null;
        }
        // The caption is kept as written, as JAT (through the HF loader) did.
        var caption = line[..tab];
        var rest = line.AsSpan(tab + 1);
        if (rest.IndexOf('\t') is var next and >= 0)
            rest = rest[..next];
        var url = rest.Trim().ToString();
        if (string.IsNullOrWhiteSpace(caption))
            problem = "empty caption";
        else if (url.Length == 0)
            problem = "empty URL";
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            problem = "not an http(s) URL";
        else
            return new CaptionLine(caption, uri);
        return null;
    }

    /// <summary>Numbered lines (from 1), read as a stream; a last line without a newline counts too.</summary>
    public static async IAsyncEnumerable<(long Number, string Line)> ReadAsync(string path,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true,
            new FileStreamOptions { Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
        long number = 0;
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
            yield return (++number, line);
    }

    /// <summary>Lines in the file (at most <paramref name="limit"/>), for a progress bar: a byte scan, ~1 s for the 500 MB train file.</summary>
    public static long CountLines(string path, long? limit)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        long lines = 0;
        var last = (byte)'\n';
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
            if (limit is { } l && lines >= l)
                return l;
        }
        if (last != '\n')
            lines++;
        return limit is { } max ? Math.Min(lines, max) : lines;
    }
}
