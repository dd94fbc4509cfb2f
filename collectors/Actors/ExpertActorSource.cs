using Jat.Environments;
using Jat.Environments.Random;
using Jat.Experts.Acting;
using Jat.Experts.Checkpoints;

namespace Jat.Collectors.Actors;

/// <summary>
/// A trained expert (a <c>.jatexpert</c> checkpoint) as the collector's actor. Each thread loads its own copy of the
/// network and plays <see cref="BatchSize"/> episodes side by side, evaluating the policy for all of them in one call per
/// step; each episode draws its action noise from its own seed.
/// </summary>
public sealed class ExpertActorSource : IActorSource
{
    private readonly string _path;
    private readonly bool _deterministic;

    public ExpertActorSource(string path, string task, bool deterministic)
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
        _path = path;
        _deterministic = deterministic;
        Description = $"{header.Algorithm.ToUpperInvariant()} expert {Path.GetFileName(path)} trained {header.EnvironmentSteps:N0} steps, " +
            (deterministic ? "deterministic actions" : "sampled actions");
    }

    public string Description { get; }

    /// <summary>
    /// 16 episodes per call: the policy's weights stay in cache across the batch, while the part of a shard played past
    /// its last needed episode stays small. A row's actions do not depend on the batch (the policy runs as a
    /// <c>DenseStack</c>), so the size only groups the work.
    /// </summary>
    public int BatchSize => 16;

    public IActor Create() => new ExpertActor(Checkpoint.Load(_path), _deterministic);

    private sealed class ExpertActor(Checkpoint checkpoint, bool deterministic) : IActor
    {
        private readonly TrainedExpert _expert = new(checkpoint);
        private readonly List<NumpyGenerator?> _draws = [];
        private readonly List<Observation> _observations = [];
        private readonly List<NumpyGenerator> _rowDraws = [];

        public void BeginEpisode(int slot, IEnvironment environment, ulong seed)
        {
            while (_draws.Count <= slot)
            {
                _draws.Add(null);
            }
            _draws[slot] = new NumpyGenerator(seed);
        }

        public void Act(ReadOnlySpan<int> slots, IReadOnlyList<IEnvironment> environments, Span<float> continuous, Span<int> discrete, Span<bool> able)
        {
            _observations.Clear();
            _rowDraws.Clear();
            foreach (var slot in slots)
            {
                _observations.Add(environments[slot].Observation);
                _rowDraws.Add(_draws[slot] ?? throw new InvalidOperationException("BeginEpisode was not called."));
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
