namespace Jat.Environments.BabyAI.World;

/// <summary>
/// A level's layout or instruction was rejected (MiniGrid's <c>RejectSampling</c>, or the <c>RecursionError</c> its
/// bounded placement loops raise); the level generator starts over, continuing the same random stream.
/// </summary>
internal sealed class LayoutRejectedException : Exception
{
    public LayoutRejectedException()
    {
    }

    public LayoutRejectedException(string message)
        : base(message)
    {
    }

    public LayoutRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
