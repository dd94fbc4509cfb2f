using Jat.Environments;
using Jat.Experts.Acting;
using Jat.Experts.Checkpoints;

namespace Jat.Collectors.Actors;

/// <summary>
/// A trained expert (a <c>.jatexpert</c> checkpoint) as the collector's actor. Each worker loads its own copy of the
/// network; each episode samples from its own seed, so an episode's actions do not depend on which worker plays it.
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

    public IActor Create() => new ExpertActor(Checkpoint.Load(_path), _deterministic);

    private sealed class ExpertActor(Checkpoint checkpoint, bool deterministic) : IActor
    {
        private readonly TrainedExpert _expert = new(checkpoint);
        private readonly Observation[] _batch = new Observation[1];
        private readonly int[] _choice = new int[1];

        public void BeginEpisode(IEnvironment environment, ulong seed)
        {
            _expert.Reseed(seed);
            _batch[0] = environment.Observation;
        }

        public bool TryAct(IEnvironment environment, Span<float> continuous, out int discrete)
        {
            var expert = _expert;
            if (environment.Spec.Actions is ContinuousActions)
            {
                expert.ActContinuous(_batch, deterministic, continuous);
                discrete = 0;
                return true;
            }
            expert.ActDiscrete(_batch, deterministic, _choice);
            discrete = _choice[0];
            return true;
        }

        public void Dispose() => _expert.Dispose(); // the expert owns the checkpoint
    }
}
