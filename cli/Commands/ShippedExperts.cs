using Jat.Collectors.Actors;
using Jat.Environments;
using Jat.Schema.Tasks;

namespace Jat.Cli.Commands;

/// <summary>
/// The experts Jat ships: checkpoints committed under <c>experts/Shipped/&lt;task&gt;.jatexpert</c> and copied next to
/// the program at build time.
/// </summary>
internal static class ShippedExperts
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "experts");

    public static string? PathFor(string task)
    {
        var path = Path.Combine(Folder, task + ".jatexpert");
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// What plays a task's episodes for the dataset when no expert is named: the BabyAI bot for BabyAI, the shipped
    /// checkpoint for the others, or null when Jat has no environment or no expert for the task.
    /// </summary>
    public static IActorSource? ActorsFor(TaskSpec task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!EnvironmentCatalog.Contains(task.Name))
            return null;
        if (task.Domain == Domain.BabyAI)
            return new BabyAIBotActorSource();
        return PathFor(task.Name) is { } path ? new ExpertActorSource(path, task.Name, deterministic: false) : null;
    }

    public static IReadOnlyList<string> Tasks =>
        Directory.Exists(Folder)
            ? [.. Directory.EnumerateFiles(Folder, "*.jatexpert").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)]
            : [];
}
