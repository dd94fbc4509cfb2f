using Jat.Schema.Tasks;

namespace Jat.Model.Processing;

/// <summary>
/// JAT's per-task loss weights (train_jat.py's <c>LOSS_WEIGHTS</c>): the continuous-control tasks, whose losses are
/// small mean squared errors, are weighted up; every other task weighs 1.
/// </summary>
public static class LossWeights
{
    public static float For(TaskSpec task) => task.Name switch
    {
        "mujoco-pendulum" => 50f,
        "mujoco-doublependulum" => 20f,
        _ => task.Domain switch
        {
            Domain.MuJoCo => 10f,
            Domain.MetaWorld => 50f,
            _ => 1f,
        },
    };
}
