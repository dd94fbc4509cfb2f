using Jat.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Jat.Experts.Dqn;

/// <summary>
/// The regression target of a DQN update, <c>y = R + d · Q_target(s', a')</c>, where R is the (n-step) return, d is
/// γⁿ for a continuing transition and 0 for a terminal one, and a' is <c>argmax Q_online(s')</c> (double DQN) or
/// <c>argmax Q_target(s')</c> (plain DQN).
/// </summary>
internal static class DqnTarget
{

    public static Tensor Compute(Tensor returns, Tensor discounts, Tensor nextTarget, Tensor? nextOnline)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(nextTarget);
        var next = nextOnline is null
            ? nextTarget.max(-1).values
            : nextTarget.gather(-1, nextOnline.argmax(-1, keepdim: true)).squeeze(-1);
        return returns.addcmul(discounts, next, HeldScalars.One);
    }
}
