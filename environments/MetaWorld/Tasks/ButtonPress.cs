using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.MetaWorld.Tasks;

/// <summary>
/// button-press-v2, button-press-wall-v2 (a button on the wall in front, pushed along y) and
/// button-press-topdown-v2, button-press-topdown-wall-v2 (a button on the table, pushed down along z): the box is
/// drawn on the table, the button's goal is the box's <c>hole</c> site. The reward brings the gripper to the button
/// (closed in front, open from the top; the wall variant opens it until near) and then scores how far the button
/// went in, with the distance from its start to the hole as margin.
/// </summary>
public sealed class ButtonPress : SawyerEnvironment
{
    private static readonly double[] MocapLowBound = [-0.5, 0.40, 0.05];
    private static readonly double[] MocapHighBound = [0.5, 1, 0.5];

    private readonly double[] _low, _high, _offset;
    private readonly Shape _shape;
    private readonly double _success;
    private readonly int _axis, _box, _button, _hole, _buttonStart;
    private double _objToTargetInit;

    private ButtonPress(string name, string model, double[] low, double[] high, Shape shape, double success)
        : base($"metaworld-{name}", $"{name}-v2", model, [0, 0.4f, 0.2f], MocapLowBound, MocapHighBound)
    {
        _low = low;
        _high = high;
        _shape = shape;
        _success = success;
        _axis = shape == Shape.FromAbove ? 2 : 1;
        _offset = shape == Shape.FromAbove ? [0.0, 0.0, 0.193] : [0.0, -0.193, 0.0];
        _box = Body("box");
        _button = Body("button");
        _hole = Site("hole");
        _buttonStart = Site("buttonStart");
    }

    /// <summary>How the reward brings the gripper to the button.</summary>
    internal enum Shape
    {
        /// <summary>2 · (gripper closed ⊗ near, within 5 cm) + 8 · pressed once within 5 cm.</summary>
        Front,

        /// <summary>2 · (gripper open ⊗ near, within 1 cm) while farther than 7 cm; then 2 + 2 · (1 + opening) + 4 · pressed².</summary>
        FrontBehindWall,

        /// <summary>5 · (gripper open ⊗ near, within 1 cm) + 5 · pressed once within 3 cm.</summary>
        FromAbove,
    }

    public static ButtonPress Front() => new("button-press", "sawyer_button_press.xml",
        [-0.1, 0.85, 0.115], [0.1, 0.9, 0.115], Shape.Front, success: 0.02);

    public static ButtonPress Wall() => new("button-press-wall", "sawyer_button_press_wall.xml",
        [-0.05, 0.85, 0.1149], [0.05, 0.9, 0.1151], Shape.FrontBehindWall, success: 0.03);

    public static ButtonPress Topdown() => new("button-press-topdown", "sawyer_button_press_topdown.xml",
        [-0.1, 0.8, 0.115], [0.1, 0.9, 0.115], Shape.FromAbove, success: 0.024);

    public static ButtonPress TopdownWall() => new("button-press-topdown-wall", "sawyer_button_press_topdown_wall.xml",
        [-0.1, 0.8, 0.115], [0.1, 0.9, 0.115], Shape.FromAbove, success: 0.024);

    private protected override void ResetTaskState() => _objToTargetInit = 0;

    private protected override void ResetModel()
    {
        ResetHand();
        var box = DrawRandomVector(_low, _high);
        box.CopyTo(ObjectInit, 0);
        box.CopyTo(Simulation.BodyPos.Slice(3 * _box, 3));
        if (_shape != Shape.FromAbove)
        {
            // _set_obj_xyz(0): the button's slide joint back to its rest, through set_state's forward pass.
            Simulation.Qpos[9] = 0;
            Simulation.Qvel[9] = 0;
        }
        Simulation.Forward();
        SiteXpos(_hole).CopyTo(Target);
        _objToTargetInit = Math.Abs(Target[_axis] - SiteXpos(_buttonStart)[_axis]);
    }

    private protected override void WriteObjects(Span<double> slots)
    {
        BodySlot(_button, slots);
        for (var i = 0; i < 3; i++)
        {
            slots[i] += _offset[i];
        }
    }

    private protected override double Evaluate(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info)
    {
        Span<double> tcp = stackalloc double[3];
        TcpCenter(tcp);
        return Score(_shape, _axis, _success, _objToTargetInit, obs, tcp, InitTcp, Target, info);
    }

    /// <summary>
    /// The button reward of <paramref name="shape"/>, pressing along <paramref name="axis"/> with
    /// <paramref name="pressMargin"/> as the pressed term's margin (coffee-button's is its constant <c>max_dist</c>).
    /// </summary>
    internal static double Score(Shape shape, int axis, double success, double pressMargin, ReadOnlySpan<double> obs,
        ReadOnlySpan<double> tcp, ReadOnlySpan<double> initTcp, ReadOnlySpan<double> target, Span<double> info)
    {
        var obj = obs.Slice(4, 3);
        var tcpToObj = Norm3(obj, tcp);
        var tcpToObjInit = Norm3(obj, initTcp);
        var objToTarget = Math.Abs(target[axis] - obj[axis]);
        var near = Tolerance.LongTail(tcpToObj, 0, shape == Shape.Front ? 0.05 : 0.01, tcpToObjInit);
        var pressed = Tolerance.LongTail(objToTarget, 0, 0.005, pressMargin);
        double reward;
        switch (shape)
        {
            case Shape.Front:
                reward = 2 * Tolerance.Hamacher(Math.Max(obs[3], 0.0), near);
                if (tcpToObj <= 0.05)
                {
                    reward += 8 * pressed;
                }
                break;
            case Shape.FrontBehindWall:
                if (tcpToObj > 0.07)
                {
                    reward = 2 * Tolerance.Hamacher((1 - obs[3]) / 2.0, near);
                }
                else
                {
                    reward = 2;
                    reward += 2 * (1 + obs[3]);
                    reward += 4 * (pressed * pressed);
                }
                break;
            default:
                reward = 5 * Tolerance.Hamacher(1 - obs[3], near);
                if (tcpToObj <= 0.03)
                {
                    reward += 5 * pressed;
                }
                break;
        }
        info[0] = objToTarget <= success ? 1 : 0;
        info[1] = tcpToObj <= 0.05 ? 1 : 0;
        info[2] = obs[3] > 0 ? 1 : 0;
        info[3] = near;
        info[4] = pressed;
        info[5] = objToTarget;
        info[6] = reward;
        return reward;
    }
}
