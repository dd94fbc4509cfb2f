namespace Jat.Environments.Rollouts;

/// <summary>Where an episode starts from: the seed of its reset and the seed of its actor's draws.</summary>
public readonly record struct EpisodeStart(ulong ResetSeed, ulong ActorSeed);

/// <summary>One played episode: how it ended, its steps and its undiscounted return.</summary>
public readonly record struct EpisodeResult(EpisodeEnd End, int Length, double Return);
