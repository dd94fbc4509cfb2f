using Jat.Environments;

namespace Jat.Environments.Acting;

/// <summary>
/// What plays the episodes a collector records: an expert policy, a scripted bot or a random baseline. An actor plays
/// a batch of episodes side by side, one per slot, and chooses for all that are still running at once (an expert makes
/// one network call for the batch). A collector makes one actor per thread from an <see cref="IActorSource"/>.
/// </summary>
public interface IActor : IDisposable
{
    /// <summary>Called after slot <paramref name="slot"/>'s environment was reset for a new episode. <paramref name="seed"/>
    /// seeds that episode's draws, so that it depends on its own seed only, whichever thread or batch plays it.</summary>
    void BeginEpisode(int slot, IEnvironment environment, ulong seed);

    /// <summary>
    /// Chooses the next action of each running slot from its environment's current state. Row <c>k</c> is for
    /// <c>slots[k]</c>: a continuous task fills <c>continuous[k * size .. (k + 1) * size]</c>, a discrete one sets
    /// <c>discrete[k]</c>. <c>able[k]</c> is false when the actor cannot go on in that episode (the BabyAI bot caught in
    /// a loop): the collector then drops the episode and counts it.
    /// </summary>
    void Act(ReadOnlySpan<int> slots, IReadOnlyList<IEnvironment> environments, Span<float> continuous, Span<int> discrete, Span<bool> able);
}

/// <summary>Makes actors, and says what they are for the dataset card.</summary>
public interface IActorSource
{
    /// <summary>One line for the card and the resume check, e.g. "PPO expert experts/mujoco-hopper.jatx".</summary>
    string Description { get; }

    /// <summary>
    /// Episodes an actor plays side by side. It is part of what is collected (an expert's batched network call may round
    /// differently from a single one), so it is fixed by the source, never by the number of threads.
    /// </summary>
    int BatchSize { get; }

    IActor Create();
}
