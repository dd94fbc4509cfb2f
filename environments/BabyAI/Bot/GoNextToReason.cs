namespace Jat.Environments.BabyAI.Bot;

/// <summary>Why the bot goes somewhere.</summary>
internal enum GoNextToReason
{
    /// <summary>Face the target.</summary>
    None,

    /// <summary>Face an empty cell next to the target, to drop something there.</summary>
    PutNext,

    /// <summary>Face the target, an unseen cell; exploratory, so replanned from scratch each step.</summary>
    Explore,

    /// <summary>Face a door to open it; a locked one sends the bot for its key first when its hands are empty.</summary>
    Open,
}
