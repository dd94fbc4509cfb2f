using Jat.Environments.MuJoCo.Native;

namespace Jat.Environments.MuJoCo.Locomotion;

/// <summary>
/// The 376 numbers Humanoid-v4 and HumanoidStandup-v4 observe: positions without x and y, velocities, the bodies'
/// inertias and velocities in the centre-of-mass frame, actuator forces, and external contact forces.
/// </summary>
internal static class HumanoidObservation
{
    public static void Write(MjSimulation simulation, Span<double> observation)
    {
        var at = 0;
        Append(simulation.Qpos[2..], observation, ref at);
        Append(simulation.Qvel, observation, ref at);
        Append(simulation.Cinert, observation, ref at);
        Append(simulation.Cvel, observation, ref at);
        Append(simulation.QfrcActuator, observation, ref at);
        Append(simulation.CfrcExt, observation, ref at);
    }

    private static void Append(ReadOnlySpan<double> part, Span<double> observation, ref int at)
    {
        part.CopyTo(observation[at..]);
        at += part.Length;
    }
}
