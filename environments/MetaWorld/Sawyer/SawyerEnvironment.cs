using System.Security.Cryptography;
using Jat.Environments.MetaWorld.Assets;
using Jat.Environments.MuJoCo.Native;
using Jat.Environments.Random;

namespace Jat.Environments.MetaWorld.Sawyer;

/// <summary>
/// What the 50 Meta-World v2 tasks share (Farama's <c>SawyerXYZEnv</c> under JAT's wrapper): the Sawyer arm driven by a
/// mocap body through a weld, frame skip 5, the 39-float observation (hand, gripper opening, two object slots, the
/// previous frame's 18, the goal hidden as zeros), actions clipped to [−1, 1], 100 steps, never terminating, and a
/// reset that runs the task's <c>reset_model</c> twice around <c>mj_resetData</c>, drawing object and goal positions
/// from numpy's generator each time. Every reset starts from the state of a newly built environment, as the traces'.
/// </summary>
public abstract class SawyerEnvironment : IContinuousEnvironment
{
    public const int MaxEpisodeSteps = 100;
    public const int FrameSkip = 5;

    private static readonly double[] HandLowBound = [-0.525, 0.348, -0.0525];
    private static readonly double[] HandHighBound = [0.525, 1.025, 0.7];

    private readonly double[] _bodyPos;
    private readonly double[] _sitePos;
    private readonly double[] _previous = new double[18];
    private readonly double[] _info = new double[7];
    private readonly int _hand, _rightClaw, _leftClaw, _leftPad, _rightPad, _rightEnd, _leftEnd, _mocap, _leftPadGeom, _rightPadGeom;
    private NumpyGenerator? _random;
    private int _steps;

    private protected SawyerEnvironment(string task, string envId, string model, double[] handInitPos, double[] mocapLow, double[] mocapHigh)
    {
        Simulation = MjSimulation.Load(MetaWorldAssets.ModelPath(model), StandInTextures.Files);
        var eq = Simulation.EqData;
        for (var i = 0; i < Simulation.Neq; i++)
        {
            if (Simulation.EqType[i] == MjObject.WeldEquality)
            {
                double[] weld = [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1];
                weld.CopyTo(eq.Slice(i * MjLayout.EqDataSize, MjLayout.EqDataSize));
            }
        }
        Simulation.Forward();
        _bodyPos = Simulation.BodyPos.ToArray();
        _sitePos = Simulation.SitePos.ToArray();
        HandInitPos = handInitPos;
        MocapLow = mocapLow;
        MocapHigh = mocapHigh;
        _hand = Body("hand");
        _rightClaw = Body("rightclaw");
        _leftClaw = Body("leftclaw");
        _leftPad = Body("leftpad");
        _rightPad = Body("rightpad");
        _rightEnd = Simulation.RequiredId(MjObject.Site, "rightEndEffector");
        _leftEnd = Simulation.RequiredId(MjObject.Site, "leftEndEffector");
        _mocap = Simulation.BodyMocapId[Body("mocap")];
        _leftPadGeom = Geom("leftpad_geom");
        _rightPadGeom = Geom("rightpad_geom");
        var layout = new ObservationLayout(39);
        Spec = new EnvironmentSpec(task, envId, layout, new ContinuousActions([-1.0, -1, -1, -1], [1.0, 1, 1, 1]), MaxEpisodeSteps);
        Observation = new Observation(layout);
    }

    /// <summary>The names of the numeric <c>info</c> entries, in the order of <see cref="InfoValues"/>.</summary>
    public static IReadOnlyList<string> InfoNames { get; } =
        ["success", "near_object", "grasp_success", "grasp_reward", "in_place_reward", "obj_to_target", "unscaled_reward"];

    public EnvironmentSpec Spec { get; }

    public Observation Observation { get; }

    public ReadOnlySpan<double> InfoValues => _info;

    internal MjSimulation Simulation { get; }

    /// <summary>Every vector the last reset drew, in order (the traces' <c>rand_draws</c>, flattened).</summary>
    internal List<double[]> Draws { get; } = [];

    private protected double[] HandInitPos { get; }
    private protected double[] MocapLow { get; }
    private protected double[] MocapHigh { get; }

    /// <summary><c>_target_pos</c>: the goal the reward measures against.</summary>
    private protected double[] Target { get; } = new double[3];

    /// <summary><c>obj_init_pos</c>: where the reset put the task's object.</summary>
    private protected double[] ObjectInit { get; } = new double[3];

    /// <summary><c>init_tcp</c>: the gripper's centre after the hand reset.</summary>
    private protected double[] InitTcp { get; } = new double[3];

    public void Reset(ulong? seed = null)
    {
        if (seed is { } value)
        {
            _random = new NumpyGenerator(value);
        }
        else
        {
            _random ??= new NumpyGenerator(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 1);
        }
        // A newly built environment: the model rows a previous reset moved, the data as compiled and forwarded.
        _bodyPos.CopyTo(Simulation.BodyPos);
        _sitePos.CopyTo(Simulation.SitePos);
        Simulation.ResetData();
        Simulation.Forward();
        ResetTaskState();
        Draws.Clear();
        _steps = 0;
        ResetModel();
        Simulation.ResetData();
        ResetModel();
        var obs = Observation.Continuous;
        Array.Clear(obs);
        CurrentFrame(obs.AsSpan(0, 18));
        obs.AsSpan(0, 18).CopyTo(obs.AsSpan(18, 18));
        obs.AsSpan(0, 18).CopyTo(_previous);
        Array.Clear(_info);
    }

    public Transition Step(ReadOnlySpan<float> action)
    {
        if (_random is null)
        {
            throw new InvalidOperationException($"{Spec.EnvId}: call Reset before Step.");
        }
        if (action.Length != 4)
        {
            throw new ArgumentException($"{Spec.EnvId} takes actions of 4 numbers, not {action.Length}.", nameof(action));
        }
        Span<float> clipped = stackalloc float[4];
        for (var i = 0; i < 4; i++)
        {
            if (!float.IsFinite(action[i]))
            {
                throw new ArgumentException($"{Spec.EnvId}: action[{i}] is {action[i]}; actions must be finite numbers.", nameof(action));
            }
            clipped[i] = Math.Clamp(action[i], -1f, 1f);
        }
        var mocapPos = Simulation.MocapPos.Slice(3 * _mocap, 3);
        for (var i = 0; i < 3; i++)
        {
            // numpy: a float32 array times a Python float stays float32, then widens when added to the float64 pose.
            var delta = clipped[i] * 0.01f;
            mocapPos[i] = Math.Clamp(mocapPos[i] + delta, MocapLow[i], MocapHigh[i]);
        }
        WriteMocapQuat();
        Simulate(clipped[3], -clipped[3]);
        _steps++;
        Simulation.Forward();
        var obs = Observation.Continuous;
        CurrentFrame(obs.AsSpan(0, 18));
        _previous.CopyTo(obs.AsSpan(18, 18));
        obs.AsSpan(0, 18).CopyTo(_previous);
        obs.AsSpan(36, 3).Clear();
        for (var frame = 0; frame < 2; frame++)
        {
            for (var i = 0; i < 3; i++)
            {
                obs[(18 * frame) + i] = Math.Clamp(obs[(18 * frame) + i], HandLowBound[i], HandHighBound[i]);
            }
            obs[(18 * frame) + 3] = Math.Clamp(obs[(18 * frame) + 3], -1.0, 1.0);
        }
        var reward = Evaluate(obs, clipped, _info);
        return new Transition(reward, false, _steps >= MaxEpisodeSteps);
    }

    /// <summary>
    /// Puts a recorded post-reset state in place as the traces README prescribes (the task state stays that of the
    /// last reset): fresh data, the state, a forward pass, then the positions, mocap quaternion and warm start again.
    /// </summary>
    internal void RestoreState(double[] qpos, double[] qvel, double[] mocapPos, double[] mocapQuat, double[] ctrl, double time,
        double[] warmstart, ReadOnlySpan<double> obs0)
    {
        Simulation.ResetData();
        qpos.CopyTo(Simulation.Qpos);
        qvel.CopyTo(Simulation.Qvel);
        mocapPos.CopyTo(Simulation.MocapPos);
        mocapQuat.CopyTo(Simulation.MocapQuat);
        ctrl.CopyTo(Simulation.Ctrl);
        Simulation.SetTime(time);
        Simulation.Forward();
        qpos.CopyTo(Simulation.Qpos);
        mocapQuat.CopyTo(Simulation.MocapQuat);
        warmstart.CopyTo(Simulation.QaccWarmstart);
        obs0[..18].CopyTo(_previous);
        obs0.CopyTo(Observation.Continuous);
        _steps = 0;
    }

    public void Dispose()
    {
        Simulation.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The task's <c>reset_model</c>.</summary>
    private protected abstract void ResetModel();

    /// <summary>The task's attributes as its constructor leaves them.</summary>
    private protected abstract void ResetTaskState();

    /// <summary>The task's two object slots (position, quaternion each), 14 numbers, zero where unused.</summary>
    private protected abstract void WriteObjects(Span<double> slots);

    /// <summary>The task's <c>evaluate_state</c>: the reward, and the seven info entries.</summary>
    private protected abstract double Evaluate(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info);

    private protected int Body(string name) => Simulation.RequiredId(MjObject.Body, name);

    private protected int Site(string name) => Simulation.RequiredId(MjObject.Site, name);

    private protected int Geom(string name) => Simulation.RequiredId(MjObject.Geom, name);

    private protected int Joint(string name) => Simulation.RequiredId(MjObject.Joint, name);

    private protected ReadOnlySpan<double> BodyCom(int body) => Simulation.Xpos.Slice(3 * body, 3);

    /// <summary>The centre of the two fingers' end-effector sites.</summary>
    private protected void TcpCenter(Span<double> into)
    {
        var right = Simulation.SitePosition(_rightEnd);
        var left = Simulation.SitePosition(_leftEnd);
        for (var i = 0; i < 3; i++)
        {
            into[i] = (right[i] + left[i]) / 2.0;
        }
    }

    /// <summary><c>np_random.uniform(low, high)</c> per element, recorded in <see cref="Draws"/>.</summary>
    private protected double[] DrawRandomVector(ReadOnlySpan<double> low, ReadOnlySpan<double> high)
    {
        var random = _random ?? throw new InvalidOperationException("Reset the environment first.");
        var vector = new double[low.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = random.Uniform(low[i], high[i]);
        }
        Draws.Add(vector);
        return vector;
    }

    /// <summary>
    /// The object-and-goal draw of the tasks with a rejection loop: draw again while the object (<c>v[0:2]</c>) and the
    /// goal (<c>v[3:5]</c>) are closer than <paramref name="minimum"/> in the table's plane.
    /// </summary>
    private protected double[] DrawApart(ReadOnlySpan<double> low, ReadOnlySpan<double> high, double minimum)
    {
        double[] vector;
        do
        {
            vector = DrawRandomVector(low, high);
        }
        while (Norm2(vector[0] - vector[3], vector[1] - vector[4]) < minimum);
        return vector;
    }

    /// <summary>An object slot from a body's position and its <c>xquat</c> (w, x, y, z).</summary>
    private protected void BodySlot(int body, Span<double> slot)
    {
        BodyCom(body).CopyTo(slot);
        Simulation.Xquat.Slice(4 * body, 4).CopyTo(slot[3..7]);
    }

    /// <summary>An object slot from a body's position and its geom's orientation as scipy gives it (x, y, z, w).</summary>
    private protected void BodyGeomSlot(int body, int geom, Span<double> slot)
    {
        BodyCom(body).CopyTo(slot);
        GeomQuaternion(geom, slot[3..7]);
    }

    private protected ReadOnlySpan<double> SiteXpos(int site) => Simulation.SitePosition(site);

    /// <summary><c>_reset_hand</c>: 50 × (mocap to the start pose, gripper open, 5 physics steps); then <c>init_tcp</c>.</summary>
    private protected void ResetHand(int steps = 50)
    {
        for (var step = 0; step < steps; step++)
        {
            HandInitPos.CopyTo(Simulation.MocapPos.Slice(3 * _mocap, 3));
            WriteMocapQuat();
            Simulate(-1, 1);
        }
        TcpCenter(InitTcp);
    }

    /// <summary>
    /// <c>_set_obj_xyz</c>: the object's free joint at <c>qpos[9:12]</c>, <c>qvel[9:15]</c> zero, a forward pass. The
    /// coffee tasks write <paramref name="qposAt"/> 0 (their mug's joint comes first) but still clear <c>qvel[9:15]</c>.
    /// </summary>
    private protected void SetObjectXyz(ReadOnlySpan<double> position, int qposAt = 9)
    {
        position.CopyTo(Simulation.Qpos.Slice(qposAt, 3));
        Simulation.Qvel.Slice(9, 6).Clear();
        Simulation.Forward();
    }

    /// <summary>
    /// The <c>_set_obj_xyz</c> of a task whose object hangs on one joint (a door, a drawer, a window…): the joint's
    /// position, its velocity zero, a forward pass.
    /// </summary>
    private protected void SetJointPosition(int joint, double position)
    {
        Simulation.Qpos[Simulation.JointQposAddress[joint]] = position;
        Simulation.Qvel[Simulation.JointDofAddress[joint]] = 0;
        Simulation.Forward();
    }

    private protected double JointPosition(int joint) => Simulation.Qpos[Simulation.JointQposAddress[joint]];

    /// <summary>An object slot from a geom's position and its orientation as scipy gives it (x, y, z, w).</summary>
    private protected void GeomSlot(int geom, Span<double> slot)
    {
        Simulation.GeomXpos.Slice(3 * geom, 3).CopyTo(slot);
        GeomQuaternion(geom, slot[3..7]);
    }

    private protected void SetSitePos(int site, ReadOnlySpan<double> position) => position.CopyTo(Simulation.SitePos.Slice(3 * site, 3));

    /// <summary>scipy's <c>Rotation.from_matrix(m).as_quat()</c> (x, y, z, w) of a geom's orientation.</summary>
    private protected void GeomQuaternion(int geom, Span<double> into) =>
        Rotations.QuaternionOf(Simulation.GeomXmat.Slice(9 * geom, 9), into);

    /// <summary>
    /// <c>touching_object</c>: both pads push on the geom, each pad's force summed over its contacts with it (the first
    /// constraint row of each contact, as Meta-World reads <c>efc_force[contact.efc_address]</c>).
    /// </summary>
    private protected bool TouchingObject(int geom)
    {
        double left = 0, right = 0;
        for (var i = 0; i < Simulation.ContactCount; i++)
        {
            var (geom1, geom2, row) = Simulation.Contact(i);
            if (geom1 != geom && geom2 != geom)
            {
                continue;
            }
            if (geom1 == _leftPadGeom || geom2 == _leftPadGeom)
            {
                left += Simulation.EfcForce(row);
            }
            if (geom1 == _rightPadGeom || geom2 == _rightPadGeom)
            {
                right += Simulation.EfcForce(row);
            }
        }
        return 0 < left && 0 < right;
    }

    /// <summary>
    /// <c>_gripper_caging_reward</c> of the base class: the pads either side of the object along y (margins from the
    /// object's start), the gripper over it in x–z, and the gripper closing once caged; high density averages with the
    /// caging alone, medium density with a reach term.
    /// </summary>
    private protected double GripperCaging(ReadOnlySpan<float> action, ReadOnlySpan<double> obj, ReadOnlySpan<double> objectInit,
        double objRadius, double padThreshold, double reachRadius, double xzThreshold, double effort = 1.0,
        bool highDensity = false, bool mediumDensity = false)
    {
        double leftY = LeftPad[1], rightY = RightPad[1];
        var leftMargin = Math.Abs(Math.Abs(leftY - objectInit[1]) - padThreshold);
        var rightMargin = Math.Abs(Math.Abs(rightY - objectInit[1]) - padThreshold);
        var left = Tolerance.LongTail(Math.Abs(leftY - obj[1]), objRadius, padThreshold, leftMargin);
        var right = Tolerance.LongTail(Math.Abs(rightY - obj[1]), objRadius, padThreshold, rightMargin);
        var cagingY = Tolerance.Hamacher(left, right);
        Span<double> tcp = stackalloc double[3];
        TcpCenter(tcp);
        var xzMargin = Norm2(objectInit[0] - InitTcp[0], objectInit[2] - InitTcp[2]) - xzThreshold;
        var cagingXz = Tolerance.LongTail(Norm2(tcp[0] - obj[0], tcp[2] - obj[2]), 0, xzThreshold, xzMargin);
        double closed = Math.Min(Math.Max(0, (double)action[3]), effort) / effort;
        var caging = Tolerance.Hamacher(cagingY, cagingXz);
        var gripping = caging > 0.97 ? closed : 0.0;
        var result = Tolerance.Hamacher(caging, gripping);
        if (highDensity)
        {
            result = (result + caging) / 2;
        }
        if (mediumDensity)
        {
            var tcpToObj = Norm3(obj, tcp);
            var tcpToObjInit = Norm3(objectInit, InitTcp);
            var reach = Tolerance.LongTail(tcpToObj, 0, reachRadius, Math.Abs(tcpToObjInit - reachRadius));
            result = (result + reach) / 2;
        }
        return result;
    }

    /// <summary>The left and right pads' bodies (Meta-World's <c>init_left_pad</c>/<c>init_right_pad</c> alias them: live).</summary>
    private protected ReadOnlySpan<double> LeftPad => BodyCom(_leftPad);

    private protected ReadOnlySpan<double> RightPad => BodyCom(_rightPad);

    private protected static double Norm3(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double x = a[0] - b[0], y = a[1] - b[1], z = a[2] - b[2];
        return Math.Sqrt((x * x) + (y * y) + (z * z));
    }

    /// <summary>‖(a − b) ⊙ scale‖: a distance with some axes weighted, as the rewards scale their difference vectors.</summary>
    private protected static double ScaledNorm(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> scale)
    {
        double x = (a[0] - b[0]) * scale[0], y = (a[1] - b[1]) * scale[1], z = (a[2] - b[2]) * scale[2];
        return Math.Sqrt((x * x) + (y * y) + (z * z));
    }

    private protected static double Norm2(double x, double y) => Math.Sqrt((x * x) + (y * y));

    private void CurrentFrame(Span<double> frame)
    {
        BodyCom(_hand).CopyTo(frame);
        var right = BodyCom(_rightClaw);
        var left = BodyCom(_leftClaw);
        frame[3] = Math.Clamp(Norm3(right, left) / 0.1, 0.0, 1.0);
        frame[4..].Clear();
        WriteObjects(frame[4..]);
    }

    private void WriteMocapQuat()
    {
        var quat = Simulation.MocapQuat.Slice(4 * _mocap, 4);
        quat[0] = 1;
        quat[1] = 0;
        quat[2] = 1;
        quat[3] = 0;
    }

    private void Simulate(double right, double left)
    {
        var ctrl = Simulation.Ctrl;
        ctrl[0] = right;
        ctrl[1] = left;
        for (var i = 0; i < FrameSkip; i++)
        {
            Simulation.Step();
        }
        Simulation.RnePostConstraint();
    }
}
