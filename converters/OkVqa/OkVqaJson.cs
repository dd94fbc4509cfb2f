using System.IO.Compression;
using System.Text.Json;

namespace Jat.Converters.OkVqa;

/// <summary>One OK-VQA question: <c>{"image_id", "question", "question_id"}</c>.</summary>
internal readonly record struct OkVqaQuestion(long QuestionId, long ImageId, string Question);

/// <summary>
/// The OK-VQA JSON files (VQA style, reference §3.2): <c>{"questions": [...]}</c> and <c>{"annotations": [...]}</c>.
/// Either file may be given as the <c>.json.zip</c> that okvqa.allenai.org serves, read without extracting it.
/// </summary>
/// <remarks>The files are a few MB (9,009 train and 5,046 val questions), so each is parsed whole.</remarks>
internal static class OkVqaJson
{
    public static List<OkVqaQuestion> ReadQuestions(string path)
    {
        using var document = Parse(path);
        var questions = new List<OkVqaQuestion>();
        foreach (var item in ListOf(document, "questions", path).EnumerateArray())
        {
            var id = Int64(item, "question_id", path);
            questions.Add(new OkVqaQuestion(id, Int64(item, "image_id", path),
                String(item, "question") ?? throw Invalid(path, $"question {id} has no \"question\" text")));
        }
        return questions;
    }

    /// <summary>
    /// question_id → the first answer's processed <c>answer</c>, JAT's choice (reference §3.3); null when the
    /// annotation lists no answer. Keyed by id because JAT's reliance on both files being in the same order is not
    /// something the format promises.
    /// </summary>
    public static Dictionary<long, string?> ReadFirstAnswers(string path)
    {
        using var document = Parse(path);
        var answers = new Dictionary<long, string?>();
        foreach (var item in ListOf(document, "annotations", path).EnumerateArray())
        {
            var id = Int64(item, "question_id", path);
            string? first = null;
            if (item.TryGetProperty("answers", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0)
                first = String(list[0], "answer");
            answers.TryAdd(id, first);
        }
        return answers;
    }

    private static JsonDocument Parse(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} does not exist", path);
        try
        {
            if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                using var file = File.OpenRead(path);
                return JsonDocument.Parse(file);
            }
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.Entries.FirstOrDefault(e => e.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                ?? throw Invalid(path, "the zip holds no .json file");
            using var stream = entry.Open();
            return JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"not valid JSON ({e.Message})", e);
        }
    }

    private static JsonElement ListOf(JsonDocument document, string name, string path) =>
        document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list
            : throw Invalid(path, $"no \"{name}\" list; is this an OK-VQA {name} file?");

    private static long Int64(JsonElement item, string name, string path) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)
            ? n
            : throw Invalid(path, $"an entry has no integer \"{name}\": {Excerpt(item)}");

    private static string? String(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Excerpt(JsonElement item)
    {
        var raw = item.GetRawText();
        return raw.Length <= 120 ? raw : raw[..120] + "…";
    }

    private static InvalidDataException Invalid(string path, string problem, Exception? inner = null) => new($"{path}: {problem}", inner);
}
