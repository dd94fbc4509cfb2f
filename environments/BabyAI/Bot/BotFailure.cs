namespace Jat.Environments.BabyAI.Bot;

/// <summary>How the original bot fails to give an action.</summary>
public enum BotFailureKind
{
    /// <summary>It would replan forever (its plan keeps growing inside one <c>replan</c>); JAT's 20 ms limit cut it.</summary>
    Looped,

    /// <summary>It raises an exception (a failed assertion, no drop position, …).</summary>
    Crashed,
}

/// <summary>Why the bot gave no action at replan number <paramref name="Replan"/> (0 for the first step).</summary>
public sealed record BotFailure(BotFailureKind Kind, int Replan, string Message);
