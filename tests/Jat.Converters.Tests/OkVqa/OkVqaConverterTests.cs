using Jat.Converters.OkVqa;
using Jat.Schema.Columns;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Tests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace Jat.Converters.Tests.OkVqa;

public sealed class OkVqaConverterTests
{
    private static readonly TaskSpec Task = TaskRegistry.Get("ok-vqa");

    /// <summary>
    /// Train: two questions on one photo, a CMYK JPEG, a PNG under a .jpg name, a missing, a cut-off and a non-image
    /// file, an EXIF-rotated photo, a question without annotation and one whose annotation has no answer. Val: two
    /// photos, one of whose ids also exists in train2014 with another size, so the split decides which file is read.
    /// </summary>
    private static OkVqaSet Standard() => new OkVqaSet()
        .Train(90, 9, "What sport can you use this for?", "race", "racing", "motocross")
        .Train(91, 9, "What is the man holding?", "kite")
        .Train(250, 25, "What color is this car?", "red")
        .Train(300, 30, "What shape is this sign?", "square")
        .Train(420, 42, "Where was this taken?", "beach")
        .Train(490, 49, "What animal is this?", "dog")
        .Train(610, 61, "What is this?", "page")
        .Train(720, 72, "Which way is up?", "north")
        .TrainWithoutAnnotation(800, 9, "Who made this?")
        .Train(810, 9, "Is this an annotation without answers?")
        .Val(5, 1, "Where is this beach?", "hawaii", "florida")
        .Val(6, 2, "How many towers, roughly?", "two")
        .Image("train2014", 9, TestImages.Jpeg(640, 480))
        .Image("train2014", 25, CmykJpeg.Flat(32, 16, 230, 10, 10, 255))
        .Image("train2014", 30, TestImages.Png(200, 300))
        .Image("train2014", 49, TestImages.Truncated())
        .Image("train2014", 61, "<html>404 not found</html>"u8.ToArray())
        .Image("train2014", 72, TestImages.Jpeg(200, 100, orientation: 6))
        .Image("train2014", 1, TestImages.Jpeg(64, 64))
        .Image("val2014", 1, TestImages.Jpeg(300, 200))
        .Image("val2014", 2, TestImages.Jpeg(100, 400));

    private static readonly string[] TrainTexts =
    [
        "Q: What sport can you use this for? A: race",
        "Q: What is the man holding? A: kite",
        "Q: What color is this car? A: red",
        "Q: What shape is this sign? A: square",
        "Q: Which way is up? A: north",
    ];

    private static readonly string[] TestTexts = ["Q: Where is this beach? A: hawaii", "Q: How many towers, roughly? A: two"];

    private static async Task<List<Example>> RowsAsync(string root, string split) =>
        await ShardReader.ReadSplitAsync(root, Task, split).ToListAsync();

    private static (int Width, int Height) Size(byte[] jpeg)
    {
        var info = Image.Identify(jpeg, out var format);
        Assert.Equal(JpegFormat.Instance, format);
        return (info.Width, info.Height);
    }

    [Fact]
    public async Task Each_question_becomes_a_row_in_question_order_with_the_first_answer_and_a_352_px_JPEG()
    {
        using var folder = new TempDirectory();
        var inputs = Standard().Write(folder);

        var report = await OkVqaConverter.ConvertAsync(inputs, folder.Combine("data"));

        var train = await RowsAsync(folder.Combine("data"), "train");
        Assert.Equal(TrainTexts, train.Select(r => r.Text));
        Assert.Equal([(352, 264), (352, 264), (352, 176), (234, 352), (176, 352)], train.Select(r => Size(r.Image!)));
        Assert.Equal(5, report.Rows["train"]);
        Assert.Equal(2, report.Rows["test"]);
    }

    [Fact]
    public async Task Missing_damaged_and_non_image_files_and_questions_without_answers_are_skipped_and_counted_by_reason()
    {
        using var folder = new TempDirectory();
        var warnings = new List<string>();

        var report = await OkVqaConverter.ConvertAsync(Standard().Write(folder), folder.Combine("data"), new OkVqaOptions { Warn = warnings.Add });

        Assert.Equal(new Dictionary<string, long>
        {
            ["damaged image"] = 1,
            ["missing image"] = 1,
            ["no annotation"] = 1,
            ["no answer"] = 1,
            ["not an image"] = 1,
        }, report.Skipped);
        Assert.Contains(warnings, w => w.Contains("question 800", StringComparison.Ordinal) && w.Contains("has no annotation", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("missing image COCO_train2014_000000000042.jpg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Train_becomes_train_and_val_becomes_test_with_val2014_images()
    {
        using var folder = new TempDirectory();
        await OkVqaConverter.ConvertAsync(Standard().Write(folder), folder.Combine("data"));

        var test = await RowsAsync(folder.Combine("data"), "test");
        Assert.Equal(TestTexts, test.Select(r => r.Text));
        // val2014 image 1 is 300×200; train2014 image 1, never asked about in val, is 64×64.
        Assert.Equal([(352, 234), (88, 352)], test.Select(r => Size(r.Image!)));
    }

    [Fact]
    public async Task CMYK_PNG_and_EXIF_rotated_inputs_come_out_as_upright_RGB_JPEGs_without_metadata()
    {
        var cmyk = CmykJpeg.Flat(32, 16, 230, 10, 10, 255);
        Assert.Equal(JpegColorType.Cmyk, Image.Identify(cmyk).Metadata.GetJpegMetadata().ColorType); // the input really is CMYK
        using var folder = new TempDirectory();
        await OkVqaConverter.ConvertAsync(Standard().Write(folder), folder.Combine("data"));
        var train = await RowsAsync(folder.Combine("data"), "train");

        using (var fromCmyk = Image.Load<Rgb24>(train[2].Image!))
        {
            var pixel = fromCmyk[100, 50];
            Assert.True(pixel.R > 200 && pixel.G < 40 && pixel.B < 40, $"CMYK red came out as {pixel}");
            Assert.NotEqual(JpegColorType.Cmyk, fromCmyk.Metadata.GetJpegMetadata().ColorType);
        }
        using (var upright = Image.Load<Rgb24>(train[4].Image!))
        {
            // Stored 200×100 with orientation 6: upright it is 100×200, its red quarter top-right.
            Assert.True(upright[upright.Width - 10, 10].R > 150 && upright[10, 10].R < 100);
            Assert.Null(upright.Metadata.ExifProfile);
        }
        Assert.All(train, r => Assert.Equal([0xFF, 0xD8, 0xFF], r.Image![..3]));
    }

    [Fact]
    public async Task Zipped_images_and_zipped_JSON_give_the_same_rows_as_folders()
    {
        using var folder = new TempDirectory();
        using var zipped = new TempDirectory();
        var report = await OkVqaConverter.ConvertAsync(Standard().Write(folder), folder.Combine("data"));
        var zipReport = await OkVqaConverter.ConvertAsync(Standard().Write(zipped, zipImages: true, zipJson: true), zipped.Combine("data"));

        Assert.Equal(report.Rows, zipReport.Rows);
        Assert.Equal(report.Skipped, zipReport.Skipped);
        foreach (var split in new[] { "train", "test" })
        {
            var expected = await RowsAsync(folder.Combine("data"), split);
            var actual = await RowsAsync(zipped.Combine("data"), split);
            Assert.Equal(expected.Select(r => r.Text), actual.Select(r => r.Text));
            Assert.Equal(expected.Select(r => Convert.ToHexString(r.Image!)), actual.Select(r => Convert.ToHexString(r.Image!)));
        }
    }

    [Fact]
    public async Task A_conversion_stopped_part_way_resumes_to_the_same_rows()
    {
        using var folder = new TempDirectory();
        var set = new OkVqaSet();
        for (var i = 0; i < 40; i++)
            set.Train(1000 + i, 100 + i, $"Question {i}?", $"answer {i}").Image("train2014", 100 + i, TestImages.Jpeg(40 + i * 7, 60));
        for (var i = 0; i < 12; i++)
            set.Val(5000 + i, 200 + i, $"Val question {i}?", $"val {i}").Image("val2014", 200 + i, TestImages.Png(30, 20 + i * 5));
        set.Train(1100, 999, "A missing one?", "none"); // a skip after the stop, counted again on resume
        var inputs = set.Write(folder, zipImages: true);
        var writer = new ShardWriterOptions { RowGroupBytes = 30_000, Durable = false };

        await OkVqaConverter.ConvertAsync(inputs, folder.Combine("whole"), new OkVqaOptions { Writer = writer, Parallelism = 1 });
        using (var stop = new CancellationTokenSource())
        {
            var progress = new Progress(p => { if (p.Split == "train" && p.Questions > 25) stop.Cancel(); });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                OkVqaConverter.ConvertAsync(inputs, folder.Combine("resumed"), new OkVqaOptions { Writer = writer, Parallelism = 4 }, progress, stop.Token));
        }
        await using (var partial = await ShardWriter.OpenAsync(folder.Combine("resumed"), Task, "train", writer))
            Assert.InRange(partial.CommittedRows, 1, 39);
        var report = await OkVqaConverter.ConvertAsync(inputs, folder.Combine("resumed"), new OkVqaOptions { Writer = writer, Parallelism = 4 });

        Assert.Equal(40, report.Rows["train"]);
        Assert.Equal(12, report.Rows["test"]);
        Assert.Equal(1, report.Skipped["missing image"]);
        foreach (var split in new[] { "train", "test" })
        {
            var expected = await RowsAsync(folder.Combine("whole"), split);
            var actual = await RowsAsync(folder.Combine("resumed"), split);
            Assert.Equal(expected.Select(r => r.Text), actual.Select(r => r.Text));
            Assert.Equal(expected.Select(r => Convert.ToHexString(r.Image!)), actual.Select(r => Convert.ToHexString(r.Image!)));
        }
    }

    [Fact]
    public async Task Files_given_in_the_wrong_place_are_a_clear_error()
    {
        using var folder = new TempDirectory();
        var inputs = Standard().Write(folder);
        var swapped = inputs with { TrainQuestions = inputs.TrainAnnotations, TrainAnnotations = inputs.TrainQuestions };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => OkVqaConverter.ConvertAsync(swapped, folder.Combine("data")));
        Assert.Contains("no \"questions\" list; is this an OK-VQA questions file?", error.Message);
        Assert.Contains("mscoco_train2014_annotations.json", error.Message);
    }

    [Fact]
    public async Task A_folder_holding_sample_rows_for_ok_vqa_is_refused()
    {
        using var folder = new TempDirectory();
        Jat.Schema.Card.DatasetNotes.Record(folder.Combine("data"), "ok-vqa", "sample: synthetic rows, seed 0, 20 rows");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OkVqaConverter.ConvertAsync(Standard().Write(folder), folder.Combine("data")));
        Assert.Contains("was started as \"sample", error.Message);
    }

    private sealed class Progress(Action<OkVqaProgress> report) : IProgress<OkVqaProgress>
    {
        public void Report(OkVqaProgress value) => report(value);
    }
}
