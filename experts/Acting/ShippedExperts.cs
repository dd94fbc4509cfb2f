using Jat.Environments;
using Jat.Environments.Acting;
using Jat.Environments.Families;

namespace Jat.Experts.Acting;

/// <summary>
/// The experts Jat ships: checkpoints committed under <c>experts/Shipped/&lt;task&gt;.jatexpert</c> and copied next to
/// the program at build time, and what plays each task when no actor is named.
/// </summary>
public static class ShippedExperts
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "experts");

    public static string? PathFor(string task)
    {
        var path = Path.Combine(Folder, task + ".jatexpert");
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// What plays a task's episodes for the dataset when no actor is named, as its family says: the family's scripted
    /// expert, or the checkpoint shipped for the task; null when Jat has no environment or no expert for it.
    /// </summary>
    public static IActorSource? DefaultActorFor(string task)
    {
        if (EnvironmentCatalog.Find(task) is not { } found)
            return null;
        return found.Family.DefaultActor switch
        {
            ScriptedActor scripted => scripted.Create(),
            ShippedCheckpointActor shipped => PathFor(found.Task.Task) is { } path
                ? ExpertActorSource.FromFile(path, found.Task.Task, shipped.Deterministic)
                : null,
            _ => null,
        };
    }

    public static IReadOnlyList<string> Tasks =>
        Directory.Exists(Folder)
            ? [.. Directory.EnumerateFiles(Folder, "*.jatexpert").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)]
            : [];
}
