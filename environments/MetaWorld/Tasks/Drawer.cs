using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.MetaWorld.Tasks;

/// <summary>
/// drawer-open-v2 (pull a closed drawer out 20 cm) and drawer-close-v2 (push an open drawer, 15 cm out, shut): the
/// drawer's cabinet is drawn along x; the observed object is the handle (the drawer link's position offset to it).
/// Open: 5 · (hand at the handle, x and y tripled + the handle's closeness to the goal). Close: 10 · (hand at the
/// handle (Gaussian) ⊗ gripper closed ⊗ the handle's closeness to the goal), 10 within 6.5 cm.
/// </summary>
public sealed class Drawer : SawyerEnvironment
{
    private const double TargetRadius = 0.05;
    private static readonly double[] Low = [-0.1, 0.9, 0.0];
    private static readonly double[] High = [0.1, 0.9, 0.0];
    private static readonly double[] GripperScale = [3.0, 3.0, 1.0];

    private readonly bool _close;
    private readonly double _maxDistance;
    private readonly double[] _handleOffset;
    private readonly int _cabinet, _drawer, _goal;

    private Drawer(string name, bool close, double maxDistance, double[] handleOffset)
        : base($"metaworld-{name}", $"{name}-v2", "sawyer_drawer.xml", [0, 0.6f, 0.2f], [-0.5, 0.40, 0.05], [0.5, 1, 0.5])
    {
        _close = close;
        _maxDistance = maxDistance;
        _handleOffset = handleOffset;
        _cabinet = Body("drawer");
        _drawer = Body("drawer_link");
        _goal = Site("goal");
    }

    public static Drawer Open() => new("drawer-open", close: false, maxDistance: 0.2, [0.0, -0.16, 0.0]);

    public static Drawer Close() => new("drawer-close", close: true, maxDistance: 0.15, [0.0, -0.16, 0.05]);

    private protected override void ResetTaskState()
    {
        double[] init = [0.0, 0.9f, 0.0];
        init.CopyTo(ObjectInit);
    }

    private protected override void ResetModel()
    {
        ResetHand();
        var cabinet = DrawRandomVector(Low, High);
        cabinet.CopyTo(ObjectInit, 0);
        cabinet.CopyTo(Simulation.BodyPos.Slice(3 * _cabinet, 3));
        if (_close)
        {
            Target[0] = cabinet[0] + 0.0;
            Target[1] = cabinet[1] + -0.16;
            Target[2] = cabinet[2] + 0.09;
            // Pulled out: qpos[9] is the drawer's slide (velocities kept), then obj_init_pos becomes the handle.
            Simulation.Qpos[9] = -_maxDistance;
            Simulation.Forward();
            Handle(ObjectInit);
        }
        else
        {
            Target[0] = cabinet[0] + 0.0;
            Target[1] = cabinet[1] + (-0.16 - _maxDistance);
            Target[2] = cabinet[2] + 0.09;
        }
        SetSitePos(_goal, Target);
    }

    private protected override void WriteObjects(Span<double> slots)
    {
        Handle(slots);
        if (!_close)
        {
            Simulation.Xquat.Slice(4 * _drawer, 4).CopyTo(slots[3..7]);
        }
    }

    private protected override double Evaluate(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info) =>
        _close ? EvaluateClose(obs, action, info) : EvaluateOpen(obs, info);

    private double EvaluateOpen(ReadOnlySpan<double> obs, Span<double> info)
    {
        var gripper = obs[..3];
        var handle = obs.Slice(4, 3);
        var handleError = Norm3(handle, Target);
        var opening = Tolerance.LongTail(handleError, 0, 0.02, _maxDistance);
        double[] handleInit = [Target[0] + 0.0, Target[1] + _maxDistance, Target[2] + 0.0];
        var caging = Tolerance.LongTail(ScaledNorm(handle, gripper, GripperScale), 0, 0.01,
            ScaledNorm(handleInit, InitTcp, GripperScale));
        var reward = (caging + opening) * 5.0;
        info[0] = handleError <= 0.03 ? 1 : 0;
        info[1] = Norm3(handle, gripper) <= 0.03 ? 1 : 0;
        info[2] = obs[3] > 0 ? 1 : 0;
        info[3] = caging;
        info[4] = opening;
        info[5] = handleError;
        info[6] = reward;
        return reward;
    }

    private double EvaluateClose(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info)
    {
        Span<double> tcp = stackalloc double[3];
        TcpCenter(tcp);
        var obj = obs.Slice(4, 3);
        var targetToObj = Norm3(obj, Target);
        var inPlace = Tolerance.LongTail(targetToObj, 0, TargetRadius, Math.Abs(Norm3(ObjectInit, Target) - TargetRadius));
        const double handleReachRadius = 0.005;
        var tcpToObj = Norm3(obj, tcp);
        var reach = Tolerance.Gaussian(tcpToObj, 0, handleReachRadius, Math.Abs(Norm3(ObjectInit, InitTcp) - handleReachRadius));
        double closed = Math.Min(Math.Max(0, action[3]), 1);
        reach = Tolerance.Hamacher(reach, closed);
        var reward = Tolerance.Hamacher(reach, inPlace);
        var success = targetToObj <= TargetRadius + 0.015;
        if (success)
        {
            reward = 1.0;
        }
        reward *= 10;
        info[0] = success ? 1 : 0;
        info[1] = tcpToObj <= 0.01 ? 1 : 0;
        info[2] = 1;
        info[3] = reach;
        info[4] = inPlace;
        info[5] = targetToObj;
        info[6] = reward;
        return reward;
    }

    /// <summary>The handle: the drawer link's position plus this task's offset.</summary>
    private void Handle(Span<double> into)
    {
        var link = BodyCom(_drawer);
        for (var i = 0; i < 3; i++)
        {
            into[i] = link[i] + _handleOffset[i];
        }
    }
}
