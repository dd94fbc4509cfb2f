using Jat.Collectors.Collection;
using Jat.Environments;
using Jat.Environments.Acting;
using Jat.Environments.Families;
using Jat.Experts.Acting;
using Jat.Schema.Samples;
using Jat.Schema.Tasks;

namespace Jat.Collectors.Plans;

/// <summary>
/// What <c>jat regenerate</c> writes: the plan a command line means (by default the embedded one), and the jobs a plan
/// gives one worker. Who plays a task and how many episodes it gets come from the task's environment family.
/// </summary>
public static class RegenerationJobs
{
    /// <summary>Rows of a task planned as synthetic samples, when the plan gives no size.</summary>
    public const int DefaultSampleEpisodes = 100;

    /// <summary>
    /// The embedded default plan's tasks: every task whose family can run here (its native parts, assets or ROMs are
    /// found) and whose default actor Jat has (the family's scripted expert, or a shipped checkpoint).
    /// </summary>
    public static IReadOnlyList<string> DefaultTasks =>
        [.. TaskRegistry.All.Where(t => CanPlay(t.Name) && ShippedExperts.DefaultActorFor(t.Name) is not null).Select(t => t.Name)];

    /// <summary>
    /// Why a family's tasks are not in the default plan, one line per family: it cannot run here (its own one-line
    /// reason, e.g. Meta-World's assets not found and how to get them), or Jat ships no expert for some of its tasks.
    /// </summary>
    public static IReadOnlyList<string> DefaultPlanOmissions()
    {
        var lines = new List<string>();
        foreach (var family in EnvironmentCatalog.Families)
        {
            var tasks = family.Tasks.Where(t => TaskRegistry.All.Any(spec => spec.Name == t.Task)).ToList();
            if (tasks.Count == 0)
                continue;
            try
            {
                family.EnsureAvailable();
            }
            catch (EnvironmentUnavailableException missing)
            {
                lines.Add($"{family.Name}: its {tasks.Count} task(s) are left out of the default plan: {missing.Message}");
                continue;
            }
            var unplayed = tasks.Count(t => ShippedExperts.DefaultActorFor(t.Task) is null);
            if (unplayed > 0)
                lines.Add($"{family.Name}: {unplayed} of its {tasks.Count} task(s) are left out of the default plan: Jat ships no expert for them " +
                    "(collect them with `jat collect <task> --expert FILE`, or give \"expert\" in a --plan file).");
        }
        return lines;
    }

    /// <summary>
    /// The plan of a command line: <paramref name="tasks"/> (default: <see cref="DefaultTasks"/>), each collected with
    /// <paramref name="episodes"/>, JAT's size (<paramref name="full"/>) or its family's default size, or sampled when
    /// Jat cannot play it.
    /// </summary>
    public static RegenerationPlan PlanFor(IReadOnlyList<string>? tasks, int? episodes, bool full, ulong? seed)
    {
        if (full && episodes is not null)
            throw new ArgumentException("--full and --episodes choose the size two ways; give one.");
        if (episodes is < 2)
            throw new ArgumentException("--episodes must be at least 2: one for train, one for test");
        var chosen = (tasks is { Count: > 0 } ? tasks.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries)) : DefaultTasks)
            .Select(TaskRegistry.Get).Distinct().ToList();
        return new RegenerationPlan(seed ?? 0, [.. chosen.Select(task =>
        {
            // A task named whose family cannot run here is still planned as played: collecting it says what is missing.
            var played = ShippedExperts.DefaultActorFor(task.Name) is not null;
            long size = !played ? episodes ?? DefaultSampleEpisodes
                : full ? CollectionPlan.For(task, null, 0).Episodes
                : episodes ?? EnvironmentCatalog.FamilyOf(task.Name).DefaultPlanEpisodes(task.Name);
            return new PlannedTask(task.Name, size, played ? null : PlannedActor.Samples);
        })]);
    }

    /// <summary>This worker's jobs, longest first so that the last to finish is a short one.</summary>
    /// <param name="sampleSteps">steps per synthetic episode; 0 for each domain's default</param>
    public static IReadOnlyList<RegenerationJob> For(RegenerationPlan plan, WorkerShare share, int sampleSteps)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(share);
        var collections = new List<(CollectionPlan Plan, IActorSource Actors)>();
        var samples = new List<RegenerationJob>();
        foreach (var entry in plan.Tasks)
        {
            var task = TaskRegistry.Get(entry.Task);
            if (ActorsOf(task, entry) is { } actors)
            {
                collections.Add((CollectionPlan.For(task, entry.Episodes, plan.Seed), actors));
                continue;
            }
            var rows = (int)Math.Min(entry.Episodes ?? DefaultSampleEpisodes, int.MaxValue);
            samples.Add(new SampleJob(task, new SamplePlan(rows, sampleSteps, (int)(plan.Seed % int.MaxValue))));
        }
        var mine = share.Assign([.. collections.Select(c => c.Plan)]).Select(m =>
            (RegenerationJob)new CollectionJob(m.Plan, collections.First(c => c.Plan == m.Plan).Actors, m.Parts, m.Parts.Sum(p => p.Episodes)));
        return [.. mine.Concat(samples.Where((_, i) => share.Takes(i))).OrderByDescending(j => j.Load).ThenBy(j => j.Task.Name, StringComparer.Ordinal)];
    }

    /// <summary>What plays a planned task; null for synthetic samples.</summary>
    public static IActorSource? ActorsOf(TaskSpec task, PlannedTask entry)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(entry);
        var deterministic = entry.Deterministic ?? false;
        switch (entry.Actor)
        {
            case null:
                return deterministic && ShippedExperts.PathFor(task.Name) is { } shipped
                    ? ExpertActorSource.FromFile(shipped, task.Name, deterministic)
                    : ShippedExperts.DefaultActorFor(task.Name);
            case PlannedActor.Samples:
                return null;
        }
        var family = EnvironmentCatalog.Find(task.Name)?.Family
            ?? throw new ArgumentException($"{task.Name} has no environment in Jat yet; plan it with \"actor\": \"samples\".");
        return entry.Actor switch
        {
            PlannedActor.Random => new RandomActorSource(),
            PlannedActor.Bot => family.DefaultActor is ScriptedActor scripted
                ? scripted.Create()
                : throw new ArgumentException($"{task.Name} has no scripted expert (the BabyAI bot plays BabyAI levels); plan it with \"actor\": \"expert\"."),
            _ => ExpertActorSource.FromFile(entry.Expert ?? ShippedExperts.PathFor(task.Name)
                ?? throw new ArgumentException($"Jat ships no expert for {task.Name}; give \"expert\": \"<file.jatexpert>\" in the plan."),
                task.Name, deterministic),
        };
    }

    private static bool CanPlay(string task)
    {
        if (EnvironmentCatalog.Find(task) is not { } found)
            return false;
        try
        {
            found.Family.EnsureAvailable();
            return true;
        }
        catch (EnvironmentUnavailableException)
        {
            return false;
        }
    }
}
