using Jat.Environments;
using Jat.Environments.Acting;
using Jat.Environments.Families;
using Jat.Schema.Columns;
using Jat.Schema.Tasks;

namespace Jat.Cli.Tests.Families;

/// <summary>
/// A family only this test project knows: one task, <c>toy-frames</c>, whose observations are 84×84 stacks of four
/// grey frames (Atari's shape) showing a bar that moves left or right along a track of seven cells towards a target
/// cell. It shows what a new family needs: its folder (here, this file) and one registration, nothing else.
/// </summary>
internal sealed class ToyFramesFamily : IEnvironmentFamily
{
    public const string TaskName = "toy-frames";

    public static ToyFramesFamily Instance { get; } = new();

    /// <summary>Its dataset config: Atari's columns, 20 episodes split 18 / 2; a random policy scores 0, the scripted expert 1.</summary>
    public static TaskSpec Spec { get; } = new(TaskName, Domain.Atari, "ToyFrames-v0",
        [JatColumns.ImageObservationSteps(), JatColumns.DiscreteActionSteps(), JatColumns.RewardSteps()],
        new SplitRule("20 episodes: the first 18 train, the last 2 test", Episodes: 20, TrainEpisodes: 18),
        new TaskScores(new Score(0.0), new Score(1.0)), ActionCount: ToyFrames.Actions);

    /// <summary>The one registration line of each side: the environment family and the dataset config.</summary>
    public static void Register()
    {
        EnvironmentCatalog.Register(Instance);
        TaskRegistry.Register(Spec);
    }

    public string Name => "toy";

    public IReadOnlyList<EnvironmentTask> Tasks { get; } = [new(TaskName, "ToyFrames-v0")];

    public bool NewEnvironmentPerEpisode => false;

    public DefaultActor DefaultActor { get; } = new ScriptedActor(() => new HomingActorSource());

    public IEnvironment Create(string taskOrEnvId) => new ToyFrames();

    /// <summary>A PNG of four nearly black frames is well under 1 KB; 20 steps at most.</summary>
    public EpisodeSize SizeOf(string task) => new(TypicalSteps: 5, LargestBytes: 20 * 1_024);

    public long DefaultPlanEpisodes(string task) => 20;

    public void EnsureAvailable()
    {
    }
}

/// <summary>The toy environment: actions 0 (left), 1 (stay), 2 (right); reward 1 on reaching the target.</summary>
internal sealed class ToyFrames : IDiscreteEnvironment
{
    public const int Actions = 3;
    public const int Cells = 7;
    private const int Size = 84;
    private const int CellWidth = Size / Cells;
    private readonly int[] _history = new int[4];
    private Random _random = new(0);
    private int _steps;

    public EnvironmentSpec Spec { get; } = new(ToyFramesFamily.TaskName, "ToyFrames-v0",
        new ObservationLayout(0, Image: new ImageShape(Size, Size, 4)), new DiscreteActions(Actions), MaxEpisodeSteps: 20);

    public Observation Observation { get; } = new(new ObservationLayout(0, Image: new ImageShape(Size, Size, 4)));

    public int Position { get; private set; }

    public int Target { get; private set; }

    public void Reset(ulong? seed = null)
    {
        if (seed is { } s)
            _random = new Random((int)(s % int.MaxValue));
        Target = _random.Next(Cells);
        do
        {
            Position = _random.Next(Cells);
        }
        while (Position == Target);
        _steps = 0;
        Array.Fill(_history, Position);
        Draw();
    }

    public Transition Step(int action)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(action);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(action, Actions);
        Position = Math.Clamp(Position + action - 1, 0, Cells - 1);
        _steps++;
        Array.Copy(_history, 1, _history, 0, 3);
        _history[3] = Position;
        Draw();
        var reached = Position == Target;
        return new Transition(reached ? 1 : 0, reached, !reached && _steps >= Spec.MaxEpisodeSteps);
    }

    /// <summary>Frame c (channel c) shows the bar where it was c − 3 steps ago, and the target as a dim bar below.</summary>
    private void Draw()
    {
        var image = Observation.Image;
        Array.Clear(image);
        for (var y = 0; y < Size; y++)
        {
            for (var frame = 0; frame < 4; frame++)
            {
                var (cell, level) = y < Size / 2 ? (_history[frame], (byte)255) : (Target, (byte)80);
                for (var x = cell * CellWidth; x < (cell + 1) * CellWidth; x++)
                    image[(((y * Size) + x) * 4) + frame] = level;
            }
        }
    }

    public void Dispose()
    {
    }
}

/// <summary>The toy's scripted expert: step towards the target.</summary>
internal sealed class HomingActorSource : IActorSource
{
    public string Description => "the toy's homing script";

    public int BatchSize => 4;

    public IActor Create() => new Homing();

    private sealed class Homing : IActor
    {
        public void BeginEpisode(int slot, IEnvironment environment, ulong seed)
        {
        }

        public void Act(ReadOnlySpan<int> slots, IReadOnlyList<IEnvironment> environments, Span<float> continuous, Span<int> discrete, Span<bool> able)
        {
            for (var k = 0; k < slots.Length; k++)
            {
                var toy = (ToyFrames)environments[slots[k]];
                discrete[k] = 1 + Math.Sign(toy.Target - toy.Position);
                able[k] = true;
            }
        }

        public void Dispose()
        {
        }
    }
}
