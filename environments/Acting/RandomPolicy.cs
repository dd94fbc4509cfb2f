using Jat.Environments.Random;

namespace Jat.Environments.Acting;

/// <summary>
/// A uniform random policy, gymnasium's <c>action_space.sample()</c>: each continuous action value uniform within its
/// bounds (then cast to float32, the Box's dtype), or a uniform discrete action. It is the baseline behind the
/// random scores of JAT's table.
/// </summary>
public sealed class RandomPolicy(ActionSpace actions, ulong seed)
{
    private readonly NumpyGenerator _random = new(seed);

    public void Act(Span<float> action)
    {
        var box = (ContinuousActions)actions;
        for (var i = 0; i < action.Length; i++)
        {
            action[i] = (float)_random.Uniform(box.Low[i], box.High[i]);
        }
    }

    public int ActDiscrete() => (int)_random.Integers(0, ((DiscreteActions)actions).Count);
}
