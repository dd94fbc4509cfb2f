using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.MetaWorld.Tasks;

/// <summary>
/// door-open-v2 (swing a closed door open by its handle) and door-close-v2 (push an open door shut); the door is drawn
/// on the table, the goal is a fixed offset from it, and the observed object is the handle's geom. Open: 2 · (hand
/// above a log-shaped floor and between handle and door ⊗ grip effort) + 8 · how far the hinge turned; 10 once the
/// handle is within 8 cm of the goal in x. Close: Gaussian closeness of the hand (3 ·) and of the handle (6 ·) to the
/// goal; 10 within 5 cm.
/// </summary>
public sealed class Door : SawyerEnvironment
{
    private static readonly double[] Low = [0.0, 0.85, 0.15];
    private static readonly double[] High = [0.1, 0.95, 0.15];

    private readonly bool _close;
    private readonly double[] _goalOffset;
    private readonly int _door, _hinge, _handle, _goal;

    private Door(string name, double[] handInitPos, bool close, double[] goalOffset)
        : base($"metaworld-{name}", $"{name}-v2", "sawyer_door_pull.xml", handInitPos, [-0.5, 0.40, 0.05], [0.5, 1, 0.5])
    {
        _close = close;
        _goalOffset = goalOffset;
        _door = Body("door");
        _hinge = Joint("doorjoint");
        _handle = Geom("handle");
        _goal = Site("goal");
    }

    public static Door Open() => new("door-open", [0, 0.6, 0.2], close: false, [-0.3, -0.45, 0.0]);

    /// <summary>Its hand start is Meta-World's float32 array.</summary>
    public static Door Close() => new("door-close", [-0.5, 0.6f, 0.2f], close: true, [0.2, -0.2, 0.0]);

    private protected override void ResetTaskState()
    {
        double[] init = [0.1, 0.95, 0.15];
        init.CopyTo(ObjectInit);
    }

    private protected override void ResetModel()
    {
        ResetHand();
        var door = DrawRandomVector(Low, High);
        door.CopyTo(ObjectInit, 0);
        for (var i = 0; i < 3; i++)
        {
            Target[i] = door[i] + _goalOffset[i];
        }
        door.CopyTo(Simulation.BodyPos.Slice(3 * _door, 3));
        SetSitePos(_goal, Target);
        // Open starts shut; close starts swung open (−1.5708 rad).
        SetJointPosition(_hinge, _close ? -1.5708 : 0);
    }

    private protected override void WriteObjects(Span<double> slots) => GeomSlot(_handle, slots);

    private protected override double Evaluate(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info) =>
        _close ? EvaluateClose(obs, info) : EvaluateOpen(obs, action, info);

    private double EvaluateOpen(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info)
    {
        var theta = JointPosition(_hinge);
        var grab = (Math.Clamp((double)action[3], -1, 1) + 1.0) / 2.0;
        double hx = obs[0], hy = obs[1], hz = obs[2];
        double dx = obs[4] + -0.05, dy = obs[5] + 0.0, dz = obs[6] + 0.0;
        const double threshold = 0.12;
        // A funnel around the handle keeps the hand above it until it is close, so it does not hit the handle first.
        var radius = Norm2(hx - dx, hy - dy);
        var floor = radius <= threshold ? 0.0 : (0.04 * Math.Log(radius - threshold)) + 0.4;
        var aboveFloor = hz >= floor ? 1.0 : Tolerance.LongTail(floor - hz, 0.0, 0.01, floor / 2.0);
        double[] between = [hx - dx - 0.05, hy - dy - 0.03, hz - dz - -0.01];
        var inPlace = Tolerance.LongTail(Norm3(between, [0, 0, 0]), 0, threshold / 2.0, 0.5);
        var ready = Tolerance.Hamacher(aboveFloor, inPlace);
        var doorAngle = -theta;
        var opened = (0.2 * (theta < -Math.PI / 90.0 ? 1.0 : 0.0))
            + (0.8 * Tolerance.LongTail((Math.PI / 2.0) + (Math.PI / 6) - doorAngle, 0, 0.5, Math.PI / 3.0));
        var reward = (2.0 * Tolerance.Hamacher(ready, grab)) + (8.0 * opened);
        var success = Math.Abs(obs[4] - Target[0]) <= 0.08;
        if (success)
        {
            reward = 10.0;
        }
        info[0] = success ? 1 : 0;
        info[1] = ready;
        info[2] = grab >= 0.5 ? 1 : 0;
        info[3] = grab;
        info[4] = opened;
        info[5] = 0;
        info[6] = reward;
        return reward;
    }

    private double EvaluateClose(ReadOnlySpan<double> obs, Span<double> info)
    {
        const double targetRadius = 0.05;
        Span<double> tcp = stackalloc double[3];
        TcpCenter(tcp);
        var obj = obs.Slice(4, 3);
        var tcpToTarget = Norm3(tcp, Target);
        var objToTarget = Norm3(obj, Target);
        var inPlace = Tolerance.Gaussian(objToTarget, 0, targetRadius, Norm3(ObjectInit, Target));
        var handMargin = Norm3(HandInitPos, obj) + 0.1;
        var handInPlace = Tolerance.Gaussian(tcpToTarget, 0, 0.25 * targetRadius, handMargin);
        var reward = (3 * handInPlace) + (6 * inPlace);
        if (objToTarget < targetRadius)
        {
            reward = 10;
        }
        info[0] = objToTarget <= 0.08 ? 1 : 0;
        info[1] = 0;
        info[2] = 1;
        info[3] = 1;
        info[4] = handInPlace;
        info[5] = objToTarget;
        info[6] = reward;
        return reward;
    }
}
