namespace Jat.Environments.Rollouts;

/// <summary>How a played episode ended.</summary>
public abstract record EpisodeEnd
{
    /// <summary>The task reached a terminal state.</summary>
    public static EpisodeFinished Terminated { get; } = new(true);

    /// <summary>The time limit cut the episode.</summary>
    public static EpisodeFinished Truncated { get; } = new(false);

    /// <summary>The actor could not go on (the BabyAI bot caught in a loop).</summary>
    public static EpisodeDropped ActorStopped { get; } = new("the actor could not act (e.g. the bot looped)");
}

/// <summary>The episode ended as the environment says: a row of the dataset, a score of an evaluation.</summary>
public sealed record EpisodeFinished(bool IsTerminated) : EpisodeEnd;

/// <summary>The episode was given up: JAT discarded such episodes, so collection and evaluation leave it out.</summary>
public sealed record EpisodeDropped(string Reason) : EpisodeEnd;
