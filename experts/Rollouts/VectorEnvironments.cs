using Jat.Environments;

namespace Jat.Experts.Rollouts;

/// <summary>Chooses how N copies are stepped: across threads where the stepper supports the layout, else in turn.</summary>
public static class VectorEnvironments
{
    public static IVectorEnvironment Create(EnvironmentSpec spec, Func<int, IEnvironment> create, int count, int threads)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return threads > 1 && count > 1 && ThreadedVectorEnvironment.ServesLayout(spec.Observation)
            ? new ThreadedVectorEnvironment(create, count, threads)
            : new SynchronousVectorEnvironment(create, count);
    }
}
