using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.MetaWorld.Tasks;

/// <summary>
/// coffee-button-v2: press the coffee machine's button (along y). The machine is drawn on the table and the mug put
/// under its spout; the goal is 3 cm behind the button's start. Reward: button-press's front shape, with the constant
/// 3 cm as the pressed term's margin. The observed object is the button's start site, with the identity quaternion.
/// </summary>
public sealed class CoffeeButton : SawyerEnvironment
{
    private const double MaxDistance = 0.03;
    private static readonly double[] Low = [-0.1, 0.8, -0.001];
    private static readonly double[] High = [0.1, 0.9, 0.001];

    private readonly int _machine, _buttonStart;

    public CoffeeButton()
        : base("metaworld-coffee-button", "coffee-button-v2", "sawyer_coffee.xml", [0.0, 0.4, 0.2], [-0.5, 0.4, 0.05], [0.5, 1.0, 0.5])
    {
        _machine = Body("coffee_machine");
        _buttonStart = Site("buttonStart");
    }

    private protected override void ResetTaskState()
    {
        double[] init = [0, 0.9, 0.28];
        init.CopyTo(ObjectInit);
    }

    private protected override void ResetModel()
    {
        ResetHand();
        var machine = DrawRandomVector(Low, High);
        machine.CopyTo(ObjectInit, 0);
        machine.CopyTo(Simulation.BodyPos.Slice(3 * _machine, 3));
        double[] mug = [machine[0] + 0.0, machine[1] + -0.22, machine[2] + 0.0];
        SetObjectXyz(mug, qposAt: 0);
        // pos_button = obj_init_pos + (0, −0.22, 0.3), then the goal is max_dist behind it: two roundings, as numpy.
        Target[0] = machine[0] + 0.0 + 0.0;
        Target[1] = machine[1] + -0.22 + MaxDistance;
        Target[2] = machine[2] + 0.3 + 0.0;
    }

    private protected override void WriteObjects(Span<double> slots)
    {
        SiteXpos(_buttonStart).CopyTo(slots);
        slots[3] = 1;
    }

    private protected override double Evaluate(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info)
    {
        Span<double> tcp = stackalloc double[3];
        TcpCenter(tcp);
        return ButtonPress.Score(ButtonPress.Shape.Front, axis: 1, success: 0.02, MaxDistance, obs, tcp, InitTcp, Target, info);
    }
}
