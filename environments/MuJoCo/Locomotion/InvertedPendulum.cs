namespace Jat.Environments.MuJoCo.Locomotion;

/// <summary>
/// InvertedPendulum-v4: keep a pole upright on a cart; +1 per step until the pole tilts beyond 0.2 rad.
/// </summary>
public sealed class InvertedPendulum() : MuJoCoEnvironment(
    "mujoco-pendulum", "InvertedPendulum-v4", "inverted_pendulum", frameSkip: 2, observationSize: 4, maxEpisodeSteps: 1000, [])
{
    private protected override (double Reward, bool Terminated) StepModel(ReadOnlySpan<float> action, Span<double> info)
    {
        DoSimulation(action);
        Span<double> observation = stackalloc double[4];
        WriteObservation(observation);
        var finite = true;
        foreach (var value in observation)
        {
            finite &= double.IsFinite(value);
        }
        return (1.0, !finite || Math.Abs(observation[1]) > 0.2);
    }

    private protected override void ResetModel() => ResetWithUniformNoise(0.01);

    private protected override void WriteObservation(Span<double> observation)
    {
        Simulation.Qpos.CopyTo(observation);
        Simulation.Qvel.CopyTo(observation[Simulation.Nq..]);
    }
}
