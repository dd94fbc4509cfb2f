using System.Text.Json;
using System.Text.Json.Serialization;
using Jat.Schema.Tasks;

namespace Jat.Collectors.Plans;

/// <summary>
/// What <c>jat regenerate</c> writes: tasks, their sizes and what plays them. <c>--plan FILE</c> reads one from JSON;
/// <c>--print-plan</c> prints the one a command line means (by default the embedded plan), ready to edit.
/// </summary>
/// <param name="Seed">every episode's seed derives from it, the task, the shard and the episode's number</param>
public sealed record RegenerationPlan(ulong Seed, IReadOnlyList<PlannedTask> Tasks)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Reads a plan; expert paths in it are relative to the file's folder.</summary>
    /// <exception cref="InvalidDataException">the file is not a plan; the message gives the line and what to fix.</exception>
    public static RegenerationPlan Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such plan file; `jat regenerate --print-plan > plan.json` writes one to start from", path);
        RegenerationPlan? plan;
        try
        {
            plan = JsonSerializer.Deserialize<RegenerationPlan>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1})" : "";
            throw new InvalidDataException($"{path}{where}: not a regenerate plan: {e.Message.Split(" Path:")[0]} " +
                "A plan is {\"seed\": 0, \"tasks\": [{\"task\": \"mujoco-hopper\", \"episodes\": 300}, …]}; `jat regenerate --print-plan` prints one.", e);
        }
        if (plan?.Tasks is not { Count: > 0 })
            throw new InvalidDataException($"{path}: the plan lists no tasks; give \"tasks\": [{{\"task\": \"…\"}}, …]");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var tasks = new List<PlannedTask>();
        foreach (var (entry, i) in plan.Tasks.Select((t, i) => (t, i)))
        {
            if (string.IsNullOrWhiteSpace(entry.Task) || TaskRegistry.Find(entry.Task) is null)
                throw new InvalidDataException($"{path}: tasks[{i}]: unknown task '{entry.Task}'; `jat tasks` lists them");
            if (entry.Episodes is < 2)
                throw new InvalidDataException($"{path}: tasks[{i}] ({entry.Task}): episodes must be at least 2 (one for train, one for test)");
            if (entry.Actor == PlannedActor.Expert && entry.Expert is null)
                throw new InvalidDataException($"{path}: tasks[{i}] ({entry.Task}): \"actor\": \"expert\" needs \"expert\": \"<file.jatexpert>\"");
            if (entry.Expert is not null && entry.Actor is not (null or PlannedActor.Expert))
                throw new InvalidDataException($"{path}: tasks[{i}] ({entry.Task}): \"expert\" is only for \"actor\": \"expert\"");
            tasks.Add(entry with
            {
                Expert = entry.Expert is null ? null : Path.GetFullPath(entry.Expert, folder),
                Actor = entry.Expert is null ? entry.Actor : PlannedActor.Expert,
            });
        }
        if (tasks.GroupBy(t => t.Task).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidDataException($"{path}: {twice.Key} is listed {twice.Count()} times; list each task once");
        return plan with { Tasks = tasks };
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One task of a plan.</summary>
/// <param name="Task">the task's name (<c>jat tasks</c>)</param>
/// <param name="Episodes">rows, train and test together; null for the default (JAT's size with --full)</param>
/// <param name="Actor">what plays it; null for the default: the expert Jat ships (the bot for BabyAI), else samples</param>
/// <param name="Expert">a checkpoint to play it with (<c>"actor": "expert"</c>)</param>
/// <param name="Deterministic">the expert's most likely actions instead of sampled ones</param>
public sealed record PlannedTask(string Task, long? Episodes = null, PlannedActor? Actor = null, string? Expert = null, bool? Deterministic = null);

/// <summary>What plays a planned task.</summary>
public enum PlannedActor
{
    /// <summary>A trained checkpoint: the one named, or the one Jat ships.</summary>
    Expert,

    /// <summary>The BabyAI bot.</summary>
    Bot,

    /// <summary>Uniform random actions (JAT's random baseline).</summary>
    Random,

    /// <summary>Synthetic rows of the task's exact schema, marked as such in the card.</summary>
    Samples,
}
