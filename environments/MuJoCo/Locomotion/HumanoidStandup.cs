namespace Jat.Environments.MuJoCo.Locomotion;

/// <summary>
/// HumanoidStandup-v4: the humanoid starts lying down and is rewarded for raising its torso, less control and impact
/// costs; it never terminates.
/// </summary>
public sealed class HumanoidStandup() : MuJoCoEnvironment(
    "mujoco-standup", "HumanoidStandup-v4", "humanoidstandup", frameSkip: 5, observationSize: 376, maxEpisodeSteps: 1000,
    ["reward_linup", "reward_quadctrl", "reward_impact"])
{
    private protected override (double Reward, bool Terminated) StepModel(ReadOnlySpan<float> action, Span<double> info)
    {
        DoSimulation(action);
        var up = (Simulation.Qpos[2] - 0) / Simulation.Timestep;
        var controlCost = 0.1 * NumpyArithmetic.SumOfSquares(Simulation.Ctrl);
        var impactCost = Math.Min(0.5e-6 * NumpyArithmetic.SumOfSquares(Simulation.CfrcExt), 10);
        info[0] = up;
        info[1] = -controlCost;
        info[2] = -impactCost;
        return (up - controlCost - impactCost + 1, false);
    }

    private protected override void ResetModel() => ResetWithUniformNoise(0.01);

    private protected override void WriteObservation(Span<double> observation) =>
        HumanoidObservation.Write(Simulation, observation);
}
