using System.Globalization;
using System.Text.RegularExpressions;
using Jat.Converters.Oscar;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Tests;

namespace Jat.Converters.Tests.Oscar;

public sealed partial class OscarConverterTests
{
    private static readonly TaskSpec Task = TaskRegistry.Get("oscar");

    private static readonly string[] Docs2019 = ["First 2019 document.\nIts second line.", "Second 2019 document, one line."];

    private static readonly OscarDoc[] Docs2201 =
    [
        new("A clean 22.01 document with enough characters to pass."),
        new("Tiny.", ["tiny"]),
        new("An adult 22.01 document.", ["adult", "short_sentences"]),
    ];

    private static readonly OscarDoc[] Docs2301 =
    [
        new("A clean 23.01 document, long enough to be kept.\nWith a second line."),
        new("Noisy !!!! ???? ....", ["noisy"]),
        new("A 23.01 document flagged adult by its categories.", [], ["adult"]),
    ];

    private static readonly OscarDoc[] DocsParquet =
    [
        new("A parquet document."),
        new("A parquet header document.", ["header"]),
        new("Another parquet document.", []),
        new("Fourth parquet document."),
    ];

    private static readonly string[] AllTexts =
        [.. Docs2019, .. Docs2201.Select(d => d.Text), .. Docs2301.Select(d => d.Text), .. DocsParquet.Select(d => d.Text)];

    /// <summary>One file of each version in one folder, named so that path order is 2019, 22.01, 23.01, parquet; plus a checksum list to ignore.</summary>
    private static async Task<string> EveryFormatAsync(TempDirectory folder)
    {
        var oscar = folder.Combine("oscar");
        Directory.CreateDirectory(oscar);
        OscarSamples.Text2019(Path.Combine(oscar, "a_en_part_1.txt.gz"), Docs2019);
        await File.WriteAllBytesAsync(Path.Combine(oscar, "b_en_meta_part_1.jsonl.gz"), OscarSamples.Gzip(OscarSamples.Jsonl2201(Docs2201)));
        await File.WriteAllBytesAsync(Path.Combine(oscar, "c_en_meta_part_1.jsonl.zst"), OscarSamples.Zstd(OscarSamples.Jsonl2301(Docs2301)));
        await OscarSamples.ParquetAsync(Path.Combine(oscar, "d_train-00000-of-00001.parquet"), DocsParquet);
        await File.WriteAllTextAsync(Path.Combine(oscar, "en_sha256.txt"), "a_en_part_1.txt.gz\tdeadbeef\n");
        return oscar;
    }

    private static async Task<List<string?>> TextsAsync(string root, string split = "train") =>
        (await ShardReader.ReadSplitAsync(root, Task, split).ToListAsync()).Select(r => r.Text).ToList();

    private static OscarOptions AllTrain => new() { Split = new HashedSplit(0) };

    [Fact]
    public async Task Every_OSCAR_version_gives_one_row_per_document_in_file_order()
    {
        using var folder = new TempDirectory();
        var oscar = await EveryFormatAsync(folder);

        var report = await OscarConverter.ConvertAsync([oscar], folder.Combine("data"), AllTrain);

        Assert.Equal(AllTexts, await TextsAsync(folder.Combine("data")));
        Assert.Equal(AllTexts.Length, report.Rows["train"]);
        Assert.Equal(0, report.Rows["test"]);
        Assert.Empty(report.Skipped);
    }

    [Fact]
    public async Task The_2019_layout_ends_a_document_at_a_blank_line_and_trims_its_end()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Combine("en_part_1.txt"),
            "\n\nDoc one, line one\n  Doc one, line two  \n   \nDoc two\r\n\t\n\u00A0\n\nDoc three, without a blank line after it");

        await OscarConverter.ConvertAsync([folder.Combine("en_part_1.txt")], folder.Combine("data"), AllTrain);

        Assert.Equal(["Doc one, line one\n  Doc one, line two", "Doc two", "Doc three, without a blank line after it"], await TextsAsync(folder.Combine("data")));
    }

    [Fact]
    public async Task Annotation_and_length_filters_skip_documents_and_count_them_by_reason()
    {
        using var folder = new TempDirectory();
        var oscar = await EveryFormatAsync(folder);
        var warnings = new List<string>();
        var options = new OscarOptions { ExcludeAnnotations = ["tiny", "adult", "header", "noisy"], MinChars = 20, Split = new HashedSplit(0), Warn = warnings.Add };

        var report = await OscarConverter.ConvertAsync([oscar], folder.Combine("data"), options);

        Assert.Equal([Docs2019[0], Docs2019[1], Docs2201[0].Text, Docs2301[0].Text, DocsParquet[2].Text, DocsParquet[3].Text], await TextsAsync(folder.Combine("data")));
        Assert.Equal(new Dictionary<string, long>
        {
            ["annotated adult"] = 2, // 22.01's annotation, and 23.01's categories
            ["annotated header"] = 1, // parquet meta.quality_warnings
            ["annotated noisy"] = 1,
            ["annotated tiny"] = 1,
            ["shorter than 20 characters"] = 1, // "A parquet document." has 19
        }, report.Skipped);
        Assert.Single(warnings, w => w.Contains("a_en_part_1.txt.gz", StringComparison.Ordinal) && w.Contains("no quality annotations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Min_chars_counts_characters_not_UTF16_units()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("emoji.jsonl");
        await File.WriteAllBytesAsync(path, OscarSamples.Jsonl2201([new("😀😀😀"), new("😀😀😀😀")]));

        var report = await OscarConverter.ConvertAsync([path], folder.Combine("data"), AllTrain with { MinChars = 4 });

        Assert.Equal(["😀😀😀😀"], await TextsAsync(folder.Combine("data")));
        Assert.Equal(1, report.Skipped["shorter than 4 characters"]);
    }

    [Fact]
    public async Task Bad_JSON_lines_are_skipped_and_counted_with_their_file_and_line()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("en_meta_part_2.jsonl.gz");
        var good = OscarSamples.Jsonl2201([new("One."), new("Two."), new("Three.")]);
        var lines = System.Text.Encoding.UTF8.GetString(good).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await File.WriteAllBytesAsync(path, OscarSamples.Gzip(OscarSamples.Lines(
            [lines[0], "{\"content\": \"cut", lines[1], "[1, 2]", "{\"content\": 5}", "", lines[2]])));
        var warnings = new List<string>();

        var report = await OscarConverter.ConvertAsync([path], folder.Combine("data"), AllTrain with { Warn = warnings.Add });

        Assert.Equal(["One.", "Two.", "Three."], await TextsAsync(folder.Combine("data")));
        Assert.Equal(2, report.Skipped["bad JSON line"]);
        Assert.Equal(1, report.Skipped["no text in JSON line"]);
        Assert.Contains(warnings, w => w.StartsWith($"{path}:2: bad JSON line", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith($"{path}:4: bad JSON line", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith($"{path}:5: no text in JSON line", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en_meta_part_1.jsonl.gz")]
    [InlineData("en_meta_part_1.jsonl.zst")]
    public async Task A_cut_off_archive_names_the_file_and_last_good_line_keeps_the_rows_before_it_and_resumes_once_fetched_again(string name)
    {
        using var folder = new TempDirectory();
        var docs = Enumerable.Range(1, 400).Select(i => new OscarDoc($"Document {i}: {string.Concat(Enumerable.Range(0, 1000 + i % 37).Select(j => (char)('a' + (i * j + j * j / 7) % 26)))}")).ToList();
        var jsonl = OscarSamples.Jsonl2201(docs);
        var whole = name.EndsWith(".gz", StringComparison.Ordinal) ? OscarSamples.Gzip(jsonl) : OscarSamples.Zstd(jsonl);
        var path = folder.Combine(name);
        await File.WriteAllBytesAsync(path, whole[..(whole.Length * 3 / 5)]);
        var options = AllTrain with { Writer = new ShardWriterOptions { RowGroupBytes = 1_000_000, Durable = false } };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => OscarConverter.ConvertAsync([path], folder.Combine("data"), options));

        var match = LastGoodLine().Match(error.Message);
        Assert.True(match.Success, error.Message);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("cut off or damaged", error.Message);
        var lastGood = long.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.InRange(lastGood, 1, docs.Count - 1);
        // Buffered rows are committed when the converter gives up: every document up to the last good line is kept.
        Assert.Equal(lastGood, await CommittedRowsAsync(folder.Combine("data")));

        await File.WriteAllBytesAsync(path, whole);
        var report = await OscarConverter.ConvertAsync([path], folder.Combine("data"), options);

        Assert.Equal(docs.Count, report.Rows["train"]);
        Assert.Equal(docs.Select(d => d.Text), await TextsAsync(folder.Combine("data")));
    }

    [GeneratedRegex(@"after line ([\d,]+), the last good one")]
    private static partial Regex LastGoodLine();

    [Fact]
    public async Task The_hashed_split_is_deterministic_and_follows_the_seed()
    {
        using var folder = new TempDirectory();
        var oscar = await ManyAsync(folder, 3, 40);
        async Task<(List<string?> Train, List<string?> Test)> SplitAsync(string name, int seed)
        {
            await OscarConverter.ConvertAsync([oscar], folder.Combine(name), new OscarOptions { Split = new HashedSplit(0.3, seed) });
            return (await TextsAsync(folder.Combine(name)), await TextsAsync(folder.Combine(name), "test"));
        }

        var first = await SplitAsync("a", 3);
        var again = await SplitAsync("b", 3);
        var other = await SplitAsync("c", 4);

        Assert.Equal(first.Train, again.Train);
        Assert.Equal(first.Test, again.Test);
        Assert.InRange(first.Test.Count, 15, 60); // 30% of 120
        Assert.Equal(120, first.Train.Count + first.Test.Count);
        Assert.Equal(120, first.Train.Concat(first.Test).Distinct().Count());
        Assert.NotEqual(first.Test, other.Test);
    }

    [Fact]
    public async Task Test_docs_puts_the_first_N_documents_kept_in_test()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("en.jsonl.zst");
        var docs = Enumerable.Range(1, 10).Select(i => new OscarDoc($"Document {i}", i == 2 ? ["tiny"] : null)).ToList();
        await File.WriteAllBytesAsync(path, OscarSamples.Zstd(OscarSamples.Jsonl2301(docs)));

        await OscarConverter.ConvertAsync([path], folder.Combine("data"), new OscarOptions { TestDocs = 3, ExcludeAnnotations = ["tiny"] });

        Assert.Equal(["Document 1", "Document 3", "Document 4"], await TextsAsync(folder.Combine("data"), "test"));
        Assert.Equal(Enumerable.Range(5, 6).Select(i => $"Document {i}"), await TextsAsync(folder.Combine("data")));
    }

    /// <summary>Files of each line format and a parquet file, <paramref name="perFile"/> documents each.</summary>
    private static async Task<string> ManyAsync(TempDirectory folder, int files, int perFile)
    {
        var oscar = folder.Combine("many");
        Directory.CreateDirectory(oscar);
        for (var f = 0; f < files; f++)
        {
            var docs = Enumerable.Range(0, perFile).Select(i => new OscarDoc($"File {f} document {i}: {new string((char)('a' + i % 26), 10 + i % 90)}")).ToList();
            var path = Path.Combine(oscar, $"part_{f}");
            switch (f % 3)
            {
                case 0:
                    await File.WriteAllBytesAsync(path + ".jsonl.gz", OscarSamples.Gzip(OscarSamples.Jsonl2201(docs)));
                    break;
                case 1:
                    await File.WriteAllBytesAsync(path + ".jsonl.zst", OscarSamples.Zstd(OscarSamples.Jsonl2301(docs)));
                    break;
                default:
                    await OscarSamples.ParquetAsync(path + ".parquet", docs, rowGroup: 7);
                    break;
            }
        }
        return oscar;
    }

    [Theory]
    [InlineData(null)]
    [InlineData(30L)] // test is complete when the run stops
    [InlineData(200L)] // test is still being written when the run stops
    public async Task A_conversion_stopped_part_way_resumes_to_the_same_rows(long? testDocs)
    {
        using var folder = new TempDirectory();
        var oscar = await ManyAsync(folder, 3, 100);
        var options = new OscarOptions
        {
            Split = new HashedSplit(0.2, 1),
            TestDocs = testDocs,
            Writer = new ShardWriterOptions { RowGroupBytes = 2_000, Durable = false },
        };

        await OscarConverter.ConvertAsync([oscar], folder.Combine("whole"), options);
        using (var stop = new CancellationTokenSource())
        {
            var progress = new Progress(p => { if (p.Documents >= 128) stop.Cancel(); });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                OscarConverter.ConvertAsync([oscar], folder.Combine("resumed"), options, progress, stop.Token));
        }
        Assert.InRange(await CommittedRowsAsync(folder.Combine("resumed")), 1, 299);
        var report = await OscarConverter.ConvertAsync([oscar], folder.Combine("resumed"), options);

        Assert.Equal(300, report.Rows["train"] + report.Rows["test"]);
        foreach (var split in new[] { "train", "test" })
            Assert.Equal(await TextsAsync(folder.Combine("whole"), split), await TextsAsync(folder.Combine("resumed"), split));
    }

    /// <summary>Rows committed by a stopped run, both splits (the final shards appear only once a split is complete).</summary>
    private static async Task<long> CommittedRowsAsync(string root)
    {
        long rows = 0;
        foreach (var split in new[] { "train", "test" })
        {
            await using var writer = await ShardWriter.OpenAsync(root, Task, split);
            rows += writer.CommittedRows;
        }
        return rows;
    }

    [Fact]
    public async Task Resuming_with_other_filters_is_refused()
    {
        using var folder = new TempDirectory();
        var oscar = await EveryFormatAsync(folder);
        await OscarConverter.ConvertAsync([oscar], folder.Combine("data"), AllTrain with { ExcludeAnnotations = ["tiny"] });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OscarConverter.ConvertAsync([oscar], folder.Combine("data"), AllTrain));
        Assert.Contains("without tiny", error.Message);
        Assert.Contains("resume it with the same source and options", error.Message);
    }

    [Fact]
    public async Task Unknown_annotations_and_missing_inputs_are_clear_errors()
    {
        using var folder = new TempDirectory();
        var oscar = await EveryFormatAsync(folder);
        Assert.Contains("unknown annotation(s) tin", (await Assert.ThrowsAsync<ArgumentException>(() =>
            OscarConverter.ConvertAsync([oscar], folder.Combine("data"), AllTrain with { ExcludeAnnotations = ["tin"] }))).Message);
        Assert.Contains("no OSCAR input at", (await Assert.ThrowsAsync<FileNotFoundException>(() =>
            OscarConverter.ConvertAsync([folder.Combine("nowhere")], folder.Combine("data"), AllTrain))).Message);
    }

    private sealed class Progress(Action<OscarProgress> report) : IProgress<OscarProgress>
    {
        public void Report(OscarProgress value) => report(value);
    }
}
