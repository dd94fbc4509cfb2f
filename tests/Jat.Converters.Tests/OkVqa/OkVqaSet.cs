using System.IO.Compression;
using System.Text.Json;
using Jat.Converters.OkVqa;
using Jat.Schema.Tests;

namespace Jat.Converters.Tests.OkVqa;

/// <summary>A tiny OK-VQA release made by the test: the four JSON files and the COCO images, as a folder or a zip.</summary>
internal sealed class OkVqaSet
{
    private sealed record Question(long QuestionId, long ImageId, string Text, string[]? Answers);

    private readonly List<Question> _train = [];
    private readonly List<Question> _val = [];
    private readonly SortedDictionary<string, byte[]> _images = new(StringComparer.Ordinal);

    /// <param name="answers">processed answers, the first one JAT's; none: the annotation lists no answer</param>
    public OkVqaSet Train(long questionId, long imageId, string question, params string[] answers) => Add(_train, questionId, imageId, question, answers);

    public OkVqaSet Val(long questionId, long imageId, string question, params string[] answers) => Add(_val, questionId, imageId, question, answers);

    /// <summary>A train question that the annotations file does not mention.</summary>
    public OkVqaSet TrainWithoutAnnotation(long questionId, long imageId, string question) => Add(_train, questionId, imageId, question, null);

    /// <param name="coco">train2014 or val2014</param>
    public OkVqaSet Image(string coco, long imageId, byte[] bytes)
    {
        _images[$"{coco}/{CocoImages.FileName(coco, imageId)}"] = bytes;
        return this;
    }

    private OkVqaSet Add(List<Question> list, long questionId, long imageId, string question, string[]? answers)
    {
        list.Add(new Question(questionId, imageId, question, answers));
        return this;
    }

    /// <summary>Writes the JSON files (annotations in reverse order, as the join must not care) and the images.</summary>
    /// <param name="zipImages">the images as one zip of train2014/ and val2014/ instead of a folder</param>
    /// <param name="zipJson">each JSON file inside a .json.zip, as okvqa.allenai.org serves them</param>
    public OkVqaInputs Write(TempDirectory folder, bool zipImages = false, bool zipJson = false)
    {
        var json = folder.Combine("okvqa");
        Directory.CreateDirectory(json);
        var trainQuestions = WriteJson(json, "OpenEnded_mscoco_train2014_questions.json", Questions(_train), zipJson);
        var trainAnnotations = WriteJson(json, "mscoco_train2014_annotations.json", Annotations(_train), zipJson);
        var valQuestions = WriteJson(json, "OpenEnded_mscoco_val2014_questions.json", Questions(_val), zipJson);
        var valAnnotations = WriteJson(json, "mscoco_val2014_annotations.json", Annotations(_val), zipJson);
        string images;
        if (zipImages)
        {
            images = folder.Combine("coco2014.zip");
            using var zip = ZipFile.Open(images, ZipArchiveMode.Create);
            foreach (var (name, bytes) in _images)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }
        else
        {
            images = folder.Combine("coco");
            foreach (var (name, bytes) in _images)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(images, name))!);
                File.WriteAllBytes(Path.Combine(images, name), bytes);
            }
        }
        return new OkVqaInputs(trainQuestions, trainAnnotations, valQuestions, valAnnotations, [images]);
    }

    private static object Questions(List<Question> questions) => new Dictionary<string, object>
    {
        ["info"] = new { description = "test" },
        ["task_type"] = "Open-Ended",
        ["data_type"] = "mscoco",
        ["questions"] = questions.Select(q => new Dictionary<string, object> { ["image_id"] = q.ImageId, ["question"] = q.Text, ["question_id"] = q.QuestionId }),
    };

    private static object Annotations(List<Question> questions) => new Dictionary<string, object>
    {
        ["info"] = new { description = "test" },
        ["annotations"] = questions.Where(q => q.Answers is not null).Reverse().Select(q => new Dictionary<string, object>
        {
            ["image_id"] = q.ImageId,
            ["answer_type"] = "other",
            ["question_type"] = "eight",
            ["question_id"] = q.QuestionId,
            ["confidence"] = 3,
            ["answers"] = q.Answers!.Select((a, i) => new Dictionary<string, object>
            {
                ["answer_id"] = i + 1,
                ["raw_answer"] = a + "s",
                ["answer_confidence"] = "yes",
                ["answer"] = a,
            }),
        }),
    };

    private static string WriteJson(string folder, string name, object content, bool zip)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(content);
        if (!zip)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
            return Path.Combine(folder, name);
        }
        var path = Path.Combine(folder, name + ".zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        using var entry = archive.CreateEntry(name).Open();
        entry.Write(bytes);
        return path;
    }
}
