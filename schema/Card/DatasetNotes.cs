using System.Text;

namespace Jat.Schema.Card;

/// <summary>
/// Where each task's rows came from, so that the card says it, whichever command writes the card later: expert
/// rollouts, a converted source, or synthetic schema samples. Each task keeps its own note,
/// <c>.jat/&lt;task&gt;/provenance.txt</c>: folders written by several machines (one task's shards split between them)
/// then merge by file name, the same note coming from each.
/// </summary>
public sealed record DatasetNotes(IReadOnlyDictionary<string, string> Provenance)
{
    private const string FileName = "provenance.txt";

    public static string PathIn(string root, string task) => System.IO.Path.Combine(root, ".jat", task, FileName);

    public static DatasetNotes Load(string root)
    {
        var state = System.IO.Path.Combine(root, ".jat");
        var notes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(state))
        {
            foreach (var folder in Directory.EnumerateDirectories(state))
            {
                var path = System.IO.Path.Combine(folder, FileName);
                if (File.Exists(path))
                    notes[System.IO.Path.GetFileName(folder)] = File.ReadAllText(path, Encoding.UTF8).TrimEnd('\n');
            }
        }
        return new DatasetNotes(notes);
    }

    /// <summary>
    /// Records where a task's rows come from, unless the folder already holds that task from somewhere else: a writer
    /// resumes rows of the same source and options only (not a converter's over sample rows, say).
    /// </summary>
    /// <exception cref="InvalidOperationException">the task was started with another provenance; the message says what to do.</exception>
    public static void Claim(string root, string task, string provenance)
    {
        var path = PathIn(root, task);
        var recorded = File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8).TrimEnd('\n') : null;
        if (recorded is not null && recorded != provenance)
            throw new InvalidOperationException(
                $"{task} in {root} was started as \"{recorded}\", not \"{provenance}\"; resume it with the same source and options, " +
                $"or write to another folder (or delete {System.IO.Path.Combine(root, task)} and {System.IO.Path.Combine(root, ".jat", task)} first)");
        if (recorded is null)
            Record(root, task, provenance);
    }

    /// <summary>Records where one task's rows came from, replacing its note atomically.</summary>
    public static void Record(string root, string task, string provenance)
    {
        var path = PathIn(root, task);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        // Unique per process and thread: several writers of one task (its splits, or its parts) may record at once.
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        File.WriteAllText(temporary, provenance + "\n", new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
