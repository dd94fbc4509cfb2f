using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.MetaWorld.Tasks;

/// <summary>
/// window-open-v2 and window-close-v2: slide a window 20 cm along x by its handle (the observed object, a site on the
/// handle; no quaternion). The frame is drawn on the table; the reward is 10 · (the hand at the handle ⊗ the handle's
/// x closeness to the goal), the hand term long-tailed when opening and Gaussian when closing. The handle's start is
/// read before any forward pass after the frame moved, so it is where the previous frame stood, as in Meta-World.
/// </summary>
public sealed class Window : SawyerEnvironment
{
    private const double TargetRadius = 0.05;
    private const double HandleRadius = 0.02;

    private readonly bool _close;
    private readonly double[] _low, _high;
    private readonly int _frame, _slide, _handle, _goal;
    private readonly double[] _handleInit = new double[3];

    private Window(string name, bool close, double[] low, double[] high, string handle)
        : base($"metaworld-{name}", $"{name}-v2", "sawyer_window_horizontal.xml", [0, 0.4f, 0.2f], [-0.5, 0.40, 0.05], [0.5, 1, 0.5])
    {
        _close = close;
        _low = low;
        _high = high;
        _frame = Body("window");
        _slide = Joint("window_slide");
        _handle = Site(handle);
        _goal = Site("goal");
    }

    public static Window Open() => new("window-open", close: false, [-0.1, 0.7, 0.16], [0.1, 0.9, 0.16], "handleOpenStart");

    public static Window Close() => new("window-close", close: true, [0.0, 0.75, 0.2], [0.0, 0.9, 0.2], "handleCloseStart");

    private protected override void ResetTaskState()
    {
        double[] init = [_close ? 0.1f : -0.1f, 0.785f, 0.16f];
        init.CopyTo(ObjectInit);
        Array.Clear(_handleInit);
    }

    private protected override void ResetModel()
    {
        ResetHand();
        var frame = DrawRandomVector(_low, _high);
        frame.CopyTo(ObjectInit, 0);
        // Opening moves the handle 20 cm along x from the frame's place; closing brings it back there.
        var travel = _close ? 0.0 : 0.2;
        Target[0] = frame[0] + travel;
        Target[1] = frame[1] + 0.0;
        Target[2] = frame[2] + 0.0;
        frame.CopyTo(Simulation.BodyPos.Slice(3 * _frame, 3));
        var handle = SiteXpos(_handle);
        var handleTravel = _close ? 0.2 : 0.0;
        _handleInit[0] = handle[0] + handleTravel;
        _handleInit[1] = handle[1] + 0.0;
        _handleInit[2] = handle[2] + 0.0;
        if (!_close)
        {
            // window-open copies the site's position without adding an offset.
            handle.CopyTo(_handleInit);
        }
        Simulation.Qpos[Simulation.JointQposAddress[_slide]] = _close ? 0.2 : 0.0;
        SetSitePos(_goal, Target);
    }

    private protected override void WriteObjects(Span<double> slots) => SiteXpos(_handle).CopyTo(slots);

    private protected override double Evaluate(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info)
    {
        var obj = SiteXpos(_handle);
        Span<double> tcp = stackalloc double[3];
        TcpCenter(tcp);
        var targetToObj = Magnitude(obj[0] - Target[0]);
        var targetToObjInit = Magnitude((_close ? _handleInit[0] : ObjectInit[0]) - Target[0]);
        var inPlace = Tolerance.LongTail(targetToObj, 0, TargetRadius, Math.Abs(targetToObjInit - TargetRadius));
        var tcpToObj = Norm3(obj, tcp);
        var reachMargin = Math.Abs(Norm3(_handleInit, InitTcp) - HandleRadius);
        var reach = _close
            ? Tolerance.Gaussian(tcpToObj, 0, HandleRadius, reachMargin)
            : Tolerance.LongTail(tcpToObj, 0, HandleRadius, reachMargin);
        var reward = 10 * Tolerance.Hamacher(reach, inPlace);
        info[0] = targetToObj <= TargetRadius ? 1 : 0;
        info[1] = tcpToObj <= 0.05 ? 1 : 0;
        info[2] = 1;
        info[3] = reach;
        info[4] = inPlace;
        info[5] = targetToObj;
        info[6] = reward;
        return reward;
    }

    /// <summary><c>np.linalg.norm</c> of one number: the square root of its square.</summary>
    private static double Magnitude(double x) => Math.Sqrt(x * x);
}
