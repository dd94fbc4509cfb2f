namespace Jat.Environments.MuJoCo.Locomotion;

/// <summary>
/// InvertedDoublePendulum-v4: balance two poles stacked on a cart; the reward is 10 less distance and velocity
/// penalties, and the episode terminates when the tip falls to 1 m or below.
/// </summary>
public sealed class InvertedDoublePendulum() : MuJoCoEnvironment(
    "mujoco-doublependulum", "InvertedDoublePendulum-v4", "inverted_double_pendulum", frameSkip: 5, observationSize: 11,
    maxEpisodeSteps: 1000, [])
{
    private protected override (double Reward, bool Terminated) StepModel(ReadOnlySpan<float> action, Span<double> info)
    {
        DoSimulation(action);
        var tip = Simulation.SitePosition(0); // the model's only site, at the tip of the upper pole
        var x = tip[0];
        var y = tip[2];
        var distancePenalty = (0.01 * (x * x)) + ((y - 2) * (y - 2));
        var v1 = Simulation.Qvel[1];
        var v2 = Simulation.Qvel[2];
        var velocityPenalty = (1e-3 * (v1 * v1)) + (5e-3 * (v2 * v2));
        const double aliveBonus = 10;
        return (aliveBonus - distancePenalty - velocityPenalty, y <= 1);
    }

    private protected override void ResetModel() => ResetWithNormalVelocityNoise(0.1);

    private protected override void WriteObservation(Span<double> observation)
    {
        var qpos = Simulation.Qpos;
        observation[0] = qpos[0];
        observation[1] = Math.Sin(qpos[1]);
        observation[2] = Math.Sin(qpos[2]);
        observation[3] = Math.Cos(qpos[1]);
        observation[4] = Math.Cos(qpos[2]);
        Clip(Simulation.Qvel, 10, observation[5..8]);
        Clip(Simulation.QfrcConstraint, 10, observation[8..11]);
    }
}
