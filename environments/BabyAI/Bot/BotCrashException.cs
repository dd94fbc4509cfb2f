namespace Jat.Environments.BabyAI.Bot;

/// <summary>
/// Raised where the original bot raises (a failed assertion, a missing drop position, a read outside the grid). JAT's
/// collection discarded such episodes; <see cref="BabyAIBot.TryReplan"/> turns it into a failure.
/// </summary>
internal sealed class BotCrashException : Exception
{
    public BotCrashException()
    {
    }

    public BotCrashException(string message)
        : base(message)
    {
    }

    public BotCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
