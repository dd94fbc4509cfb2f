using Jat.Environments;
using Jat.Environments.Acting;
using Jat.Environments.Random;
using Jat.Experts.Checkpoints;

namespace Jat.Experts.Acting;

/// <summary>
/// A trained expert as an actor. Each thread loads its own copy of the network and plays <see cref="BatchSize"/>
/// episodes side by side, evaluating the policy for all of them in one call per step; each episode draws its action
/// noise from its own seed.
/// </summary>
public sealed class ExpertActorSource : IActorSource
{
    private readonly Func<Checkpoint> _load;
    private readonly bool _deterministic;

    private ExpertActorSource(Func<Checkpoint> load, bool deterministic, string description)
    {
        _load = load;
        _deterministic = deterministic;
        Description = description;
    }

    /// <summary>A <c>.jatexpert</c> checkpoint for <paramref name="task"/>.</summary>
    /// <exception cref="FileNotFoundException">no such file; the message says how to train one.</exception>
    /// <exception cref="ArgumentException">the checkpoint is another task's.</exception>
    public static ExpertActorSource FromFile(string path, string task, bool deterministic)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist; train an expert with `jat train-expert {task}`.", path);
        }
        var header = Checkpoint.LoadHeader(path);
        if (header.Task != task)
        {
            throw new ArgumentException($"{path} is an expert for {header.Task}, not {task}.");
        }
        return new ExpertActorSource(() => Checkpoint.Load(path), deterministic,
            $"{header.Algorithm.ToUpperInvariant()} expert {Path.GetFileName(path)} trained {header.EnvironmentSteps:N0} steps, " +
            (deterministic ? "deterministic actions" : "sampled actions"));
    }

    /// <summary>Checkpoints taken while training (each actor gets its own, which it then owns).</summary>
    internal static ExpertActorSource FromSnapshots(Func<Checkpoint> snapshot, bool deterministic) =>
        new(snapshot, deterministic, deterministic ? "the policy in training, deterministic actions" : "the policy in training, sampled actions");

    public string Description { get; }

    /// <summary>
    /// 16 episodes per call: the policy's weights stay in cache across the batch, while the part of a shard played past
    /// its last needed episode stays small. A row's actions do not depend on the batch (the policy runs as a
    /// <c>DenseStack</c>), so the size only groups the work.
    /// </summary>
    public int BatchSize => 16;

    public IActor Create() => new ExpertActor(_load(), _deterministic);

    private sealed class ExpertActor(Checkpoint checkpoint, bool deterministic) : IActor
    {
        private readonly TrainedExpert _expert = new(checkpoint);
        private readonly PerSlot<NumpyGenerator> _draws = new();
        private readonly List<Observation> _observations = [];
        private readonly List<NumpyGenerator> _rowDraws = [];

        public void BeginEpisode(int slot, IEnvironment environment, ulong seed) => _draws.Begin(slot, new NumpyGenerator(seed));

        public void Act(ReadOnlySpan<int> slots, IReadOnlyList<IEnvironment> environments, Span<float> continuous, Span<int> discrete, Span<bool> able)
        {
            _observations.Clear();
            _rowDraws.Clear();
            foreach (var slot in slots)
            {
                _observations.Add(environments[slot].Observation);
                _rowDraws.Add(_draws[slot]);
            }
            var draws = deterministic ? null : _rowDraws;
            if (environments[slots[0]].Spec.Actions is ContinuousActions box)
            {
                _expert.ActContinuous(_observations, draws, continuous[..(slots.Length * box.Size)]);
            }
            else
            {
                _expert.ActDiscrete(_observations, draws, discrete[..slots.Length]);
            }
            able[..slots.Length].Fill(true);
        }

        public void Dispose() => _expert.Dispose(); // the expert owns the checkpoint
    }
}
