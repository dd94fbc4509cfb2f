using Jat.Environments;

namespace Jat.Collectors.Actors;

/// <summary>
/// What plays the episodes a collector records: an expert policy, a scripted bot or a random baseline. One actor
/// plays one episode at a time; a collector makes one per worker thread from an <see cref="IActorSource"/>.
/// </summary>
public interface IActor : IDisposable
{
    /// <summary>Called after the environment's reset. <paramref name="seed"/> seeds any sampling, so that an episode
    /// depends on its own seed only, whichever thread plays it.</summary>
    void BeginEpisode(IEnvironment environment, ulong seed);

    /// <summary>
    /// Chooses the next action from the environment's current state: fills <paramref name="continuous"/> for a
    /// continuous task, or sets <paramref name="discrete"/>. Returns false when the actor cannot go on (the BabyAI
    /// bot caught in a loop): the collector then drops the episode and counts it.
    /// </summary>
    bool TryAct(IEnvironment environment, Span<float> continuous, out int discrete);
}

/// <summary>Makes actors, and says what they are for the dataset card.</summary>
public interface IActorSource
{
    /// <summary>One line for the card and the resume check, e.g. "PPO expert experts/mujoco-hopper.jatx".</summary>
    string Description { get; }

    IActor Create();
}
