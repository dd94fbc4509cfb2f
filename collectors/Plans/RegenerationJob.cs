using Jat.Collectors.Collection;
using Jat.Environments.Acting;
using Jat.Schema.Samples;
using Jat.Schema.Tasks;

namespace Jat.Collectors.Plans;

/// <summary>One task's work on this worker in a <c>jat regenerate</c> run.</summary>
/// <param name="Source">what makes its rows, for the summary (an actor's description, "synthetic samples")</param>
/// <param name="Rows">rows this worker writes</param>
/// <param name="Load">a rough cost, to start the longest first</param>
public abstract record RegenerationJob(TaskSpec Task, string Source, long Rows, long Load);

/// <summary>The shards of a collection that fall to this worker, played by <see cref="Actors"/>.</summary>
public sealed record CollectionJob(CollectionPlan Collection, IActorSource Actors, IReadOnlyList<CollectionPart> Parts, long Rows)
    : RegenerationJob(Collection.Task, Actors.Description, Rows, Rows * Collection.StepsPerEpisode);

/// <summary>Synthetic rows of the task's exact schema (a task without an environment and expert yet).</summary>
public sealed record SampleJob(TaskSpec Task, SamplePlan Samples)
    : RegenerationJob(Task, "synthetic samples", Samples.Episodes, Samples.Episodes);
