using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parquet;
using Parquet.Serialization;
using ZstdSharp;

namespace Jat.Converters.Tests.Oscar;

/// <summary>One document of a sample: its text and the quality annotations its format can carry.</summary>
internal sealed record OscarDoc(string Text, string[]? Annotations = null, string[]? Categories = null);

/// <summary>OSCAR files of every version, written by the test in each version's own layout (reference §2.1).</summary>
internal static class OscarSamples
{
    /// <summary>2019 unshuffled: documents as runs of lines separated by blank lines, gzipped.</summary>
    public static void Text2019(string path, IEnumerable<string> documents) =>
        File.WriteAllBytes(path, Gzip(Encoding.UTF8.GetBytes(string.Concat(documents.Select(d => d + "\n\n")))));

    /// <summary>22.01: <c>content</c>, <c>warc_headers</c>, <c>metadata.annotation</c> (a list or null), gzipped JSONL.</summary>
    public static byte[] Jsonl2201(IEnumerable<OscarDoc> documents) => Lines(documents.Select(d => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["content"] = d.Text,
        ["warc_headers"] = new Dictionary<string, object> { ["warc-type"] = "conversion", ["content-length"] = d.Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["metadata"] = new Dictionary<string, object?>
        {
            ["identification"] = new { label = "en", prob = 0.9 },
            ["annotation"] = d.Annotations,
            ["sentence_identifications"] = new[] { new { label = "en", prob = 0.9 } },
        },
    })));

    /// <summary>23.01: <c>content</c>, <c>metadata.quality_warnings</c> and <c>metadata.categories</c> (lists or null), zstd JSONL.</summary>
    public static byte[] Jsonl2301(IEnumerable<OscarDoc> documents) => Lines(documents.Select(d => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["content"] = d.Text,
        ["warc_headers"] = new Dictionary<string, object> { ["warc-type"] = "conversion" },
        ["metadata"] = new Dictionary<string, object?>
        {
            ["identification"] = new { label = "en", prob = 0.9 },
            ["harmful_pp"] = 812.5,
            ["tlsh"] = "tlsh:T1AB",
            ["quality_warnings"] = d.Annotations,
            ["categories"] = d.Categories,
            ["sentence_identifications"] = new object?[] { new { label = "en", prob = 0.9 }, null },
        },
    })));

    public static byte[] Lines(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(content);
        return output.ToArray();
    }

    public static byte[] Zstd(byte[] content)
    {
        using var output = new MemoryStream();
        using (var zstd = new CompressionStream(output, 3, leaveOpen: true))
            zstd.Write(content);
        return output.ToArray();
    }

    /// <summary>A Hugging Face export: <c>id</c>, <c>text</c> and <c>meta.quality_warnings</c>, in row groups of <paramref name="rowGroup"/>.</summary>
    public static async Task ParquetAsync(string path, IEnumerable<OscarDoc> documents, int rowGroup = 3)
    {
        var rows = documents.Select((d, i) => new HfRow { Id = i, Text = d.Text, Meta = new HfMeta { QualityWarnings = d.Annotations?.ToList() } }).ToList();
        await using var file = File.Create(path);
        await ParquetSerializer.SerializeAsync(rows, file, new ParquetOptions { RowGroupSize = rowGroup });
    }

    internal sealed class HfRow
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("text")]
        public string? Text { get; set; }

        [JsonPropertyName("meta")]
        public HfMeta? Meta { get; set; }
    }

    internal sealed class HfMeta
    {
        [JsonPropertyName("quality_warnings")]
        public List<string>? QualityWarnings { get; set; }
    }
}
