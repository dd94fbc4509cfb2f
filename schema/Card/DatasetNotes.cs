using System.Text.Json;

namespace Jat.Schema.Card;

/// <summary>
/// Where each task's rows came from (<c>.jat/notes.json</c>), so that the card says it, whichever command writes
/// the card later: expert rollouts, a converted source, or synthetic schema samples.
/// </summary>
public sealed record DatasetNotes(IReadOnlyDictionary<string, string> Provenance)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string PathIn(string root) => System.IO.Path.Combine(root, ".jat", "notes.json");

    public static DatasetNotes Load(string root)
    {
        var path = PathIn(root);
        if (!File.Exists(path))
            return new DatasetNotes(new Dictionary<string, string>());
        try
        {
            return JsonSerializer.Deserialize<DatasetNotes>(File.ReadAllBytes(path), Json) ?? new DatasetNotes(new Dictionary<string, string>());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: unreadable notes ({e.Message}); delete the file and run the command again", e);
        }
    }

    /// <summary>
    /// Records where a task's rows come from, unless the folder already holds that task from somewhere else: a writer
    /// resumes rows of the same source and options only (not a converter's over sample rows, say).
    /// </summary>
    /// <exception cref="InvalidOperationException">the task was started with another provenance; the message says what to do.</exception>
    public static void Claim(string root, string task, string provenance)
    {
        var path = PathIn(root);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using (Lock(path + ".lock"))
        {
            var recorded = Load(root).Provenance.GetValueOrDefault(task);
            if (recorded is not null && recorded != provenance)
                throw new InvalidOperationException(
                    $"{task} in {root} was started as \"{recorded}\", not \"{provenance}\"; resume it with the same source and options, " +
                    $"or write to another folder (or delete {System.IO.Path.Combine(root, task)} and {System.IO.Path.Combine(root, ".jat", task)} first)");
        }
        Record(root, task, provenance);
    }

    /// <summary>Records where one task's rows came from, keeping the notes of the others.</summary>
    /// <remarks>Several writers may share a folder (tasks in parallel, or several processes), so the read-merge-write
    /// runs under an exclusive lock file and replaces the notes atomically.</remarks>
    public static void Record(string root, string task, string provenance)
    {
        var path = PathIn(root);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var exclusive = Lock(path + ".lock");
        var notes = Load(root);
        var merged = new SortedDictionary<string, string>(notes.Provenance.ToDictionary(), StringComparer.Ordinal) { [task] = provenance };
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(new DatasetNotes(merged), Json));
        File.Move(temporary, path, overwrite: true);
    }

    private static FileStream Lock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(25);
            }
        }
    }
}
