using Jat.Converters.Wikipedia;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Tests;

namespace Jat.Converters.Tests.Wikipedia;

public sealed class WikipediaConverterTests
{
    private static readonly TaskSpec Task = TaskRegistry.Get("wikipedia");

    /// <summary>Articles, a redirect, a template page and a talk page; everything goes to train (test fraction 0).</summary>
    private static DumpBuilder Dump() => new DumpBuilder()
        .Page(12, "Anarchism", "'''Anarchism''' is a [[political philosophy|philosophy]].{{Anarchism sidebar}}<ref>Source</ref>\n\n== History ==\nOld.[[Category:Anarchism]]")
        .Page(25, "Autism", "Autism is a [[neurodevelopmental disorder]].")
        .Page(30, "AccessibleComputing", "#REDIRECT [[Computer accessibility]]", redirectTo: "Computer accessibility")
        .Page(39, "Template:Infobox", "{{{name}}}", ns: 10)
        .Page(40, "Talk:Autism", "Talk.", ns: 1)
        .Page(41, "Star Wars: A New Hope", "A [[film]] with a colon in its title.")
        .Page(42, "Only templates", "{{Disambiguation}}");

    private static readonly string[] Expected =
    [
        "Anarchism is a philosophy.\n\nHistory\n\nOld.",
        "Autism is a neurodevelopmental disorder.",
        "A film with a colon in its title.",
    ];

    private static async Task<List<string?>> TextsAsync(string root, string split = "train") =>
        (await ShardReader.ReadSplitAsync(root, Task, split).ToListAsync()).Select(r => r.Text).ToList();

    [Fact]
    public async Task A_multistream_dump_gives_its_articles_cleaned_and_counts_what_it_skipped()
    {
        using var folder = new TempDirectory();
        var dump = folder.Combine("enwiki-pages-articles-multistream.xml.bz2");
        await File.WriteAllBytesAsync(dump, Dump().MultistreamBZip2());

        var report = await WikipediaConverter.ConvertAsync(dump, folder.Combine("data"), new WikipediaOptions(new HashedSplit(0)));

        Assert.Equal(Expected, await TextsAsync(folder.Combine("data")));
        Assert.Equal(3, report.Rows["train"]);
        Assert.Equal(0, report.Rows["test"]);
        Assert.Equal(1, report.Skipped["redirect"]);
        Assert.Equal(2, report.Skipped["not an article (namespace)"]);
        Assert.Equal(1, report.Skipped["empty after cleaning"]);
    }

    [Fact]
    public async Task Plain_XML_and_bzip2_give_the_same_rows_and_the_split_follows_the_page_id()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Combine("dump.xml"), Dump().Xml());
        var split = new HashedSplit(0.5, Seed: 3);
        await WikipediaConverter.ConvertAsync(folder.Combine("dump.xml"), folder.Combine("data"), new WikipediaOptions(split));
        var expectedTest = new[] { (12L, Expected[0]), (25L, Expected[1]), (41L, Expected[2]) }.Where(a => split.SplitOf(a.Item1) == "test").Select(a => a.Item2);
        Assert.Equal(expectedTest, await TextsAsync(folder.Combine("data"), "test"));
        Assert.Equal(3, (await TextsAsync(folder.Combine("data"), "train")).Count + expectedTest.Count());
    }

    [Fact]
    public async Task Malformed_XML_names_the_line_and_the_last_good_page_and_keeps_the_rows_before_it()
    {
        using var folder = new TempDirectory();
        var builder = Dump().Raw("  <page><title>Broken</title><ns>0</ns><id>99</id><revision><text>unclosed</revision></page>\n");
        await File.WriteAllBytesAsync(folder.Combine("dump.xml.bz2"), builder.MultistreamBZip2());

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            WikipediaConverter.ConvertAsync(folder.Combine("dump.xml.bz2"), folder.Combine("data"), new WikipediaOptions(new HashedSplit(0))));
        Assert.Contains("malformed XML at line", error.Message);
        Assert.Contains("after page 42 \"Only templates\"", error.Message);
        await using var writer = await ShardWriter.OpenAsync(folder.Combine("data"), Task, "train");
        Assert.Equal(3, writer.CommittedRows);
    }

    [Fact]
    public async Task A_truncated_archive_is_a_clear_error()
    {
        using var folder = new TempDirectory();
        var bytes = Dump().MultistreamBZip2();
        await File.WriteAllBytesAsync(folder.Combine("dump.xml.bz2"), bytes[..(bytes.Length * 2 / 3)]);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            WikipediaConverter.ConvertAsync(folder.Combine("dump.xml.bz2"), folder.Combine("data"), new WikipediaOptions(new HashedSplit(0))));
        Assert.Contains("damaged or cut off", error.Message);
    }

    [Fact]
    public async Task A_conversion_stopped_part_way_resumes_to_the_same_rows()
    {
        using var folder = new TempDirectory();
        var builder = new DumpBuilder();
        for (var i = 1; i <= 300; i++)
            builder.Page(i, $"Article {i}", $"Article number [[{i}]] says {{{{template}}}}something {new string('x', i % 50)}.");
        await File.WriteAllBytesAsync(folder.Combine("dump.xml.bz2"), builder.MultistreamBZip2());
        var options = new WikipediaOptions(new HashedSplit(0.2, 1), Writer: new ShardWriterOptions { RowGroupBytes = 2_000 });

        await WikipediaConverter.ConvertAsync(folder.Combine("dump.xml.bz2"), folder.Combine("whole"), options);
        using (var stop = new CancellationTokenSource())
        {
            var progress = new Progress(p => { if (p.Pages > 150) stop.Cancel(); });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                WikipediaConverter.ConvertAsync(folder.Combine("dump.xml.bz2"), folder.Combine("resumed"), options, progress, stop.Token));
        }
        await WikipediaConverter.ConvertAsync(folder.Combine("dump.xml.bz2"), folder.Combine("resumed"), options);

        foreach (var split in new[] { "train", "test" })
            Assert.Equal(await TextsAsync(folder.Combine("whole"), split), await TextsAsync(folder.Combine("resumed"), split));
        Assert.Equal(300, (await TextsAsync(folder.Combine("resumed"))).Count + (await TextsAsync(folder.Combine("resumed"), "test")).Count);
    }

    [Fact]
    public async Task Token_limits_skip_short_articles_and_stop_at_the_budget_across_a_resume()
    {
        using var folder = new TempDirectory();
        var builder = new DumpBuilder();
        for (var i = 1; i <= 200; i++)
            builder.Page(i, $"A{i}", i % 10 == 0 ? "Short." : $"Article {i} is about the history of the city and its river, founded long ago.");
        await File.WriteAllBytesAsync(folder.Combine("dump.xml.bz2"), builder.MultistreamBZip2());
        var options = new WikipediaOptions(new HashedSplit(0.3, 1), Writer: new ShardWriterOptions { RowGroupBytes = 500 }, MinTokens: 5, MaxTokens: 1_000);
        var perArticle = Jat.Converters.Text.Gpt2Tokens.Count("Article 100 is about the history of the city and its river, founded long ago.");

        using (var stop = new CancellationTokenSource())
        {
            var progress = new Progress(p => { if (p.Rows > 20) stop.Cancel(); });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                WikipediaConverter.ConvertAsync(folder.Combine("dump.xml.bz2"), folder.Combine("data"), options, progress, stop.Token));
        }
        var report = await WikipediaConverter.ConvertAsync(folder.Combine("dump.xml.bz2"), folder.Combine("data"), options);

        var texts = (await TextsAsync(folder.Combine("data"))).Concat(await TextsAsync(folder.Combine("data"), "test")).ToList();
        Assert.DoesNotContain("Short.", texts);
        Assert.Equal((1_000 + perArticle - 1) / perArticle, texts.Count); // whole articles until the budget is reached
        Assert.Equal(report.TotalRows, texts.Count);
    }

    /// <summary>A row of wikimedia/wikipedia: four string columns named in lower case.</summary>
    public sealed class HfArticle
    {
        [System.Text.Json.Serialization.JsonPropertyName("id")] public string? Id { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("url")] public string? Url { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("title")] public string? Title { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("text")] public string? Text { get; set; }
    }

    [Fact]
    public async Task Hugging_Face_parquet_articles_are_taken_as_they_are_and_split_by_their_id()
    {
        using var folder = new TempDirectory();
        var articles = Enumerable.Range(1, 40).Select(i => new HfArticle { Id = $"{i * 7}", Url = "u", Title = $"T{i}", Text = $"Article {i}.\n\nSecond paragraph." }).ToList();
        Directory.CreateDirectory(folder.Combine("20231101.en"));
        await Parquet.Serialization.ParquetSerializer.SerializeAsync(articles.Take(25), folder.Combine("20231101.en", "train-00000-of-00002.parquet"));
        await Parquet.Serialization.ParquetSerializer.SerializeAsync(articles.Skip(25), folder.Combine("20231101.en", "train-00001-of-00002.parquet"));
        var split = new HashedSplit(0.25, 2);

        await WikipediaConverter.ConvertAsync(folder.Combine("20231101.en"), folder.Combine("data"), new WikipediaOptions(split));

        foreach (var name in new[] { "train", "test" })
            Assert.Equal(articles.Where(a => split.SplitOf(long.Parse(a.Id!, System.Globalization.CultureInfo.InvariantCulture)) == name).Select(a => a.Text),
                await TextsAsync(folder.Combine("data"), name));
    }

    private sealed class Progress(Action<WikipediaProgress> report) : IProgress<WikipediaProgress>
    {
        public void Report(WikipediaProgress value) => report(value);
    }
}
