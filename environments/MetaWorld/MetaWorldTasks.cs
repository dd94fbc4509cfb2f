using Jat.Environments.Families;
using Jat.Environments.MetaWorld.Sawyer;
using Jat.Environments.MetaWorld.Tasks;

namespace Jat.Environments.MetaWorld;

/// <summary>The Meta-World v2 tasks Jat plays, by JAT task name (<c>metaworld-reach</c>) and Meta-World env name (<c>reach-v2</c>).</summary>
public static class MetaWorldTasks
{
    /// <summary>One task: its names and how to make it (loading its model needs the user's assets).</summary>
    internal sealed record Entry(EnvironmentTask Task, Func<SawyerEnvironment> Create);

    /// <summary>In JAT's order (alphabetical by task name).</summary>
    internal static IReadOnlyList<Entry> All { get; } =
    [
        Of("button-press", ButtonPress.Front),
        Of("button-press-topdown", ButtonPress.Topdown),
        Of("button-press-topdown-wall", ButtonPress.TopdownWall),
        Of("button-press-wall", ButtonPress.Wall),
        Of("coffee-button", () => new CoffeeButton()),
        Of("coffee-pull", CoffeeMug.Pull),
        Of("coffee-push", CoffeeMug.Push),
        Of("door-close", Door.Close),
        Of("door-lock", DoorLock.Lock),
        Of("door-open", Door.Open),
        Of("door-unlock", DoorLock.Unlock),
        Of("drawer-close", Drawer.Close),
        Of("drawer-open", Drawer.Open),
        Of("handle-press", HandlePress.Front),
        Of("handle-press-side", HandlePress.Side),
        Of("handle-pull", HandlePull.Front),
        Of("handle-pull-side", HandlePull.Side),
        Of("pick-place", () => new PickPlace()),
        Of("plate-slide", PlateSlide.Forward),
        Of("plate-slide-back", PlateSlide.Back),
        Of("plate-slide-back-side", PlateSlide.BackSide),
        Of("plate-slide-side", PlateSlide.Side),
        Of("push", () => new Push()),
        Of("reach", Reach.Open),
        Of("reach-wall", Reach.Wall),
        Of("window-close", Window.Close),
        Of("window-open", Window.Open),
    ];

    /// <summary>The task names, e.g. <c>metaworld-reach</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(entry => entry.Task.Task)];

    public static bool Contains(string taskOrEnvId) => Find(taskOrEnvId) is not null;

    /// <summary>A new environment for a task name or a Meta-World env name.</summary>
    /// <exception cref="Assets.MetaWorldAssetsUnavailableException">the user's Meta-World files are missing or differ.</exception>
    internal static SawyerEnvironment Create(string taskOrEnvId) => Get(taskOrEnvId).Create();

    internal static Entry Get(string taskOrEnvId) => Find(taskOrEnvId) ?? throw new ArgumentException(
        $"'{taskOrEnvId}' is not a Meta-World task Jat plays yet; Jat has {string.Join(", ", Names)}.", nameof(taskOrEnvId));

    private static Entry? Find(string taskOrEnvId) => All.FirstOrDefault(entry => entry.Task.Matches(taskOrEnvId));

    private static Entry Of(string name, Func<SawyerEnvironment> create) => new(new EnvironmentTask($"metaworld-{name}", $"{name}-v2"), create);
}
