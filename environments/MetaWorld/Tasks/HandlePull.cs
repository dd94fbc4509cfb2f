using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.MetaWorld.Tasks;

/// <summary>
/// handle-pull-v2 and handle-pull-side-v2: grasp a handle that starts pressed down and pull it up to the box's
/// <c>goalPull</c> site. Reward: the Hamacher product of the base caging term (high density) and the handle's closeness
/// to the goal (its height in front; the whole distance at the side), plus 1 + 5 · in-place when the open gripper is
/// at the lifted handle; 10 within 5 cm. The front variant compares the handle's y with the start's height (as
/// Meta-World does), and its observed handle is the right end, the side variant's the centre.
/// </summary>
public sealed class HandlePull : SawyerEnvironment
{
    private const double TargetRadius = 0.05;

    private readonly bool _side;
    private readonly double[] _low, _high, _initialObject;
    private readonly int _box, _handle, _goal;

    private HandlePull(string name, string model, bool side, double[] low, double[] high, double[] initialObject, string handle)
        : base($"metaworld-{name}", $"{name}-v2", model, [0, 0.6, 0.2], [-0.5, 0.40, 0.05], [0.5, 1.0, 0.5])
    {
        _side = side;
        _low = low;
        _high = high;
        _initialObject = initialObject;
        _box = Body("box");
        _handle = Site(handle);
        _goal = Site("goalPull");
    }

    public static HandlePull Front() => new("handle-pull", "sawyer_handle_press.xml", side: false, [-0.1, 0.8, -0.001], [0.1, 0.9, 0.001],
        [0, 0.9, 0.0], "handleRight");

    public static HandlePull Side() => new("handle-pull-side", "sawyer_handle_press_sideways.xml", side: true, [-0.35, 0.65, 0.0], [-0.25, 0.75, 0.0],
        [-0.3, 0.7, 0.0], "handleCenter");

    private protected override void ResetTaskState() => _initialObject.CopyTo(ObjectInit, 0);

    private protected override void ResetModel()
    {
        ResetHand();
        var box = DrawRandomVector(_low, _high);
        box.CopyTo(ObjectInit, 0);
        box.CopyTo(Simulation.BodyPos.Slice(3 * _box, 3));
        // Pressed down 10 cm: qpos[9] is the handle's slide.
        Simulation.Qpos[9] = -0.1;
        Simulation.Qvel[9] = 0;
        Simulation.Forward();
        SiteXpos(_goal).CopyTo(Target);
        if (_side)
        {
            SiteXpos(_handle).CopyTo(ObjectInit);
        }
    }

    private protected override void WriteObjects(Span<double> slots) => SiteXpos(_handle).CopyTo(slots);

    private protected override double Evaluate(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info)
    {
        var obj = obs.Slice(4, 3);
        double targetToObj, targetToObjInit;
        if (_side)
        {
            targetToObj = Norm3(obj, Target);
            targetToObjInit = Norm3(ObjectInit, Target);
        }
        else
        {
            targetToObj = Math.Abs(Target[2] - obj[2]);
            targetToObjInit = Math.Abs(Target[2] - ObjectInit[2]);
        }
        var inPlace = Tolerance.LongTail(targetToObj, 0, TargetRadius, targetToObjInit);
        var grasped = _side
            ? GripperCaging(action, obj, ObjectInit, objRadius: 0.032, padThreshold: 0.06, reachRadius: 0.01, xzThreshold: 0.01, highDensity: true)
            : GripperCaging(action, obj, ObjectInit, objRadius: 0.022, padThreshold: 0.05, reachRadius: 0.01, xzThreshold: 0.01, highDensity: true);
        var reward = Tolerance.Hamacher(grasped, inPlace);
        var tcpOpened = obs[3];
        Span<double> tcp = stackalloc double[3];
        TcpCenter(tcp);
        var tcpToObj = Norm3(obj, tcp);
        var lifted = (_side ? obj[2] : obj[1]) - 0.01 > ObjectInit[2];
        if (tcpToObj < 0.035 && tcpOpened > 0 && lifted)
        {
            reward += 1.0 + (5.0 * inPlace);
        }
        if (targetToObj < TargetRadius)
        {
            reward = 10.0;
        }
        info[0] = targetToObj <= (_side ? 0.08 : TargetRadius) ? 1 : 0;
        info[1] = tcpToObj <= 0.05 ? 1 : 0;
        info[2] = tcpOpened > 0 && obj[2] - 0.03 > ObjectInit[2] ? 1 : 0;
        info[3] = grasped;
        info[4] = inPlace;
        info[5] = targetToObj;
        info[6] = reward;
        return reward;
    }
}
