using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.MetaWorld.Tasks;

/// <summary>
/// handle-press-v2 and handle-press-side-v2: press a handle down (facing the arm, or sideways at the table's left) to
/// the box's <c>goalPress</c> site. The observed object is the handle's start site; no quaternion. Reward: 10 · (the
/// gripper at the handle ⊗ the handle's height closeness to the goal), 10 once within 2 cm in height.
/// </summary>
public sealed class HandlePress : SawyerEnvironment
{
    private const double TargetRadius = 0.02;
    private const double HandleRadius = 0.02;

    private readonly double[] _low, _high, _initialObject;
    private readonly double[] _handleInit = new double[3];
    private readonly int _box, _handle, _goal;

    private HandlePress(string name, string model, double[] low, double[] high, double[] initialObject)
        : base($"metaworld-{name}", $"{name}-v2", model, [0, 0.6, 0.2], [-0.5, 0.40, 0.05], [0.5, 1.0, 0.5])
    {
        _low = low;
        _high = high;
        _initialObject = initialObject;
        _box = Body("box");
        _handle = Site("handleStart");
        _goal = Site("goalPress");
    }

    public static HandlePress Front() => new("handle-press", "sawyer_handle_press.xml", [-0.1, 0.8, -0.001], [0.1, 0.9, 0.001], [0, 0.9, 0.0]);

    public static HandlePress Side() => new("handle-press-side", "sawyer_handle_press_sideways.xml", [-0.35, 0.65, -0.001], [-0.25, 0.75, 0.001],
        [-0.3, 0.7, 0.0]);

    private protected override void ResetTaskState()
    {
        _initialObject.CopyTo(ObjectInit, 0);
        Array.Clear(_handleInit);
    }

    private protected override void ResetModel()
    {
        ResetHand();
        var box = DrawRandomVector(_low, _high);
        box.CopyTo(ObjectInit, 0);
        box.CopyTo(Simulation.BodyPos.Slice(3 * _box, 3));
        // The handle starts a millimetre down: qpos[9] is its slide.
        Simulation.Qpos[9] = -0.001;
        Simulation.Qvel[9] = 0;
        Simulation.Forward();
        SiteXpos(_goal).CopyTo(Target);
        SiteXpos(_handle).CopyTo(_handleInit);
    }

    private protected override void WriteObjects(Span<double> slots) => SiteXpos(_handle).CopyTo(slots);

    private protected override double Evaluate(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info)
    {
        var obj = SiteXpos(_handle);
        Span<double> tcp = stackalloc double[3];
        TcpCenter(tcp);
        var targetToObj = Math.Sqrt((obj[2] - Target[2]) * (obj[2] - Target[2]));
        var targetToObjInit = Math.Sqrt((_handleInit[2] - Target[2]) * (_handleInit[2] - Target[2]));
        var inPlace = Tolerance.LongTail(targetToObj, 0, TargetRadius, Math.Abs(targetToObjInit - TargetRadius));
        var tcpToObj = Norm3(obj, tcp);
        var reach = Tolerance.LongTail(tcpToObj, 0, HandleRadius, Math.Abs(Norm3(_handleInit, InitTcp) - HandleRadius));
        var reward = targetToObj <= TargetRadius ? 1.0 : Tolerance.Hamacher(reach, inPlace);
        reward *= 10;
        info[0] = targetToObj <= TargetRadius ? 1 : 0;
        info[1] = tcpToObj <= 0.05 ? 1 : 0;
        info[2] = 1;
        info[3] = reach;
        info[4] = inPlace;
        info[5] = targetToObj;
        info[6] = reward;
        return reward;
    }
}
