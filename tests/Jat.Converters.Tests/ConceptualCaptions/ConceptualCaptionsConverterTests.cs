using System.Diagnostics;
using System.Net;
using Jat.Converters.ConceptualCaptions;
using Jat.Converters.Fetching;
using Jat.Schema.Columns;
using Jat.Schema.Images;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Tests;

namespace Jat.Converters.Tests.ConceptualCaptions;

public sealed class ConceptualCaptionsConverterTests
{
    private static readonly TaskSpec Task = TaskRegistry.Get("conceptual-captions");

    /// <summary>Short waits so the tests stay fast; the loopback server is allowed (it is private, like every test server).</summary>
    private static ImageFetchOptions Fetch(bool allowPrivate = true) => new()
    {
        // Well under the 5 s stall of the slow route, well over what a loaded 2-core CI machine needs for a small image
        // (700 ms once timed out a 60 ms answer while four test assemblies shared the cores).
        Timeout = TimeSpan.FromMilliseconds(2_500),
        MaxBytes = 200_000,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        AllowPrivate = allowPrivate,
    };

    private static ConceptualCaptionsOptions Options(ImageFetchOptions? fetch = null, List<string>? log = null) => new()
    {
        Fetch = fetch ?? Fetch(),
        Writer = new ShardWriterOptions { Durable = false },
        Log = log is null ? null : line => { lock (log) log.Add(line); },
    };

    private static async Task<string> TsvAsync(TempDirectory folder, string name, params string[] lines)
    {
        var path = folder.Combine(name);
        await File.WriteAllTextAsync(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private static async Task<List<Example>> RowsAsync(string root, string split) =>
        await ShardReader.ReadSplitAsync(root, Task, split).ToListAsync();

    private static void AssertJatPng(byte[]? image, int width, int height)
    {
        Assert.NotNull(image);
        Assert.True(PngHeader.TryRead(image, out var header), "not a PNG");
        Assert.Equal((width, height), (header.Width, header.Height));
        Assert.Equal(2, header.ColorType); // RGB, as JAT's convert("RGB")
    }

    [Fact]
    public async Task Only_the_images_that_arrive_whole_become_rows_in_input_order_and_every_skip_is_counted_by_reason()
    {
        await using var server = await ImageServer.StartAsync();
        var jpeg = TestImages.Jpeg(640, 480);
        server.Image("a.jpg", jpeg)
            .Image("b.png", TestImages.Png(300, 500), "image/png")
            .Busy("busy.jpg", TestImages.Jpeg(200, 100))
            .Slow("slow.jpg", jpeg, TimeSpan.FromSeconds(5))
            .Oversized("huge.jpg", declared: false)
            .Oversized("huge-declared.jpg", declared: true)
            .Redirect("loop/a", "/loop/b").Redirect("loop/b", "/loop/a")
            .Html("page.html")
            .Image("noai.jpg", jpeg, robots: "noai")
            .Image("noimageai.jpg", jpeg, robots: "noindex, noimageai")
            .Image("otherbot.jpg", TestImages.Jpeg(100, 400), robots: "otherbot: noai")
            .Image("broken.jpg", TestImages.Truncated())
            .Redirect("moved", "/c.jpg", 301).Image("c.jpg", TestImages.Jpeg(352, 352))
            .Status("down.jpg", 503)
            .Image("v.jpg", TestImages.Jpeg(50, 100));
        using var folder = new TempDirectory();
        var train = await TsvAsync(folder, "train.tsv",
            $"a red square\t{server.Url("a.jpg")}",
            $"a tall png\t{server.Url("b.png")}",
            $"gone\t{server.Url("missing.jpg")}",
            $"busy at first\t{server.Url("busy.jpg")}",
            $"slow\t{server.Url("slow.jpg")}",
            $"huge\t{server.Url("huge.jpg")}",
            $"huge and says so\t{server.Url("huge-declared.jpg")}",
            $"loop\t{server.Url("loop/a")}",
            $"a page\t{server.Url("page.html")}",
            $"opted out\t{server.Url("noai.jpg")}",
            $"opted out too\t{server.Url("noimageai.jpg")}",
            "no tab here",
            "empty url\t",
            $"ftp\tftp://example.org/x.jpg",
            $"moved permanently\t{server.Url("moved")}",
            $"broken\t{server.Url("broken.jpg")}",
            $"unavailable\t{server.Url("down.jpg")}",
            $"opted out for another crawler\t{server.Url("otherbot.jpg")}");
        var validation = await TsvAsync(folder, "validation.tsv",
            $"validation image\t{server.Url("v.jpg")}",
            $"validation gone\t{server.Url("gone.jpg")}");
        var log = new List<string>();

        var report = await ConceptualCaptionsConverter.ConvertAsync(train, validation, folder.Combine("data"), Options(log: log));

        var rows = await RowsAsync(folder.Combine("data"), "train");
        Assert.Equal(["a red square", "a tall png", "busy at first", "moved permanently", "opted out for another crawler"], rows.Select(r => r.Text));
        AssertJatPng(rows[0].Image, 352, 264);
        AssertJatPng(rows[1].Image, 211, 352);
        AssertJatPng(rows[2].Image, 352, 176);
        AssertJatPng(rows[3].Image, 352, 352);
        AssertJatPng(rows[4].Image, 88, 352);
        var test = await RowsAsync(folder.Combine("data"), "test");
        Assert.Equal(["validation image"], test.Select(r => r.Text));
        AssertJatPng(test[0].Image, 176, 352);

        Assert.Equal(new Dictionary<string, long> { ["train"] = 5, ["test"] = 1 }, report.Rows);
        Assert.Equal(new Dictionary<string, long>
        {
            ["bad line"] = 3,
            ["damaged image"] = 1,
            ["http 404"] = 2,
            ["http 503"] = 1,
            ["noai"] = 2,
            ["not an image"] = 1,
            ["redirect loop"] = 1,
            ["timeout"] = 1,
            ["too large"] = 2,
        }, report.Skipped);

        // 429 with Retry-After: 1, then the image: two requests, a second apart.
        var busy = server.Arrivals["busy.jpg"].ToArray();
        Assert.Equal(2, busy.Length);
        Assert.True(Stopwatch.GetElapsedTime(busy[0], busy[1]) >= TimeSpan.FromMilliseconds(950), $"retried after {Stopwatch.GetElapsedTime(busy[0], busy[1])}");
        Assert.Equal(3, server.RequestsTo("down.jpg")); // the first try and --retries 2
        Assert.Equal(1, server.RequestsTo("missing.jpg")); // a 404 is final
        Assert.Equal(1, server.RequestsTo("slow.jpg")); // and so is a timeout
        Assert.Equal(1, server.RequestsTo("loop/b"));
        Assert.Contains(log, l => l.EndsWith("train.tsv:12: bad line: no tab", StringComparison.Ordinal));
        Assert.Contains(log, l => l.EndsWith("train.tsv:13: bad line: empty URL", StringComparison.Ordinal));
        Assert.Contains(log, l => l.EndsWith("train.tsv:14: bad line: not an http(s) URL", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains("train.tsv:3: http 404: http://127.0.0.1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_allow_private_no_request_reaches_a_private_loopback_or_link_local_address()
    {
        await using var server = await ImageServer.StartAsync();
        server.Image("a.jpg", TestImages.Jpeg(64, 48));
        var port = server.BaseAddress.Port;
        using var folder = new TempDirectory();
        var train = await TsvAsync(folder, "train.tsv",
            $"loopback\t{server.Url("a.jpg")}",
            $"localhost\thttp://localhost:{port}/a.jpg",
            $"ipv6 loopback\thttp://[::1]:{port}/a.jpg",
            "private\thttp://10.0.0.1/x.jpg",
            "cloud metadata\thttp://169.254.169.254/latest/meta-data/",
            "mapped\thttp://[::ffff:127.0.0.1]/x.jpg");
        var clock = Stopwatch.StartNew();

        var report = await ConceptualCaptionsConverter.ConvertAsync(train, null, folder.Combine("data"), Options(Fetch(allowPrivate: false)));

        Assert.Equal(0, server.TotalRequests);
        Assert.Equal(new Dictionary<string, long> { ["private address"] = 6 }, report.Skipped);
        Assert.Equal(0, report.Rows["train"]);
        Assert.Empty(await RowsAsync(folder.Combine("data"), "train"));
        // Refused before connecting: 10.0.0.1 was never tried, so nothing waited for a timeout.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_redirect_to_a_private_address_is_checked_and_refused()
    {
        await using var server = await ImageServer.StartAsync();
        server.Image("a.jpg", TestImages.Jpeg(64, 48)).Redirect("to-metadata", "http://169.254.169.254/latest/meta-data/");
        using var folder = new TempDirectory();
        var train = await TsvAsync(folder, "train.tsv", $"ok\t{server.Url("a.jpg")}", $"sneaky\t{server.Url("to-metadata")}");
        // Loopback plays the public web here; every other private address stays forbidden.
        var fetch = Fetch(allowPrivate: false) with { IsForbidden = a => !IPAddress.IsLoopback(a) && AddressPolicy.IsPrivate(a) };

        var report = await ConceptualCaptionsConverter.ConvertAsync(train, null, folder.Combine("data"), Options(fetch));

        Assert.Equal(1, report.Rows["train"]);
        Assert.Equal(new Dictionary<string, long> { ["private address"] = 1 }, report.Skipped);
    }

    [Fact]
    public async Task The_per_host_limit_caps_requests_in_flight_to_one_host()
    {
        await using var server = await ImageServer.StartAsync();
        server.ImageDelay = TimeSpan.FromMilliseconds(60);
        var lines = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            server.Image($"{i}.jpg", TestImages.Jpeg(40 + i, 30));
            lines.Add($"image {i}\t{server.Url($"{i}.jpg")}");
        }
        using var folder = new TempDirectory();
        var train = await TsvAsync(folder, "train.tsv", [.. lines]);

        var report = await ConceptualCaptionsConverter.ConvertAsync(train, null, folder.Combine("data"),
            Options(Fetch() with { Concurrency = 8, PerHost = 2 }));

        Assert.True(report.Rows["train"] == 12, $"skipped: {string.Join(", ", report.Skipped.Select(kv => $"{kv.Key} {kv.Value}"))}");
        Assert.InRange(server.MaxInFlight, 1, 2);
        Assert.Equal(lines.Select(l => l[..l.IndexOf('\t', StringComparison.Ordinal)]), (await RowsAsync(folder.Combine("data"), "train")).Select(r => r.Text));
    }

    [Fact]
    public async Task The_limit_reads_only_the_first_lines()
    {
        await using var server = await ImageServer.StartAsync();
        server.Image("a.jpg", TestImages.Jpeg(64, 48));
        using var folder = new TempDirectory();
        var train = await TsvAsync(folder, "train.tsv", $"one\t{server.Url("a.jpg")}", $"two\t{server.Url("a.jpg")}", $"three\t{server.Url("a.jpg")}");

        var report = await ConceptualCaptionsConverter.ConvertAsync(train, null, folder.Combine("data"), Options() with { Limit = 2 });

        Assert.Equal(2, report.Rows["train"]);
        Assert.Equal(2, server.RequestsTo("a.jpg"));
    }

    [Fact]
    public async Task A_missing_input_is_a_clear_error_before_anything_is_written()
    {
        using var folder = new TempDirectory();
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            ConceptualCaptionsConverter.ConvertAsync(folder.Combine("nope.tsv"), null, folder.Combine("data"), Options()));
        Assert.Contains("no Conceptual Captions TSV", error.Message);
        Assert.False(Directory.Exists(folder.Combine("data")));
    }

    [Fact]
    public async Task Rows_from_another_source_are_not_added_to()
    {
        using var folder = new TempDirectory();
        var train = await TsvAsync(folder, "train.tsv", "caption\thttp://example.org/a.jpg");
        Jat.Schema.Card.DatasetNotes.Record(folder.Combine("data"), Task.Name, "sample: synthetic rows, seed 0, 20 rows");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ConceptualCaptionsConverter.ConvertAsync(train, null, folder.Combine("data"), Options()));

        Assert.Contains("was started as \"sample: synthetic rows", error.Message);
        Assert.False(Directory.Exists(folder.Combine("data", Task.Name)));
    }

    /// <summary>Ten images of distinct sizes with failures between them.</summary>
    private static async Task<string> ResumeInputAsync(ImageServer server, TempDirectory folder)
    {
        var lines = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            server.Image($"{i}.jpg", TestImages.Jpeg(100 + 10 * i, 80));
            lines.Add($"image {i}\t{server.Url($"{i}.jpg")}");
            if (i % 3 == 1)
                lines.Add($"missing {i}\t{server.Url($"missing-{i}.jpg")}");
        }
        return await TsvAsync(folder, "train.tsv", [.. lines]);
    }

    private sealed class StopAfter(int rows, CancellationTokenSource stop) : IProgress<CaptionsProgress>
    {
        public void Report(CaptionsProgress value)
        {
            if (value.Rows >= rows)
                stop.Cancel();
        }
    }

    [Fact]
    public async Task A_stopped_conversion_resumes_after_its_last_committed_line_and_ends_as_an_uninterrupted_one()
    {
        await using var server = await ImageServer.StartAsync();
        using var folder = new TempDirectory();
        var train = await ResumeInputAsync(server, folder);
        // One row per row group: every written row is committed, with its line as the cursor.
        var options = Options() with { Writer = new ShardWriterOptions { Durable = false, RowGroupBytes = 1 } };
        await ConceptualCaptionsConverter.ConvertAsync(train, null, folder.Combine("whole"), options);
        server.Requests.Clear();

        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ConceptualCaptionsConverter.ConvertAsync(train, null, folder.Combine("resumed"), options, new StopAfter(4, stop), stop.Token));
        string cursor;
        await using (var writer = await ShardWriter.OpenAsync(folder.Combine("resumed"), Task, "train"))
        {
            Assert.Equal(4, writer.CommittedRows);
            cursor = writer.CommittedCursor!;
        }
        Assert.Equal("5", cursor); // image 3 is line 5: images 0 and 1, "missing 1", images 2 and 3
        var report = await ConceptualCaptionsConverter.ConvertAsync(train, null, folder.Combine("resumed"), options);

        Assert.Equal(10, report.Rows["train"]);
        var whole = await RowsAsync(folder.Combine("whole"), "train");
        var resumed = await RowsAsync(folder.Combine("resumed"), "train");
        Assert.Equal(whole.Select(r => r.Text), resumed.Select(r => r.Text));
        Assert.Equal(whole.Select(r => Convert.ToHexString(r.Image!)), resumed.Select(r => Convert.ToHexString(r.Image!)));
        // Lines up to the cursor were fetched once, by the first run only.
        for (var i = 0; i < 4; i++)
            Assert.Equal(1, server.RequestsTo($"{i}.jpg"));
        // The second run counts its own skips only: the two failures after the cursor (line 3's is behind it).
        Assert.Equal(new Dictionary<string, long> { ["http 404"] = 2 }, report.Skipped);
    }

    [Fact]
    public async Task A_finished_split_is_not_read_again_and_a_later_validation_file_adds_the_test_split()
    {
        await using var server = await ImageServer.StartAsync();
        server.Image("a.jpg", TestImages.Jpeg(64, 48));
        using var folder = new TempDirectory();
        var train = await TsvAsync(folder, "train.tsv", $"one\t{server.Url("a.jpg")}");
        var validation = await TsvAsync(folder, "validation.tsv", $"two\t{server.Url("a.jpg")}");
        await ConceptualCaptionsConverter.ConvertAsync(train, null, folder.Combine("data"), Options());

        var report = await ConceptualCaptionsConverter.ConvertAsync(train, validation, folder.Combine("data"), Options());

        Assert.Equal(new Dictionary<string, long> { ["train"] = 1, ["test"] = 1 }, report.Rows);
        Assert.Equal(2, server.RequestsTo("a.jpg"));
    }
}
