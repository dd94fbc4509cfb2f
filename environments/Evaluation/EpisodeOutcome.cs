namespace Jat.Environments.Evaluation;

/// <summary>One finished episode: the seed its reset used, its undiscounted return and its length.</summary>
public readonly record struct EpisodeOutcome(ulong Seed, double Return, int Length, bool Terminated);
