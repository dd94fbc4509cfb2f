using System.Text.Json.Nodes;
using Jat.Schema.Columns;

namespace Jat.Schema.Tasks;

/// <summary>
/// All 161 configs of the JAT dataset: 157 reinforcement-learning tasks and four text / vision-language sets.
/// The facts (environment ids, sizes, scores) ship inside this assembly.
/// </summary>
public static class TaskRegistry
{
    private static readonly Lazy<IReadOnlyList<TaskSpec>> Jat = new(Load);
    private static readonly Lock Gate = new();
    private static IReadOnlyList<TaskSpec> _added = [];
    private static IReadOnlyDictionary<string, TaskSpec>? _byName;

    /// <summary>JAT's 161 configs, then any task a program registered.</summary>
    public static IReadOnlyList<TaskSpec> All => [.. Jat.Value, .. Volatile.Read(ref _added)];

    public static TaskSpec? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// Adds a task beyond JAT's configs, for an environment family a program brings along (a test's toy family);
    /// registering the same spec again does nothing.
    /// </summary>
    /// <exception cref="ArgumentException">another task has that name.</exception>
    public static void Register(TaskSpec task)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (Gate)
        {
            if (Built().GetValueOrDefault(task.Name) is { } known)
            {
                if (known == task)
                    return;
                throw new ArgumentException($"the task '{task.Name}' is already registered", nameof(task));
            }
            Volatile.Write(ref _added, [.. _added, task]);
            Volatile.Write(ref _byName, null);
        }
    }

    private static IReadOnlyDictionary<string, TaskSpec> ByName =>
        Volatile.Read(ref _byName) ?? Rebuild();

    private static IReadOnlyDictionary<string, TaskSpec> Rebuild()
    {
        lock (Gate)
        {
            return Built();
        }
    }

    /// <summary>The index by name, built if a registration cleared it; the caller holds <see cref="Gate"/>.</summary>
    private static IReadOnlyDictionary<string, TaskSpec> Built()
    {
        var byName = _byName ?? All.ToDictionary(t => t.Name, StringComparer.Ordinal);
        Volatile.Write(ref _byName, byName);
        return byName;
    }

    /// <exception cref="KeyNotFoundException">no such task; the message suggests the nearest names.</exception>
    public static TaskSpec Get(string name)
    {
        if (Find(name) is { } task)
            return task;
        var near = All.Select(t => t.Name)
            .OrderBy(n => EditDistance(n, name))
            .Take(3);
        throw new KeyNotFoundException($"unknown task '{name}'; did you mean {string.Join(", ", near)}? (`jat tasks` lists all 161)");
    }

    private static IReadOnlyList<TaskSpec> Load()
    {
        using var stream = typeof(TaskRegistry).Assembly.GetManifestResourceStream("Jat.Schema.tasks.json")
            ?? throw new InvalidOperationException("the task table is missing from Jat.Schema");
        var root = JsonNode.Parse(stream) ?? throw new InvalidOperationException("the task table is empty");
        return root["tasks"]!.AsArray().Select(node => ToSpec(node!.AsObject())).ToList();
    }

    private static TaskSpec ToSpec(JsonObject node)
    {
        var name = (string)node["name"]!;
        var domain = DomainNames.Parse((string)node["domain"]!);
        var observationSize = (int?)node["observationSize"];
        var actionSize = (int?)node["actionSize"];
        IReadOnlyList<ColumnSpec> columns = domain switch
        {
            Domain.Atari => [JatColumns.ImageObservationSteps(), JatColumns.DiscreteActionSteps(), JatColumns.RewardSteps()],
            Domain.BabyAI =>
            [
                JatColumns.TextObservationSteps(),
                JatColumns.DiscreteObservationSteps(observationSize!.Value, fixedInFeature: true),
                JatColumns.DiscreteActionSteps(),
                JatColumns.RewardSteps(),
            ],
            // JAT's Meta-World features declare the vector lengths; its MuJoCo features do not.
            Domain.MetaWorld or Domain.MuJoCo =>
            [
                JatColumns.ContinuousObservationSteps(observationSize!.Value, fixedInFeature: domain == Domain.MetaWorld),
                JatColumns.ContinuousActionSteps(actionSize!.Value, fixedInFeature: domain == Domain.MetaWorld),
                JatColumns.RewardSteps(),
            ],
            Domain.Text => [JatColumns.Document()],
            Domain.VisionLanguage => [JatColumns.Picture(), JatColumns.Document()],
            _ => throw new InvalidOperationException($"no columns for domain {domain}"),
        };
        return new TaskSpec(name, domain, (string?)node["envId"], columns, SplitRule.For(domain),
            ReadScores(node["scores"]), (int?)node["actionCount"]);
    }

    private static TaskScores? ReadScores(JsonNode? scores)
    {
        if (scores is null)
            return null;
        static Score? Read(JsonNode? s) => s is null ? null : new Score((double)s["mean"]!, (double?)s["std"]);
        return new TaskScores(Read(scores["random"])!, Read(scores["expert"])!, Read(scores["human"]));
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
