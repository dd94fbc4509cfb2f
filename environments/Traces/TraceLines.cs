using System.Text.Json;

namespace Jat.Environments.Traces;

/// <summary>
/// Reads a trace file (JSON Lines, one episode per line) episode by episode, and its fields with errors that say which
/// file and line is wrong.
/// </summary>
internal static class TraceLines
{
    /// <summary>Calls <paramref name="episode"/> with each non-blank line's object and its line number.</summary>
    public static void ForEach(string file, CancellationToken cancel, Action<JsonElement, int> episode)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            cancel.ThrowIfCancellationRequested();
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException error)
            {
                throw new InvalidDataException($"{file}, line {lineNumber}: not a JSON object ({error.Message}).", error);
            }
            using (document)
            {
                episode(document.RootElement, lineNumber);
            }
        }
    }

    public static JsonElement Required(JsonElement element, string name, string file, int line) =>
        element.TryGetProperty(name, out var value)
            ? value
            : throw new InvalidDataException($"{file}, line {line}: the episode has no '{name}' field; see the traces README for the format.");

    /// <summary>A JSON array of numbers.</summary>
    public static List<double> Doubles(JsonElement array)
    {
        var values = new List<double>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            values.Add(item.GetDouble());
        }
        return values;
    }

    /// <summary>Replays one episode (a line's object and its number), adding the steps it compared to <c>steps</c>.</summary>
    public delegate EpisodeComparison EpisodeReplay(JsonElement episode, int line, ref int steps);

    /// <summary>Every episode of a file replayed, summed up: episodes matched, the first divergence, the largest difference.</summary>
    public static TraceEnvironmentReport ReplayAll(string environment, string file, CancellationToken cancel, EpisodeReplay replay)
    {
        int episodes = 0, matched = 0, steps = 0;
        double largest = 0;
        TraceDivergence? first = null;
        ForEach(file, cancel, (episode, lineNumber) =>
        {
            var comparison = replay(episode, lineNumber, ref steps);
            episodes++;
            matched += comparison.Diverged ? 0 : 1;
            first ??= comparison.Divergence;
            largest = Math.Max(largest, comparison.LargestDifference);
        });
        return new TraceEnvironmentReport(environment, file, episodes, matched, first, largest, steps, []);
    }
}
