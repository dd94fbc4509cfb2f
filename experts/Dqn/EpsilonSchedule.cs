namespace Jat.Experts.Dqn;

/// <summary>ε falls linearly from <paramref name="start"/> to <paramref name="end"/> over <paramref name="duration"/> steps, then stays.</summary>
internal sealed class EpsilonSchedule(double start, double end, double duration)
{
    public double At(long step) =>
        duration <= 0 ? end : end + (start - end) * Math.Max(0, 1 - step / duration);
}
