using System.Globalization;
using Jat.Converters.Images;
using Jat.Schema.Card;
using Jat.Schema.Columns;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using SixLabors.ImageSharp;

namespace Jat.Converters.OkVqa;

/// <summary>The OK-VQA files and the COCO 2014 images they point to.</summary>
/// <param name="Images">folders and/or zips; see <see cref="CocoImages.Open"/></param>
public sealed record OkVqaInputs(string TrainQuestions, string TrainAnnotations, string ValQuestions, string ValAnnotations, IReadOnlyList<string> Images);

public sealed record OkVqaOptions
{
    public ShardWriterOptions? Writer { get; init; }

    /// <summary>
    /// Images decoded and re-encoded at once. Reading stays one file at a time, in order, and at most this many images
    /// are held in memory; decoding a COCO JPEG and encoding it again is what takes the time.
    /// </summary>
    public int Parallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>Told about each skipped question, with its id, for the first few lines on stderr.</summary>
    public Action<string>? Warn { get; init; }
}

/// <summary>How far a conversion has gone in the split being written.</summary>
public readonly record struct OkVqaProgress(string Split, long Questions, long TotalQuestions, long Rows);

/// <summary>
/// <c>jat convert ok-vqa</c>: one row per OK-VQA question, in question order, as JAT built it (reference §3.3):
/// <c>text = "Q: {question} A: {answers[0].answer}"</c> and the COCO image at 352 px, JPEG q75. OK-VQA train
/// (train2014) becomes <c>train</c>, val (val2014) becomes <c>test</c>.
/// </summary>
/// <remarks>
/// The resume cursor is the question's index in its questions file. A question is skipped, and counted by reason,
/// when it has no annotation or no answer, or its image is missing, damaged or not an image.
/// </remarks>
public static class OkVqaConverter
{
    public const string Provenance = "OK-VQA v1.1 questions and annotations (train2014 → train, val2014 → test) with COCO 2014 images, 352 px JPEG q75";

    public static async Task<ConversionReport> ConvertAsync(OkVqaInputs inputs, string root, OkVqaOptions? options = null,
        IProgress<OkVqaProgress>? progress = null, CancellationToken ct = default)
    {
        options ??= new OkVqaOptions();
        var task = TaskRegistry.Get("ok-vqa");
        DatasetNotes.Claim(root, task.Name, Provenance);
        var skipped = new SkipCounter();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        using var images = CocoImages.Open(inputs.Images);
        foreach (var (split, coco, questions, annotations) in new[]
                 {
                     ("train", "train2014", inputs.TrainQuestions, inputs.TrainAnnotations),
                     ("test", "val2014", inputs.ValQuestions, inputs.ValAnnotations),
                 })
        {
            await using var writer = await ShardWriter.OpenAsync(root, task, split, options.Writer, ct).ConfigureAwait(false);
            if (!writer.IsComplete)
            {
                var source = new SplitSource(split, coco, questions, annotations);
                await ConvertSplitAsync(source, writer, images, options, skipped, progress, ct).ConfigureAwait(false);
                await writer.CompleteAsync(ct).ConfigureAwait(false);
            }
            rows[split] = writer.CommittedRows;
        }
        return new ConversionReport(task.Name, rows, skipped.Snapshot());
    }

    private sealed record SplitSource(string Split, string Coco, string Questions, string Annotations);

    /// <summary>A question made ready in the background: its row, or why it has none.</summary>
    private readonly record struct Prepared(long Index, Example? Row, string? Skip, string? Detail);

    private static async Task ConvertSplitAsync(SplitSource source, ShardWriter writer, CocoImages images, OkVqaOptions options,
        SkipCounter skipped, IProgress<OkVqaProgress>? progress, CancellationToken ct)
    {
        var questions = OkVqaJson.ReadQuestions(source.Questions);
        var answers = OkVqaJson.ReadFirstAnswers(source.Annotations);
        var first = writer.CommittedCursor is { } cursor ? long.Parse(cursor, CultureInfo.InvariantCulture) + 1 : 0;
        var window = Math.Max(1, options.Parallelism);
        // In flight, oldest first: rows are written in question order whatever order the work finishes in.
        var pending = new Queue<Task<Prepared>>();
        for (var i = first; i < questions.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var question = questions[(int)i];
            var where = $"OK-VQA {source.Split} question {question.QuestionId} (#{i} of {Path.GetFileName(source.Questions)})";
            if (!answers.TryGetValue(question.QuestionId, out var answer))
            {
                Skip(skipped, options, "no annotation", $"{where} has no annotation in {Path.GetFileName(source.Annotations)}; skipped");
            }
            else if (answer is null)
            {
                Skip(skipped, options, "no answer", $"{where}: its annotation lists no answer; skipped");
            }
            else
            {
                var image = await images.ReadAsync(source.Coco, question.ImageId, ct).ConfigureAwait(false);
                var text = $"Q: {question.Question} A: {answer}";
                var name = CocoImages.FileName(source.Coco, question.ImageId);
                if (image.Bytes is not { } bytes)
                {
                    Skip(skipped, options, image.Problem!, $"{where}: {image.Problem} {name}; skipped");
                }
                else
                {
                    var index = i;
                    pending.Enqueue(Task.Run(() => Prepare(index, text, bytes, $"{where}: {name}"), ct));
                    if (pending.Count >= window)
                        await WriteAsync(await pending.Dequeue().ConfigureAwait(false), writer, skipped, options, ct).ConfigureAwait(false);
                }
            }
            progress?.Report(new OkVqaProgress(source.Split, i + 1, questions.Count, writer.RowsWritten));
        }
        while (pending.Count > 0)
            await WriteAsync(await pending.Dequeue().ConfigureAwait(false), writer, skipped, options, ct).ConfigureAwait(false);
        progress?.Report(new OkVqaProgress(source.Split, questions.Count, questions.Count, writer.RowsWritten));
    }

    private static Prepared Prepare(long index, string text, byte[] bytes, string where)
    {
        try
        {
            return new Prepared(index, new Example { Image = ImageNormalizer.Normalize(bytes, ImageEncoding.Jpeg), Text = text }, null, null);
        }
        catch (InvalidImageException e)
        {
            var reason = e.InnerException is UnknownImageFormatException ? "not an image" : "damaged image";
            return new Prepared(index, null, reason, $"{where} is {e.Message}; skipped");
        }
    }

    private static async Task WriteAsync(Prepared prepared, ShardWriter writer, SkipCounter skipped, OkVqaOptions options, CancellationToken ct)
    {
        if (prepared.Row is { } row)
            await writer.WriteAsync(row, prepared.Index.ToString(CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
        else
            Skip(skipped, options, prepared.Skip!, prepared.Detail!);
    }

    private static void Skip(SkipCounter skipped, OkVqaOptions options, string reason, string detail)
    {
        skipped.Add(reason);
        options.Warn?.Invoke(detail);
    }

}
