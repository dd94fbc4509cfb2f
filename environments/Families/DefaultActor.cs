using Jat.Environments.Acting;

namespace Jat.Environments.Families;

/// <summary>What plays a family's episodes for the dataset when no actor is named.</summary>
public abstract record DefaultActor;

/// <summary>A scripted expert that ships with the family (the BabyAI bot): always there, no checkpoint needed.</summary>
public sealed record ScriptedActor(Func<IActorSource> Create) : DefaultActor;

/// <summary>
/// The trained checkpoint Jat ships for the task, if any (<c>experts/Shipped/&lt;task&gt;.jatexpert</c>), resolved by the
/// experts project, which knows checkpoints.
/// </summary>
/// <param name="Deterministic">whether JAT's data took the policy's most likely actions (Meta-World) rather than
/// sampled ones (MuJoCo)</param>
public sealed record ShippedCheckpointActor(bool Deterministic) : DefaultActor;
